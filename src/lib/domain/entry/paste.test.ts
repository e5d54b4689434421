import { describe, it, expect } from 'vitest';
import { isBlockPaste, pastedCells, planPaste, type PasteTarget } from './paste';

const percent = { unit: 'percent' as const, decimals: 1 };
const rows = (n: number, over: Partial<PasteTarget> = {}): PasteTarget[] =>
	Array.from({ length: n }, (_, i) => ({
		label: `Kommun ${i + 1}`,
		indicator: percent,
		readOnlyReason: null,
		...over
	}));

describe('pastedCells', () => {
	it('reads a column copied from Excel (CRLF, a line break after the last cell)', () => {
		expect(pastedCells('12,5\r\n13,1\r\n14\r\n')).toEqual(['12,5', '13,1', '14']);
	});
	it('reads a row (tabs) and mixed blocks in reading order', () => {
		expect(pastedCells('1\t2\n3\t4')).toEqual(['1', '2', '3', '4']);
	});
	it('one value is not a block: it goes into the field as typed', () => {
		expect(isBlockPaste('12,5')).toBe(false);
		expect(isBlockPaste('12,5\n')).toBe(false);
		expect(isBlockPaste('12,5\n13')).toBe(true);
	});
});

describe('planPaste', () => {
	it('fills consecutive rows from the one pasted into, Swedish or English decimals', () => {
		const plan = planPaste('12,5\n13.1\n14\n15,0\n16\n', rows(8), 2);
		expect(plan).toEqual({
			ok: true,
			emptyCells: 0,
			items: [
				{ row: 2, label: 'Kommun 3', raw: '12,5', value: 12.5 },
				{ row: 3, label: 'Kommun 4', raw: '13.1', value: 13.1 },
				{ row: 4, label: 'Kommun 5', raw: '14', value: 14 },
				{ row: 5, label: 'Kommun 6', raw: '15,0', value: 15 },
				{ row: 6, label: 'Kommun 7', raw: '16', value: 16 }
			]
		});
	});

	it('an empty cell leaves its row as it is', () => {
		const plan = planPaste('1\n\n3', rows(3), 0);
		expect(plan.ok && plan.items.map((i) => i.row)).toEqual([0, 2]);
		expect(plan.ok && plan.emptyCells).toBe(1);
	});

	it('refuses the whole paste when it runs past the last row', () => {
		const plan = planPaste('1\n2\n3', rows(4), 2);
		expect(plan).toEqual({
			ok: false,
			error:
				'Du klistrade in 3 värden, men det finns bara 2 rader från Kommun 3 och nedåt. Inget sparades.'
		});
	});

	it('refuses the whole paste, naming every bad cell, when one does not read', () => {
		const plan = planPaste('12,5\nabc\n101', rows(3), 0);
		expect(plan.ok).toBe(false);
		expect(!plan.ok && plan.error).toBe(
			'Inget klistrades in: Kommun 2 (”abc”): Skriv ett tal, t.ex. 16,6; Kommun 3 (”101”): Ange en procentsats mellan 0 och 100.'
		);
	});

	it('refuses a paste over a row that cannot change (a locked year, an approved value)', () => {
		const targets = rows(3);
		targets[1] = { ...targets[1], readOnlyReason: 'Låst' };
		expect(planPaste('1\n2', targets, 0)).toMatchObject({
			ok: false,
			error: expect.stringContaining('Kommun 2 kan inte ändras')
		});
	});

	it('reads each cell as its own row reads it (a form of several indicators)', () => {
		const targets: PasteTarget[] = [
			{ label: 'Andel', indicator: percent, readOnlyReason: null },
			{ label: 'Finns plan', indicator: { unit: 'yesno', decimals: 0 }, readOnlyReason: null },
			{ label: 'Antal', indicator: { unit: 'count', decimals: 0 }, readOnlyReason: null }
		];
		expect(planPaste('16,6\tja\t2 630', targets, 0)).toMatchObject({
			ok: true,
			items: [{ value: 16.6 }, { value: 1 }, { value: 2630 }]
		});
	});
});
