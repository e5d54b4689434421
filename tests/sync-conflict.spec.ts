import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { openApp, type DemoRole } from './support/app';

const HEADLINE = 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer';
const GRID = '/grupp/akademi-norr/registrera?ar=2025';

async function openGrid(context: BrowserContext, role: DemoRole): Promise<Page> {
	const page = await context.newPage();
	await openApp(page, GRID, role);
	await page.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	return page;
}

function arjeplog(page: Page) {
	return page.getByTestId('entry-row').filter({ hasText: 'Arjeplog' });
}

async function syncNow(page: Page) {
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('sync-now')).toHaveText('Synka nu');
}

test('a conflict made offline is shown, resolved on one device and seen on the other', async ({
	browser
}) => {
	const contextA = await browser.newContext();
	const contextB = await browser.newContext();
	const a = await openGrid(contextA, 'editor');
	const b = await openGrid(contextB, 'admin');

	// A is in the inland without coverage; B is at the office.
	await contextA.setOffline(true);
	await arjeplog(a).getByTestId('value-input').fill('17,3');
	await arjeplog(a).getByTestId('value-input').press('Tab');
	await expect(a.getByTestId('pending-count')).toHaveAttribute('data-count', '1');

	await arjeplog(b).getByTestId('value-input').fill('18,4');
	await arjeplog(b).getByTestId('value-input').press('Tab');
	await syncNow(b);

	// A comes back: its edit meets B's, and A is shown both.
	await contextA.setOffline(false);
	await syncNow(a);
	const conflict = a.getByTestId('conflict');
	await expect(conflict).toBeVisible();
	await expect(conflict).toContainText('18,4');
	await expect(conflict).toContainText('17,3');
	await expect(arjeplog(a).getByTestId('value-input')).toHaveValue('18,4');

	// A decides that its own figure is right.
	await conflict.getByTestId('choose-value').click();
	await expect(a.getByTestId('conflict')).toHaveCount(0);
	await syncNow(a);
	await expect(a.getByTestId('conflict')).toHaveCount(0);
	await expect(arjeplog(a).getByTestId('value-input')).toHaveValue('17,3');

	// B sees the resolution after its next sync, and the history holds every step.
	await syncNow(b);
	await expect(arjeplog(b).getByTestId('value-input')).toHaveValue('17,3');
	await expect(b.getByTestId('conflict')).toHaveCount(0);
	await arjeplog(b).getByText('Historik').click();
	const historyList = b.getByTestId('value-history');
	await expect(historyList).toContainText('konflikt löst');
	await expect(historyList).toContainText('konflikt');

	await contextA.close();
	await contextB.close();
});
