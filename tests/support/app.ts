import { expect, type Page } from '@playwright/test';

/**
 * Opens the app at `path` and waits until it is ready to use: the service
 * worker controls the page (the shell is precached) and the first sync has
 * pulled the server's rows. Every e2e test starts here, so that signing in
 * can be added in one place.
 */
export async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
	// "· synkat 10:26" appears once a sync has completed ("allt synkat" alone is shown before the first).
	await expect(page.getByTestId('connection-status')).toContainText(/synkat \d{2}[:.]\d{2}/);
}
