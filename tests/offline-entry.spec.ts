import { test, expect, type Page } from '@playwright/test';
import { openApp } from './support/app';

const HEADLINE = 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer';

async function pendingCount(page: Page): Promise<string | null> {
	return page.getByTestId('pending-count').getAttribute('data-count');
}

test('values entered offline survive reloads, with their pending edits', async ({
	page,
	context
}) => {
	await openApp(page, '/');
	await expect(page.getByRole('link', { name: 'Akademi Norr' }).first()).toBeVisible();

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('connection-status')).toContainText('Offline');
	await expect(page.getByRole('heading', { name: 'Kommunalförbund och samverkan' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Akademi Norr' }).first()).toBeVisible();

	// A full navigation while offline: the service worker answers with the shell.
	await page.goto('/grupp/akademi-norr/registrera?ar=2025');
	await expect(page.getByRole('heading', { name: 'Registrera värden' })).toBeVisible();
	await page.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	const rows = page.getByTestId('entry-row');
	await expect(rows).toHaveCount(12);
	expect(await pendingCount(page)).toBe('0');

	const typed = ['17,1', '18,2', '15'];
	const inputs = page.getByTestId('value-input');
	await inputs.nth(0).fill(typed[0]);
	await inputs.nth(0).press('Enter');
	// Enter moves on to the next municipality.
	await expect(inputs.nth(1)).toBeFocused();
	await inputs.nth(1).fill(typed[1]);
	await inputs.nth(1).press('Enter');
	await inputs.nth(2).fill(typed[2]);
	await inputs.nth(2).press('Tab');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '3');

	// The choice of indicator lives in the address, so a reload comes back to the same grid.
	await page.reload();
	await expect(page.getByTestId('connection-status')).toContainText('Offline');
	await expect(page.getByTestId('indicator-select')).toHaveValue(/eftergymnasial/);
	await expect(rows).toHaveCount(12);
	await expect(inputs.nth(0)).toHaveValue('17,1');
	await expect(inputs.nth(1)).toHaveValue('18,2');
	await expect(inputs.nth(2)).toHaveValue('15');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '3');
	await expect(page.getByTestId('pending-count')).toContainText('3 osynkade ändringar');

	// The indicator page reads the store's slices, which every write keeps in step: the new values are there at once.
	await page.goto('/grupp/akademi-norr/indikator/akademi-norr-eftergymnasial-3-ar');
	await expect(page.getByTestId('preliminary')).toContainText('3 av 12');
	await expect(page.getByTestId('ranking-year')).toHaveValue('2025');
	await expect(page.getByTestId('ranking').locator('tbody tr').first()).toContainText('18,2 %');
});

test('a value that is not a number gets a Swedish message next to the field and is not saved', async ({
	page
}) => {
	await openApp(page, '/grupp/akademi-norr/registrera?ar=2025');
	await page.getByTestId('indicator-select').selectOption({ label: HEADLINE });
	const input = page.getByTestId('value-input').first();
	await input.fill('sjutton');
	await input.press('Enter');
	await expect(page.getByRole('alert').first()).toContainText('Skriv ett tal');
	await expect(input).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	await input.fill('120');
	await input.press('Enter');
	await expect(page.getByRole('alert').first()).toContainText('100');
	await input.fill('16,25');
	await input.press('Enter');
	await expect(page.getByRole('alert').first()).toContainText('Högst 1 decimal');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
	// A valid value clears the message and is saved.
	await input.fill('16,5');
	await input.press('Enter');
	await expect(input).toHaveAttribute('aria-invalid', 'false');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
});
