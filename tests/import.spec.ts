import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openApp } from './support/app';

const SCB_FILE = path.resolve('src/lib/seed/sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv');
const MEAN_AGE = 'umearegionen-medelalder';

function entryRow(page: Page, municipality: string) {
	return page.getByTestId('entry-row').filter({ hasText: municipality });
}

test('a real SCB file is imported through the UI: preview, confirm, values in the grid; a value typed by hand is kept', async ({ page }) => {
	// Umeå's mean age for 2024 is typed by hand first: the import must not overwrite it unasked.
	await openApp(page, `/grupp/umearegionen/registrera?indikator=${MEAN_AGE}&ar=2024`);
	const umea = entryRow(page, 'Umeå').getByTestId('value-input');
	await umea.fill('40');
	await umea.press('Tab');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');

	await page.getByTestId('import-link').click();
	await expect(page.getByRole('heading', { name: 'Importera värden' })).toBeVisible();
	await expect(page.getByTestId('import-indicator')).toHaveValue(MEAN_AGE);
	await page.getByTestId('csv-file').setInputFiles(SCB_FILE);

	const read = page.getByTestId('import-read');
	await expect(read).toContainText(/kommaavgränsad, decimalpunkt, UTF-8 utan BOM, 1\s232 rader/);
	await expect(page.getByTestId('skipped')).toContainText(/1\s036 rader för kommuner som inte är medlemmar/);
	await expect(page.getByTestId('row-errors')).toHaveCount(0);
	// Seven members (since 1993; Örnsköldsvik since 2013) × 1998–2019 are new; 2020–2025 are already there.
	await expect(page.getByTestId('count-new')).toHaveText('154');
	await expect(page.getByTestId('count-changed')).toHaveText('1');
	await expect(page.getByTestId('count-unchanged')).toHaveText('41');
	await expect(page.getByTestId('needs-confirmation')).toContainText('1 värde');
	const first = page.getByTestId('preview-row').first();
	await expect(first).toContainText('Umeå');
	await expect(first).toContainText('kräver bekräftelse');
	await expect(first).toContainText('Manuellt inmatat');

	await expect(page.getByTestId('confirm-import')).toHaveText('Importera 154 värden');
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toContainText('154 värden importerades');
	await expect(page.getByTestId('import-done')).toContainText('1 värde från andra källor behölls');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '155');
	// The imported values go to the server like any edit.
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');

	await page.goto(`/grupp/umearegionen/registrera?indikator=${MEAN_AGE}&ar=2010`);
	await expect(page.getByTestId('entry-row')).toHaveCount(6);
	await expect(entryRow(page, 'Umeå').getByTestId('value-input')).toHaveValue('38,2');
	await expect(entryRow(page, 'Vindeln').getByTestId('value-input')).not.toHaveValue('');
	await page.goto(`/grupp/umearegionen/registrera?indikator=${MEAN_AGE}&ar=2024`);
	await expect(entryRow(page, 'Umeå').getByTestId('value-input')).toHaveValue('40');
});

test('Kolada values are fetched (from a recorded answer), previewed and imported; SCB values are kept unless confirmed', async ({ page }) => {
	const fixture = (name: string) => readFileSync(path.resolve('src/lib/import/fixtures', name), 'utf8');
	const requested: string[] = [];
	// Kolada is never reached: the recorded pages answer instead.
	await page.route('https://api.kolada.se/**', (route) => {
		const url = new URL(route.request().url());
		requested.push(url.pathname + url.search);
		const body = url.searchParams.get('page') === '2' ? fixture('kolada-n03937-2023-2024-page2.json') : fixture('kolada-n03937-2023-2024-page1.json');
		return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body });
	});

	await openApp(page, '/grupp/akademi-norr/import?indikator=akademi-norr-arbetsloshet');
	await page.getByTestId('kpi-input').fill('N03937');
	await page.getByLabel('Från år').fill('2023');
	await page.getByLabel('Till år').fill('2024');
	await page.getByTestId('fetch-kolada').click();

	await expect(page.getByTestId('import-read')).toContainText('Kolada N03937: 10 rader hämtade');
	await expect(page.getByTestId('import-read')).toContainText('Källa: Kolada');
	expect(requested[0]).toMatch(/^\/v3\/data\/kpi\/N03937\/municipality\/0000,[\d,]+\/year\/2023,2024\?per_page=5000$/);
	expect(requested[1]).toContain('page=2');
	// Riket is new; the four members in the recording already hold SCB's figures, which differ.
	await expect(page.getByTestId('count-new')).toHaveText('2');
	await expect(page.getByTestId('count-changed')).toHaveText('8');
	await expect(page.getByTestId('needs-confirmation')).toContainText('8 värden');
	await expect(page.getByTestId('confirm-import')).toHaveText('Importera 2 värden');
	await page.getByTestId('overwrite-others').check();
	await expect(page.getByTestId('confirm-import')).toHaveText('Importera 10 värden');
	await page.getByTestId('confirm-import').click();
	await expect(page.getByTestId('import-done')).toContainText('10 värden importerades');

	await page.goto('/grupp/akademi-norr/registrera?indikator=akademi-norr-arbetsloshet&ar=2024');
	await expect(entryRow(page, 'Storuman').getByTestId('value-input')).toHaveValue('4,9');
	await expect(page.getByText('Källa: Kolada')).toBeVisible();
});

test('an indicator is exported as a CSV file that Swedish Excel opens: BOM, semicolons, decimal comma, CRLF', async ({ page }) => {
	await openApp(page, `/grupp/umearegionen/export?indikator=${MEAN_AGE}`);
	await expect(page.getByTestId('export-indicator')).toHaveValue(MEAN_AGE);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
	expect(download.suggestedFilename()).toMatch(/^lagesbild-umearegionen-medelalder-ar-\d{4}-\d{2}-\d{2}\.csv$/);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).split('\r\n');
	expect(lines[0]).toBe('Indikator-id;Indikator;Organisation-id;Kommunkod;Organisation;År;Kön;Värde;Enhet;Status;Källa;Anteckning;Ändrad av;Ändrad');
	// Umeå's 2023 value is SCB's in every run (another test here types Umeå's 2024 value by hand).
	expect(lines).toContain('umearegionen-medelalder;Medelålder (år);kommun-2480;2480;Umeå;2023;Totalt;39,6;antal;Slutligt;SCB TAB637;;SCB;2025-05-01T08:00:00.000Z');
});
