import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { AKADEMI_NORR, TABLET_PORTRAIT, openApp, visit } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * The board report prints what it says: for every demo grouping the page
 * count the report shows is the number of pages Chromium prints, every sheet
 * carries its header, and nothing on a sheet is cut off, both on the demo
 * data and after a season of entries with long texts. The season is entered
 * offline in this test's own browser, so it never reaches the shared server.
 */

const GROUPINGS = [
	'akademi-norr',
	'umearegionen',
	'norrbottens-kommuner',
	'kompetensmaklare',
	'swpp'
];
const NORRBOTTEN = 'norrbottens-kommuner';
const mm = 96 / 25.4;

test.use({ viewport: TABLET_PORTRAIT });
test.describe.configure({ timeout: 240_000 });

/** The pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * Prints the open report to PDF and checks it against what the report shows:
 * the count, each sheet's header, no sheet cut off, body text of 10 pt or more.
 * Returns the count.
 */
async function expectPrintsWhatItSays(
	page: Page,
	testInfo: TestInfo,
	name: string
): Promise<number> {
	const sheets = page.getByTestId('report-page');
	await expect(sheets.first()).toBeVisible();
	const shown = Number(await page.getByTestId('report-page-count').getAttribute('data-count'));
	await expect(page.getByTestId('report-page-count')).toContainText(
		`Rapporten blir ${shown} ${shown === 1 ? 'sida' : 'sidor'} i A4`
	);
	await expect(sheets).toHaveCount(shown);

	// Laid out as print lays it out: the width of A4 within its 12 mm margins.
	await page.setViewportSize({ width: Math.floor(186 * mm), height: Math.floor(273 * mm) });
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('report-scope')).toBeHidden();
	const measured = await sheets.evaluateAll((all) =>
		all.map((sheet) => {
			const head = sheet.querySelector('.sheet-head')?.textContent ?? '';
			const sizes = [...sheet.querySelectorAll('*')]
				.filter(
					(el) =>
						!el.closest('svg') &&
						[...el.childNodes].some(
							(n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''
						)
				)
				.filter((el) => !el.closest('.visually-hidden'))
				.map((el) => ({
					text: el.textContent!.trim().slice(0, 40),
					px: parseFloat(getComputedStyle(el).fontSize)
				}));
			const top = sheet.getBoundingClientRect().top;
			const used = Math.max(
				...[...sheet.children].map((c) => c.getBoundingClientRect().bottom - top)
			);
			return {
				used,
				head,
				height: sheet.getBoundingClientRect().height,
				overflow: sheet.scrollHeight - sheet.clientHeight,
				sideways: sheet.scrollWidth - sheet.clientWidth,
				smallest: sizes.sort((a, b) => a.px - b.px)[0]
			};
		})
	);
	measured.forEach((sheet, i) => {
		expect(sheet.head, `${name}: sheet ${i + 1}'s header`).toContain(`sida ${i + 1} av ${shown}`);
		expect(sheet.head).toMatch(/·.*·/);
		expect(sheet.height, `${name}: sheet ${i + 1} is one A4 page`).toBeLessThanOrEqual(273 * mm);
		expect(sheet.overflow, `${name}: nothing on sheet ${i + 1} is cut off`).toBeLessThanOrEqual(0);
		expect(
			sheet.sideways,
			`${name}: nothing on sheet ${i + 1} runs off the side`
		).toBeLessThanOrEqual(0);
		// 10 pt is 13.33 CSS px.
		expect(
			sheet.smallest?.px ?? 14,
			`${name}: the smallest text on sheet ${i + 1}: ${sheet.smallest?.text}`
		).toBeGreaterThanOrEqual(13.3);
	});

	const path = testInfo.outputPath(`${name}.pdf`);
	const pdf = await page.pdf({
		path,
		format: 'A4',
		printBackground: true,
		preferCSSPageSize: true
	});
	await testInfo.attach(`${name}.pdf`, { path, contentType: 'application/pdf' });
	const printed = pdfPageCount(pdf);
	testInfo.annotations.push({
		type: 'pages',
		description: `${name}: shows ${shown}, prints ${printed}; sheets filled to ${measured.map((m) => Math.round(m.used / mm)).join(', ')} mm of 271`
	});
	expect(printed, `${name}: pages printed = pages the report shows`).toBe(shown);

	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize(TABLET_PORTRAIT);
	return shown;
}

