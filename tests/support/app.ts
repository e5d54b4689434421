import { expect, type BrowserContext, type Page } from '@playwright/test';

/**
 * Shared steps of the e2e tests. Every test opens the app through `openApp`,
 * so a step every visit needs (signing in, once issue 4 adds it) goes here
 * and nowhere else.
 */

/** The tablet-in-portrait size the dashboards are designed for first. */
export const TABLET_PORTRAIT = { width: 768, height: 1024 } as const;
export const TABLET_LANDSCAPE = { width: 1024, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export const AKADEMI_NORR = 'akademi-norr';
export const HEADLINE = 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer';

/** Waits until the service worker controls the page: from then on the app opens with no network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 });
}

/**
 * Waits for a finished sync. "allt synkat" shows before any sync has run, so
 * this waits for the time of the last sync ("synkat 10:42") instead.
 */
export async function waitForFirstSync(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toContainText(/synkat \d{1,2}[:.]\d{2}/, { timeout: 30_000 });
}

/**
 * Opens the app at `path` in a new page of `context` (or in `page`), waits
 * until the service worker controls it and the first sync has pulled the
 * server's rows. After this the test may go offline.
 */
export async function openApp(target: BrowserContext | Page, path = '/'): Promise<Page> {
	const page = 'newPage' in target ? await target.newPage() : target;
	await page.goto(path);
	await waitForServiceWorker(page);
	await waitForFirstSync(page);
	return page;
}

/** A full navigation (as typing an address): offline, the service worker answers with the app shell. */
export async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.locator('main')).not.toContainText('Öppnar lokal databas', { timeout: 15_000 });
}
