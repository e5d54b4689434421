import { test, expect, type Page } from '@playwright/test';
import { AKADEMI_NORR, HEADLINE, openApp, visit } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * A year's reporting round from start to lock, across three devices on the
 * production build: the admin opens the round, the reporter enters and
 * submits offline, the editor sees completeness rise and returns the value
 * with a comment, the reporter sees it, the admin locks the year, and the
 * reporter's offline edit made before she heard of the lock is refused by
 * the server, shown with what she typed until she dismisses it. The year is
 * reopened at the end (logged with its reason), as an admin would.
 */

const YEAR = 2026;
const ROUND = `/grupp/${AKADEMI_NORR}/rapportering/${YEAR}`;
const GRID = `/grupp/${AKADEMI_NORR}/registrera?ar=${YEAR}`;

async function pending(page: Page, count: number): Promise<void> {
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(count));
}

async function syncNow(page: Page): Promise<void> {
	await page.getByTestId('sync-now').click();
	await pending(page, 0);
}

test('a reporting round: submit offline, return with a comment, lock the year, refuse a late offline edit', async ({
	browser
}, testInfo) => {
	test.setTimeout(120_000);
	const [adminContext, reporterContext, editorContext] = [
		await browser.newContext(),
		await browser.newContext(),
		await browser.newContext()
	];

	// The admin opens the 2026 round; the defaults follow the latest plan.
	const admin = await openApp(adminContext, `/grupp/${AKADEMI_NORR}/rapportering`, 'admin');
	await admin.getByTestId('round-year').fill(String(YEAR));
	await admin.getByTestId('round-deadline').fill(`${YEAR + 1}-03-31`);
	await admin.getByTestId('open-round').click();
	await expect(admin).toHaveURL(new RegExp(`${ROUND}$`));
	await expect(admin.getByTestId('round-state')).toContainText('Öppen, sista dag 31 mars 2027');
	await expect(admin.getByTestId('count-submitted')).toHaveText('0');
	await expectNoSeriousAxeViolations(admin, testInfo, 'round page, admin');

	// The reporter enters Dorotea's value offline and submits it, still offline.
	const reporter = await openApp(reporterContext, GRID, 'reporter');
	await reporter.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	await expect(reporter.getByTestId('round-notice')).toContainText(`Rapporteringsomgång ${YEAR}`);
	await reporterContext.setOffline(true);
	await reporter.getByTestId('value-input').fill('15,1');
	await reporter.getByTestId('value-input').press('Tab');
	await pending(reporter, 1);
	await visit(reporter, ROUND);
	await reporter.getByTestId('submit-values').click();
	await expect(reporter.getByTestId('round-message')).toContainText(
		'1 värde för Dorotea är inskickat'
	);
	await pending(reporter, 2);
	await reporterContext.setOffline(false);
	await pending(reporter, 0);

	// The editor sees completeness rise and returns the value with a comment.
	const editor = await openApp(editorContext, ROUND, 'editor');
	await expect(editor.getByTestId('count-submitted')).toHaveText('1');
	await editor.getByTestId('only-outstanding').check();
	await expect(editor.getByTestId('matrix-row').filter({ hasText: 'Dorotea' })).toHaveCount(1);
	await editor.getByTestId('only-outstanding').uncheck();
	await editor
		.getByTestId('matrix-row')
		.filter({ hasText: 'Dorotea' })
		.locator('[data-state="submitted"]')
		.click();
	await expect(editor.getByTestId('review-panel')).toContainText('15,1');
	await expectNoSeriousAxeViolations(editor, testInfo, 'round page, reviewing');
	await editor.getByTestId('return-comment').fill('Stämmer inte med SCB:s tabell, kontrollera');
	await editor.getByTestId('return-value').click();
	await expect(editor.getByTestId('count-returned')).toHaveText('1');
	await syncNow(editor);

	// The reporter sees the comment at the value, and what is due on her start page.
	await syncNow(reporter);
	await visit(reporter, '/');
	await expect(
		reporter.getByTestId('reminder').filter({ hasText: `Dorotea: 7 av 7 värden för ${YEAR}` })
	).toContainText('1 återsänt med kommentar');
	await visit(reporter, GRID);
	await reporter.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	await expect(reporter.getByTestId('returned-comment')).toContainText(
		'Återsänt av Erik Eriksson: Stämmer inte med SCB:s tabell, kontrollera'
	);

	// She corrects it offline; meanwhile the admin approves the round and locks the year.
	await reporterContext.setOffline(true);
	await reporter.getByTestId('value-input').fill('15,3');
	await reporter.getByTestId('value-input').press('Tab');
	await pending(reporter, 1);
	await admin.reload();
	await admin.getByTestId('lock-year').click();
	await expect(admin.getByTestId('round-state')).toContainText('Godkänd och låst');

	// Back online, her edit is refused with the reason, kept visible with what she typed.
	await reporterContext.setOffline(false);
	await pending(reporter, 0);
	const rejected = reporter.getByTestId('rejected-edit');
	await expect(rejected).toContainText(`År ${YEAR} är godkänt och låst för Akademi Norr`);
	await expect(rejected.getByTestId('rejected-value')).toHaveText('15,3 %');
	await expect(reporter.getByTestId('value-input')).toHaveValue('15,1');
	await expect(reporter.getByTestId('value-input')).toBeDisabled();
	await expect(reporter.getByTestId('read-only-reason')).toContainText('kan inte ändras');
	await reporter.reload();
	await expect(reporter.getByTestId('rejected-edit')).toBeVisible();
	await reporter.getByTestId('dismiss-rejection').click();
	await expect(reporter.getByTestId('rejected-edit')).toHaveCount(0);

	// Reopening needs a reason and is logged.
	await admin.getByTestId('reopen-reason').fill('Dorotea har fått rättade siffror från SCB');
	await admin.getByTestId('reopen-year').click();
	await expect(admin.getByTestId('round-log')).toContainText(
		'Året öppnades igen av Anna Andersson: ”Dorotea har fått rättade siffror från SCB”'
	);
	await expect(admin.getByTestId('round-state')).toContainText('Öppen');

	for (const context of [adminContext, reporterContext, editorContext]) await context.close();
});

test("changing an open round starts from the round's own choices, and saving it unchanged keeps its deadline", async ({
	page
}) => {
	// The demo's open round: Akademi Norr 2025, last day 15 December 2026 (docs/reporting.md).
	await openApp(page, `/grupp/${AKADEMI_NORR}/rapportering`, 'admin');
	await page.getByTestId('round-year').fill('2025');
	await expect(page.getByTestId('round-deadline')).toHaveValue('2026-12-15');
	const chosen = async () => page.locator('form.open-form input[type=checkbox]:checked').count();
	const before = await chosen();
	await page.getByTestId('open-round').click();
	await expect(page).toHaveURL(new RegExp(`/grupp/${AKADEMI_NORR}/rapportering/2025$`));
	await expect(page.getByTestId('round-state')).toContainText('sista dag 15 december 2026');
	await visit(page, `/grupp/${AKADEMI_NORR}/rapportering`);
	await page.getByTestId('round-year').fill('2025');
	await expect(page.getByTestId('round-deadline')).toHaveValue('2026-12-15');
	expect(await chosen()).toBe(before);
});
