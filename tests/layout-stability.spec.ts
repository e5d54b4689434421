import { test, expect, type Page } from '@playwright/test';
import { AKADEMI_NORR, openApp } from './support/app';

/**
 * Nothing moves under a finger (issue 23: cumulative layout shift ≤ 0,02): the
 * start page, whose "Att göra" is worked out after the list is drawn, and the
 * overview, drawn a step at a time. Measured as a person opens them again on a
 * phone, the CPU slowed as on a cheap one, with a season's demo data.
 */
const PHONE = { width: 412, height: 823 } as const;
const MAX_LAYOUT_SHIFT = 0.02;

async function layoutShiftOnOpening(page: Page, path: string): Promise<number> {
	const opened = await page.context().newPage();
	await opened.addInitScript(() => {
		const w = window as unknown as { layoutShift: number };
		w.layoutShift = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
			})[])
				if (!entry.hadRecentInput) w.layoutShift += entry.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	const cdp = await page.context().newCDPSession(opened);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	await opened.goto(path);
	await expect(opened.locator('main h1')).toBeVisible();
	// Until everything deferred has come: the reminders, the tallies, the overview's last step.
	await expect(opened.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
	await opened.waitForTimeout(3_000);
	const shift = await opened.evaluate(
		() => (window as unknown as { layoutShift: number }).layoutShift
	);
	await opened.close();
	return shift;
}

test.use({ viewport: PHONE });

test('the start page and the overview do not move as they finish drawing', async ({ page }) => {
	test.setTimeout(120_000);
	await openApp(page, '/', 'admin');
	// Anna reviews Akademi Norr's round: her start page has something to do.
	await expect(page.getByTestId('reminders')).toBeVisible();
	expect(await layoutShiftOnOpening(page, '/')).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
	expect(await layoutShiftOnOpening(page, `/grupp/${AKADEMI_NORR}`)).toBeLessThanOrEqual(
		MAX_LAYOUT_SHIFT
	);
});
