import { describe, expect, it } from 'vitest';
import {
	blankIndicatorDraft,
	blankTargetDraft,
	indicatorDraftOf,
	indicatorFromDraft,
	targetChartYears,
	targetDraftOf,
	targetFieldErrors,
	targetFromDraft,
	type TargetDraft
} from './indicator-form';
import { targetPath } from './targets';
import { testIndicator } from '../test-indicator';

const ENGLISH = /\b(invalid|expected|required|received|must|string|number)\b/i;

describe('the indicator form', () => {
	it('turns what was typed into an Indicator row, leaving out what the method does not use', () => {
		const draft = {
			...blankIndicatorDraft('ny', 'akademi-norr', 'mal-1', 3),
			name: '  Andel sysselsatta ',
			population: '16–74 år',
			sourceKind: 'kolada' as const,
			kpiId: 'n00914',
			sourceUrl: 'https://www.kolada.se/verktyg/fri-sokning/?kpis=N00914',
			aggregation: 'mean' as const,
			weightSeriesId: 'befolkning',
			genderBreakdown: true
		};
		const result = indicatorFromDraft(draft);
		expect(result).toMatchObject({
			ok: true,
			value: {
				id: 'ny',
				name: 'Andel sysselsatta',
				goalId: 'mal-1',
				source: { kind: 'kolada', kpiId: 'N00914' },
				population: '16–74 år',
				genderBreakdown: true,
				order: 3
			}
		});
		if (result.ok) expect(result.value.weightSeriesId).toBeUndefined();
	});

	it('gives every error in Swedish next to the form field it concerns', () => {
		const draft = {
			...blankIndicatorDraft('ny', 'g', '', 0),
			sourceKind: 'kolada' as const,
			kpiId: 'abc',
			sourceUrl: 'kolada.se',
			aggregation: 'ratio' as const,
			unit: 'persons' as const
		};
		const result = indicatorFromDraft(draft);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.fieldErrors).toMatchObject({
			name: 'Namn saknas',
			kpiId: 'Kolada-id ska se ut som N01951',
			sourceUrl: 'Ange en fullständig webbadress (https://…)',
			numeratorId: 'Kvot av summor behöver en täljare och en nämnare',
			unit: 'Kvot av summor kräver enheten procent, antal eller kronor'
		});
		for (const message of Object.values(result.fieldErrors)) expect(message).not.toMatch(ENGLISH);
	});

	it('a weighted mean keeps its weight series, and one weighing by itself is refused', () => {
		const draft = {
			...blankIndicatorDraft('ny', 'g', '', 0),
			name: 'Andel',
			aggregation: 'weightedMean' as const,
			weightSeriesId: 'ny'
		};
		expect(indicatorFromDraft(draft)).toEqual({
			ok: false,
			fieldErrors: { weightSeriesId: 'En indikator kan inte vara sin egen vikt' }
		});
		expect(indicatorFromDraft({ ...draft, weightSeriesId: 'folkmangd' })).toMatchObject({
			ok: true,
			value: { weightSeriesId: 'folkmangd' }
		});
	});

	it('an existing indicator comes back unchanged through its form', () => {
		const indicator = testIndicator('i', {
			organisationId: 'g',
			goalId: 'mal',
			source: { kind: 'scb', table: 'UF0506', description: 'SCB, UF0506' },
			sourceUrl: 'https://www.statistikdatabasen.scb.se/',
			population: '25–64 år',
			aggregation: 'ratio',
			ratio: { numeratorId: 'a', denominatorId: 'b' },
			exampleData: true,
			description: 'Beskrivning'
		});
		expect(indicatorFromDraft(indicatorDraftOf(indicator), indicator)).toEqual({
			ok: true,
			value: indicator
		});
	});
});

function target(draft: Partial<TargetDraft>, unit: 'percent' | 'yesno' | 'sek' = 'percent') {
	return targetFromDraft({ ...blankTargetDraft('t', 'akademi-norr', unit, 2025), ...draft }, 'ind');
}

