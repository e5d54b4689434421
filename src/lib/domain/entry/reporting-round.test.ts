import { describe, it, expect } from 'vitest';
import {
	defaultRoundContent,
	plansInForce,
	roundFormContent,
	sameRoundContent
} from './reporting-round';

describe('defaultRoundContent', () => {
	const rows = {
		plans: [
			{ id: 'p2024', fromYear: 2024, toYear: 2024 },
			{ id: 'p2025', fromYear: 2025, toYear: 2025 }
		],
		goals: [
			{ id: 'g1', planId: 'p2025' },
			{ id: 'g2', planId: 'p2025' },
			{ id: 'old', planId: 'p2024' }
		],
		subGoals: [{ id: 's1', goalId: 'g1' }],
		indicators: [
			{ id: 'num', unit: 'percent', goalId: 's1' },
			{ id: 'text', unit: 'text', goalId: 'g2' },
			{ id: 'context', unit: 'count' },
			{ id: 'oldnum', unit: 'count', goalId: 'old' }
		],
		memberships: [
			{ id: 'ms1', groupingId: 'f', memberId: 'a', fromYear: 2020 },
			{ id: 'ms2', groupingId: 'f', memberId: 'b', fromYear: 2020, toYear: 2024 }
		]
	};
	it('asks for the plan’s numeric indicators, that year’s members, and an assessment of every goal of the plan, measured or not', () => {
		expect(defaultRoundContent('f', 2025, rows)).toEqual({
			indicatorIds: ['num'],
			memberIds: ['a'],
			goalIds: ['g1', 'g2']
		});
	});
	it('asks for a ratio’s numerator and denominator, never for the ratio, which is worked out', () => {
		const withRatio = {
			...rows,
			indicators: [
				...rows.indicators,
				{
					id: 'andel',
					unit: 'percent',
					goalId: 'g2',
					aggregation: 'ratio',
					ratio: { numeratorId: 'antal', denominatorId: 'invanare' }
				}
			]
		};
		expect(defaultRoundContent('f', 2025, withRatio)).toEqual({
			indicatorIds: ['num', 'antal', 'invanare'],
			memberIds: ['a'],
			goalIds: ['g1', 'g2']
		});
	});
	it('follows the latest plan into years no plan covers yet', () => {
		expect(defaultRoundContent('f', 2026, rows).indicatorIds).toEqual(['num']);
		expect(defaultRoundContent('f', 2024, rows)).toEqual({
			indicatorIds: ['oldnum'],
			memberIds: ['a', 'b'],
			goalIds: ['old']
		});
	});
});

describe('the round form', () => {
	const round = {
		deadline: '2026-12-15',
		reportedBy: 'editors' as const,
		indicatorIds: ['a', 'b'],
		memberIds: ['m1'],
		goalIds: ['g']
	};
	const defaults = { indicatorIds: ['a', 'b', 'c'], memberIds: ['m1', 'm2'], goalIds: [] };

	it("starts from the year's own round, never from defaults, when the year has one", () => {
		expect(roundFormContent(round, 2025, defaults)).toEqual(round);
	});
	it('starts a new round from the defaults, with a deadline at the end of March after the year', () => {
		expect(roundFormContent(undefined, 2025, defaults)).toEqual({
			deadline: '2026-03-31',
			reportedBy: 'reporters',
			...defaults
		});
	});
	it('sees unchanged content as the same, in any order, and any change as a change', () => {
		expect(sameRoundContent(round, { ...round, indicatorIds: ['b', 'a'] })).toBe(true);
		expect(sameRoundContent(round, roundFormContent(round, 2025, defaults))).toBe(true);
		expect(sameRoundContent(round, { ...round, deadline: '2027-03-31' })).toBe(false);
		expect(sameRoundContent(round, { ...round, memberIds: ['m1', 'm2'] })).toBe(false);
		expect(sameRoundContent(round, { ...round, indicatorIds: ['a', 'a'] })).toBe(false);
		expect(sameRoundContent(round, { ...round, reportedBy: 'reporters' })).toBe(false);
	});
});

describe('plansInForce', () => {
	const plans = [
		{ id: 'p2023', fromYear: 2023, toYear: 2024 },
		{ id: 'p2025', fromYear: 2025, toYear: 2025 },
		{ id: 'p2025b', fromYear: 2025, toYear: 2027 }
	];
	it('the plans covering the year, or the latest before it when none does', () => {
		expect(plansInForce(plans, 2024)).toEqual(new Set(['p2023']));
		expect(plansInForce(plans, 2025)).toEqual(new Set(['p2025', 'p2025b']));
		expect(plansInForce(plans.slice(0, 2), 2026)).toEqual(new Set(['p2025']));
		expect(plansInForce(plans, 2020)).toEqual(new Set());
	});
});
