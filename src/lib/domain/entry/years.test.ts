import { describe, expect, it } from 'vitest';
import { entryYearChoices, FIRST_LISTED_ENTRY_YEAR, readYear } from './years';
import { MAX_YEAR, MIN_YEAR } from '../common';

describe('entryYearChoices', () => {
	it('lists next year first and ends at the first listed year, one of each', () => {
		const years = entryYearChoices(2026);
		expect(years[0]).toBe(2027);
		expect(years.at(-1)).toBe(FIRST_LISTED_ENTRY_YEAR);
		expect(new Set(years).size).toBe(years.length);
		expect(years.every((y, i) => i === 0 || years[i - 1] - y === 1)).toBe(true);
	});
});

describe('readYear', () => {
	it('reads a year with surrounding spaces', () => {
		expect(readYear(' 2026 ')).toEqual({ ok: true, year: 2026 });
	});
	it.each(['', '26', '2026,5', 'tjugo', '20266'])('refuses %j with a Swedish sentence', (text) => {
		const result = readYear(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problem).toMatch(/fyra siffror/);
	});
	it('refuses years outside what the schema accepts, saying the bound', () => {
		const early = readYear(String(MIN_YEAR - 1));
		const late = readYear(String(MAX_YEAR + 1));
		expect(early.ok || late.ok).toBe(false);
		if (!early.ok) expect(early.problem).toContain(String(MIN_YEAR));
		if (!late.ok) expect(late.problem).toContain(String(MAX_YEAR));
	});
});