describe('the target form, and the path of each kind of target', () => {
	it('a yearly change in percentage points from a baseline: 16,6 % in 2024, +0,5 per year', () => {
		const result = target({
			kind: 'yearlyChange',
			baselineYear: '2024',
			baselineValue: '16,6',
			change: '0,5',
			changeUnit: 'pp',
			untilYear: '2027'
		});
		expect(result).toEqual({
			ok: true,
			value: {
				id: 't',
				indicatorId: 'ind',
				organisationId: 'akademi-norr',
				baseline: { year: 2024, value: 16.6 },
				rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp', untilYear: 2027 }
			}
		});
		if (!result.ok) return;
		const path = targetPath(result.value, ...targetChartYears(result.value, 2025));
		expect(path.map((p) => p.year)).toEqual([2024, 2025, 2026, 2027]);
		expect(path.map((p) => Number(p.value.toFixed(6)))).toEqual([16.6, 17.1, 17.6, 18.1]);
	});

	it('a yearly change in percent compounds', () => {
		const result = target(
			{
				kind: 'yearlyChange',
				baselineYear: '2020',
				baselineValue: '1 000',
				change: '10',
				changeUnit: 'percent'
			},
			'sek'
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(targetChartYears(result.value, 2025)).toEqual([2020, 2024]);
		expect(targetPath(result.value, 2020, 2022).map((p) => Math.round(p.value))).toEqual([
			1000, 1100, 1210
		]);
	});

	it('values per year: only the years given, in order', () => {
		const result = target({
			kind: 'perYear',
			baselineYear: '',
			baselineValue: '',
			perYear: [
				{ year: '2030', value: '50' },
				{ year: '2026', value: '40' }
			]
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(targetChartYears(result.value, 2025)).toEqual([2026, 2030]);
		expect(targetPath(result.value, 2026, 2030)).toEqual([
			{ year: 2026, value: 40 },
			{ year: 2030, value: 50 }
		]);
	});

	it('a threshold holds every year', () => {
		const result = target(
			{ kind: 'threshold', baselineYear: '', operator: '>=', thresholdValue: '2 500 000' },
			'sek'
		);
		expect(result).toMatchObject({
			ok: true,
			value: { rule: { kind: 'threshold', operator: '>=', value: 2_500_000 } }
		});
		if (!result.ok) return;
		expect(targetChartYears(result.value, 2025)).toEqual([2025, 2029]);
		expect(targetPath(result.value, 2025, 2029).every((p) => p.value === 2_500_000)).toBe(true);
	});

	it('a yes/no target is "= ja" (or "= nej") every year, without a baseline', () => {
		expect(target({ kind: 'yesno', mustBeYes: true }, 'yesno')).toEqual({
			ok: true,
			value: {
				id: 't',
				indicatorId: 'ind',
				organisationId: 'akademi-norr',
				rule: { kind: 'threshold', operator: '=', value: 1 }
			}
		});
		expect(target({ kind: 'yesno', mustBeYes: false }, 'yesno')).toMatchObject({
			ok: true,
			value: { rule: { value: 0 } }
		});
		const back = targetDraftOf(
			{
				id: 't',
				indicatorId: 'ind',
				organisationId: 'g',
				rule: { kind: 'threshold', operator: '=', value: 1 }
			},
			'yesno'
		);
		expect(back).toMatchObject({ kind: 'yesno', mustBeYes: true });
	});

	it('bad input: a Swedish message next to each field, and no target', () => {
		expect(
			target({ kind: 'yearlyChange', baselineYear: '24', baselineValue: 'mycket', change: '' })
		).toEqual({
			ok: false,
			fieldErrors: {
				baselineYear: 'Skriv året med fyra siffror, t.ex. 2025.',
				baselineValue: 'Skriv ett tal, t.ex. 16,6',
				change: 'Värde saknas'
			}
		});
		expect(
			target({ kind: 'yearlyChange', baselineYear: '', baselineValue: '', change: '0,5' })
		).toEqual({
			ok: false,
			fieldErrors: { baselineValue: 'Årlig förändring kräver ett utgångsvärde' }
		});
		expect(
			target({
				kind: 'perYear',
				baselineYear: '',
				perYear: [
					{ year: '2026', value: '1' },
					{ year: '2026', value: '2' }
				]
			})
		).toEqual({ ok: false, fieldErrors: { perYear: 'Varje år får ha ett enda målvärde' } });
		expect(target({ kind: 'perYear', baselineYear: '', perYear: [] })).toEqual({
			ok: false,
			fieldErrors: { perYear: 'Ange minst ett årsvärde' }
		});
		expect(
			target({ kind: 'perYear', baselineYear: '', perYear: [{ year: '1900', value: '1' }] })
		).toEqual({
			ok: false,
			fieldErrors: { 'perYear.0.year': 'Året måste vara 1960 eller senare' }
		});
	});

	it('server errors on a target land next to the same fields', () => {
		expect(
			targetFieldErrors({
				'rule.values.1.value': 'Ange ett tal.',
				'baseline.year': 'Året måste vara ett heltal',
				organisationId: 'x'
			})
		).toEqual({
			'perYear.1.value': 'Ange ett tal.',
			baselineYear: 'Året måste vara ett heltal',
			organisationId: 'x'
		});
	});

	it('an existing target comes back unchanged through its form', () => {
		const existing = {
			id: 't',
			indicatorId: 'ind',
			organisationId: 'g',
			baseline: { year: 2024, value: 16.6 },
			rule: { kind: 'yearlyChange' as const, change: 0.5, changeUnit: 'pp' as const },
			description: 'Beslutat av direktionen'
		};
		expect(targetFromDraft(targetDraftOf(existing, 'percent'), 'ind')).toEqual({
			ok: true,
			value: existing
		});
	});
});
