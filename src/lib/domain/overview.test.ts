import { describe, it, expect } from 'vitest';
import { buildGroupingOverview, type OverviewInput } from './overview';
import type { Indicator } from './indicator';
import { testIndicator } from './test-indicator';
import type { Measurement } from './measurement';
import { measurementId } from './ids';

const indicator = (id: string, goalId: string | undefined, extra: Partial<Indicator> = {}): Indicator =>
	testIndicator(id, { organisationId: 'forbund', goalId, ...extra });

const value = (indicatorId: string, organisationId: string, year: number, v: number | null, updatedAt = '2025-03-01T10:00:00.000Z'): Measurement => ({
	id: measurementId(indicatorId, organisationId, year, 'T'),
	indicatorId,
	organisationId,
	year,
	gender: 'T',
	value: v,
	status: 'final',
	note: '',
	source: '',
	updatedBy: 'test',
	updatedAt,
	exampleData: organisationId === 'b'
});

function input(measurements: Measurement[]): OverviewInput {
	return {
		groupingId: 'forbund',
		memberships: ['a', 'b', 'c'].map((m) => ({ id: `ms-${m}`, groupingId: 'forbund', memberId: m, fromYear: 2020 })),
		plans: [{ id: 'plan', organisationId: 'forbund', name: 'Plan 2025', fromYear: 2025, toYear: 2025 }],
		goalAreas: [],
		goals: [
			{ id: 'overall', planId: 'plan', kind: 'overall', name: 'Övergripande', order: 0 },
			{ id: 'assessed', planId: 'plan', kind: 'goal', name: 'Bedömt mål', order: 1 }
		],
		subGoals: [{ id: 'sub', goalId: 'overall', name: 'Delmål', order: 0 }],
		indicators: [indicator('edu', 'sub'), indicator('context', undefined)],
		targets: [
			{ id: 't', indicatorId: 'edu', organisationId: 'forbund', baseline: { year: 2024, value: 16.6 }, rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' } }
		],
		measurements,
		assessments: [
			{ id: 'a1', goalId: 'assessed', year: 2023, status: 'onTrack', analysis: '', updatedBy: 't', updatedAt: '2024-01-01T00:00:00.000Z', exampleData: false },
			{ id: 'a2', goalId: 'assessed', year: 2024, status: 'atRisk', analysis: 'Försenat', updatedBy: 't', updatedAt: '2025-01-01T00:00:00.000Z', exampleData: false }
		]
	};
}

describe('buildGroupingOverview', () => {
	const rows = [
		value('edu', 'a', 2024, 16),
		value('edu', 'b', 2024, 17),
		value('edu', 'c', 2024, 16.8),
		value('edu', 'a', 2025, 16.9, '2026-02-01T08:00:00.000Z'),
		value('edu', 'b', 2025, 17.3, '2026-02-03T08:00:00.000Z')
	];

	it('judges the latest year every member has reported, and shows a newer one as preliminary', () => {
		const edu = buildGroupingOverview(input(rows)).plans[0].areas[0].goals[0].subGoals[0].indicators[0];
		expect(edu.latest?.year).toBe(2024);
		expect(edu.latest?.value).toBeCloseTo(16.6);
		expect(edu.latest?.missing).toEqual([]);
		expect(edu.targetValue).toBeCloseTo(16.6);
		expect(edu.status).toBe('onTrack');
		expect(edu.preliminary?.year).toBe(2025);
		expect(edu.preliminary?.contributing).toEqual(['a', 'b']);
		expect(edu.lastUpdated).toBe('2025-03-01T10:00:00.000Z');
		expect(edu.exampleData).toBe(true);
	});

	it('judges a year with a missing member when no year is complete', () => {
		const partial = rows.filter((r) => r.organisationId !== 'c');
		const edu = buildGroupingOverview(input(partial)).plans[0].areas[0].goals[0].subGoals[0].indicators[0];
		expect(edu.latest?.year).toBe(2025);
		expect(edu.latest?.missing).toEqual(['c']);
		expect(edu.preliminary).toBeNull();
		expect(edu.trend?.direction).toBe('improving');
	});

	it('gives a goal the worst status of its sub-goals and indicators', () => {
		const behind = [value('edu', 'a', 2024, 15), value('edu', 'b', 2024, 15.2), value('edu', 'c', 2024, 15.1)];
		const goal = buildGroupingOverview(input(behind)).plans[0].areas[0].goals[0];
		expect(goal.subGoals[0].status).toBe('offTrack');
		expect(goal.status).toBe('offTrack');
	});

	it('lets the latest assessment decide a goal without indicators', () => {
		const goal = buildGroupingOverview(input(rows)).plans[0].areas[0].goals[1];
		expect(goal.assessment?.year).toBe(2024);
		expect(goal.status).toBe('atRisk');
	});

	it('lists indicators that belong to no goal apart, and leaves a goal without values not assessed', () => {
		const overview = buildGroupingOverview(input([]));
		expect(overview.otherIndicators.map((s) => s.indicator.id)).toEqual(['context']);
		expect(overview.plans[0].areas[0].goals[0].status).toBe('notAssessed');
		expect(overview.plans[0].areas[0].goals[0].subGoals[0].indicators[0].latest).toBeNull();
	});
});

describe('stale assessments', () => {
	it('flags an assessment written before a value of its goal changed', () => {
		const base = input([value('edu', 'a', 2024, 16, '2025-05-01T00:00:00.000Z')]);
		const assessed = {
			...base,
			assessments: [{ id: 'a3', goalId: 'overall', year: 2024, status: 'onTrack' as const, analysis: 'Bra', updatedBy: 't', updatedAt: '2025-04-01T00:00:00.000Z', exampleData: false }]
		};
		const goal = buildGroupingOverview(assessed).plans[0].areas[0].goals[0];
		expect(goal.assessmentStaleSince).toBe('2025-05-01T00:00:00.000Z');
		const fresh = buildGroupingOverview({ ...assessed, assessments: [{ ...assessed.assessments[0], updatedAt: '2025-06-01T00:00:00.000Z' }] });
		expect(fresh.plans[0].areas[0].goals[0].assessmentStaleSince).toBeNull();
	});
});
