import { test, expect, type Page, type Locator } from '@playwright/test';
import { DEMO_USERS, grantRole, openApp, visit, waitForServiceWorker } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

// Norrbottens Kommuner: no other spec writes to it. Its plan 2023–2026 has goals without indicators;
// this spec gives one of them two indicators and the grouping three new members from 2025.
const GROUPING = 'norrbottens-kommuner';
const GOAL = 'norrbottens-kommuner-inriktning-2023-2026-strategisk-kompetensforsorjning-1';
const SHARE = 'Andel deltagare som fått arbete';
const COUNT = 'Antal deltagare i kompetenslyftet';

async function fillMember(page: Page, name: string, fromYear: string, fee: string, role = '') {
	const form = page.getByTestId('add-member');
	await form.getByLabel('Kommun').selectOption({ label: name });
	await form.getByLabel('Från år').fill(fromYear);
	await form.getByLabel('Medlemsavgift per år, kr (frivilligt)').fill(fee);
	await form.getByLabel('Roll i förbundet (frivilligt)').fill(role);
	await form.getByRole('button', { name: 'Lägg till medlem' }).click();
}

async function addMember(page: Page, name: string, fromYear: string, fee: string, role = '') {
	await fillMember(page, name, fromYear, fee, role);
	await expect(page.getByTestId('add-member').getByTestId('add-member-message')).toHaveText(
		`${name} är medlem från ${fromYear}.`
	);
}

function entryRow(page: Page, indicatorName: string): Locator {
	return page
		.locator(`[data-grouping="${GROUPING}"]`)
		.getByTestId('entry-row')
		.filter({ has: page.getByText(indicatorName, { exact: true }) });
}

