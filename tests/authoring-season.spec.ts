import { test, expect, type Locator, type Page } from '@playwright/test';
import { followLink, openApp, visit, waitForFirstSync, waitForServiceWorker } from './support/app';

/**
 * A federation's first season in Lägesbild, entirely in the UI: an admin
 * creates an empty grouping, builds a one-year plan (one goal area, one goal,
 * two indicators with targets), adds three member municipalities with fees
 * and invites a reporter; the reporter, a new user who accepts the
 * invitation, enters Gotland's values offline and syncs; the overview shows
 * them as preliminary, the office types the other two members' figures into
 * the grouping's grid, and the overview and the indicator page show the
 * federation's values against the targets. Then the admin copies the
 * plan to the next year and raises one target there: the old year's
 * indicator page keeps the old target, the new year's shows the new one.
 *
 * Members are municipalities in no demo grouping (Gotland, Borgholm,
 * Mörbylånga) and the reporter is a new user, so no other spec sees a change.
 */

const SHARE = 'Andel elever med godkända betyg';
const COUNT = 'Antal nya lärlingsplatser';
const REPORTER_PASSWORD = 'sasongsprov-2025';

const form = (page: Page, title: string | RegExp) => page.getByRole('form', { name: title });

async function addMember(page: Page, name: string, fee: string) {
	const add = page.getByTestId('add-member');
	await add.getByLabel('Kommun').selectOption({ label: name });
	await add.getByLabel('Från år').fill('2025');
	await add.getByLabel('Medlemsavgift per år, kr (frivilligt)').fill(fee);
	await add.getByRole('button', { name: 'Lägg till medlem' }).click();
	await expect(add.getByTestId('add-member-message')).toHaveText(`${name} är medlem från 2025.`);
}

/** The indicator row of the overview's plan section headed `planName`. */
function overviewRow(page: Page, planName: string, indicator: string) {
	return page
		.getByRole('region', { name: new RegExp(planName) })
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: indicator, exact: true }) });
}

/**
 * The overview, with every goal's table opened as a reader who wants the
 * method and dates would (the tiles above them are read in board-overview.spec.ts).
 */
async function visitOverview(page: Page, groupingId: string) {
	await visit(page, `/grupp/${groupingId}`);
	await openTables(page);
}

async function openTables(page: Page) {
	const tables = page.getByTestId('indicator-table');
	await expect(tables.first()).toBeVisible({ timeout: 30_000 });
	// The overview draws in steps (issue 23): every goal's fold is there once it is done.
	await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
	for (const table of await tables.all()) {
		if (!(await table.evaluate((details) => (details as HTMLDetailsElement).open))) {
			await table.getByText('Visa som tabell').click();
		}
	}
}

/** A row's value, target (with the gap to it), status and date cells. */
const cells = (row: Locator) => row.getByRole('cell');

/** The "Mål:" line of an indicator page. */
const targetLine = (page: Page) => page.getByText('Mål:', { exact: true }).locator('..');

