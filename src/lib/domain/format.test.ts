import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { counted, formatValue, formatDifference, formatNumber, parseSwedishNumber } from './format';

describe('Swedish number formatting', () => {
	it('writes decimal comma and spaces between thousands', () => {
		expect(formatValue(16.6, 'percent', 1)).toBe('16,6 %');
		expect(formatValue(2630000, 'sek')).toBe('2\u00a0630\u00a0000 kr');
		expect(formatValue(1, 'yesno')).toBe('Ja');
		expect(formatValue(null, 'percent', 1)).toBe('–');
	});

	it('never shows a negative zero for a difference that rounds to nothing', () => {
		expect(formatDifference(-1e-12, 'percent', 1)).toBe('0,0 procentenheter');
		expect(formatDifference(0.5, 'percent', 1)).toBe('+0,5 procentenheter');
		expect(formatDifference(-0.46, 'percent', 1)).toBe('−0,5 procentenheter');
	});

	it('reads back what it writes, for any value and number of decimals', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1e9, max: 1e9 }),
				fc.integer({ min: 0, max: 3 }),
				(n, decimals) => {
					const value = n / 10 ** decimals;
					const parsed = parseSwedishNumber(formatNumber(value, decimals));
					return parsed.ok && Math.abs(parsed.value - value) < 1e-9;
				}
			)
		);
	});

	it('rejects text that is not one number', () => {
		expect(parseSwedishNumber('1,2,3').ok).toBe(false);
		expect(parseSwedishNumber('12a').ok).toBe(false);
		expect(parseSwedishNumber('').ok).toBe(false);
	});
});

describe('counted', () => {
	it('picks singular or plural', () => {
		expect(counted(1, 'värde', 'värden')).toBe('1 värde');
		expect(counted(0, 'värde', 'värden')).toBe('0 värden');
		expect(counted(1200, 'värde', 'värden')).toBe(`${formatNumber(1200)} värden`);
	});
});
