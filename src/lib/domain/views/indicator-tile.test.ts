import { describe, it, expect } from 'vitest';
import { buildGroupingOverview, type OverviewInput, type OverviewMeasurement } from './overview';
import { indicatorTile } from './indicator-tile';
import { testIndicator } from '../test-indicator';
import type { Indicator } from '../plan/indicator';
import type { Target } from '../plan/target';
import { NATIONAL_ID } from '../ids';

const row = (
	indicatorId: string,
	organisationId: string,
	year: number,
	value: number | null,
	exampleData = false
): OverviewMeasurement => ({
	indicatorId,
	organisationId,
	year,
	gender: 'T',
	value,
	updatedAt: '2025-05-01T10:00:00.000Z',
	exampleData
});

/** Three members with a value each year of `values`, all alike, so the grouping's mean is the value itself. */
function allMembers(indicatorId: string, values: Record<number, number>): OverviewMeasurement[] {
	return Object.entries(values).flatMap(([year, v]) =>
		['a', 'b', 'c'].map((m) => row(indicatorId, m, Number(year), v))
	);
}

function tileOf(indicator: Indicator, measurements: OverviewMeasurement[], target?: Target) {
	const input: OverviewInput = {
		groupingId: 'f',
		memberships: ['a', 'b', 'c'].map((m) => ({
			id: `ms-${m}`,
			groupingId: 'f',
			memberId: m,
			fromYear: 2015
		})),
		plans: [
			{
				id: 'plan',
				organisationId: 'f',
				name: 'Plan',
				fromYear: 2024,
				toYear: 2027,
				assessmentScale: 'status'
			}
		],
		goalAreas: [],
		goals: [{ id: 'goal', planId: 'plan', kind: 'goal', name: 'Mål', order: 0 }],
		subGoals: [],
		indicators: [indicator],
		targets: target ? [target] : [],
		measurements,
		assessments: [],
		today: 2025
	};
	return indicatorTile(buildGroupingOverview(input).plans[0].areas[0].goals[0].indicators[0]);
}

