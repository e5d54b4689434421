import { describe, it, expect } from 'vitest';
import { decimalsForStep, formatTick, valueDomain, valueTicks, yearTicks } from './scales';

describe('valueDomain', () => {
	it('holds every value with air around it, rounded to nice numbers', () => {
		const [min, max] = valueDomain([16.2, 16.4, 16.6, 17.1], 'percent');
		expect(min).toBeLessThanOrEqual(16.2);
		expect(max).toBeGreaterThanOrEqual(17.1);
		expect(min).toBeGreaterThan(15);
		expect(max).toBeLessThan(18);
	});

	it('keeps shares within 0–100 % and yes/no within 0–1', () => {
		expect(valueDomain([2, 98], 'percent')).toEqual([0, 100]);
		expect(valueDomain([0, 1], 'yesno')).toEqual([0, 1]);
		expect(valueDomain([4], 'scale5')[1]).toBeLessThanOrEqual(5);
	});

	it('starts at zero for bars', () => {
		expect(valueDomain([14.9, 16.6], 'percent', { includeZero: true })[0]).toBe(0);
		expect(valueDomain([2_840_000, 2_500_000], 'sek', { includeZero: true })[0]).toBe(0);
	});

	it('opens a window around a single value, and has a fallback for none', () => {
		const [min, max] = valueDomain([16.6], 'percent');
		expect(min).toBeLessThan(16.6);
		expect(max).toBeGreaterThan(16.6);
		expect(valueDomain([null, undefined, NaN], 'count')).toEqual([0, 1]);
	});
});

describe('ticks in sv-SE', () => {
	it('labels percentages with a decimal comma when the step needs one', () => {
		const ticks = valueTicks([16, 17], [200, 0], 'percent', 5);
		expect(ticks.map((t) => t.label)).toContain('16,2 %');
		expect(ticks[0].position).toBe(200);
		expect(ticks.every((t) => /^\d+(,\d)? %$/.test(t.label))).toBe(true);
	});

	it('uses whole numbers for whole steps, a space as thousands separator, Mkr for millions', () => {
		expect(valueTicks([0, 100], [100, 0], 'percent', 5).map((t) => t.label)).toContain('20 %');
		expect(formatTick(150_000, 'persons', 0)).toBe('150\u00a0000');
		expect(valueTicks([0, 3_000_000], [100, 0], 'sek', 3).map((t) => t.label)).toEqual([
			'0 kr',
			'1 Mkr',
			'2 Mkr',
			'3 Mkr'
		]);
		expect(valueTicks([2_000_000, 3_000_000], [100, 0], 'sek', 4).map((t) => t.label)).toEqual([
			'2,0 Mkr',
			'2,2 Mkr',
			'2,4 Mkr',
			'2,6 Mkr',
			'2,8 Mkr',
			'3,0 Mkr'
		]);
		expect(valueTicks([0, 1], [100, 0], 'yesno').map((t) => t.label)).toEqual(['Nej', 'Ja']);
	});

	it('counts decimals from the step', () => {
		expect(decimalsForStep(1)).toBe(0);
		expect(decimalsForStep(0.5)).toBe(1);
		expect(decimalsForStep(0.25)).toBe(2);
		expect(decimalsForStep(0.1 + 0.2)).toBe(1);
	});

	it('labels every year when they fit, otherwise a step that keeps the last year', () => {
		expect(yearTicks(2020, 2024, 10)).toEqual([2020, 2021, 2022, 2023, 2024]);
		expect(yearTicks(2020, 2025, 3)).toEqual([2021, 2023, 2025]);
		expect(yearTicks(1998, 2025, 6)).toEqual([2000, 2005, 2010, 2015, 2020, 2025]);
		expect(yearTicks(2024, 2024, 5)).toEqual([2024]);
	});
});
