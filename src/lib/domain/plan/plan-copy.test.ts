import { describe, expect, test } from 'vitest';
import { copiedId, copyPlan, nextPlanProposal, type PlanTree } from './plan-copy';
import { testIndicator } from '../test-indicator';

function tree(): PlanTree {
	return {
		plan: {
			id: 'an-vp-2025',
			organisationId: 'an',
			name: 'Verksamhetsplan 2025',
			fromYear: 2025,
			toYear: 2025,
			vision: 'Kompetens i inlandet',
			assessmentScale: 'status'
		},
		goalAreas: [{ id: 'an-omr', planId: 'an-vp-2025', name: 'Utbildning', order: 0 }],
		goals: [
			{
				id: 'an-mal',
				planId: 'an-vp-2025',
				goalAreaId: 'an-omr',
				kind: 'goal',
				name: 'Fler utbildade',
				order: 0
			},
			{
				id: 'an-gammalt',
				planId: 'an-vp-2025',
				goalAreaId: 'an-omr',
				kind: 'goal',
				name: 'Avslutat',
				order: 1,
				archivedFromYear: 2025
			},
			{ id: 'annan-plans-mal', planId: 'an-annan', kind: 'goal', name: 'Annan plan', order: 0 }
		],
		subGoals: [{ id: 'an-del', goalId: 'an-mal', name: 'Fler högskoleutbildade', order: 0 }],
		indicators: [
			testIndicator('an-andel', { organisationId: 'an', goalId: 'an-mal' }),
			// Already a copy: it follows the series of 'an-andel-2024'.
			testIndicator('an-antal.2024', {
				organisationId: 'an',
				goalId: 'an-del',
				seriesId: 'an-antal-2024',
				unit: 'count',
				aggregation: 'sum'
			}),
			testIndicator('an-befolkning', { organisationId: 'an' }),
			testIndicator('an-viktad', {
				organisationId: 'an',
				goalId: 'an-mal',
				aggregation: 'weightedMean',
				weightSeriesId: 'an-befolkning'
			}),
			testIndicator('an-arkiverad-ind', { organisationId: 'an', goalId: 'an-gammalt' })
		],
		targets: [
			{
				id: 'an-mal-andel',
				indicatorId: 'an-andel',
				organisationId: 'an',
				baseline: { year: 2024, value: 16.6 },
				rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
			},
			{
				id: 'an-mal-omvarld',
				indicatorId: 'an-befolkning',
				organisationId: 'an',
				rule: { kind: 'threshold', operator: '>=', value: 1 }
			}
		]
	};
}
const to = { fromYear: 2026, toYear: 2026, name: 'Verksamhetsplan 2026' };

describe('copying a plan forward', () => {
	test('the copy has the new years and name, and every row a new id in the new plan', () => {
		const copy = copyPlan(tree(), to);
		expect(copy.plan).toEqual({
			id: 'an-vp-2025.2026',
			organisationId: 'an',
			name: 'Verksamhetsplan 2026',
			fromYear: 2026,
			toYear: 2026,
			vision: 'Kompetens i inlandet',
			assessmentScale: 'status'
		});
		expect(copy.goalAreas).toEqual([
			{ id: 'an-omr.2026', planId: 'an-vp-2025.2026', name: 'Utbildning', order: 0 }
		]);
		expect(copy.goals).toEqual([
			{
				id: 'an-mal.2026',
				planId: 'an-vp-2025.2026',
				goalAreaId: 'an-omr.2026',
				kind: 'goal',
				name: 'Fler utbildade',
				order: 0
			}
		]);
		expect(copy.subGoals).toEqual([
			{ id: 'an-del.2026', goalId: 'an-mal.2026', name: 'Fler högskoleutbildade', order: 0 }
		]);
	});

	test('the same copy made twice gives the same ids (a retried copy duplicates nothing)', () => {
		expect(copyPlan(tree(), to)).toEqual(copyPlan(tree(), to));
		expect(copiedId('an-antal.2024', 2026)).toBe('an-antal.2026');
	});

	test("the new indicators follow the old ones' series, so earlier values stay on their charts", () => {
		const copy = copyPlan(tree(), to);
		expect(copy.indicators.map((i) => [i.id, i.goalId, i.seriesId])).toEqual([
			['an-andel.2026', 'an-mal.2026', 'an-andel'],
			['an-antal.2026', 'an-del.2026', 'an-antal-2024'],
			['an-viktad.2026', 'an-mal.2026', 'an-viktad']
		]);
		// A weight series outside the plan is still the same indicator.
		expect(copy.indicators[2].weightSeriesId).toBe('an-befolkning');
	});

	test('targets of the copied indicators are copied; the others are not', () => {
		expect(copyPlan(tree(), to).targets).toEqual([
			{
				id: 'an-mal-andel.2026',
				indicatorId: 'an-andel.2026',
				organisationId: 'an',
				baseline: { year: 2024, value: 16.6 },
				rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
			}
		]);
	});

	test('what was archived before the new plan starts is left behind', () => {
		const copy = copyPlan(tree(), to);
		expect(copy.goals.map((g) => g.name)).not.toContain('Avslutat');
		expect(copy.indicators.map((i) => i.id)).not.toContain('an-arkiverad-ind.2026');
	});

	test('the old plan and its rows are left exactly as they were', () => {
		const original = tree();
		const snapshot = structuredClone(original);
		copyPlan(original, to);
		expect(original).toEqual(snapshot);
	});

	test('the proposal for next year: the years after the plan, as many, with the name moved on', () => {
		expect(
			nextPlanProposal({ name: 'Verksamhetsplan 2025', fromYear: 2025, toYear: 2025 })
		).toEqual({ fromYear: 2026, toYear: 2026, name: 'Verksamhetsplan 2026' });
		expect(
			nextPlanProposal({ name: 'Inriktning 2023–2027', fromYear: 2023, toYear: 2027 })
		).toEqual({ fromYear: 2028, toYear: 2032, name: 'Inriktning 2028–2032' });
		expect(nextPlanProposal({ name: 'Strategi', fromYear: 2024, toYear: 2025 })).toEqual({
			fromYear: 2026,
			toYear: 2027,
			name: 'Strategi (2026–2027)'
		});
	});
});
