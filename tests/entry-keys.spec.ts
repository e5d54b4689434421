import { test, expect, type Page } from '@playwright/test';
import { openApp } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

// Values no other test reads: a yes/no indicator in a year without a round, and a context indicator in a year SCB has not published yet.
const YES_NO_GRID =
	'/grupp/akademi-norr/registrera?ar=2023&indikator=akademi-norr-uppmuntra-vidareutbildning';
const PERCENT_GRID =
	'/grupp/akademi-norr/registrera?ar=2025&indikator=akademi-norr-sysselsattningsgrad';

const pending = (page: Page) => page.getByTestId('pending-count');
const values = (page: Page) => page.getByTestId('value-input');

/** What Excel puts on the clipboard for a copied column: one cell a line, CRLF, a line break after the last. */
async function pasteInto(page: Page, selector: string, text: string) {
	await page.locator(selector).evaluate((field, data) => {
		const transfer = new DataTransfer();
		transfer.setData('text/plain', data);
		field.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
		);
	}, text);
}

test('arrow keys on a yes/no list move between rows and save nothing; a choice saves', async ({
	page
}) => {
	await openApp(page, YES_NO_GRID, 'editor');
	const selects = page.getByTestId('value-select');
	const before = await Promise.all([0, 1, 2].map((i) => selects.nth(i).inputValue()));
	await selects.nth(0).focus();
	for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'PageDown', 'ArrowRight'])
		await page.keyboard.press(key);
	// Nothing changed and nothing is queued for sync; the focus went a row down, another, and back up.
	for (let i = 0; i < 3; i++) await expect(selects.nth(i)).toHaveValue(before[i]);
	await expect(pending(page)).toHaveAttribute('data-count', '0');
	await expect(selects.nth(1)).toBeFocused();

	// An explicit choice saves, once.
	await selects.nth(1).selectOption('ja');
	await expect(pending(page)).toHaveAttribute('data-count', '1');
	await expect(selects.nth(1)).toHaveValue('ja');
});

test('Enter saves and moves down, the arrows move between rows, Escape puts the field back, Ctrl+Z undoes as a new edit', async ({
	page
}) => {
	await openApp(page, PERCENT_GRID, 'editor');
	const first = values(page).nth(0);
	const original = await first.inputValue();
	await first.fill('21,5');
	await first.press('Enter');
	await expect(values(page).nth(1)).toBeFocused();
	await expect(pending(page)).toHaveAttribute('data-count', '1');

	await page.keyboard.press('ArrowUp');
	await expect(first).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(values(page).nth(1)).toBeFocused();

	// Escape: what was typed goes, nothing is saved.
	const second = values(page).nth(1);
	const secondBefore = await second.inputValue();
	await second.fill('99,9');
	await second.press('Escape');
	await expect(second).toHaveValue(secondBefore);
	await expect(pending(page)).toHaveAttribute('data-count', '1');

	// Ctrl+Z: the last saved edit is taken back by a new edit (the outbox grows; nothing is removed from it).
	await second.press('Control+z');
	await expect(first).toHaveValue(original);
	await expect(pending(page)).toHaveAttribute('data-count', '2');
	await expect(page.getByTestId('entry-message')).toContainText('Ångrat');
});

test('a column of 5 numbers pasted from Excel fills 5 rows after a preview, and one Ctrl+Z undoes them', async ({
	page
}, testInfo) => {
	await openApp(page, PERCENT_GRID, 'editor');
	const rows = page.getByTestId('entry-row');
	const firstFive = await Promise.all([0, 1, 2, 3, 4].map((i) => values(page).nth(i).inputValue()));
	await pasteInto(page, '#value-0', '12,5\r\n13.1\r\n14\r\n15,0\r\n16,2\r\n');
	const preview = page.getByTestId('paste-preview');
	await expect(preview).toBeVisible();
	await expect(preview.getByRole('row')).toHaveCount(6);
	// Nothing is saved until the preview is confirmed.
	await expect(pending(page)).toHaveAttribute('data-count', '0');
	await expectNoSeriousAxeViolations(page, testInfo, 'inklistring');
	await preview.getByTestId('confirm-paste').click();
	await expect(preview).toHaveCount(0);
	await expect(pending(page)).toHaveAttribute('data-count', '5');
	const expected = ['12,5', '13,1', '14', '15', '16,2'];
	for (let i = 0; i < 5; i++)
		await expect(rows.nth(i).getByTestId('value-input')).toHaveValue(expected[i]);
	await expect(rows.nth(5).getByTestId('value-input')).not.toHaveValue('16,2');

	await page.keyboard.press('Control+z');
	for (let i = 0; i < 5; i++) await expect(values(page).nth(i)).toHaveValue(firstFive[i]);
	await expect(pending(page)).toHaveAttribute('data-count', '10');

	// A bad cell refuses the whole paste, with the reason.
	await pasteInto(page, '#value-0', '12,5\nabc\n');
	await expect(page.getByTestId('entry-message')).toContainText('Inget klistrades in');
	await expect(page.getByTestId('paste-preview')).toHaveCount(0);
	await expect(pending(page)).toHaveAttribute('data-count', '10');
});

test('on a slow tablet, what is typed straight after Enter goes into the next row, never back into the one left', async ({
	page
}) => {
	await openApp(page, PERCENT_GRID, 'editor');
	// Rows past the ones the other stories here change: their values are whatever earlier runs left.
	const [left, next] = [values(page).nth(7), values(page).nth(8)];
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	await left.fill('31,5');
	await page.keyboard.press('Enter');
	await page.keyboard.type('32,5');
	await page.keyboard.press('Enter');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await expect(left).toHaveValue('31,5');
	await expect(next).toHaveValue('32,5');
	await expect(pending(page)).toHaveAttribute('data-count', '2');
	await expect(page.getByTestId('entry-row').nth(7)).not.toHaveClass(/has-error/);
});