test('every demo grouping’s board report prints as many A4 pages as it says, each with its header, and passes axe', async ({
	context
}, testInfo) => {
	const page = await openApp(context, `/grupp/${AKADEMI_NORR}/rapport`);
	await context.setOffline(true);
	for (const id of GROUPINGS) {
		await visit(page, `/grupp/${id}/rapport`);
		await expectPrintsWhatItSays(page, testInfo, `${id}-demo`);
	}
	await visit(page, `/grupp/${AKADEMI_NORR}/rapport`);
	await expectNoSeriousAxeViolations(page, testInfo, 'board report');

	// Text and yes/no answers print as their values, never as "text 2024".
	const values = page.getByTestId('report-value');
	await expect(page.locator('.sheets')).not.toContainText(/text \d{4}/);
	const visibility = page.getByRole('row').filter({ hasText: 'Regelbundet synliggöra utbud' });
	await expect(visibility.getByTestId('report-value')).toHaveText(/^(Ja|Nej) \(\d{4}\)$/);
	expect(await values.count()).toBeGreaterThan(10);

	// One goal area: only its goals, and the count follows the choice.
	const whole = Number(await page.getByTestId('report-page-count').getAttribute('data-count'));
	await page
		.getByTestId('report-scope')
		.selectOption({ label: 'God ekonomisk hushållning för kommunalförbundet' });
	await expect(page.getByRole('heading', { level: 2, name: 'Verksamhetens mål 2025' })).toHaveCount(
		0
	);
	await expect(
		page.getByRole('heading', { level: 2, name: 'God ekonomisk hushållning för kommunalförbundet' })
	).toHaveCount(1);
	const one = await expectPrintsWhatItSays(page, testInfo, 'akademi-norr-one-area');
	expect(one).toBeLessThan(whole);
	await expectNoSeriousAxeViolations(page, testInfo, 'board report, one goal area');
});

/** Long, varied prose: the analysis of a year's work. */
function prose(sentences: number, topic: string): string {
	const parts = [
		`Under året har arbetet med ${topic} gått framåt i flera av medlemskommunerna.`,
		'Samverkan med lärosätena har stärkts, men rekryteringen till bristyrken är fortfarande svår i de minsta kommunerna.',
		'Styrelsen bör följa upp insatserna under nästa år och särskilt se över resurserna till lärcentrum.',
		'Värdena för 2026 bygger på de uppgifter som kommunerna har rapporterat in före den sista november.'
	];
	return Array.from(
		{ length: sentences },
		(_, i) => parts[i % parts.length] + (i % 5 === 4 ? '\n' : ' ')
	)
		.join('')
		.trim();
}

async function chooseIndicator(page: Page, name: string) {
	await page.getByTestId('indicator-select').selectOption({ label: name });
	await expect(page.getByTestId('entry-row').first()).toBeVisible();
}

