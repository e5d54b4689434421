import { test, expect, type Page } from '@playwright/test';
import { openAllFolds, openApp } from './support/app';

const PHONE_SMALL = { width: 360, height: 740 } as const;
const GROUPINGS = [
	'akademi-norr',
	'umearegionen',
	'norrbottens-kommuner',
	'kompetensmaklare',
	'swpp'
];
const GROUPING_PAGES = [
	'',
	'/mote',
	'/registrera',
	'/import',
	'/export',
	'/rapportering',
	'/rapport',
	'/anvandare',
	'/medlemmar',
	'/plan',
	'/plan/logg',
	'/plan/indikator/ny'
];

/** Waits until the page has drawn what it shows: its heading, and nothing still busy. */
async function drawn(page: Page) {
	await expect(
		page.locator('main h1, main [data-testid="missing-on-device"]').first()
	).toBeVisible();
	await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
}

async function widthOf(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The elements that stick out past the right edge, for the failure message. */
async function overflowing(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(0, 5)
			.map(
				(e) =>
					`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`
			)
	);
}

test('every page of the app fits a 360 px wide phone without scrolling sideways, for a signed-in admin', async ({
	page
}) => {
	test.setTimeout(300_000);
	await page.setViewportSize(PHONE_SMALL);
	await openApp(page, '/', 'everywhere');
	const indicatorPages = await page.evaluate(async () => {
		const open = indexedDB.open('lagesbild');
		const db: IDBDatabase = await new Promise(
			(resolve, reject) => (
				(open.onsuccess = () => resolve(open.result)),
				(open.onerror = () => reject(open.error))
			)
		);
		const all: { id: string; organisationId: string }[] = await new Promise((resolve) => {
			const request = db.transaction('indicators').objectStore('indicators').getAll();
			request.onsuccess = () => resolve(request.result);
		});
		db.close();
		// The first indicator of each grouping, and every unit of Akademi Norr's.
		const firstOf = new Map<string, string>();
		for (const i of all) if (!firstOf.has(i.organisationId)) firstOf.set(i.organisationId, i.id);
		return [
			...new Set(
				[...firstOf.entries()]
					.map(([g, id]) => `/grupp/${g}/indikator/${id}`)
					.concat(
						all
							.filter((i) => i.organisationId === 'akademi-norr')
							.map((i) => `/grupp/akademi-norr/indikator/${i.id}`)
					)
			)
		];
	});
	const paths = [
		'/',
		'/kommun',
		'/kommun/2425',
		'/kommun/2425/rapportera',
		'/konflikter',
		'/ny-gruppering',
		'/grupp/akademi-norr/rapportering/2025',
		'/grupp/finns-inte',
		'/sidan-finns-inte',
		...GROUPINGS.flatMap((g) => GROUPING_PAGES.map((p) => `/grupp/${g}${p}`)),
		...indicatorPages,
		// The indicator editor of each of Akademi Norr's indicators (every unit and method), with its targets.
		...indicatorPages
			.filter((p) => p.startsWith('/grupp/akademi-norr/'))
			.map((p) => p.replace('/indikator/', '/plan/indikator/'))
	];
	const tooWide: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		await drawn(page);
		// With every table alternative and history open too.
		await openAllFolds(page, 'main');
		const width = await widthOf(page);
		if (width > PHONE_SMALL.width)
			tooWide.push(`${path}: ${width} px – ${(await overflowing(page)).join(', ')}`);
	}
	expect(tooWide).toEqual([]);
});

test("the header's brand, menu and user menu do not run into each other on a 360 px phone", async ({
	page
}) => {
	await page.setViewportSize(PHONE_SMALL);
	await openApp(page, '/', 'everywhere');
	// The visible pieces of the header's first line, left to right.
	const boxes = await page.evaluate(() =>
		[
			...document.querySelectorAll(
				'.app-header > .brand, .app-header nav a, .app-header [data-testid="signed-in-as"]'
			)
		]
			.map((e) => ({ text: e.textContent?.trim() ?? '', box: e.getBoundingClientRect() }))
			.filter(({ box }) => box.width > 0)
			.map(({ text, box }) => ({ text, left: box.left, right: box.right }))
	);
	expect(boxes.map((b) => b.text)).toContain('Kommuner');
	for (let i = 1; i < boxes.length; i++)
		expect(
			boxes[i].left,
			`"${boxes[i].text}" starts before "${boxes[i - 1].text}" ends`
		).toBeGreaterThanOrEqual(boxes[i - 1].right);
	expect(boxes.at(-1)!.right).toBeLessThanOrEqual(PHONE_SMALL.width);
});

test('the public pages fit a 360 px phone too', async ({ page }) => {
	await page.setViewportSize(PHONE_SMALL);
	for (const path of ['/logga-in', '/inbjudan/ogiltig-kod']) {
		await page.goto(path);
		await drawn(page);
		expect(await widthOf(page), path).toBeLessThanOrEqual(PHONE_SMALL.width);
	}
});
