import { describe, it, expect } from 'vitest';
import { formatAmount } from '../format';
import {
	gapPhrase,
	preliminaryPhrase,
	rankingSummary,
	seriesSummary,
	targetRuleText,
	trendSummary,
	valueSummary
} from './summary-text';
import { targetForYear } from '../plan/targets';
import { trend } from './trend';
import type { Target, TargetRule } from '../plan/target';

const headlineTarget: Pick<Target, 'baseline' | 'rule'> = {
	baseline: { year: 2024, value: 16.6 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};
const yearly = headlineTarget.rule;
const percent = { unit: 'percent' as const, decimals: 1, direction: 'higher' as const };

describe('valueSummary', () => {
	it('says the seed’s headline figure meets its 2024 target (the 16,6 % baseline)', () => {
		// The twelve members' example values average 16,6 % in 2024, and the target for 2024 is the baseline.
		const mean2024 = 199.2 / 12;
		expect(
			valueSummary({
				subject: 'Akademi Norr',
				year: 2024,
				value: mean2024,
				...percent,
				target: { value: targetForYear(headlineTarget, 2024)!, rule: yearly }
			})
		).toBe('Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet.');
	});

	it('says how far behind a value lies, in procentenheter', () => {
		// The 2024 value held against the 2025 target (16,6 + 0,5).
		expect(
			valueSummary({
				subject: 'Akademi Norr',
				year: 2025,
				value: 16.6,
				...percent,
				target: { value: targetForYear(headlineTarget, 2025)!, rule: yearly }
			})
		).toBe('Akademi Norr 2025: 16,6 %, mål 17,1 %, ligger efter med 0,5 procentenheter.');
	});

	it('compares a member with the federation average and the target', () => {
		expect(
			valueSummary({
				subject: 'Dorotea',
				year: 2024,
				value: 14.9,
				...percent,
				comparison: { label: 'förbundets medelvärde', value: 16.6 },
				target: { value: 16.6, rule: yearly, label: 'förbundets mål' },
				exampleData: true
			})
		).toBe(
			'Dorotea 2024: 14,9 %, förbundets medelvärde 16,6 %, förbundets mål 16,6 %, ligger efter med 1,7 procentenheter (exempeldata).'
		);
	});

	it('says a value ahead of the target is ahead', () => {
		expect(
			valueSummary({
				subject: 'Lycksele',
				year: 2024,
				value: 20.3,
				...percent,
				target: { value: 16.6, rule: yearly }
			})
		).toBe('Lycksele 2024: 20,3 %, mål 16,6 %, når målet och ligger före med 3,7 procentenheter.');
	});

	it('reads thresholds as minst/högst and yes/no as Ja/Nej', () => {
		const equity: TargetRule = { kind: 'threshold', operator: '>=', value: 2_500_000 };
		expect(
			valueSummary({
				subject: 'Akademi Norr',
				year: 2024,
				value: 2_840_000,
				unit: 'sek',
				decimals: 0,
				direction: 'higher',
				target: { value: 2_500_000, rule: equity }
			})
		).toBe(
			'Akademi Norr 2024: 2\u00a0840\u00a0000 kr, mål minst 2\u00a0500\u00a0000 kr, når målet och ligger före med 340\u00a0000 kr.'
		);
		const yes: TargetRule = { kind: 'threshold', operator: '=', value: 1 };
		expect(
			valueSummary({
				subject: 'Akademi Norr',
				year: 2024,
				value: 0,
				unit: 'yesno',
				decimals: 0,
				direction: 'higher',
				target: { value: 1, rule: yes }
			})
		).toBe('Akademi Norr 2024: Nej, mål Ja, når inte målet.');
	});

	it('says when there is no value or no target', () => {
		expect(valueSummary({ subject: 'Akademi Norr', year: null, value: null, ...percent })).toBe(
			'Akademi Norr: inget värde ännu.'
		);
		expect(valueSummary({ subject: 'Akademi Norr', year: 2024, value: 7.06, ...percent })).toBe(
			'Akademi Norr 2024: 7,1 %, inget mål för året.'
		);
	});
});

describe('gapPhrase', () => {
	it('follows the status rule’s tolerance, so float noise reads as on target', () => {
		expect(gapPhrase(16.6 + 3 * 0.5, 18.099999999999998, yearly, 'higher', 'percent', 1)).toBe(
			'når målet'
		);
	});

	it('does not say "efter med 0,0" for a shortfall smaller than the decimals shown', () => {
		expect(gapPhrase(16.58, 16.6, yearly, 'higher', 'percent', 1)).toBe('ligger strax efter målet');
	});

	it('reads lower-is-better and point targets the right way round', () => {
		const perYear: TargetRule = { kind: 'perYear', values: [{ year: 2024, value: 6 }] };
		expect(gapPhrase(7.5, 6, perYear, 'lower', 'percent', 1)).toBe(
			'ligger efter med 1,5 procentenheter'
		);
		expect(gapPhrase(5, 6, perYear, 'lower', 'percent', 1)).toBe(
			'når målet och ligger före med 1,0 procentenheter'
		);
		const point: TargetRule = { kind: 'threshold', operator: '=', value: 65 };
		expect(gapPhrase(70, 65, point, 'none', 'percent', 0)).toBe(
			'ligger 5 procentenheter över målet'
		);
	});
});

describe('targetRuleText', () => {
	it('describes each kind of target', () => {
		expect(targetRuleText(headlineTarget, 'percent', 1)).toBe(
			'+0,5 procentenheter per år från 16,6 % år 2024'
		);
		expect(
			targetRuleText({ rule: { kind: 'threshold', operator: '>=', value: 2_500_000 } }, 'sek', 0)
		).toBe('minst 2\u00a0500\u00a0000 kr varje år');
		expect(
			targetRuleText({ rule: { kind: 'threshold', operator: '=', value: 1 } }, 'yesno', 0)
		).toBe('Ja varje år');
		expect(
			targetRuleText(
				{ rule: { kind: 'perYear', values: [{ year: 2050, value: 300_000 }] } },
				'persons',
				0
			)
		).toBe('300\u00a0000 personer år 2050');
		expect(
			targetRuleText({ rule: { kind: 'threshold', operator: '<=', value: 41.15 } }, 'percent', 1)
		).toBe('högst 41,15 % varje år');
	});
});

describe('trendSummary and seriesSummary', () => {
	const series = [
		{ year: 2022, value: 16.2 },
		{ year: 2023, value: 16.4 },
		{ year: 2024, value: 16.6 }
	];

	it('puts the slope in procentenheter per year and judges it', () => {
		expect(trendSummary(trend(series, 'higher'), 'percent', 1)).toBe(
			'Ökar med 0,2 procentenheter per år 2022–2024, en förbättring.'
		);
		expect(trendSummary(trend(series, 'lower'), 'percent', 1)).toBe(
			'Ökar med 0,2 procentenheter per år 2022–2024, en försämring.'
		);
		expect(trendSummary(null, 'percent', 1)).toBe('För få år med värden för att visa en trend.');
	});

	it('tells the chart’s story from first to latest value and the target', () => {
		expect(
			seriesSummary({
				subject: 'Akademi Norr',
				points: [...series, { year: 2025, value: null }],
				...percent,
				target: { valueFor: (y) => targetForYear(headlineTarget, y), rule: yearly }
			})
		).toBe(
			'Akademi Norr 2022–2024: från 16,2 % till 16,6 %. Senast: Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet.'
		);
		expect(seriesSummary({ subject: 'X', points: [], ...percent })).toBe('X: inga värden ännu.');
	});
});

describe('rankingSummary and formatAmount', () => {
	it('names the first and last', () => {
		const ranking = {
			ranked: [
				{ id: 'a', name: 'Lycksele', value: 20.3, rank: 1, exampleData: true },
				{ id: 'b', name: 'Dorotea', value: 14.9, rank: 2, exampleData: true }
			],
			missing: [{ id: 'c', name: 'Åsele' }],
			order: 'best' as const
		};
		expect(rankingSummary(ranking, 2024, 'percent', 1, 'higher')).toBe(
			'2024, högst först (högre är bättre): först Lycksele 20,3 %, sist Dorotea 14,9 %. 2 av 3 kommuner har värde.'
		);
	});

	it('formats amounts without sign in the unit', () => {
		expect(formatAmount(-0.5, 'percent', 1)).toBe('0,5 procentenheter');
		expect(formatAmount(1200, 'persons', 0)).toBe('1\u00a0200 personer');
	});
});

describe('preliminaryPhrase', () => {
	it('says how many members have reported a year that is still coming in', () => {
		expect(preliminaryPhrase({ year: 2025, contributing: ['2425'], memberCount: 12 })).toBe(
			'2025 preliminärt: 1 av 12 kommuner har rapporterat'
		);
	});
});
