import { test, expect } from '@playwright/test';
import { openApp } from './support/app';

const HEADLINE = 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer';
const GRID = '/grupp/akademi-norr/registrera?ar=2025';

test('a reporter enters her municipality’s value offline and it syncs when she is back online', async ({
	browser
}) => {
	const reporterContext = await browser.newContext();
	const page = await reporterContext.newPage();
	await openApp(page, GRID, 'reporter');
	await page.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	// Her own municipality, and only that.
	const rows = page.getByTestId('entry-row');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Dorotea');
	// No import for her: an import writes every member's values.
	await expect(page.getByTestId('import-link')).toHaveCount(0);

	await reporterContext.setOffline(true);
	await page.getByTestId('value-input').fill('14,8');
	await page.getByTestId('value-input').press('Tab');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
	// The federation's value still counts every member, not only the row she may change.
	await expect(page.getByTestId('combined-value')).toContainText('av 12 kommuner');
	await page.reload();
	await expect(page.getByTestId('value-input')).toHaveValue('14,8');

	await reporterContext.setOffline(false);
	// Coming back online syncs by itself.
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

	// The federation's editor sees it on another device.
	const editorContext = await browser.newContext();
	const editorPage = await editorContext.newPage();
	await openApp(editorPage, GRID, 'editor');
	await editorPage.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	const dorotea = editorPage.getByTestId('entry-row').filter({ hasText: 'Dorotea' });
	await expect(dorotea.getByTestId('value-input')).toHaveValue('14,8');
	await reporterContext.close();
	await editorContext.close();
});

test('a viewer sees the goals but no controls to change anything', async ({ page }) => {
	await openApp(page, '/grupp/akademi-norr', 'viewer');
	await expect(page.getByRole('heading', { name: 'Akademi Norr', level: 1 })).toBeVisible();
	await expect(page.getByTestId('goal').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Registrera värden' })).toHaveCount(0);
	await expect(page.getByText('Gör en bedömning')).toHaveCount(0);

	await page.goto('/grupp/akademi-norr/indikator/akademi-norr-eftergymnasial-3-ar');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Registrera värden' })).toHaveCount(0);

	for (const path of [GRID, '/grupp/akademi-norr/import']) {
		await page.goto(path);
		await expect(page.getByTestId('no-entry-rights')).toContainText('läsbehörighet');
		await expect(page.getByRole('textbox')).toHaveCount(0);
	}
});

test('signing out removes the user’s data from the device', async ({ page }) => {
	await openApp(page, '/', 'editor');
	await expect(page.getByRole('link', { name: 'Akademi Norr' }).first()).toBeVisible();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByTestId('signed-in-as').click();
	await page.getByTestId('sign-out').click();
	await expect(page.getByTestId('login-submit')).toBeVisible();
	const stored = await page.evaluate(async () => {
		const databases = await indexedDB.databases();
		return databases.map((d) => d.name);
	});
	// The database may be re-created empty by the sign-in page; it must hold nothing of the user's.
	if (stored.includes('lagesbild')) {
		const counts = await page.evaluate(
			() =>
				new Promise<number[]>((resolve, reject) => {
					const request = indexedDB.open('lagesbild');
					request.onerror = () => reject(request.error);
					request.onsuccess = () => {
						const db = request.result;
						const names = ['organisations', 'measurements', 'outbox', 'meta'].filter((n) =>
							db.objectStoreNames.contains(n)
						);
						if (names.length === 0) return resolve([]);
						const tx = db.transaction(names, 'readonly');
						Promise.all(
							names.map(
								(n) =>
									new Promise<number>(
										(r) =>
											(tx.objectStore(n).count().onsuccess = (e) =>
												r((e.target as IDBRequest<number>).result))
									)
							)
						)
							.then(resolve)
							.finally(() => db.close());
					};
				})
		);
		expect(counts.every((c) => c === 0)).toBe(true);
	}
	await page.reload();
	await expect(page.getByTestId('login-submit')).toBeVisible();
});
