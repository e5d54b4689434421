import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	describeNumberFormat,
	detectColumnFormat,
	NUMBER_FORMATS,
	readNumberAs,
	type NumberFormat
} from './number-format';
import { writeNumber } from './test-numbers';

const value = (raw: string, format: NumberFormat) => readNumberAs(raw, format)?.value ?? null;
const SV: NumberFormat = { decimal: ',', thousands: 'space' };
const EN: NumberFormat = { decimal: '.', thousands: ',' };
const DE: NumberFormat = { decimal: ',', thousands: '.' };

describe('readNumberAs', () => {
	it('reads each format’s own marks and separators', () => {
		expect(value('2 745', SV)).toBe(2745);
		expect(value('2\u00a0745,5', SV)).toBe(2745.5);
		expect(value('1\u202f234\u202f567', SV)).toBe(1234567);
		expect(value("2'745.25", { decimal: '.', thousands: 'apostrophe' })).toBe(2745.25);
		expect(value('2\u2019745', { decimal: '.', thousands: 'apostrophe' })).toBe(2745);
		expect(value('1.234,5', DE)).toBe(1234.5);
		expect(value('1,234.5', EN)).toBe(1234.5);
		expect(value('16,6 %', SV)).toBe(16.6);
		expect(value(',5', SV)).toBe(0.5);
	});

	it('takes the typographic minus and the en dash as minus', () => {
		expect(value('\u22123,2', SV)).toBe(-3.2);
		expect(value('\u20133,2', SV)).toBe(-3.2);
		expect(value('-3.2 %', EN)).toBe(-3.2);
		expect(value('\u2212 1 200', SV)).toBe(-1200);
	});

	it('refuses what the format cannot hold', () => {
		expect(value('2,745', { decimal: ',', thousands: null })).toBe(2.745);
		expect(value('2,745', { decimal: '.', thousands: null })).toBeNull();
		expect(value('12 34', SV)).toBeNull(); // a group of two is no thousands group
		expect(value('1.234.5', DE)).toBeNull();
		expect(value('16.6', DE)).toBeNull();
		// A leading zero never starts a thousands group: "0,500" is a half, not five hundred.
		expect(value('0,500', EN)).toBeNull();
		expect(value('0,500', SV)).toBe(0.5);
		expect(value('', SV)).toBeNull();
		expect(value(',', SV)).toBeNull();
		expect(value('fem', SV)).toBeNull();
	});
});

describe('detectColumnFormat', () => {
	const detect = (
		cells: string[],
		accepts?: (v: number) => boolean,
		preferredDecimal: ',' | '.' = ','
	) => detectColumnFormat(cells, { preferredDecimal, accepts });

	it('decides when the values together allow one reading', () => {
		expect(detect(['16,6', '12', '10,5 %'])).toMatchObject({
			kind: 'decided',
			description: 'decimalkomma'
		});
		expect(detect(['2 745', '12 300,5'])).toMatchObject({
			kind: 'decided',
			format: SV,
			description: 'decimalkomma, tusental med mellanslag'
		});
		expect(detect(['1.234', '1.234.567'])).toMatchObject({
			kind: 'decided',
			format: { decimal: ',', thousands: '.' },
			description: 'heltal, tusental med punkt'
		});
		expect(detect(['2,745', '12,5'])).toMatchObject({
			kind: 'decided',
			description: 'decimalkomma'
		});
		expect(detect(['2,745', '1.5'])).toMatchObject({
			kind: 'decided',
			format: EN,
			description: 'decimalpunkt, tusental med komma'
		});
		expect(detect(['12', '980'], undefined, '.')).toMatchObject({
			kind: 'decided',
			format: { decimal: '.', thousands: null },
			description: 'heltal'
		});
	});

	it('asks when the readings give different values, the file’s own decimal mark first', () => {
		const result = detect(['2,745', '1,200', '980']);
		expect(result.kind).toBe('ambiguous');
		if (result.kind !== 'ambiguous') return;
		expect(result.options.map((o) => o.description)).toEqual([
			'decimalkomma',
			'heltal, tusental med komma'
		]);
		expect(result.options[1].examples).toEqual([
			{ raw: '2,745', value: 2745 },
			{ raw: '1,200', value: 1200 }
		]);
		const english = detect(['1.234'], undefined, '.');
		expect(english.kind === 'ambiguous' && english.options.map((o) => o.description)).toEqual([
			'decimalpunkt',
			'heltal, tusental med punkt'
		]);
	});

	it('lets the unit rule readings out, but only when exactly one is left', () => {
		const whole = (v: number) => Number.isInteger(v);
		expect(detect(['2,745', '1,200', '980'], whole)).toMatchObject({
			kind: 'decided',
			format: EN,
			byUnit: true
		});
		const percent = (v: number) => v >= 0 && v <= 100;
		expect(detect(['12,500', '45,000'], percent)).toMatchObject({
			kind: 'decided',
			description: 'decimalkomma',
			byUnit: true
		});
		expect(detect(['2,745'], () => true).kind).toBe('ambiguous');
	});

	it('gives a column mixing formats the reading that fits most of it', () => {
		expect(detect(['16,6', '16.6', '12,1'])).toMatchObject({
			kind: 'decided',
			format: { decimal: ',' }
		});
	});

	it('names formats in words', () => {
		expect(describeNumberFormat(SV, { fraction: true, grouped: true })).toBe(
			'decimalkomma, tusental med mellanslag'
		);
		expect(describeNumberFormat(EN, { fraction: false, grouped: true })).toBe(
			'heltal, tusental med komma'
		);
		expect(describeNumberFormat(DE, { fraction: true, grouped: false })).toBe('decimalkomma');
	});

	it('property: a column written in any one format is read right, or the question offers the right reading', () => {
		const column = fc.record({
			format: fc.constantFrom(...NUMBER_FORMATS),
			decimals: fc.integer({ min: 0, max: 3 }),
			space: fc.constantFrom(' ', '\u00a0', '\u202f'),
			numbers: fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), {
				minLength: 1,
				maxLength: 12
			})
		});
		fc.assert(
			fc.property(
				column,
				fc.constantFrom<',' | '.'>(',', '.'),
				({ format, decimals, space, numbers }, preferred) => {
					const truth = numbers.map((n) => Number(n.toFixed(decimals)) + 0);
					const cells = truth.map((n) => writeNumber(n, format, decimals, space));
					const result = detectColumnFormat(cells, { preferredDecimal: preferred });
					const readings =
						result.kind === 'decided' ? [result.format] : result.options.map((o) => o.format);
					const right = readings.filter((f) =>
						cells.every((c, i) => readNumberAs(c, f)?.value === truth[i])
					);
					// Decided: that reading is right. Ambiguous: exactly one of the offered readings is.
					expect(right.length).toBe(1);
				}
			),
			{ numRuns: 500 }
		);
	});
});
