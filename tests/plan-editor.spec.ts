import { test, expect, type Page } from '@playwright/test';
import { openApp, visit, AKADEMI_NORR } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * The plan editor, as an admin uses it: a new grouping of its own (so no
 * other spec sees what this one writes), a plan built entirely in the UI,
 * reordered and renamed, a goal with an assessment archived and still shown
 * in its year, the plan copied forward with the old one unchanged; a draft
 * typed offline survives a reload; others are told they cannot edit.
 */

const PHONE_SMALL = { width: 360, height: 740 } as const;

/** The form titled `title` (each authoring form is labelled by its heading). */
const form = (page: Page, title: string | RegExp) => page.getByRole('form', { name: title });

async function titlesOfGoals(page: Page): Promise<string[]> {
	return page.getByTestId('editor-goal').locator(':scope > h4').allTextContents();
}

async function syncEverything(page: Page) {
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
}

test('an admin creates a grouping and builds, reorders, renames, archives and copies its plan in the UI', async ({
	context
}, testInfo) => {
	test.setTimeout(240_000);
	const page = await openApp(context, '/');
	const name = `Planprovet ${testInfo.workerIndex}-${Date.now().toString(36)}`;

	// A new, empty grouping: its creator becomes its admin and lands in its plan editor.
	await page.getByTestId('new-grouping').click();
	const grouping = form(page, 'Uppgifter om grupperingen');
	await grouping.getByLabel('Namn', { exact: true }).fill(name);
	await grouping.getByLabel('Typ').selectOption({ label: 'Projekt' });
	await grouping.getByRole('button', { name: 'Skapa grupperingen' }).click();
	await expect(page).toHaveURL(/\/grupp\/planprovet-[a-z0-9-]+\/plan$/);
	const groupingId = new URL(page.url()).pathname.split('/')[2];
	await expect(page.getByText(`${name} har ingen plan ännu`)).toBeVisible();

	// A one-year plan, like Akademi Norr's VP 2025; a wrong year is told next to its field.
	await page.getByRole('button', { name: 'Ny plan', exact: true }).click();
	const newPlan = form(page, 'Ny plan');
	await newPlan.getByLabel('Namn').fill('Verksamhetsplan 2025');
	await newPlan.getByLabel('Första år').fill('2025');
	await newPlan.getByLabel('Sista år').fill('2024');
	await newPlan.getByLabel('Vision').fill('Kompetens i hela regionen');
	await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
	await expect(newPlan.getByLabel('Sista år')).toHaveAttribute('aria-invalid', 'true');
	await expect(newPlan.getByText('Planen kan inte sluta före den börjar')).toBeVisible();
	await newPlan.getByLabel('Sista år').fill('2025');
	await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText(
		'Planen »Verksamhetsplan 2025« skapades.'
	);
	await expect(page.getByRole('heading', { level: 2, name: /Verksamhetsplan 2025/ })).toBeVisible();

	// One goal area; an empty name is refused in Swedish.
	await page.getByRole('button', { name: 'Nytt målområde' }).click();
	const area = form(page, 'Nytt målområde');
	await area.getByRole('button', { name: 'Lägg till målområdet' }).click();
	await expect(area.getByText('Namn saknas')).toBeVisible();
	await area.getByLabel('Namn').fill('Kompetensförsörjning');
	await area.getByRole('button', { name: 'Lägg till målområdet' }).click();
	await expect(page.getByTestId('editor-area').locator(':scope > h3')).toHaveText([
		'Kompetensförsörjning'
	]);

	// Two goals in it, and a sub-goal.
	for (const goal of ['Fler utbildade', 'Fler i arbete']) {
		await page.getByRole('button', { name: 'Nytt mål i Kompetensförsörjning' }).click();
		const goalForm = form(page, 'Nytt mål i Kompetensförsörjning');
		await goalForm.getByLabel('Namn').fill(goal);
		await goalForm.getByRole('button', { name: 'Lägg till målet' }).click();
		await expect(page.getByTestId('plan-status')).toHaveText(`Målet »${goal}« sparades.`);
	}
	await expect.poll(() => titlesOfGoals(page)).toEqual(['Fler utbildade', 'Fler i arbete']);
	const firstGoal = page.getByTestId('editor-goal').filter({ hasText: 'Fler utbildade' });
	await firstGoal.getByRole('button', { name: 'Nytt delmål' }).click();
	const subForm = form(page, 'Nytt delmål under »Fler utbildade«');
	await subForm.getByLabel('Namn').fill('Fler med högskoleexamen');
	await subForm.getByRole('button', { name: 'Lägg till delmålet' }).click();
	await expect(page.getByTestId('editor-subgoal').locator(':scope > h6')).toHaveText([
		'Fler med högskoleexamen'
	]);
	// Each goal lists its indicators and links to a new one.
	const newIndicator = firstGoal.getByRole('link', { name: 'Ny indikator' }).first();
	await expect(newIndicator).toHaveAttribute(
		'href',
		new RegExp(`/grupp/${groupingId}/plan/indikator/ny\\?mal=`)
	);
	const goalId = new URL((await newIndicator.getAttribute('href'))!, page.url()).searchParams.get(
		'mal'
	)!;

	// Reorder with the keyboard, and rename.
	await page.getByRole('button', { name: 'Flytta »Fler i arbete« upp' }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(() => titlesOfGoals(page)).toEqual(['Fler i arbete', 'Fler utbildade']);
	await page.getByRole('button', { name: 'Ändra »Fler utbildade«' }).click();
	const rename = form(page, 'Ändra målet');
	await rename.getByLabel('Namn').fill('Fler med eftergymnasial utbildning');
	await rename.getByRole('button', { name: 'Spara målet' }).click();
	await expect
		.poll(() => titlesOfGoals(page))
		.toEqual(['Fler i arbete', 'Fler med eftergymnasial utbildning']);
	await expectNoSeriousAxeViolations(page, testInfo, 'plan-editor');

	// A sub-goal with nothing recorded is simply removed.
	await page.getByRole('button', { name: 'Ta bort »Fler med högskoleexamen«' }).click();
	await page
		.getByRole('form', { name: 'Ta bort »Fler med högskoleexamen«' })
		.getByRole('button', { name: 'Ta bort' })
		.click();
	await expect(page.getByTestId('plan-status')).toHaveText('»Fler med högskoleexamen« togs bort.');
	await expect(page.getByTestId('editor-subgoal')).toHaveCount(0);

	// An indicator of the goal (written through the admin API: its editor is a page of its own) gets a value for 2025…
	const indicatorId = `${groupingId}-deltagare`;
	const indicator = {
		id: indicatorId,
		organisationId: groupingId,
		goalId,
		name: 'Antal deltagare',
		unit: 'count',
		decimals: 0,
		betterDirection: 'higher',
		source: { kind: 'manual' },
		aggregation: 'sum',
		scope: 'grouping'
	};
	const written = await page.evaluate(
		async (row) =>
			(
				await fetch(`/api/admin/indicators/${row.id}`, {
					method: 'PUT',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(row)
				})
			).status,
		indicator
	);
	expect(written).toBe(200);
	await visit(page, `/grupp/${groupingId}/registrera?ar=2025`);
	await expect(page.getByTestId('indicator-select').locator('option')).toHaveText([
		'Antal deltagare'
	]);
	await page.getByTestId('value-input').first().fill('42');
	await page.getByTestId('value-input').first().press('Tab');
	await syncEverything(page);
	// …so removing it from 2026 archives it: still offered for 2025, no longer for 2026.
	await visit(page, `/grupp/${groupingId}/plan`);
	await expect(page.getByRole('link', { name: 'Antal deltagare' })).toHaveAttribute(
		'href',
		`/grupp/${groupingId}/plan/indikator/${indicatorId}`
	);
	await page.getByRole('button', { name: 'Ta bort »Antal deltagare«' }).click();
	const confirmIndicator = page.getByRole('form', { name: 'Ta bort »Antal deltagare«' });
	await confirmIndicator.getByLabel('Arkiveras från år').fill('2026');
	await confirmIndicator.getByRole('button', { name: 'Ta bort' }).click();
	await expect(page.getByTestId('plan-status')).toContainText(
		'»Antal deltagare« har värden eller bedömningar och arkiverades från 2026'
	);
	await visit(page, `/grupp/${groupingId}/registrera?ar=2026`);
	await expect(page.getByRole('heading', { name: 'Registrera värden' })).toBeVisible();
	await expect(page.getByTestId('indicator-select')).toHaveCount(0);
	await visit(page, `/grupp/${groupingId}/registrera?ar=2025`);
	await expect(page.getByTestId('indicator-select').locator('option')).toHaveText([
		'Antal deltagare'
	]);

	// "Fler i arbete" gets an assessment for 2025 on the grouping's page…
	await visit(page, `/grupp/${groupingId}`);
	const assessed = page.getByTestId('goal').filter({ hasText: 'Fler i arbete' });
	await assessed.getByText('Gör en bedömning').click();
	await assessed.getByLabel('År').fill('2025');
	await assessed.getByLabel('Status').selectOption({ index: 2 });
	await assessed.getByLabel('Analys').fill('Arbetslösheten sjönk under året.');
	await assessed.getByRole('button', { name: 'Spara bedömning' }).click();
	await syncEverything(page);

	// …so removing it from 2026 archives it rather than deleting it.
	await page.getByTestId('plan-editor-link').click();
	await page.getByRole('button', { name: 'Ta bort »Fler i arbete«' }).click();
	const confirm = page.getByRole('form', { name: 'Ta bort »Fler i arbete«' });
	await confirm.getByLabel('Arkiveras från år').fill('2026');
	await confirm.getByRole('button', { name: 'Ta bort' }).click();
	await expect(page.getByTestId('plan-status')).toContainText(
		'»Fler i arbete« har värden eller bedömningar och arkiverades från 2026'
	);
	await expect(
		page
			.getByTestId('editor-goal')
			.filter({ hasText: 'Fler i arbete' })
			.getByTestId('archived-mark')
	).toHaveText('Arkiverat från 2026');

	// The 2025 plan still shows it, with its assessment, on the grouping's page.
	await visit(page, `/grupp/${groupingId}`);
	await expect(
		page.getByTestId('goal').filter({ hasText: 'Fler i arbete' }).getByTestId('assessment')
	).toContainText('Arbetslösheten sjönk under året.');
	await expect(
		page.getByTestId('goal').filter({ hasText: 'Fler med eftergymnasial utbildning' })
	).toContainText('Antal deltagare');

	// Copy forward: a plan for 2026 without the archived goal; the 2025 plan as it was.
	await visit(page, `/grupp/${groupingId}/plan`);
	await page.getByTestId('copy-plan').click();
	const copy = form(page, 'Ny plan från Verksamhetsplan 2025');
	await expect(copy.getByLabel('Namn')).toHaveValue('Verksamhetsplan 2026');
	await expect(copy.getByLabel('Första år')).toHaveValue('2026');
	await copy.getByRole('button', { name: 'Kopiera planen' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText(
		'Planen kopierades till »Verksamhetsplan 2026«. Den gamla planen är oförändrad.'
	);
	await expect(page.getByTestId('plan-select')).toHaveValue(/\.2026$/);
	await expect.poll(() => titlesOfGoals(page)).toEqual(['Fler med eftergymnasial utbildning']);
	await page.getByTestId('plan-select').selectOption({ label: '2025: Verksamhetsplan 2025' });
	await expect
		.poll(() => titlesOfGoals(page))
		.toEqual(['Fler i arbete', 'Fler med eftergymnasial utbildning']);

	// Copying onto years another plan has is refused next to the field.
	await page.getByTestId('copy-plan').click();
	await copy.getByLabel('Sista år').fill('2027');
	await copy.getByRole('button', { name: 'Kopiera planen' }).click();
	await expect(
		copy.getByText(/^Åren 2026–2027 överlappar planen »Verksamhetsplan 2026« \(2026\)/).first()
	).toBeVisible();
	await copy.getByRole('button', { name: 'Avbryt' }).click();

	// A whole plan goes only when none of it has values or assessments: 2025 has them, the new 2026 copy not.
	page.on('dialog', (dialog) => dialog.accept());
	await page.getByTestId('remove-plan').click();
	await expect(page.getByTestId('remove-plan-error')).toContainText(
		'Planen »Verksamhetsplan 2025« har värden eller bedömningar och kan inte tas bort'
	);
	await page.getByTestId('plan-select').selectOption({ label: '2026: Verksamhetsplan 2026' });
	await page.getByTestId('remove-plan').click();
	await expect(page.getByTestId('plan-status')).toHaveText(
		'Planen »Verksamhetsplan 2026« togs bort.'
	);
	await expect(page.getByTestId('plan-select').locator('option')).toHaveText([
		'2025: Verksamhetsplan 2025'
	]);

	// Every change is in the log, with who made it.
	await page.getByRole('link', { name: 'Ändringslogg' }).click();
	await expect(page.getByTestId('admin-log')).toContainText(
		'Målet »Fler i arbete« arkiverades från 2026'
	);
	await expect(page.getByTestId('admin-log')).toContainText(`Grupperingen »${name}« skapades`);
	await expect(page.getByTestId('admin-log')).toContainText(
		/Planen »Verksamhetsplan 2026« togs bort med \d+ underliggande rader/
	);
	await expect(page.getByTestId('admin-log').locator('li').first()).toContainText(
		'ada.admin@lagesbild.example'
	);
	await expectNoSeriousAxeViolations(page, testInfo, 'plan-log');

	// The editor fits a 360 px phone.
	await page.setViewportSize(PHONE_SMALL);
	await visit(page, `/grupp/${groupingId}/plan`);
	await expect(page.getByTestId('editor-goal').first()).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE_SMALL.width
	);
});

test('offline, the plan editor says it needs the network and keeps what was typed across a reload', async ({
	context
}) => {
	const page = await openApp(context, `/grupp/${AKADEMI_NORR}/plan`);
	await expect(page.getByRole('heading', { level: 1, name: 'Plan och mål' })).toBeVisible();
	await context.setOffline(true);
	await expect(page.getByTestId('offline-notice')).toBeVisible();
	await page.getByRole('button', { name: 'Nytt målområde' }).click();
	const area = form(page, 'Nytt målområde');
	await area.getByLabel('Namn').fill('Utkast skrivet i tåget');
	await area.getByLabel('Beskrivning').fill('Ska finnas kvar efter omladdning.');
	await area.getByRole('button', { name: 'Lägg till målområdet' }).click();
	await expect(area.getByRole('alert')).toHaveText(
		'Planen kan bara ändras med nät. Det du har skrivit finns kvar på enheten tills du kan spara.'
	);

	await visit(page, `/grupp/${AKADEMI_NORR}/plan`);
	const reopened = form(page, 'Nytt målområde');
	await expect(reopened.getByLabel('Namn')).toHaveValue('Utkast skrivet i tåget');
	await expect(reopened.getByLabel('Beskrivning')).toHaveValue('Ska finnas kvar efter omladdning.');
	await expect(reopened.getByTestId('draft-note')).toHaveText(
		'Osparat utkast från den här enheten.'
	);
	// Nothing reached the server: discarding the draft leaves Akademi Norr's plan as it was.
	await reopened.getByRole('button', { name: 'Avbryt' }).click();
	await context.setOffline(false);
});

test('someone who is not an admin of the grouping is told why they cannot edit its plan', async ({
	context
}) => {
	const page = await openApp(context, `/grupp/${AKADEMI_NORR}/plan`, 'viewer');
	await expect(page.getByTestId('not-admin')).toContainText(
		'Bara administratörer för Akademi Norr kan ändra planen'
	);
	await expect(page.getByRole('button', { name: 'Ny plan', exact: true })).toHaveCount(0);
});