test('a season in the UI: empty grouping, plan, members and a reporter; values offline against targets; the plan copied forward with one target changed', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	const office = await browser.newContext();
	const page = await openApp(office, '/');
	const name = `Säsongsprovet ${Date.now().toString(36)}`;

	// ---------------------------------------------------------------- an empty grouping and its plan
	await page.getByTestId('new-grouping').click();
	const grouping = form(page, 'Uppgifter om grupperingen');
	await grouping.getByLabel('Namn', { exact: true }).fill(name);
	await grouping.getByLabel('Typ').selectOption({ label: 'Kommunalförbund' });
	await grouping.getByRole('button', { name: 'Skapa grupperingen' }).click();
	await expect(page).toHaveURL(/\/grupp\/sasongsprovet-[a-z0-9-]+\/plan$/);
	const groupingId = new URL(page.url()).pathname.split('/')[2];
	await expect(page.getByText(`${name} har ingen plan ännu`)).toBeVisible();

	await page.getByRole('button', { name: 'Ny plan', exact: true }).click();
	const newPlan = form(page, 'Ny plan');
	await newPlan.getByLabel('Namn').fill('Verksamhetsplan 2025');
	await newPlan.getByLabel('Första år').fill('2025');
	await newPlan.getByLabel('Sista år').fill('2025');
	await newPlan.getByRole('button', { name: 'Skapa planen' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText(
		'Planen »Verksamhetsplan 2025« skapades.'
	);

	await page.getByRole('button', { name: 'Nytt målområde' }).click();
	const area = form(page, 'Nytt målområde');
	await area.getByLabel('Namn').fill('Utbildning');
	await area.getByRole('button', { name: 'Lägg till målområdet' }).click();
	await expect(page.getByTestId('editor-area').locator(':scope > h3')).toHaveText(['Utbildning']);

	await page.getByRole('button', { name: 'Nytt mål i Utbildning' }).click();
	const goalForm = form(page, 'Nytt mål i Utbildning');
	await goalForm.getByLabel('Namn').fill('Fler unga klarar skolan');
	await goalForm.getByRole('button', { name: 'Lägg till målet' }).click();
	await expect(page.getByTestId('plan-status')).toHaveText(
		'Målet »Fler unga klarar skolan« sparades.'
	);
	const goal = page.getByTestId('editor-goal').filter({ hasText: 'Fler unga klarar skolan' });

	// ---------------------------------------------------------------- two indicators with targets
	// A share, averaged over the members, with a yearly change from a baseline.
	await goal.getByRole('link', { name: 'Ny indikator' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny indikator');
	await page.getByLabel('Namn', { exact: true }).fill(SHARE);
	await page.getByLabel('Åldersgrupp eller population').fill('årskurs 9');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	const shareTarget = page.getByTestId('target-editor');
	await shareTarget.getByLabel('Utgångsår').fill('2024');
	await shareTarget.getByLabel('Utgångsvärde').fill('80');
	await shareTarget.getByLabel('Förändring per år').fill('1,5');
	await expect(shareTarget.getByTestId('target-text')).toHaveText(
		'Målet: +1,5 procentenheter per år från 80,0 % år 2024.'
	);
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page.getByTestId('save-message')).toContainText('är sparade');

	// A count, summed over the members, with a threshold.
	await visit(page, `/grupp/${groupingId}/plan`);
	await goal.getByRole('link', { name: 'Ny indikator' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny indikator');
	await page.getByLabel('Namn', { exact: true }).fill(COUNT);
	await page.getByLabel('Enhet').selectOption('count');
	await page.getByLabel('Decimaler').selectOption('0');
	await page.getByLabel('Så räknas förbundets värde').selectOption('sum');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	const countTarget = page.getByTestId('target-editor');
	await countTarget.getByLabel('Typ av mål').selectOption('threshold');
	await countTarget.getByLabel('Utgångsår').fill('');
	await countTarget.getByLabel('Gränsvärde').fill('30');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page.getByTestId('save-message')).toContainText('är sparade');

	await visit(page, `/grupp/${groupingId}/plan`);
	await expect(goal.getByRole('link', { name: SHARE })).toBeVisible();
	await expect(goal.getByRole('link', { name: COUNT })).toBeVisible();

	// ---------------------------------------------------------------- three members with fees
	await page.getByRole('link', { name: name, exact: true }).click();
	await page.getByRole('link', { name: 'Medlemmar och avgifter' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Medlemmar och medlemsavgifter');
	await addMember(page, 'Gotland', '150 000');
	await addMember(page, 'Borgholm', '40 000');
	await addMember(page, 'Mörbylånga', '45000');

	await visit(page, `/grupp/${groupingId}`);
	await page.getByTestId('show-members').click();
	const members = page.getByTestId('grouping-members');
	await members.getByTestId('members-year').selectOption('2025');
	await expect(members.getByTestId('member')).toHaveCount(3);
	await expect(members.getByTestId('member').filter({ hasText: 'Gotland' })).toContainText(
		/150\s000 kr/
	);
	await expect(members.getByTestId('fee-total')).toContainText(/235\s000 kr/);

	// ---------------------------------------------------------------- a reporter for Gotland, invited
	await page.getByRole('link', { name: 'Användare och roller' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Användare och roller');
	const reporterEmail = `rapportor.${groupingId}@gotland.example`;
	await page.getByLabel('E-post').fill(reporterEmail);
	await page.getByLabel('Namn', { exact: true }).fill('Greta Gotländing');
	await page.getByRole('combobox', { name: 'Roll', exact: true }).selectOption('reporter');
	await page
		.getByRole('combobox', { name: 'Kommun', exact: true })
		.selectOption({ label: 'Gotland' });
	await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
	const link = await page.getByLabel('Inbjudningslänk').inputValue();
	expect(link).toMatch(/\/inbjudan\//);
	await expect(page.getByTestId('invitation-row').filter({ hasText: reporterEmail })).toContainText(
		'Väntar'
	);

	const field = await browser.newContext();
	const reporter = await field.newPage();
	await reporter.goto(link);
	await expect(reporter.getByText(/Du har bjudits in som rapportör för Gotland/)).toBeVisible();
	await reporter.getByLabel('Lösenord (minst 10 tecken)').fill(REPORTER_PASSWORD);
	await reporter.getByLabel('Samma lösenord igen').fill(REPORTER_PASSWORD);
	await reporter.getByRole('button', { name: 'Skapa konto och logga in' }).click();
	await expect(reporter.getByTestId('signed-in-as')).toBeVisible();
	await waitForServiceWorker(reporter);
	await waitForFirstSync(reporter);
	await reporter.getByTestId('my-municipality-form').click();
	await expect(reporter.getByRole('heading', { level: 1 })).toHaveText(
		/^Rapportera för Gotland \d{4}$/
	);
	await reporter.getByTestId('year-select').selectOption('2025');
	await expect(reporter.getByRole('heading', { level: 1 })).toHaveText(
		'Rapportera för Gotland 2025'
	);

	// In the field, without coverage.
	await field.setOffline(true);
	const entry = (indicator: string) =>
		reporter
			.locator(`[data-grouping="${groupingId}"]`)
			.getByTestId('entry-row')
			.filter({ has: reporter.getByText(indicator, { exact: true }) })
			.getByTestId('value-input');
	await entry(SHARE).fill('82,5');
	await entry(SHARE).press('Enter');
	await entry(COUNT).fill('14');
	await entry(COUNT).press('Enter');
	await expect(reporter.getByTestId('pending-count')).toHaveAttribute('data-count', '2');
	await field.setOffline(false);
	await expect(reporter.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 30_000
	});

	// ---------------------------------------------------------------- the office sees them against the targets
	// First Gotland's values alone: preliminary, 1 of 3 members, not yet judged against the target.
	await visitOverview(page, groupingId);
	const shareRow = overviewRow(page, 'Verksamhetsplan 2025', SHARE);
	const countRow = overviewRow(page, 'Verksamhetsplan 2025', COUNT);
	await expect(shareRow.getByTestId('preliminary')).toHaveText(
		/^2025 preliminärt: 1 av 3 kommuner har rapporterat: 82,5\s% hittills$/,
		{ timeout: 30_000 }
	);
	await expect(countRow.getByTestId('preliminary')).toHaveText(
		/^2025 preliminärt: 1 av 3 kommuner har rapporterat: 14 hittills$/
	);
	await expect(shareRow).toContainText('+1,5 procentenheter per år från 80,0 % år 2024');
	await expect(countRow).toContainText('minst 30');

	// The indicator page says the same, and describes the method by the one member who has reported.
	await shareRow.getByRole('link', { name: SHARE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(SHARE);
	await expect(page.getByTestId('preliminary')).toContainText(
		/1 av 3 kommuner har rapporterat \(82,5\s% hittills\)/
	);
	await expect(page.getByTestId('method')).toHaveText(
		'oviktat medelvärde av 1 av 3 kommuner, årskurs 9 (2 saknas)'
	);
	await expect(targetLine(page)).toContainText('+1,5 procentenheter per år från 80,0 % år 2024');

	// The office enters the two members' figures that came by e-mail, in the grouping's grid.
	await followLink(page, page.getByRole('link', { name: 'Registrera värden' }), /\/registrera/);
	await page.getByTestId('year-select').selectOption('2025');
	await expect(page.getByTestId('indicator-select')).toHaveValue(/andel-elever/);
	const grid = (municipality: string) =>
		page
			.locator(`[data-testid="entry-row"][data-organisation="${municipality}"]`)
			.getByTestId('value-input');
	await expect(grid('Gotland')).toHaveValue('82,5');
	await grid('Borgholm').fill('80');
	await grid('Borgholm').press('Enter');
	await grid('Mörbylånga').fill('83');
	await grid('Mörbylånga').press('Enter');
	await page.getByTestId('indicator-select').selectOption({ label: COUNT });
	await expect(grid('Gotland')).toHaveValue('14');
	await grid('Borgholm').fill('9');
	await grid('Borgholm').press('Enter');
	await grid('Mörbylånga').fill('12');
	await grid('Mörbylånga').press('Enter');
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

	// All three have reported: the federation's 2025 values, judged against the targets
	// (mean 81,8 % against 81,5 % for 2025; sum 35 against at least 30).
	await visitOverview(page, groupingId);
	await expect(cells(shareRow)).toHaveText([
		/^81,8\s%\s*2025\s*$/,
		/^81,5\s%\s*\+0,3 procentenheter$/,
		/I fas$/,
		/.+/
	]);
	await expect(cells(countRow)).toHaveText([/^35\s*2025\s*$/, /^30\s*\+5$/, /I fas$/, /.+/]);
	await shareRow.getByRole('link', { name: SHARE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(SHARE);
	await expect(page.getByTestId('method')).toHaveText(
		'oviktat medelvärde av 3 kommuner, årskurs 9'
	);
	await expect(page.getByText(/2025: 81,8\s%, mål 81,5\s%/).first()).toBeVisible();
	await expect(targetLine(page)).toContainText('+1,5 procentenheter per år från 80,0 % år 2024');

	// ---------------------------------------------------------------- next year: copy the plan, raise one target
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
	await page.getByTestId('editor-goal').getByRole('link', { name: COUNT }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera indikatorn');
	await expect(page.getByLabel('Mål eller delmål')).toHaveValue(/\.2026$/);
	await expect(page.getByTestId('target-editor').getByLabel('Gränsvärde')).toHaveValue('30');
	await page.getByTestId('target-editor').getByLabel('Gränsvärde').fill('40');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page.getByTestId('save-message')).toContainText('är sparade');

	// The overview shows the plan in force (2026, with the new threshold); 2025's is a choice away and
	// keeps its threshold and its judgement. Each plan's goals are counted alone.
	await visitOverview(page, groupingId);
	const shownPlan = page.getByTestId('shown-plan');
	await expect(shownPlan).toHaveValue(/\.2026$/);
	await expect(page.getByRole('region', { name: /Verksamhetsplan 2025/ })).toHaveCount(0);
	await expect(cells(overviewRow(page, 'Verksamhetsplan 2026', COUNT)).nth(1)).toHaveText(/^40/);
	await shownPlan.selectOption({ label: 'Verksamhetsplan 2025 (2025)' });
	await expect(page).toHaveURL(/[?&]plan=/);
	await expect(page.getByRole('region', { name: /Verksamhetsplan 2026/ })).toHaveCount(0);
	await openTables(page);
	await expect(cells(overviewRow(page, 'Verksamhetsplan 2025', COUNT))).toHaveText([
		/^35\s*2025\s*$/,
		/^30\s*\+5$/,
		/I fas$/,
		/.+/
	]);

	// The old year's indicator page still shows the old target…
	await overviewRow(page, 'Verksamhetsplan 2025', COUNT).getByRole('link', { name: COUNT }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(COUNT);
	await expect(page).not.toHaveURL(/\.2026$/);
	await expect(targetLine(page)).toContainText('minst 30');
	await expect(targetLine(page)).not.toContainText('40');
	await expect(page.getByText(/2025: 35, mål minst 30, når målet/).first()).toBeVisible();
	// …and the new year's the new one.
	await visitOverview(page, groupingId);
	await overviewRow(page, 'Verksamhetsplan 2026', COUNT).getByRole('link', { name: COUNT }).click();
	await expect(page).toHaveURL(/\.2026$/);
	await expect(targetLine(page)).toContainText('minst 40');

	await testInfo.attach('slutet av säsongen: 2026 års indikatorsida', {
		body: await page.screenshot({ fullPage: true }),
		contentType: 'image/png'
	});
	await field.close();
	await office.close();
});
