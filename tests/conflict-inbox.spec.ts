import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { openApp, type DemoRole } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

// A context indicator in a year SCB has not published yet: values no other test reads.
const GRID = `/grupp/akademi-norr/registrera?ar=2025&indikator=akademi-norr-sysselsattningsgrad`;
const INDICATOR_PAGE = '/grupp/akademi-norr/indikator/akademi-norr-sysselsattningsgrad';

async function openGrid(context: BrowserContext, role: DemoRole): Promise<Page> {
	return openApp(context, GRID, role);
}
const arjeplog = (page: Page) => page.getByTestId('entry-row').filter({ hasText: 'Arjeplog' });

async function syncNow(page: Page) {
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('sync-now')).toHaveText('Synka nu');
}

test('a conflict made on two devices shows in the header, the inbox and the ranking, and is resolved from the inbox', async ({
	browser
}, testInfo) => {
	const contextA = await browser.newContext();
	const contextB = await browser.newContext();
	const a = await openGrid(contextA, 'editor');
	const b = await openGrid(contextB, 'admin');
	await expect(a.getByTestId('conflict-count')).toHaveCount(0);

	await contextA.setOffline(true);
	await arjeplog(a).getByTestId('value-input').fill('17,3');
	await arjeplog(a).getByTestId('value-input').press('Tab');
	await arjeplog(b).getByTestId('value-input').fill('18,4');
	await arjeplog(b).getByTestId('value-input').press('Tab');
	await syncNow(b);
	await contextA.setOffline(false);
	await syncNow(a);

	// The header counts it, and does not say "allt synkat" while it is open.
	await expect(a.getByTestId('conflict-count')).toHaveText(/1 konflikt att lösa/);
	await expect(a.getByTestId('connection-status')).not.toContainText('allt synkat');
	await syncNow(b);
	await expect(b.getByTestId('conflict-count')).toHaveAttribute('data-count', '1');

	// Marked in the grid, with icon and words.
	await expect(arjeplog(a).getByTestId('conflict-mark')).toContainText('konflikt');
	await expectNoSeriousAxeViolations(a, testInfo, 'tabell med konflikt');

	// Marked in the ranking on the indicator page.
	await a.goto(INDICATOR_PAGE);
	await a.getByTestId('ranking-year').selectOption('2025');
	const rankingRow = a.getByTestId('ranking').getByRole('row').filter({ hasText: 'Arjeplog' });
	await expect(rankingRow.getByTestId('conflict-mark')).toBeVisible();

	// The inbox lists both values, who and when, and resolves it in one tap.
	await a.getByTestId('conflict-count').click();
	await expect(a).toHaveURL(/\/konflikter$/);
	const item = a.getByTestId('inbox-conflict');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Sysselsättningsgrad');
	await expect(item).toContainText('Arjeplog 2025');
	await expect(item.getByTestId('inbox-option')).toHaveCount(2);
	await expect(item.getByTestId('inbox-option').nth(0)).toContainText('18,4');
	await expect(item.getByTestId('inbox-option').nth(0)).toContainText('Anna Andersson');
	await expect(item.getByTestId('inbox-option').nth(1)).toContainText('17,3');
	await expect(item.getByTestId('inbox-option').nth(1)).toContainText('Erik Eriksson (du)');
	await expectNoSeriousAxeViolations(a, testInfo, 'konflikter');
	await item.getByTestId('inbox-option').nth(1).getByTestId('inbox-choose').click();
	await expect(a.getByTestId('inbox-message')).toContainText('17,3 % gäller nu');
	await expect(a.getByTestId('no-conflicts')).toBeVisible();
	await expect(a.getByTestId('conflict-count')).toHaveCount(0);
	await syncNow(a);
	await expect(a.getByTestId('connection-status')).toContainText('allt synkat');

	// The other device hears of the choice, and the history tells it in words.
	await syncNow(b);
	await expect(b.getByTestId('conflict-count')).toHaveCount(0);
	await expect(arjeplog(b).getByTestId('value-input')).toHaveValue('17,3');
	await arjeplog(b)
		.getByRole('button', { name: /Historik/ })
		.click();
	const history = b.getByTestId('value-history');
	await expect(history).toContainText('konflikt: Anna Andersson 18,4 %, Erik Eriksson 17,3 %');
	await expect(history).toContainText('konflikt löst: 17,3 % valdes i stället för 18,4 %');

	await contextA.close();
	await contextB.close();
});

test('the value history wraps inside the page on a 1024 px screen', async ({ page }) => {
	await page.setViewportSize({ width: 1024, height: 768 });
	await openApp(page, GRID, 'admin');
	const row = arjeplog(page);
	await row.getByTestId('value-input').fill('16,2');
	await row.getByTestId('value-input').press('Tab');
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	await row.getByRole('button', { name: /Historik/ }).click();
	const history = page.getByTestId('value-history');
	await expect(history).toContainText('ändring');
	const box = (await history.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(1024);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});
