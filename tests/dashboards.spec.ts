import { test, expect, type Page, type TestInfo } from '@playwright/test';
import {
	AKADEMI_NORR,
	HEADLINE,
	PHONE,
	TABLET_LANDSCAPE,
	TABLET_PORTRAIT,
	openApp,
	visit
} from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

const OVERVIEW = `/grupp/${AKADEMI_NORR}`;
const INDICATOR = `/grupp/${AKADEMI_NORR}/indikator/akademi-norr-eftergymnasial-3-ar`;
/** Arjeplog: a member of Akademi Norr and of Norrbottens Kommuner. */
const MUNICIPALITY = '/kommun/2506';
const REPORT = `/grupp/${AKADEMI_NORR}/rapport`;

test.use({ viewport: TABLET_PORTRAIT, hasTouch: true });

/** A full-page screenshot, saved in the test's output folder and attached to the report. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** No sideways scrolling of the page itself (tables may scroll inside their own box). */
async function expectNoPageOverflow(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test('overview, indicator and municipality pages render offline at 768×1024 from the local store', async ({
	context
}, testInfo) => {
	const page = await openApp(context, OVERVIEW);
	await context.setOffline(true);

	// Overview: the goal tree with a status per goal, the latest value against target, links on.
	await visit(page, OVERVIEW);
	await expect(page.getByTestId('connection-status')).toContainText('Offline');
	await expect(page.getByRole('heading', { level: 1, name: 'Akademi Norr' })).toBeVisible();
	await expect(page.getByTestId('goal')).toHaveCount(5);
	await expect(page.getByTestId('goal').first().locator('[data-status]').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Läget i korthet' })).toBeVisible();
	const headlineTile = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: HEADLINE }) });
	await expect(headlineTile.getByTestId('tile-value')).toHaveText('16,6 %');
	await expect(headlineTile).toContainText('2024');
	await expect(headlineTile.locator('[data-status="onTrack"]')).toBeVisible();
	// The goal's table, one tap away, has every column, the date of the latest entry too.
	await page.getByTestId('goal').filter({ has: headlineTile }).getByText('Visa som tabell').click();
	const headlineRow = page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: HEADLINE }) });
	await expect(headlineRow).toContainText('16,6 %');
	await expect(headlineRow).toContainText('1 maj 2025');
	await expect(headlineRow.locator('[data-status="onTrack"]')).toBeVisible();
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'overview-768x1024');
	await expectNoSeriousAxeViolations(page, testInfo, 'overview');

	// Indicator page, reached by a full offline navigation: the service worker serves the shell.
	await visit(page, INDICATOR);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINE);
	await expect(page.getByTestId('method')).toHaveText(
		'oviktat medelvärde av 12 kommuner, 25–64 år'
	);
	await expect(page.getByTestId('indicator-summary')).toHaveText(
		'Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet (exempeldata).'
	);
	await expect(page.getByTestId('chart-summary')).toContainText('från 16,2 % till 16,6 %');
	await expect(page.getByTestId('national')).toContainText('inte känt');
	// A member's chart is drawn when it comes near the viewport.
	await page.getByTestId('small-multiples').scrollIntoViewIfNeeded();
	await expect(page.getByTestId('small-multiples').getByRole('img')).toHaveCount(12);
	// A drawn chart's name links to the municipality's page.
	await expect(
		page.getByTestId('small-multiples').getByRole('link', { name: 'Lycksele' })
	).toHaveAttribute('href', '/kommun/2481');
	const ranking = page.getByTestId('ranking');
	await expect(ranking.locator('tbody tr')).toHaveCount(12);
	await expect(ranking.locator('tbody tr').first()).toContainText('Lycksele');
	await expect(ranking.locator('tbody tr').first()).toContainText('20,3 %');

	// The chart's points: keyboard (a roving tab stop, arrows) and touch both show the tooltip.
	const points = page.getByTestId('line-chart').getByRole('button');
	await expect(points).toHaveCount(3);
	await points.last().focus();
	await expect(page.locator('.tooltip')).toContainText('2024');
	await expect(page.locator('.tooltip')).toContainText('Mål: 16,6 %');
	await page.keyboard.press('ArrowLeft');
	await expect(points.nth(1)).toBeFocused();
	await expect(page.locator('.tooltip')).toContainText('2023');
	await expect(points.nth(1)).toHaveAttribute('aria-label', '2023: 16,4 %, exempeldata');
	await page.keyboard.press('Escape');
	await expect(page.locator('.tooltip')).toHaveCount(0);
	const box = await points.first().boundingBox();
	expect(box!.width).toBeGreaterThanOrEqual(44);
	expect(box!.height).toBeGreaterThanOrEqual(44);
	await points.first().tap();
	await expect(page.locator('.tooltip')).toContainText('2022');
	await page.locator('h1').click();

	// The table alternative holds the same numbers.
	await page.getByTestId('line-chart').getByText('Visa som tabell').click();
	await expect(page.getByTestId('line-chart').locator('table')).toContainText('16,4 %');
	await page.getByTestId('line-chart').getByText('Visa som tabell').click();
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'indicator-768x1024');
	await expectNoSeriousAxeViolations(page, testInfo, 'indicator');

	// Municipality page: every member indicator of each of Arjeplog's groupings, as bullet charts with trends.
	await visit(page, MUNICIPALITY);
	await expect(page.getByRole('heading', { level: 1, name: 'Arjeplog' })).toBeVisible();
	await expect(
		page.getByTestId('municipality-grouping').filter({ hasText: 'Akademi Norr' })
	).toBeVisible();
	await expect(
		page.getByTestId('municipality-grouping').filter({ hasText: 'Norrbottens Kommuner' })
	).toContainText('följs med bedömningar');
	const headline = page.getByTestId('municipality-indicator').filter({ hasText: HEADLINE });
	await expect(headline).toContainText(
		'Arjeplog 2024: 16,1 %, förbundets medelvärde 16,6 %, förbundets mål 16,6 %, ligger efter med 0,5 procentenheter (exempeldata).'
	);
	await expect(headline.getByTestId('bullet-chart').locator('svg')).toBeVisible();
	await expect(headline.getByTestId('sparkline')).toBeVisible();
	await expect(headline).toContainText(
		'Ökar med 0,3 procentenheter per år 2022–2024, en förbättring.'
	);
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'municipality-768x1024');
	await expectNoSeriousAxeViolations(page, testInfo, 'municipality');
});

