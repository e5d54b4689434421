import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	counted,
	formatAmount,
	formatValue,
	formatDifference,
	formatNumber,
	parseSwedishNumber
} from './format';

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

describe('formatNumber writes exactly what Intl.NumberFormat(sv-SE) writes, without loading ICU', () => {
	const intl = (value: number, decimals: number) =>
		new Intl.NumberFormat('sv-SE', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		}).format(value);
	const decimals = fc.integer({ min: 0, max: 4 });

	it('for any number a value can be', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true }),
				decimals,
				(value, d) => formatNumber(value, d) === intl(value, d)
			),
			{ numRuns: 5000 }
		);
	});

	it('for the decimals people type, ties included (1,005 → 1,01 as ICU rounds the shortest form)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -10_000_000, max: 10_000_000 }),
				fc.integer({ min: 0, max: 5 }),
				decimals,
				(n, scale, d) => {
					const value = n / 10 ** scale;
					return formatNumber(value, d) === intl(value, d);
				}
			),
			{ numRuns: 5000 }
		);
	});

	it('at the edges: minus zero, tiny and huge numbers, carries', () => {
		for (const value of [
			0, -0, 0.5, -0.5, 1.005, 2.5, -2.5, 0.00001, 1e-7, -1e-7, 999.995, 9999.5, 99999.99999, 1e21,
			1.7976931348623157e308, 5e-324, 123456789.125, -0.004
		])
			for (let d = 0; d <= 4; d++)
				expect(formatNumber(value, d), `${value}, ${d}`).toBe(intl(value, d));
	});

	it('amounts without a fixed number of decimals show up to four, as Intl did', () => {
		const upToFour = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 });
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (amount) => {
				return formatAmount(amount, 'count') === upToFour.format(amount);
			}),
			{ numRuns: 3000 }
		);
	});
});
