import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatMeasurementInput, parseMeasurementInput } from './measurement-input';
import type { Unit } from '../plan/indicator';

const field = (unit: Unit, decimals = 0) => ({ unit, decimals });
const parse = (raw: string, unit: Unit, decimals = 0) =>
	parseMeasurementInput(raw, field(unit, decimals));

describe('parseMeasurementInput', () => {
	it('reads an empty field as "clear the value"', () => {
		expect(parse('', 'percent', 1)).toEqual({ ok: true, value: null });
		expect(parse('   ', 'text')).toEqual({ ok: true, value: null });
	});

	describe('percent', () => {
		it('reads Swedish and English decimals, with or without the sign', () => {
			expect(parse('16,6', 'percent', 1)).toEqual({ ok: true, value: 16.6 });
			expect(parse('16.6', 'percent', 1)).toEqual({ ok: true, value: 16.6 });
			expect(parse(' 16,6 % ', 'percent', 1)).toEqual({ ok: true, value: 16.6 });
			expect(parse('100', 'percent', 1)).toEqual({ ok: true, value: 100 });
		});

		it('keeps percentages within 0–100', () => {
			expect(parse('100,1', 'percent', 1)).toEqual({
				ok: false,
				error: 'Ange en procentsats mellan 0 och 100'
			});
			expect(parse('-1', 'percent', 1)).toEqual({
				ok: false,
				error: 'Ange en procentsats mellan 0 och 100'
			});
		});

		it('refuses more decimals than the indicator has, ignoring trailing zeros', () => {
			expect(parse('16,66', 'percent', 1)).toEqual({ ok: false, error: 'Högst 1 decimal' });
			expect(parse('16,666', 'percent', 2)).toEqual({ ok: false, error: 'Högst 2 decimaler' });
			expect(parse('16,5', 'percent', 0)).toEqual({ ok: false, error: 'Ange ett heltal' });
			expect(parse('16,60', 'percent', 1)).toEqual({ ok: true, value: 16.6 });
		});

		it('passes on the number parser’s message for text that is no number', () => {
			expect(parse('sexton', 'percent', 1)).toEqual({
				ok: false,
				error: 'Skriv ett tal, t.ex. 16,6'
			});
			expect(parse('1,2,3', 'percent', 1).ok).toBe(false);
		});

		it('points out a unit that does not belong to the field', () => {
			expect(parse('12 kr', 'percent', 1)).toEqual({
				ok: false,
				error: 'Skriv bara talet, utan enhet'
			});
		});
	});

	describe('count and persons', () => {
		it('accepts non-negative whole numbers, with thousands separators', () => {
			expect(parse('1 234', 'count')).toEqual({ ok: true, value: 1234 });
			expect(parse('0', 'persons')).toEqual({ ok: true, value: 0 });
			expect(parse('12,0', 'persons')).toEqual({ ok: true, value: 12 });
		});

		it('refuses negatives and fractions', () => {
			expect(parse('-3', 'count')).toEqual({ ok: false, error: 'Värdet kan inte vara negativt' });
			expect(parse('2,5', 'persons', 1)).toEqual({ ok: false, error: 'Ange ett heltal' });
		});

		it('a count with decimals (an average such as mean age) takes as many as the indicator has; persons never', () => {
			expect(parse('44,2', 'count', 1)).toEqual({ ok: true, value: 44.2 });
			expect(parse('44,25', 'count', 1)).toEqual({ ok: false, error: 'Högst 1 decimal' });
			expect(parse('44,2', 'count', 0)).toEqual({ ok: false, error: 'Ange ett heltal' });
			expect(parse('44,2', 'persons', 1)).toEqual({ ok: false, error: 'Ange ett heltal' });
		});

		it('refuses a "%" in a count field', () => {
			expect(parse('12 %', 'count').ok).toBe(false);
		});
	});

	describe('sek', () => {
		it('accepts any finite amount, negative too, with "kr"', () => {
			expect(parse('2 630 000', 'sek')).toEqual({ ok: true, value: 2_630_000 });
			expect(parse('−1 200 kr', 'sek')).toEqual({ ok: true, value: -1200 });
			expect(parse('2630000,50 SEK', 'sek', 2)).toEqual({ ok: true, value: 2630000.5 });
		});

		it('holds to the indicator’s decimals', () => {
			expect(parse('10,5', 'sek', 0)).toEqual({ ok: false, error: 'Ange ett heltal' });
		});

		it('refuses amounts too large to keep exact', () => {
			expect(parse('10000000000000000', 'sek')).toEqual({ ok: false, error: 'Talet är för stort' });
		});

		it('stores "-0" as 0', () => {
			const result = parse('-0', 'sek');
			expect(result.ok && Object.is(result.value, 0)).toBe(true);
		});
	});

	describe('yes/no', () => {
		it.each(['ja', 'JA', 'j', 'yes', 'Yes', '1'])('reads %s as yes', (raw) => {
			expect(parse(raw, 'yesno')).toEqual({ ok: true, value: 1 });
		});

		it.each(['nej', 'Nej', 'n', 'no', 'NO', '0'])('reads %s as no', (raw) => {
			expect(parse(raw, 'yesno')).toEqual({ ok: true, value: 0 });
		});

		it('refuses anything else', () => {
			expect(parse('kanske', 'yesno')).toEqual({ ok: false, error: 'Skriv ja eller nej' });
			expect(parse('2', 'yesno').ok).toBe(false);
		});
	});

	describe('five-step scale', () => {
		it('accepts whole numbers 1–5', () => {
			expect(parse('1', 'scale5')).toEqual({ ok: true, value: 1 });
			expect(parse('5', 'scale5')).toEqual({ ok: true, value: 5 });
		});

		it('refuses anything else', () => {
			for (const raw of ['0', '6', '2,5', '-1']) {
				expect(parse(raw, 'scale5')).toEqual({ ok: false, error: 'Ange ett heltal från 1 till 5' });
			}
		});
	});

	describe('text', () => {
		it('trims the text', () => {
			expect(parse('  Arbete pågår  ', 'text')).toEqual({ ok: true, value: 'Arbete pågår' });
		});

		it('accepts 2000 characters and refuses more', () => {
			expect(parse('a'.repeat(2000), 'text').ok).toBe(true);
			expect(parse('a'.repeat(2001), 'text')).toEqual({
				ok: false,
				error: 'Texten får vara högst 2000 tecken'
			});
		});
	});
});

