import { expect, type Page } from '@playwright/test';

/** The demo users seeded with the demo data (README: "Användare, roller och inloggning"). */
export const DEMO_PASSWORD = 'lagesbild-demo';
export const DEMO_USERS = {
	admin: 'anna.admin@akademinorr.example',
	editor: 'erik.editor@akademinorr.example',
	reporter: 'disa.dorotea@akademinorr.example',
	viewer: 'vera.viewer@akademinorr.example'
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, role: DemoRole = 'editor'): Promise<void> {
	await page.goto('/logga-in');
	await page.getByTestId('login-email').fill(DEMO_USERS[role]);
	await page.getByTestId('login-password').fill(DEMO_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/**
 * Opens the app signed in, at `path`, once the service worker controls the
 * page (so it works offline from here on) and the first sync has finished.
 * Every e2e test starts here.
 */
export async function openApp(page: Page, path = '/', role: DemoRole = 'editor'): Promise<void> {
	await signIn(page, role);
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
	// "· synkat 10:26" appears once a sync has completed ("allt synkat" alone is shown before the first).
	await expect(page.getByTestId('connection-status')).toContainText(/synkat \d{2}[:.]\d{2}/, { timeout: 30_000 });
}
