import { test, expect } from '@playwright/test';
import { signIn, waitForFirstSync } from './support/app';

test('right after signing in on a slow link, pages say their data is on its way and the first sync shows its progress', async ({
	page
}) => {
	// The link is slow: the groupings and the first pull arrive only when the test lets them through.
	let release = () => {};
	const slowLink = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/api/reference**', async (route) => (await slowLink, route.continue()));
	await page.route('**/api/sync', async (route) => (await slowLink, route.continue()));

	await signIn(page, 'everywhere');
	await page.goto('/grupp/akademi-norr');
	await expect(page.getByTestId('awaiting-data')).toContainText('Hämtar dina förbund');
	await expect(page.getByTestId('missing-on-device')).toHaveCount(0);
	await expect(page.getByTestId('connection-status')).not.toContainText('allt synkat');
	await expect(page.getByTestId('sync-progress')).toContainText('Hämtar');

	release();
	await expect(page.getByRole('heading', { level: 1, name: 'Akademi Norr' })).toBeVisible();
	await waitForFirstSync(page);
	await expect(page.getByTestId('sync-progress')).toHaveCount(0);
	await expect(page.getByTestId('connection-status')).toContainText('allt synkat');

	// A grouping that really is not on the device says so, once the device has fetched what it may see.
	await page.goto('/grupp/finns-inte');
	await expect(page.getByTestId('missing-on-device')).toContainText('finns inte');
});
