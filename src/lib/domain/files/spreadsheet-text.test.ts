import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FORMULA_START, guardText, unguardText } from './spreadsheet-text';

describe('guarding text cells against spreadsheet formulas', () => {
	it('guards every way a cell can start a formula: = + - @, after spaces, tabs or line feeds, full-width, or a leading tab, CR or LF', () => {
		for (const text of [
			'=1+1',
			'+1',
			'-1',
			'@SUM(A1)',
			' =1+1',
			'   @x',
			'\t=1',
			'\n=1',
			'\r\n+1',
			'\u00a0=1',
			'\u3000＝1',
			'＝HYPERLINK("x")',
			'＋1',
			'－1',
			'＠x',
			'\tnågot',
			'\nnågot'
		]) {
			expect(guardText(text), JSON.stringify(text)).toBe(`'${text}`);
		}
	});

	it('leaves ordinary text alone', () => {
		for (const text of ['Storuman', 'Enligt SCB', '5 %', 'a = b', 'ja', '', ' ', "'citat"])
			expect(guardText(text)).toBe(text);
	});

	it('no guarded cell starts a formula, and reading it back gives the text exactly as it was', () => {
		const formulaChars = fc.constantFrom(
			'=',
			'+',
			'-',
			'@',
			'＝',
			'＋',
			'－',
			'＠',
			' ',
			'\t',
			'\n',
			'\r',
			'\u00a0',
			"'",
			'a',
			'1'
		);
		const text = fc.oneof(
			fc.string(),
			fc.array(formulaChars, { maxLength: 8 }).map((chars) => chars.join('')),
			fc
				.tuple(fc.array(formulaChars, { maxLength: 4 }), fc.string())
				.map(([a, b]) => a.join('') + b)
		);
		fc.assert(
			fc.property(text, (t) => {
				const guarded = guardText(t);
				expect(FORMULA_START.test(guarded)).toBe(false);
				expect(unguardText(guarded)).toBe(t);
			}),
			{ numRuns: 2000 }
		);
	});
});
