import { test, expect } from '@playwright/test';
import { AKADEMI_NORR, openApp, visit } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/** What a person meets off the beaten path: an unknown address (online and offline), and a page printed from the app. */

test('an unknown address shows a Swedish page with a way back, online and offline', async ({
	browser
}, testInfo) => {
	const context = await browser.newContext();
	const page = await openApp(context, '/');
	for (const offline of [false, true]) {
		await context.setOffline(offline);
		await visit(page, '/finns-inte/alls');
		await expect(page.getByTestId('error-page')).toContainText('Sidan finns inte');
		await expect(page.locator('main')).not.toContainText('Not Found');
		if (offline) await expect(page.getByTestId('error-page')).toContainText('utan nät');
		await expectNoSeriousAxeViolations(page, testInfo, `404 ${offline ? 'offline' : 'online'}`);
		await page.getByRole('link', { name: 'Till startsidan' }).click();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sidan finns inte');
	}
	await context.close();
});

test("a page printed from the app prints its content without the app's header and buttons", async ({
	page
}) => {
	await openApp(page, `/grupp/${AKADEMI_NORR}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Akademi Norr');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.app-header')).toBeHidden();
	for (const control of await page
		.locator('main button, main .button-link, main .register-link')
		.all())
		await expect(control).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByTestId('goal').first()).toBeVisible();
	await expect(page.getByTestId('indicator-link').first()).toBeVisible();
});
