import { describe, it, expect } from 'vitest';
import {
	drawingSteps,
	buildGroupingOverview,
	statusTally,
	statusTallyText,
	type OverviewInput
} from './overview';
import type { Indicator } from '../plan/indicator';
import { testIndicator } from '../test-indicator';
import type { Measurement } from '../figures/measurement';
import { measurementId } from '../ids';

const indicator = (
	id: string,
	goalId: string | undefined,
	extra: Partial<Indicator> = {}
): Indicator => testIndicator(id, { organisationId: 'forbund', goalId, ...extra });

const value = (
	indicatorId: string,
	organisationId: string,
	year: number,
	v: number | null,
	updatedAt = '2025-03-01T10:00:00.000Z'
): Measurement => ({
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
		memberships: ['a', 'b', 'c'].map((m) => ({
			id: `ms-${m}`,
			groupingId: 'forbund',
			memberId: m,
			fromYear: 2020
		})),
		plans: [
			{
				id: 'plan',
				organisationId: 'forbund',
				name: 'Plan 2025',
				fromYear: 2025,
				toYear: 2025,
				assessmentScale: 'status'
			}
		],
		goalAreas: [],
		goals: [
			{ id: 'overall', planId: 'plan', kind: 'overall', name: 'Övergripande', order: 0 },
			{ id: 'assessed', planId: 'plan', kind: 'goal', name: 'Bedömt mål', order: 1 }
		],
		subGoals: [{ id: 'sub', goalId: 'overall', name: 'Delmål', order: 0 }],
		indicators: [indicator('edu', 'sub'), indicator('context', undefined)],
		targets: [
			{
				id: 't',
				indicatorId: 'edu',
				organisationId: 'forbund',
				baseline: { year: 2024, value: 16.6 },
				rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
			}
		],
		measurements,
		assessments: [
			{
				id: 'a1',
				goalId: 'assessed',
				year: 2023,
				status: 'onTrack',
				analysis: '',
				updatedBy: 't',
				updatedAt: '2024-01-01T00:00:00.000Z',
				exampleData: false
			},
			{
				id: 'a2',
				goalId: 'assessed',
				year: 2024,
				status: 'atRisk',
				analysis: 'Försenat',
				updatedBy: 't',
				updatedAt: '2025-01-01T00:00:00.000Z',
				exampleData: false
			}
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
		const edu = buildGroupingOverview(input(rows)).plans[0].areas[0].goals[0].subGoals[0]
			.indicators[0];
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

	it('judges nothing from a year a member is missing from, even when no year is complete', () => {
		const partial = rows.filter((r) => r.organisationId !== 'c');
		const edu = buildGroupingOverview(input(partial)).plans[0].areas[0].goals[0].subGoals[0]
			.indicators[0];
		expect(edu.latest).toBeNull();
		expect(edu.status).toBe('notAssessed');
		expect(edu.trend).toBeNull();
		expect(edu.preliminary?.year).toBe(2025);
		expect(edu.preliminary?.missing).toEqual(['c']);
		// The target is still stated, as the indicator page states it.
		expect(edu.targetText).toBe('+0,5 procentenheter per år från 16,6 % år 2024');
	});

	it('gives a goal the worst status of its sub-goals and indicators', () => {
		const behind = [
			value('edu', 'a', 2024, 15),
			value('edu', 'b', 2024, 15.2),
			value('edu', 'c', 2024, 15.1)
		];
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

describe('honest labels', () => {
	it('states a target the judged year has no value for, as the indicator page does, instead of "inget mål"', () => {
		// SWPP's targets: a threshold and nothing reported yet.
		const base = input([]);
		const withThreshold: OverviewInput = {
			...base,
			indicators: [
				indicator('persons', 'overall', {
					unit: 'persons',
					decimals: 0,
					scope: 'grouping',
					aggregation: 'none'
				})
			],
			targets: [
				{
					id: 'tp',
					indicatorId: 'persons',
					organisationId: 'forbund',
					rule: { kind: 'threshold', operator: '>=', value: 200 }
				}
			]
		};
		const summary = buildGroupingOverview(withThreshold).plans[0].areas[0].goals[0].indicators[0];
		expect(summary.latest).toBeNull();
		expect(summary.targetText).toBe('minst 200 personer varje år');
		expect(buildGroupingOverview(base).otherIndicators[0].targetText).toBeNull();
	});

	it('marks a status that rests on example values, and only such a status', () => {
		const real = [
			value('edu', 'a', 2024, 16),
			value('edu', 'c', 2024, 17.3),
			{ ...value('edu', 'b', 2024, 16.9), exampleData: false }
		];
		const onReal = buildGroupingOverview(input(real)).plans[0].areas[0].goals[0];
		expect(onReal.status).toBe('onTrack');
		expect(onReal.exampleData).toBe(false);
		// Member b's value is example data (see `value`).
		const onExample = buildGroupingOverview(
			input([
				value('edu', 'a', 2024, 16),
				value('edu', 'b', 2024, 17.3),
				value('edu', 'c', 2024, 16.9)
			])
		).plans[0].areas[0].goals[0];
		expect(onExample.status).toBe('onTrack');
		expect(onExample.exampleData).toBe(true);
		const tally = statusTally([onExample, onReal, { status: 'atRisk', exampleData: false }]);
		expect(statusTallyText(tally)).toBe('2 i fas (1 av dem bygger på exempeldata), 1 risk');
		expect(statusTallyText(statusTally([onExample]))).toBe('1 i fas (bygger på exempeldata)');
	});
});

describe('stale assessments', () => {
	it('flags an assessment written before a value of its goal changed', () => {
		const base = input([value('edu', 'a', 2024, 16, '2025-05-01T00:00:00.000Z')]);
		const assessed = {
			...base,
			assessments: [
				{
					id: 'a3',
					goalId: 'overall',
					year: 2024,
					status: 'onTrack' as const,
					analysis: 'Bra',
					updatedBy: 't',
					updatedAt: '2025-04-01T00:00:00.000Z',
					exampleData: false
				}
			]
		};
		const goal = buildGroupingOverview(assessed).plans[0].areas[0].goals[0];
		expect(goal.assessmentStaleSince).toBe('2025-05-01T00:00:00.000Z');
		const fresh = buildGroupingOverview({
			...assessed,
			assessments: [{ ...assessed.assessments[0], updatedAt: '2025-06-01T00:00:00.000Z' }]
		});
		expect(fresh.plans[0].areas[0].goals[0].assessmentStaleSince).toBeNull();
	});
});

describe('drawingSteps', () => {
	const goal = (own: number, ...sub: number[]) => ({
		indicators: Array.from({ length: own }) as never[],
		subGoals: sub.map((n) => ({ indicators: Array.from({ length: n }) })) as never[]
	});

	it("makes a step of each goal's own tiles and of each sub-goal, and draws the first screen's at once", () => {
		const steps = drawingSteps([goal(3, 2, 4, 4), goal(1), goal(2)]);
		expect(steps.offsets).toEqual([0, 4, 5]);
		expect(steps.total).toBe(6);
		// 3 + 2 + 4 + 4 tiles reach twelve with the fourth step.
		expect(steps.first).toBe(4);
	});

	it('draws a small plan at once, and always at least one step', () => {
		expect(drawingSteps([goal(1), goal(2)]).first).toBe(2);
		expect(drawingSteps([]).first).toBe(1);
		expect(drawingSteps([goal(0)]).first).toBe(1);
	});

	it('gives every goal a step of its own, in order, whatever its tiles', () => {
		for (let n = 0; n < 12; n++) {
			const goals = Array.from({ length: n }, (_, i) => goal(i % 4, ...Array(i % 3).fill(i % 5)));
			const { offsets, total, first } = drawingSteps(goals);
			expect(offsets).toHaveLength(n);
			offsets.forEach((offset, i) => {
				expect(offset).toBeLessThan(total);
				expect((offsets[i + 1] ?? total) - offset).toBe(1 + goals[i].subGoals.length);
			});
			expect(first).toBeGreaterThanOrEqual(1);
			expect(first).toBeLessThanOrEqual(Math.max(1, total));
		}
	});
});