test('the board report fits A4, as many sheets as it says, each with its header, and passes axe', async ({
	context
}, testInfo) => {
	const page = await openApp(context, REPORT);
	await context.setOffline(true);
	await visit(page, REPORT);
	const sheets = page.getByTestId('report-page');
	// The sheets are laid out from the content (report-layout.ts), not one per goal area: the count shown is the count rendered.
	const shown = Number(await page.getByTestId('report-page-count').getAttribute('data-count'));
	expect(shown).toBeGreaterThanOrEqual(2);
	await expect(sheets).toHaveCount(shown);
	await expect(sheets.first()).toContainText('Verksamhetens mål 2025');
	await expect(sheets.last()).toContainText('God ekonomisk hushållning för kommunalförbundet');
	for (let i = 0; i < shown; i++)
		await expect(sheets.nth(i).locator('.sheet-head')).toContainText(
			`Akademi Norr · Verksamhetsplan 2025`
		);
	await expect(sheets.nth(shown - 1).locator('.sheet-head')).toContainText(
		`sida ${shown} av ${shown}`
	);
	await screenshot(page, testInfo, 'report-768x1024');
	await expectNoSeriousAxeViolations(page, testInfo, 'report');

	// A4 portrait within the 12 mm margins is 186 × 273 mm: lay the sheets out at that width, as print does, and each must fit.
	const mm = 96 / 25.4;
	await page.setViewportSize({ width: Math.floor(186 * mm), height: Math.floor(273 * mm) });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Skriv ut eller spara som PDF' })).toBeHidden();
	const sizes = await sheets.evaluateAll((all) =>
		all.map((s) => ({
			overflow: s.scrollWidth - s.clientWidth,
			cut: s.scrollHeight - s.clientHeight,
			height: s.getBoundingClientRect().height
		}))
	);
	for (const size of sizes) {
		expect(size.overflow).toBeLessThanOrEqual(0);
		expect(size.cut, 'nothing on a sheet is cut off').toBeLessThanOrEqual(0);
		expect(size.height).toBeLessThanOrEqual(273 * mm);
	}
	const pdfPath = testInfo.outputPath('board-report.pdf');
	const pdf = await page.pdf({
		path: pdfPath,
		format: 'A4',
		preferCSSPageSize: true,
		printBackground: true
	});
	await testInfo.attach('board-report.pdf', { path: pdfPath, contentType: 'application/pdf' });
	const raw = pdf.toString('latin1');
	const pages = (raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
	expect(pages, 'PDF pages = the sheets the report shows').toBe(shown);
	// Every page is A4: 595 × 842 points.
	const boxes = [
		...raw.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)
	].map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
	expect(boxes.length).toBeGreaterThan(0);
	for (const [w, h] of boxes) {
		expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
		expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
	}
});

test('charts resize with the viewport: tablet landscape and phone', async ({
	context
}, testInfo) => {
	const page = await openApp(context, INDICATOR);
	await page.setViewportSize(TABLET_LANDSCAPE);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINE);
	const chart = page.getByTestId('line-chart').locator('svg').first();
	const wide = Number(await chart.getAttribute('width'));
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'indicator-1024x768');

	await page.setViewportSize(PHONE);
	await expect.poll(async () => Number(await chart.getAttribute('width'))).toBeLessThan(wide);
	expect(Number(await chart.getAttribute('width'))).toBeLessThanOrEqual(PHONE.width);
	// Two small multiples side by side on a phone.
	const cells = page.getByTestId('small-multiples').locator('figure');
	const [first, second] = [await cells.nth(0).boundingBox(), await cells.nth(1).boundingBox()];
	expect(Math.abs(first!.y - second!.y)).toBeLessThan(1);
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'indicator-390x844');

	await visit(page, MUNICIPALITY);
	await expect(page.getByTestId('bullet-chart').first().locator('svg')).toBeVisible();
	await expectNoPageOverflow(page);
	await screenshot(page, testInfo, 'municipality-390x844');
});