test('an admin adds members with fees and two indicators with targets; a reporter enters values offline; overview and indicator page show them against the targets', async ({
	browser
}, testInfo) => {
	test.setTimeout(300_000);
	const office = await browser.newContext();
	const page = await openApp(office, `/grupp/${GROUPING}/medlemmar`);

	// Three member municipalities from Sweden's list, with their fees; Skellefteå hosts in 2025.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Medlemmar och medlemsavgifter');
	await addMember(page, 'Skellefteå', '2025', '100 000', 'värdkommun');
	await addMember(page, 'Lycksele', '2025', '80 000');
	await addMember(page, 'Malå', '2025', '60000');
	// A second period of a member over the same years is refused, in Swedish, next to the field.
	await fillMember(page, 'Malå', '2025', '1');
	await expect(page.getByTestId('add-member').getByTestId('field-error')).toHaveText(
		'Malå är redan medlem 2025–. Perioderna får inte överlappa: avsluta den andra perioden eller välj andra år.'
	);
	// Malå's fee rises from 2026: 2025 keeps its fee.
	const mala = page.getByTestId('membership-row').filter({ hasText: 'Malå' });
	await mala.getByRole('button', { name: /Ny avgift eller roll/ }).click();
	await mala.getByLabel('Från år').fill('2026');
	await mala.getByLabel('Avgift, kr').fill('65 000');
	await mala.getByRole('button', { name: 'Spara' }).click();
	await expect(
		page
			.getByTestId('membership-row')
			.filter({ hasText: /2026–/ })
			.filter({ hasText: /65\s000 kr/ })
	).toHaveCount(1);
	await expect(
		page
			.getByTestId('membership-row')
			.filter({ hasText: /2025\s/ })
			.filter({ hasText: /60\s000 kr/ })
	).toHaveCount(1);
	await expectNoSeriousAxeViolations(page, testInfo, 'medlemmar');

	// The grouping's page shows each year's fees and roles.
	await visit(page, `/grupp/${GROUPING}`);
	// Folded under the goals on the overview: opened as a reader would.
	await page.getByTestId('show-members').click();
	const members = page.getByTestId('grouping-members');
	await members.getByTestId('members-year').selectOption('2025');
	await expect(members.getByTestId('member').filter({ hasText: 'Skellefteå' })).toContainText(
		/värdkommun · medlemsavgift 100\s000 kr/
	);
	await expect(members.getByTestId('member').filter({ hasText: 'Malå' })).toContainText(
		/60\s000 kr/
	);
	await expect(members.getByTestId('fee-total')).toContainText(/240\s000 kr/);
	await members.getByTestId('members-year').selectOption('2026');
	await expect(members.getByTestId('member').filter({ hasText: 'Malå' })).toContainText(
		/65\s000 kr/
	);

	// The first indicator, with a yearly-change target: a wrong number is named next to its field first.
	await visit(page, `/grupp/${GROUPING}/plan/indikator/ny?mal=${GOAL}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny indikator');
	await expect(page.getByLabel('Mål eller delmål')).toHaveValue(GOAL);
	await page.getByLabel('Namn', { exact: true }).fill(SHARE);
	await page.getByLabel('Åldersgrupp eller population').fill('16–74 år');
	await page.getByLabel('Var värdena kommer ifrån').selectOption('kolada');
	await page.getByLabel('Kolada-id (KPI)').fill('N00914');
	await page.getByLabel('Länk till källan (frivilligt)').fill('https://www.kolada.se/');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	const target = page.getByTestId('target-editor');
	await target.getByLabel('Utgångsår').fill('2024');
	await target.getByLabel('Utgångsvärde').fill('femtio');
	await target.getByLabel('Förändring per år').fill('2');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(target.getByTestId('field-error')).toHaveText('Skriv ett tal, t.ex. 16,6');
	await expect(page.getByTestId('save-message')).toContainText('Rätta de markerade fälten');
	await target.getByLabel('Utgångsvärde').fill('50');
	await expect(target.getByTestId('target-text')).toHaveText(
		'Målet: +2,0 procentenheter per år från 50,0 % år 2024.'
	);
	await expect(target.getByRole('img', { name: /Målets bana 2024–2028/ })).toBeVisible();
	await expect(page.getByTestId('computation-preview')).toContainText(
		'Det finns inga värden på enheten'
	);
	await expectNoSeriousAxeViolations(page, testInfo, 'ny indikator');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page).toHaveURL(
		/\/plan\/indikator\/norrbottens-kommuner-andel-deltagare-som-fatt-arbete$/
	);
	await expect(page.getByTestId('save-message')).toContainText('är sparade');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera indikatorn');

	// The second: a count summed over the members, a threshold for the grouping and a target for Skellefteå.
	await visit(page, `/grupp/${GROUPING}/plan/indikator/ny?mal=${GOAL}`);
	await page.getByLabel('Namn', { exact: true }).fill(COUNT);
	await page.getByLabel('Enhet').selectOption('count');
	await page.getByLabel('Decimaler').selectOption('0');
	await page.getByLabel('Så räknas förbundets värde').selectOption('sum');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	await page.getByTestId('target-editor').nth(0).getByLabel('Typ av mål').selectOption('threshold');
	await page.getByTestId('target-editor').nth(0).getByLabel('Utgångsår').fill('');
	await page.getByTestId('target-editor').nth(0).getByLabel('Gränsvärde').fill('30');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	const skelleftea = page.getByTestId('target-editor').nth(1);
	await skelleftea.getByLabel('Gäller').selectOption({ label: 'Skellefteå' });
	await skelleftea.getByLabel('Typ av mål').selectOption('perYear');
	await skelleftea.getByLabel('Utgångsår').fill('');
	await skelleftea.getByLabel('År, rad 1').fill('2025');
	await skelleftea.getByLabel('Målvärde, rad 1').fill('12');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page.getByTestId('save-message')).toContainText('är sparade');
	await expect(page.getByTestId('target-editor')).toHaveCount(2);

	// Dora reports for Skellefteå in Norrbottens Kommuner, in the field, without coverage.
	await grantRole(
		await browser.newContext(),
		DEMO_USERS.reporter,
		{ organisationId: GROUPING, role: 'reporter', municipalityId: 'kommun-2482' },
		'akademi-norr'
	);
	const field = await browser.newContext();
	const reporter = await openApp(field, '/kommun/2482/rapportera', 'reporter');
	await expect(reporter.getByRole('heading', { level: 1 })).toHaveText(
		'Rapportera för Skellefteå 2025'
	);
	await field.setOffline(true);
	await entryRow(reporter, SHARE).getByTestId('value-input').fill('53,5');
	await entryRow(reporter, SHARE).getByTestId('value-input').press('Enter');
	await entryRow(reporter, COUNT).getByTestId('value-input').fill('14');
	await entryRow(reporter, COUNT).getByTestId('value-input').press('Enter');
	await expect(reporter.getByTestId('pending-count')).toHaveAttribute('data-count', '2');
	await field.setOffline(false);
	await expect(reporter.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 30_000
	});

	// The office sees the values against the targets: one member of 17 has reported, so 2025 is preliminary.
	await visit(page, `/grupp/${GROUPING}`);
	await expect(page.getByTestId('indicator-link').filter({ hasText: SHARE })).toBeVisible({
		timeout: 30_000
	});
	const shareRow = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: SHARE }) });
	await expect(shareRow).toContainText(/53,5\s%/, { timeout: 30_000 });
	await expect(shareRow).toContainText('+2,0 procentenheter per år från 50,0 % år 2024');
	const countRow = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: COUNT }) });
	await expect(countRow).toContainText('minst 30');
	await shareRow.getByRole('link', { name: SHARE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(SHARE);
	await expect(page.getByTestId('preliminary')).toContainText(/53,5\s%/);
	await expect(page.getByText('Mål:', { exact: true }).locator('..')).toContainText(
		'+2,0 procentenheter per år från 50,0 % år 2024'
	);
	await expect(page.getByRole('link', { name: 'Till källan' })).toHaveAttribute(
		'href',
		'https://www.kolada.se/'
	);
	// From the indicator page back to its editor, where the preview now computes from the value.
	await page.getByTestId('edit-indicator').click();
	await expect(page.getByTestId('computation-preview')).toContainText(
		/2025: oviktat medelvärde av 1 av 17 kommuner, 16–74 år \(16 saknas\) = 53,5\s%/
	);

	await field.close();
	await office.close();
});

test('what an admin types offline stays on the device across a reload, and saving says it needs the network', async ({
	browser
}, testInfo) => {
	const device = await browser.newContext();
	const page = await openApp(device, `/grupp/${GROUPING}/plan/indikator/ny?mal=${GOAL}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny indikator');
	await device.setOffline(true);
	await expect(page.getByTestId('offline-notice')).toContainText('Att spara kräver nät');
	await page.getByLabel('Namn', { exact: true }).fill('Utkast skrivet på tåget');
	await page.getByLabel('Åldersgrupp eller population').fill('20–64 år');
	await page.getByRole('button', { name: 'Lägg till ett mål' }).click();
	await page.getByTestId('target-editor').getByLabel('Utgångsvärde').fill('12,5');
	await page.getByTestId('target-editor').getByLabel('Förändring per år').fill('0,5');
	await page.getByRole('button', { name: 'Spara indikatorn' }).click();
	await expect(page.getByTestId('save-message')).toHaveText(
		'Planen kan bara ändras med nät. Det du har skrivit finns kvar på enheten tills du kan spara.'
	);

	// The tablet restarts, still offline.
	await waitForServiceWorker(page);
	await visit(page, `/grupp/${GROUPING}/plan/indikator/ny?mal=${GOAL}`);
	await expect(page.getByTestId('draft-restored')).toContainText('Osparade ändringar');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('Utkast skrivet på tåget');
	await expect(page.getByLabel('Åldersgrupp eller population')).toHaveValue('20–64 år');
	await expect(page.getByTestId('target-editor').getByLabel('Utgångsvärde')).toHaveValue('12,5');
	await expectNoSeriousAxeViolations(page, testInfo, 'indikatorutkast offline');

	// Discarded on purpose, it is gone.
	await page.getByRole('button', { name: 'Släng utkastet' }).click();
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('');
	await visit(page, `/grupp/${GROUPING}/plan/indikator/ny?mal=${GOAL}`);
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('');
	await device.close();
});

test('the users page: pending invitations revoked, a role changed, and the last admin cannot remove themself', async ({
	browser
}, testInfo) => {
	// Vera gets a viewer role in Norrbottens Kommuner for this test, and loses it again at its end.
	const setup = await browser.newContext();
	await grantRole(
		setup,
		DEMO_USERS.viewer,
		{ organisationId: GROUPING, role: 'viewer' },
		'akademi-norr'
	);
	await setup.close();
	const device = await browser.newContext();
	const page = await openApp(device, `/grupp/${GROUPING}/anvandare`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Användare och roller');

	// An invitation, listed as pending, then revoked.
	await page.getByLabel('E-post').fill('ny.kollega@norrbotten.example');
	await page.getByLabel('Namn', { exact: true }).fill('Ny Kollega');
	await page.getByRole('combobox', { name: 'Roll', exact: true }).selectOption('viewer');
	await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
	const invitation = page
		.getByTestId('invitation-row')
		.filter({ hasText: 'ny.kollega@norrbotten.example' });
	await expect(invitation).toContainText('Väntar');
	await expectNoSeriousAxeViolations(page, testInfo, 'användare');
	page.once('dialog', (dialog) => dialog.accept());
	await invitation.getByRole('button', { name: /Återkalla/ }).click();
	await expect(invitation).toHaveCount(0);
	await page.getByLabel('Visa även använda, utgångna och återkallade').check();
	await expect(invitation).toContainText('Återkallad');

	// Vera's role changes from viewer to editor.
	const vera = page.getByTestId('user-row').filter({ hasText: DEMO_USERS.viewer });
	await vera.getByRole('button', { name: /Byt roll/ }).click();
	await vera.getByTestId('new-role').selectOption('editor');
	await vera.getByRole('button', { name: 'Spara rollen' }).click();
	await expect(vera.getByTestId('role')).toHaveText([/^Redaktör/]);

	// Ada is the grouping's only admin: removing her own admin role is refused, in Swedish.
	const ada = page.getByTestId('user-row').filter({ hasText: DEMO_USERS.everywhere });
	page.once('dialog', (dialog) => dialog.accept());
	await ada.getByRole('button', { name: /Ta bort Administratör/ }).click();
	await expect(page.getByTestId('users-error')).toHaveText(
		'Norrbottens Kommuner måste ha minst en administratör. Utse en ny innan du tar bort den sista.'
	);
	await expect(ada.getByTestId('role')).toHaveCount(1);

	page.once('dialog', (dialog) => dialog.accept());
	await vera.getByRole('button', { name: /Ta bort/ }).click();
	await expect(vera).toHaveCount(0);
	await device.close();
});

test('editing an existing indicator previews how its federation value is computed, as the method changes', async ({
	page
}, testInfo) => {
	await openApp(page, '/grupp/akademi-norr/indikator/akademi-norr-eftergymnasial-3-ar');
	await page.getByTestId('edit-indicator').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera indikatorn');
	await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(/eftergymnasial utbildning/);
	await expect(page.getByTestId('target-editor')).toHaveCount(1);
	await expect(page.getByTestId('target-editor').getByTestId('target-text')).toHaveText(
		'Målet: +0,5 procentenheter per år från 16,6 % år 2024.'
	);
	// The 16,6 % of the plan: an unweighted mean of the twelve members (a later year when a spec before this one entered values).
	await expect(page.getByTestId('computation-preview')).toContainText(
		/\d{4}: oviktat medelvärde av (\d+ av )?12 kommuner, 25–64 år.* = \d+,\d\s%/
	);
	await page.getByLabel('Så räknas förbundets värde').selectOption('weightedMean');
	await expect(page.getByTestId('computation-preview')).toContainText(
		'viktat medelvärde: ingen viktserie är vald för indikatorn. Inget värde kan räknas fram.'
	);
	await page.getByLabel('Viktas med').selectOption({ label: 'Folkmängd' });
	await expect(page.getByTestId('computation-preview')).toContainText(
		/viktat medelvärde av .*vikt: Folkmängd, 25–64 år.* = \d+,\d\s%/
	);
	await expectNoSeriousAxeViolations(page, testInfo, 'redigera indikator');
	// Not saved: the stored indicator is as it was.
	await visit(page, '/grupp/akademi-norr/indikator/akademi-norr-eftergymnasial-3-ar');
	await expect(page.getByTestId('method')).toContainText('oviktat medelvärde');
});

test('the grouping page shows the chosen year’s fees and roles: Akademi Norr’s 2025 fees, Umeåregionen’s 2026 host', async ({
	page
}) => {
	await openApp(page, '/grupp/akademi-norr');
	await page.getByTestId('show-members').click();
	const members = page.getByTestId('grouping-members');
	await members.getByTestId('members-year').selectOption('2025');
	await expect(members.getByTestId('member')).toHaveCount(12);
	await expect(members.getByTestId('fee-total')).toContainText(/2\s630\s000 kr/);
	await members.getByTestId('members-year').selectOption('2024');
	await expect(members.getByTestId('fee-total')).toHaveCount(0);
	await page.goto('/grupp/umearegionen');
	await page.getByTestId('show-members').click();
	const umea = page.getByTestId('grouping-members');
	await umea.getByTestId('members-year').selectOption('2026');
	await expect(umea.getByTestId('member').filter({ hasText: 'Bjurholm' })).toContainText(
		'värdkommun'
	);
	await umea.getByTestId('members-year').selectOption('2025');
	await expect(umea.getByTestId('member').filter({ hasText: 'Örnsköldsvik' })).toContainText(
		'värdkommun'
	);
});
