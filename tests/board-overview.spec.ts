import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { AKADEMI_NORR, HEADLINE, TABLET_PORTRAIT, openApp, visit } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * The board's view (issue 20): the overview as tiles a directorate member
 * reads at a glance on a tablet, the start page's tally per grouping, and the
 * board-meeting mode that steps through the goal areas. Reads the demo data
 * as it is when this spec runs and never changes it; what it compares (the
 * start page against the overview) holds whatever other specs have entered.
 */
const GROUPINGS = [
	'akademi-norr',
	'umearegionen',
	'norrbottens-kommuner',
	'kompetensmaklare',
	'swpp'
];
/**
 * Akademi Norr's overview at 768×1024 before any details are opened: 30
 * indicators under five goals, one of them with four sub-goals. It was 6 100
 * px with a table per goal, 2 712 px with the first tiles, and measures 2 226
 * px (about 2,2 tablet screens) since the status shares a tile's facts line,
 * the goal's name has the card's width and the glance and the foot's folds
 * take a line each. The bound leaves room for a line or two.
 */
const AKADEMI_NORR_MAX_HEIGHT = 2300;

test.use({ viewport: TABLET_PORTRAIT, hasTouch: true });

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path, fullPage: true });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function pageHeight(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollHeight);
}

test('each demo overview shows tiles at 768×1024; Akademi Norr fits about two tablet screens', async ({
	page
}, testInfo) => {
	test.setTimeout(240_000);
	await openApp(page, '/');
	const heights: Record<string, number> = {};
	for (const id of GROUPINGS) {
		await visit(page, `/grupp/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByTestId('goal').first()).toBeVisible();
		// Drawn in steps (issue 23): measured once the last goal and the folds at the foot are there.
		await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
		heights[id] = await pageHeight(page);
		testInfo.annotations.push({
			type: 'overview height (px, 768×1024)',
			description: `${id}: ${heights[id]}`
		});
		await screenshot(page, testInfo, `overview-${id}-768x1024`);
		// Nothing sticks out sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			TABLET_PORTRAIT.width
		);
	}
	await testInfo.attach('overview-heights.json', {
		body: JSON.stringify(heights, null, 2),
		contentType: 'application/json'
	});
	expect(
		heights[AKADEMI_NORR],
		`Akademi Norr's overview is ${heights[AKADEMI_NORR]} px tall`
	).toBeLessThanOrEqual(AKADEMI_NORR_MAX_HEIGHT);

	// The headline indicator's tile: value against target, the years with the target path, status in colour, icon and word.
	await visit(page, `/grupp/${AKADEMI_NORR}`);
	const tile = page
		.getByTestId('indicator-tile')
		.filter({ has: page.getByRole('link', { name: HEADLINE, exact: true }) });
	await expect(tile.getByTestId('tile-value')).toHaveText('16,6 %');
	await expect(tile).toContainText('2024');
	await expect(tile).toContainText('mål 16,6 %');
	await expect(tile.getByTestId('tile-change')).toContainText('+0,2 procentenheter sedan 2023');
	await expect(tile.getByTestId('sparkline')).toHaveAttribute('aria-label', /med målbanan/);
	await expect(tile.locator('[data-status="onTrack"]')).toContainText('I fas');
	await expect(tile.getByText('exempeldata')).toBeVisible();
	// The table stays one tap away for whoever wants every column.
	const goal = page.getByTestId('goal').filter({ has: tile });
	await goal.getByText('Visa som tabell').first().click();
	await expect(
		goal.getByRole('row').filter({ has: page.getByRole('link', { name: HEADLINE }) })
	).toContainText('1 maj 2025');
	await expectNoSeriousAxeViolations(page, testInfo, 'overview with tiles');

	// One tap anywhere on the tile opens the indicator.
	const box = await tile.boundingBox();
	await page.touchscreen.tap(box!.x + box!.width - 12, box!.y + box!.height - 12);
	await expect(page).toHaveURL(
		/\/grupp\/akademi-norr\/indikator\/akademi-norr-eftergymnasial-3-ar$/
	);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(HEADLINE);
});

test("the start page shows each grouping's goals per status, as its overview counts them", async ({
	page
}, testInfo) => {
	await openApp(page, '/');
	for (const id of GROUPINGS) {
		const card = page
			.locator('.groupings > li')
			.filter({ has: page.locator(`a[href="/grupp/${id}"]`) })
			.first();
		await expect(card.getByTestId('grouping-tally')).toBeVisible();
		const onStart = (await card.getByTestId('grouping-tally').innerText()).trim();
		expect(onStart, id).toMatch(/Målen: \d+ /);
		await expect(card.getByTestId('grouping-tally').locator('[data-status]').first()).toBeVisible();
	}
	await screenshot(page, testInfo, 'start-page-tallies');
	await expectNoSeriousAxeViolations(page, testInfo, 'start page with tallies');

	// The same count as the overview's "Läget i korthet", for every grouping.
	const startTexts: Record<string, string> = {};
	for (const id of GROUPINGS) {
		const card = page
			.locator('.groupings > li')
			.filter({ has: page.locator(`a[href="/grupp/${id}"]`) })
			.first();
		startTexts[id] = (await card
			.getByTestId('grouping-tally')
			.locator('.visually-hidden')
			.textContent())!.trim();
	}
	for (const id of GROUPINGS) {
		await visit(page, `/grupp/${id}`);
		const glance = page.locator('.at-a-glance .visually-hidden');
		await expect(glance).toHaveText(startTexts[id]);
	}
});

test('the board-meeting mode steps through the goal areas with keys, swipes and buttons, offline, and back to the overview', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext({
		viewport: TABLET_PORTRAIT,
		hasTouch: true,
		serviceWorkers: 'allow',
		locale: 'sv-SE'
	});
	const page = await openApp(context, `/grupp/${AKADEMI_NORR}`);
	await expect(page.getByTestId('meeting-link')).toBeVisible();
	await context.setOffline(true);
	// A full navigation offline: the service worker answers with the shell, the store with the figures.
	await visit(page, `/grupp/${AKADEMI_NORR}/mote`);
	const position = page.getByTestId('meeting-position');
	await expect(position).toHaveText(/1 av (\d+)/);
	const count = Number((await position.innerText()).match(/av (\d+)/)![1]);
	expect(count).toBeGreaterThanOrEqual(2);
	const first = await page.getByRole('heading', { level: 1 }).innerText();
	await expect(page.getByTestId('meeting-goal').first()).toBeVisible();
	await expect(page.getByTestId('meeting-indicator').first()).toBeVisible();
	await expect(page.getByTestId('meeting-previous')).toBeDisabled();
	await screenshot(page, testInfo, 'meeting-1');
	await expectNoSeriousAxeViolations(page, testInfo, 'meeting mode');

	// Arrow keys.
	await page.keyboard.press('ArrowRight');
	await expect(position).toHaveText(new RegExp(`2 av ${count}`));
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(first);
	await page.keyboard.press('ArrowLeft');
	await expect(position).toHaveText(new RegExp(`1 av ${count}`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);

	// A swipe, right to left forward and back again (pointer events; a short or vertical move is none).
	const slide = page.getByTestId('meeting-slide');
	const box = (await slide.boundingBox())!;
	const swipe = async (fromX: number, toX: number, dy = 0) => {
		const y = box.y + 200;
		await page.mouse.move(fromX, y);
		await page.mouse.down();
		await page.mouse.move((fromX + toX) / 2, y + dy / 2, { steps: 4 });
		await page.mouse.move(toX, y + dy, { steps: 4 });
		await page.mouse.up();
	};
	await swipe(box.x + box.width - 60, box.x + 60);
	await expect(position).toHaveText(new RegExp(`2 av ${count}`));
	await swipe(box.x + 100, box.x + 120);
	await expect(position).toHaveText(new RegExp(`2 av ${count}`));
	await swipe(box.x + 60, box.x + box.width - 60);
	await expect(position).toHaveText(new RegExp(`1 av ${count}`));

	// The buttons, to the last area, where "Nästa" stops.
	for (let i = 1; i < count; i++) await page.getByTestId('meeting-next').click();
	await expect(position).toHaveText(new RegExp(`${count} av ${count}`));
	await expect(page.getByTestId('meeting-next')).toBeDisabled();
	await expectNoSeriousAxeViolations(page, testInfo, 'meeting mode, last area');

	// Escape returns to the overview.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(new RegExp(`/grupp/${AKADEMI_NORR}$`));
	await expect(page.getByRole('heading', { level: 1, name: 'Akademi Norr' })).toBeVisible();
	await context.close();
});

test("the meeting mode shows the year's analysis beside the figures, and fits a 360 px phone", async ({
	page
}, testInfo) => {
	await page.setViewportSize({ width: 360, height: 740 });
	// Norrbottens Kommuner's demo goals carry example assessments with an analysis.
	await openApp(page, '/grupp/norrbottens-kommuner/mote');
	const position = page.getByTestId('meeting-position');
	await expect(position).toHaveText(/1 av \d+/);
	const count = Number((await position.innerText()).match(/av (\d+)/)![1]);
	let analyses = 0;
	for (let i = 0; i < count; i++) {
		if (i > 0) await page.getByTestId('meeting-next').click();
		await expect(position).toHaveText(new RegExp(`${i + 1} av ${count}`));
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth),
			`area ${i + 1}`
		).toBeLessThanOrEqual(360);
		analyses += await page
			.getByTestId('meeting-analysis')
			.filter({ hasText: /Analys \d{4}/ })
			.count();
	}
	expect(analyses).toBeGreaterThan(0);
	await screenshot(page, testInfo, 'meeting-360');
	await expectNoSeriousAxeViolations(page, testInfo, 'meeting mode at 360 px');
	await page.getByTestId('meeting-close').click();
	await expect(page).toHaveURL(/\/grupp\/norrbottens-kommuner$/);
});
