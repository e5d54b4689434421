import { test, expect, type Page } from '@playwright/test';
import { DEMO_USERS, grantRole, openApp, visit, waitForServiceWorker } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

// Dorotea is a member of Akademi Norr and of Kompetensmäklare i Västerbotten; Dora reports for it in both.
const STUDENTS = 'Antal antagna studenter';
const UNEMPLOYMENT = 'Arbetslöshet 20–64 år';

function row(page: Page, groupingId: string, indicatorName: string) {
	return page
		.locator(`[data-grouping="${groupingId}"]`)
		.getByTestId('entry-row')
		.filter({ has: page.getByText(indicatorName, { exact: true }) });
}

test('a reporter fills in her municipality’s form offline across two groupings, and both groupings have the values after the sync', async ({
	browser
}, testInfo) => {
	const setup = await browser.newContext();
	await grantRole(
		setup,
		DEMO_USERS.reporter,
		{ organisationId: 'kompetensmaklare', role: 'reporter', municipalityId: 'kommun-2425' },
		'akademi-norr'
	);
	await setup.close();

	const device = await browser.newContext();
	const page = await openApp(device, '/', 'reporter');
	// Other specs may give Dora more municipalities; her Dorotea form is the one this story is about.
	await page.getByTestId('my-municipality-form').filter({ hasText: 'Dorotea' }).click();
	await expect(page).toHaveURL(/\/kommun\/2425\/rapportera/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportera för Dorotea 2025');
	const sections = page.getByTestId('form-grouping');
	await expect(sections).toHaveCount(2);
	await expect(sections.nth(0)).toContainText('Akademi Norr');
	await expect(sections.nth(1)).toContainText('Kompetensmäklare');
	// Some of the year's values may already be there (the demo's example series); entering one adds one.
	await expect(sections.nth(0).getByTestId('form-progress')).toContainText(/\d+ av \d+ ifyllda/);
	const [filled, expected] = (
		(await sections.nth(0).getByTestId('form-progress').textContent())!.match(
			/(\d+) av (\d+) ifyllda/
		) ?? []
	)
		.slice(1)
		.map(Number);
	expect(filled).toBeLessThan(expected);
	await expect(row(page, 'akademi-norr', STUDENTS).getByTestId('value-input')).toHaveValue('');
	await expectNoSeriousAxeViolations(page, testInfo, 'kommunens formulär');

	// In the field, without coverage.
	await device.setOffline(true);
	await row(page, 'akademi-norr', STUDENTS).getByTestId('value-input').fill('14');
	await row(page, 'akademi-norr', STUDENTS).getByTestId('value-input').press('Enter');
	await row(page, 'kompetensmaklare', UNEMPLOYMENT).getByTestId('value-input').fill('3,1');
	await row(page, 'kompetensmaklare', UNEMPLOYMENT).getByTestId('value-input').press('Enter');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '2');
	await expect(sections.nth(0).getByTestId('form-progress')).toContainText(
		`${filled + 1} av ${expected} ifyllda`
	);
	await expect(row(page, 'akademi-norr', STUDENTS).getByTestId('review-state')).toContainText(
		'Inmatat'
	);

	// Sent in to Akademi Norr's round, still offline: her value, and any other of Dorotea's values that
	// wait in the round (earlier specs in the same server run may have entered some through the grid).
	await sections.nth(0).getByTestId('form-submit').click();
	const submitMessage = sections.nth(0).getByTestId('form-submit-message');
	await expect(submitMessage).toContainText(
		/^(1 värde är inskickat|\d+ värden är inskickade) till Akademi Norr/
	);
	const submitted = Number((await submitMessage.textContent())!.match(/^(\d+)/)![1]);
	await expect(row(page, 'akademi-norr', STUDENTS).getByTestId('review-state')).toContainText(
		'Inskickat'
	);

	// The tablet restarts, still offline: everything is there.
	await waitForServiceWorker(page);
	await visit(page, '/kommun/2425/rapportera');
	await expect(row(page, 'akademi-norr', STUDENTS).getByTestId('value-input')).toHaveValue('14');
	await expect(row(page, 'kompetensmaklare', UNEMPLOYMENT).getByTestId('value-input')).toHaveValue(
		'3,1'
	);
	// Two entered values and one sending-in per value sent.
	await expect(page.getByTestId('pending-count')).toHaveAttribute(
		'data-count',
		String(2 + submitted)
	);

	await device.setOffline(false);
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 30_000
	});

	// Each grouping has its value, on another device.
	const admin = await browser.newContext();
	const office = await openApp(
		admin,
		'/grupp/akademi-norr/registrera?ar=2025&indikator=akademi-norr-antagna-studenter'
	);
	const dorotea = office.getByTestId('entry-row').filter({ hasText: 'Dorotea' });
	await expect(dorotea.getByTestId('value-input')).toHaveValue('14');
	await expect(dorotea.getByTestId('review-state')).toContainText('Inskickat');
	await office.goto(
		'/grupp/kompetensmaklare/registrera?ar=2025&indikator=kompetensmaklare-arbetsloshet'
	);
	await expect(
		office.getByTestId('entry-row').filter({ hasText: 'Dorotea' }).getByTestId('value-input')
	).toHaveValue('3,1');

	await device.close();
	await admin.close();
});

test('an editor picks a member municipality from its page and gets its form', async ({ page }) => {
	await openApp(page, '/kommun/2421', 'editor');
	await page.getByTestId('municipality-form-link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapportera för');
	await expect(page.getByTestId('form-grouping')).toHaveCount(1);
	await page.getByTestId('municipality-select').selectOption({ label: 'Dorotea' });
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportera för Dorotea 2025');
	// In a round the reporters report in, an editor approves instead of sending in.
	await expect(page.getByTestId('form-submit')).toHaveCount(0);
});