describe('formatMeasurementInput', () => {
	it('shows numbers with a decimal comma and no thousands separators', () => {
		expect(formatMeasurementInput(16.6, field('percent', 1))).toBe('16,6');
		expect(formatMeasurementInput(2_630_000, field('sek'))).toBe('2630000');
		expect(formatMeasurementInput(-1200.5, field('sek', 2))).toBe('-1200,5');
	});

	it('shows yes/no as words', () => {
		expect(formatMeasurementInput(1, field('yesno'))).toBe('ja');
		expect(formatMeasurementInput(0, field('yesno'))).toBe('nej');
	});

	it('shows nothing for a missing value, and text as it is', () => {
		expect(formatMeasurementInput(null, field('percent', 1))).toBe('');
		expect(formatMeasurementInput(undefined, field('percent', 1))).toBe('');
		expect(formatMeasurementInput('Arbete pågår', field('text'))).toBe('Arbete pågår');
	});

	it('does not round a stored value that has more decimals than the indicator', () => {
		expect(formatMeasurementInput(16.63, field('percent', 1))).toBe('16,63');
	});

	it('never uses exponent notation', () => {
		expect(formatMeasurementInput(1.5e-7, field('sek', 4))).toBe('0,00000015');
		expect(formatMeasurementInput(-2e-7, field('sek', 4))).toBe('-0,0000002');
	});
});

describe('measurement input: properties', () => {
	const unitAndRange: [Unit, number, number, boolean][] = [
		['percent', 0, 100, false],
		['sek', -1e11, 1e11, false],
		['count', 0, 1e9, true],
		['persons', 0, 1e9, true],
		['scale5', 1, 5, true]
	];

	it('every valid number reads back unchanged after being shown', () => {
		const validCase = fc
			.tuple(fc.constantFrom(...unitAndRange), fc.integer({ min: 0, max: 4 }))
			.chain(([[unit, min, max, integersOnly], allowed]) => {
				const decimals = integersOnly ? 0 : allowed;
				const scale = 10 ** decimals;
				return fc
					.bigInt({ min: BigInt(Math.ceil(min * scale)), max: BigInt(Math.floor(max * scale)) })
					.map((n) => ({
						indicator: field(unit, integersOnly ? allowed : decimals),
						value: Number(n) / scale + 0
					}));
			});
		fc.assert(
			fc.property(validCase, ({ indicator, value }) => {
				expect(parseMeasurementInput(formatMeasurementInput(value, indicator), indicator)).toEqual({
					ok: true,
					value
				});
			})
		);
	});

	it('every yes/no answer reads back unchanged', () => {
		for (const value of [0, 1]) {
			expect(
				parseMeasurementInput(formatMeasurementInput(value, field('yesno')), field('yesno'))
			).toEqual({ ok: true, value });
		}
	});

	it('trimmed text reads back unchanged', () => {
		fc.assert(
			fc.property(
				fc
					.string({ minLength: 1, maxLength: 2000 })
					.map((s) => s.trim())
					.filter((s) => s !== ''),
				(text) => {
					expect(
						parseMeasurementInput(formatMeasurementInput(text, field('text')), field('text'))
					).toEqual({ ok: true, value: text });
				}
			)
		);
	});
});
