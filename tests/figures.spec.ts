import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { AKADEMI_NORR, openApp, visit } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * The case, built through the app: an editor enters 2025 values for
 * 4 of Akademi Norr's 12 members for "Antal antagna studenter" (a sum: 517
 * for all twelve in 2024). The new year must read as preliminary, "4 av 12",
 * in the chart, the overview and the printed report, never as a fall from
 * 517 to 87 or as a trend.
 */

const ADMITTED = 'akademi-norr-antagna-studenter';
const REPORTED: readonly [name: string, value: string][] = [
	['Sorsele', '20'],
	['Storuman', '25'],
	['Vilhelmina', '30'],
	['Åsele', '12']
];

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('a year 4 of 12 members have reported is preliminary in the chart, the overview and the printed report', async ({
	page
}, testInfo) => {
	// The editor enters the four values in the entry grid and syncs them.
	await openApp(page, `/grupp/${AKADEMI_NORR}/registrera?indikator=${ADMITTED}&ar=2025`, 'editor');
	await expect(page.getByTestId('entry-row')).toHaveCount(12);
	for (const [name, value] of REPORTED) {
		const input = page
			.getByTestId('entry-row')
			.filter({ hasText: name })
			.getByTestId('value-input');
		await input.fill(value);
		await input.press('Tab');
	}
	await expect(page.getByTestId('combined-value')).toContainText(
		'summa av 4 av 12 kommuner (8 saknas, summan är en undre gräns)'
	);
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 20_000
	});

	// The indicator page: 2024 is the figure, 2025 a point of its own, labelled, with no trend drawn from it.
	await visit(page, `/grupp/${AKADEMI_NORR}/indikator/${ADMITTED}`);
	await expect(page.getByTestId('latest-value')).toHaveText('517');
	await expect(page.getByTestId('preliminary')).toContainText(
		'2025 preliminärt: 4 av 12 kommuner har rapporterat (87 hittills)'
	);
	const chart = page.getByTestId('line-chart');
	await expect(
		chart.getByRole('button', { name: /^2025: 87, preliminärt, 4 av 12 kommuner har rapporterat/ })
	).toHaveCount(1);
	await expect(chart.locator('.preliminary-label')).toHaveText('4 av 12');
	await expect(chart.getByTestId('preliminary-legend')).toBeVisible();
	const summary = chart.getByTestId('chart-summary');
	await expect(summary).toContainText(
		'Preliminärt, alla kommuner har inte rapporterat: 2025: 87 (4 av 12 kommuner).'
	);
	await expect(summary).not.toContainText('Minskar');
	await expect(summary).toContainText('För få år med värden för att visa en trend.');
	await chart.getByText('Visa som tabell').click();
	await expect(chart.locator('table')).toContainText('preliminärt, 4 av 12 kommuner');
	// Each member is marked against the reference (the mean per municipality), by word, not colour alone.
	await page.getByTestId('small-multiples').scrollIntoViewIfNeeded();
	await expect(page.getByTestId('small-multiples').getByTestId('versus').first()).toContainText(
		/över|under|lika/
	);
	await screenshot(page, testInfo, 'indicator-preliminary');
	await expectNoSeriousAxeViolations(page, testInfo, 'indicator with a preliminary year');

	// The overview: the judged year's value, the new year apart with how many have reported.
	await visit(page, `/grupp/${AKADEMI_NORR}`);
	const tile = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: 'Antal antagna studenter' }) });
	await expect(tile.getByTestId('tile-value')).toHaveText('517');
	await expect(tile.getByTestId('preliminary')).toHaveText(
		'2025 preliminärt: 4 av 12 kommuner har rapporterat: 87 hittills'
	);
	await expectNoSeriousAxeViolations(page, testInfo, 'overview with a preliminary year');

	// The printed report: laid out for print, the same words on paper.
	await visit(page, `/grupp/${AKADEMI_NORR}/rapport`);
	await page.emulateMedia({ media: 'print' });
	const sheet = page.getByTestId('report-page').first();
	const reportRow = sheet.getByRole('row').filter({ hasText: 'Antal antagna studenter' });
	await expect(reportRow).toContainText('517 (2024)');
	await expect(reportRow.getByTestId('report-preliminary')).toHaveText(
		'2025 preliminärt: 4 av 12 kommuner har rapporterat: 87 hittills'
	);
	// The chart with its table of values may fall on a later sheet than the row: the report as a whole.
	const printed = await page.locator('.sheets').innerText();
	expect(printed).toContain('87*');
	expect(printed).toContain(
		'* 2025 preliminärt: 4 av 12 kommuner har rapporterat; inte jämförbart med hela år.'
	);
	expect(printed).not.toMatch(/Minskar med 4\d\d/);
	const pdfPath = testInfo.outputPath('report-preliminary.pdf');
	const pdf = await page.pdf({
		path: pdfPath,
		format: 'A4',
		preferCSSPageSize: true,
		printBackground: true
	});
	await testInfo.attach('report-preliminary.pdf', {
		path: pdfPath,
		contentType: 'application/pdf'
	});
	expect(pdf.length).toBeGreaterThan(1000);
	await page.emulateMedia({ media: 'screen' });
	await expectNoSeriousAxeViolations(page, testInfo, 'report with a preliminary year');
});

test('the weighted mean and the ratio of sums state what they are; the overview states every target', async ({
	page
}, testInfo) => {
	await openApp(page, `/grupp/${AKADEMI_NORR}/indikator/akademi-norr-eftergymnasial-3-ar-regionen`);
	await expect(page.getByTestId('method')).toHaveText(
		'kvot av summor för 12 kommuner (summa Invånare 25–64 år med eftergymnasial utbildning 3 år eller mer / summa Invånare 25–64 år), 25–64 år'
	);
	await expect(page.getByTestId('latest-value')).toHaveText('17,3 %');
	await expect(page.getByTestId('example-badge')).toBeVisible();

	await visit(page, `/grupp/${AKADEMI_NORR}/indikator/akademi-norr-medelalder`);
	await expect(page.getByTestId('method')).toHaveText(
		'viktat medelvärde av 12 kommuner, vikt: Folkmängd, hela befolkningen'
	);

	await expectNoSeriousAxeViolations(page, testInfo, 'indicator with a weighted mean');

	await visit(page, `/grupp/${AKADEMI_NORR}/indikator/akademi-norr-arbetsloshet`);
	await expect(page.getByTestId('method')).toHaveText(
		'oviktat medelvärde av 12 kommuner, 20–64 år'
	);
	// No county is stored in full, and Riket is not stored: nothing is passed off as either.
	await expect(page.getByTestId('national')).toContainText(
		'inget län har värden för alla sina kommuner'
	);
	// Official figures only: no example badge on a page of SCB values.
	await expect(page.getByTestId('example-badge')).toHaveCount(0);

	// SWPP's targets are stated in the overview although nothing has been reported.
	await visit(page, '/grupp/swpp');
	const keyPersons = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: 'Antal nyckelpersoner som deltagit' }) });
	await expect(keyPersons).toContainText('minst 200 personer varje år');
});