const share = testIndicator('share', { goalId: 'goal', name: 'Andel med examen' });
const onePerYear: Target = {
	id: 't',
	indicatorId: 'share',
	organisationId: 'f',
	baseline: { year: 2022, value: 16 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};

describe('indicatorTile', () => {
	it('shows the latest value against the target in Swedish, and the change since the year before', () => {
		const tile = tileOf(
			share,
			allMembers('share', { 2022: 16, 2023: 16.2, 2024: 16.6 }),
			onePerYear
		);
		expect(tile.valueText).toBe('16,6 %');
		expect(tile.year).toBe(2024);
		expect(tile.targetText).toBe('mål 17,0 %');
		expect(tile.status).toBe('atRisk');
		expect(tile.change).toEqual({
			text: '+0,4 procentenheter',
			fromYear: 2023,
			direction: 'better'
		});
		expect(tile.description).toBe(
			'Andel med examen: risk. 2024: 16,6 %, mål 17,0 %. +0,4 procentenheter sedan 2023.'
		);
	});

	it('calls a fall worse when higher is better, and better when lower is', () => {
		const falling = { 2023: 8, 2024: 7.5 };
		expect(tileOf(share, allMembers('share', falling)).change?.direction).toBe('worse');
		expect(
			tileOf({ ...share, betterDirection: 'lower' }, allMembers('share', falling)).change?.direction
		).toBe('better');
		expect(
			tileOf({ ...share, betterDirection: 'none' }, allMembers('share', falling)).change?.direction
		).toBe('neutral');
	});

	it('gives no change when the year before has no final value, rather than comparing with an older year', () => {
		const tile = tileOf(share, allMembers('share', { 2021: 15, 2024: 16.6 }));
		expect(tile.change).toBeNull();
		expect(tile.spark?.points.map((p) => p.value)).toEqual([15, null, null, 16.6]);
	});

	it('draws the years with the target, a preliminary year apart and undrawn as a final one', () => {
		const rows = [...allMembers('share', { 2023: 16.2, 2024: 16.6 }), row('share', 'a', 2025, 20)];
		const tile = tileOf(share, rows, onePerYear);
		expect(tile.spark?.target).toEqual(onePerYear);
		expect(tile.spark?.points.at(-1)).toEqual({
			year: 2025,
			value: 20,
			preliminary: { counted: 1, of: 3 }
		});
		expect(tile.preliminaryText).toBe(
			'2025 preliminärt: 1 av 3 kommuner har rapporterat: 20,0 % hittills'
		);
		// The preliminary year is neither judged nor the change.
		expect(tile.year).toBe(2024);
		expect(tile.change?.fromYear).toBe(2023);
	});

	it('compares with Riket where it is stored, in the judged year or the latest before it', () => {
		const rows = [
			...allMembers('share', { 2023: 16.2, 2024: 16.6 }),
			row('share', NATIONAL_ID, 2023, 17.1)
		];
		const tile = tileOf(share, rows);
		expect(tile.comparison).toEqual({
			label: 'Riket',
			year: 2023,
			valueText: '17,1 %',
			position: 'under',
			exampleData: false
		});
		expect(tile.description).toContain('Riket 2023: 17,1 %.');
	});

	it('falls back to the county given when Riket is not stored, and to nothing without either', () => {
		const rows = allMembers('share', { 2023: 16.2, 2024: 16.6 });
		const overview = tileOf(share, rows);
		expect(overview.comparison).toBeNull();
		const summary = { ...buildOnce(rows) };
		const county = {
			label: 'Västerbottens län, oviktat medelvärde av 15 kommuner',
			series: [{ year: 2024, value: 16.6, exampleData: false }]
		};
		expect(indicatorTile(summary, county).comparison).toMatchObject({
			label: county.label,
			position: 'lika',
			valueText: '16,6 %'
		});
	});

	it('marks example data and leaves an indicator without values unjudged, with no sparkline', () => {
		const example = [
			row('share', 'a', 2024, 16, true),
			row('share', 'b', 2024, 16),
			row('share', 'c', 2024, 16)
		];
		expect(tileOf(share, example).exampleData).toBe(true);
		const empty = tileOf(share, [], onePerYear);
		expect(empty.valueText).toBeNull();
		expect(empty.spark).toBeNull();
		expect(empty.status).toBe('notAssessed');
		expect(empty.description).toBe(
			'Andel med examen: ej bedömt. Inget bedömt värde, mål: +0,5 procentenheter per år från 16,0 % år 2022.'
		);
	});

	it('draws no line for a yes/no indicator, and shows its answer', () => {
		const yesno = testIndicator('plan', {
			goalId: 'goal',
			scope: 'grouping',
			unit: 'yesno',
			decimals: 0,
			name: 'Plan antagen'
		});
		const tile = tileOf(yesno, [row('plan', 'f', 2023, 0), row('plan', 'f', 2024, 1)]);
		expect(tile.valueText).toBe('Ja');
		expect(tile.spark).toBeNull();
		expect(tile.change).toBeNull();
	});
});

function buildOnce(measurements: OverviewMeasurement[]) {
	const input: OverviewInput = {
		groupingId: 'f',
		memberships: ['a', 'b', 'c'].map((m) => ({
			id: `ms-${m}`,
			groupingId: 'f',
			memberId: m,
			fromYear: 2015
		})),
		plans: [
			{
				id: 'plan',
				organisationId: 'f',
				name: 'Plan',
				fromYear: 2024,
				toYear: 2027,
				assessmentScale: 'status'
			}
		],
		goalAreas: [],
		goals: [{ id: 'goal', planId: 'plan', kind: 'goal', name: 'Mål', order: 0 }],
		subGoals: [],
		indicators: [share],
		targets: [],
		measurements,
		assessments: [],
		today: 2025
	};
	return buildGroupingOverview(input).plans[0].areas[0].goals[0].indicators[0];
}