test('after a season of entered values and long analyses, the reports still print as many pages as they say', async ({
	context
}, testInfo) => {
	const page = await openApp(context, `/grupp/${AKADEMI_NORR}/rapport`);
	const before = Number(await page.getByTestId('report-page-count').getAttribute('data-count'));
	// Offline: the season stays in this browser's store and outbox, never on the shared server.
	await context.setOffline(true);

	// Akademi Norr 2026: long and short text answers, yes/no answers and every member's counts.
	await visit(page, `/grupp/${AKADEMI_NORR}/registrera?ar=2026`);
	let edits = 0;
	const longAnswer = prose(14, 'högre utbildning');
	const texts: [string, string][] = [
		[
			'Akademi Norr och lärcentrum är en naturlig samverkanspart i frågor kopplat till högre utbildning regionalt, nationellt och internationellt',
			longAnswer
		],
		[
			'Tillgängliggöra resurser kopplat till arbetet med högre utbildning (projektmedel, personalinsatser)',
			prose(9, 'projektmedel')
		],
		['Vilken typ av utbildningar bidrar vi med?', 'Sjuksköterska och lärare på distans']
	];
	for (const [name, value] of texts) {
		await chooseIndicator(page, name);
		const field = page.getByTestId('entry-row').first().locator('textarea');
		await field.fill(value);
		await field.press('Tab');
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(++edits));
	}
	for (const name of [
		'Aktuell kompetenskartläggning gjord under året',
		'Regelbundet synliggöra utbud och tillgång till eftergymnasial utbildning',
		'Verksamheten bedrivs inom tilldelad budget'
	]) {
		await chooseIndicator(page, name);
		await page
			.getByTestId('entry-row')
			.first()
			.getByTestId('value-select')
			.selectOption({ label: name.startsWith('Regelbundet') ? 'Nej' : 'Ja' });
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(++edits));
	}
	for (const name of [
		'Antal antagna studenter',
		'Antal VFU-platser inom utbildningarna sjuksköterska, lärare och socionom',
		'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer'
	]) {
		await chooseIndicator(page, name);
		const inputs = page.getByTestId('value-input');
		const n = await inputs.count();
		for (let i = 0; i < n; i++) {
			await inputs.nth(i).fill(String(10 + i));
			await inputs.nth(i).press('Enter');
		}
		edits += n;
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(edits));
	}

	await visit(page, `/grupp/${AKADEMI_NORR}/rapport`);
	const sheets = page.locator('.sheets');
	// A short text answer in its cell, a long one in full below the table, yes/no as the word.
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: 'Vilken typ av utbildningar bidrar vi med?' })
			.getByTestId('report-value')
	).toHaveText('Sjuksköterska och lärare på distans (2026)');
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: 'Regelbundet synliggöra utbud' })
			.getByTestId('report-value')
	).toHaveText('Nej (2026)');
	await expect(
		page.getByRole('row').filter({ hasText: 'Inom tilldelad budget' }).getByTestId('report-value')
	).toHaveText('Ja (2026)');
	const answers = await page.getByTestId('report-answer').allInnerTexts();
	expect(answers.join(' ').replace(/\s+/g, ' ')).toContain(longAnswer.replace(/\s+/g, ' '));
	await expect(sheets).not.toContainText(/text \d{4}/);
	const after = await expectPrintsWhatItSays(page, testInfo, 'akademi-norr-season');
	expect(after).toBeGreaterThan(before);
	await expectNoSeriousAxeViolations(page, testInfo, 'board report after a season');

	// Norrbottens Kommuner follows its goals with assessments: a long analysis for each of four goals.
	await visit(page, `/grupp/${NORRBOTTEN}`);
	const forms = page.getByTestId('goal').filter({ has: page.getByText('Gör en bedömning') });
	const analyses: string[] = [];
	for (let i = 0; i < 4; i++) {
		const goal = forms.nth(i);
		await goal.getByText('Gör en bedömning').click();
		await goal.getByLabel('År', { exact: true }).fill('2026');
		await goal.getByLabel('Status').selectOption({ index: i % 3 });
		const analysis = `Mål ${i + 1}. ${prose(10 + 12 * i, `mål ${i + 1}`)}`;
		analyses.push(analysis);
		await goal.getByLabel('Analys').fill(analysis);
		await goal.getByRole('button', { name: 'Spara bedömning' }).click();
		await expect(goal.getByText('Bedömningen är sparad på enheten.')).toBeVisible();
	}
	await visit(page, `/grupp/${NORRBOTTEN}/rapport`);
	await expect(
		page.getByTestId('report-analysis').filter({ hasText: 'Mål 4. Under året' }).first()
	).toBeVisible();
	const printed = (await page.getByTestId('report-analysis').allInnerTexts())
		.join(' ')
		.replace(/\s+/g, ' ');
	for (const analysis of analyses) expect(printed).toContain(analysis.replace(/\s+/g, ' '));
	await expectPrintsWhatItSays(page, testInfo, 'norrbottens-kommuner-season');

	// The other groupings, as this browser now holds them.
	for (const id of GROUPINGS.filter((g) => g !== AKADEMI_NORR && g !== NORRBOTTEN)) {
		await visit(page, `/grupp/${id}/rapport`);
		await expectPrintsWhatItSays(page, testInfo, `${id}-season`);
	}
});
