import { describe, expect, test } from 'vitest';
import {
	inForce,
	planSubtree,
	seriesTakesValues,
	subtreeOf,
	treeInYear,
	viewYearOfPlan
} from './archive';
import { buildGroupingOverview } from '../views/overview';
import { defaultRoundContent } from '../entry/reporting-round';
import type { Plan, GoalArea, Goal, SubGoal } from './goal-tree';
import type { Indicator } from './indicator';
import { testIndicator } from '../test-indicator';

const area: GoalArea = { id: 'omr', planId: 'p', name: 'Kompetens', order: 0 };
const goal: Goal = {
	id: 'mal',
	planId: 'p',
	goalAreaId: 'omr',
	kind: 'goal',
	name: 'Fler utbildade',
	order: 0
};
const other: Goal = {
	id: 'mal-2',
	planId: 'p',
	goalAreaId: 'omr',
	kind: 'goal',
	name: 'Fler i arbete',
	order: 1
};
const sub: SubGoal = { id: 'del', goalId: 'mal', name: 'Fler högskoleutbildade', order: 0 };
const onGoal = { id: 'ind-mal', goalId: 'mal' };
const onSub = { id: 'ind-del', goalId: 'del' };
const context = { id: 'ind-omvarld' };
const rows = {
	goalAreas: [area],
	goals: [goal, other],
	subGoals: [sub],
	indicators: [onGoal, onSub, context]
};
const ids = (r: { id: string }[]) => r.map((x) => x.id);

describe('archived items are in force only before the year they were archived from', () => {
	test('inForce', () => {
		expect(inForce({}, 2030)).toBe(true);
		expect(inForce({ archivedFromYear: 2026 }, 2025)).toBe(true);
		expect(inForce({ archivedFromYear: 2026 }, 2026)).toBe(false);
	});

	test('an archived goal takes its sub-goals and indicators with it, from its year on', () => {
		const archived = { ...rows, goals: [{ ...goal, archivedFromYear: 2026 }, other] };
		const before = treeInYear(archived, 2025);
		expect(ids(before.goals)).toEqual(['mal', 'mal-2']);
		expect(ids(before.indicators)).toEqual(['ind-mal', 'ind-del', 'ind-omvarld']);
		const after = treeInYear(archived, 2026);
		expect(ids(after.goals)).toEqual(['mal-2']);
		expect(ids(after.subGoals)).toEqual([]);
		expect(ids(after.indicators)).toEqual(['ind-omvarld']);
	});

	test('an archived area hides its goals; an archived sub-goal its indicators; an archived indicator itself', () => {
		expect(
			ids(treeInYear({ ...rows, goalAreas: [{ ...area, archivedFromYear: 2024 }] }, 2025).goals)
		).toEqual([]);
		const subArchived = treeInYear(
			{ ...rows, subGoals: [{ ...sub, archivedFromYear: 2025 }] },
			2025
		);
		expect(ids(subArchived.indicators)).toEqual(['ind-mal', 'ind-omvarld']);
		expect(
			ids(
				treeInYear(
					{ ...rows, indicators: [onGoal, onSub, { ...context, archivedFromYear: 2020 }] },
					2025
				).indicators
			)
		).toEqual(['ind-mal', 'ind-del']);
	});

	test('a plan is viewed in this year while it runs, in its last year once it has ended', () => {
		expect(viewYearOfPlan({ fromYear: 2023, toYear: 2027 }, 2026)).toBe(2026);
		expect(viewYearOfPlan({ fromYear: 2025, toYear: 2025 }, 2026)).toBe(2025);
		expect(viewYearOfPlan({ fromYear: 2028, toYear: 2030 }, 2026)).toBe(2028);
	});

	test('what a removal takes with it: the subtree below the item, with the targets of its indicators', () => {
		const all = {
			...rows,
			targets: [
				{ id: 't1', indicatorId: 'ind-del' },
				{ id: 't2', indicatorId: 'ind-omvarld' }
			]
		};
		expect(subtreeOf('goalArea', 'omr', all)).toEqual({
			goalAreas: ['omr'],
			goals: ['mal', 'mal-2'],
			subGoals: ['del'],
			indicators: ['ind-mal', 'ind-del'],
			targets: ['t1']
		});
		expect(subtreeOf('subGoal', 'del', all)).toEqual({
			goalAreas: [],
			goals: [],
			subGoals: ['del'],
			indicators: ['ind-del'],
			targets: ['t1']
		});
		expect(subtreeOf('indicator', 'ind-omvarld', all)).toEqual({
			goalAreas: [],
			goals: [],
			subGoals: [],
			indicators: ['ind-omvarld'],
			targets: ['t2']
		});
	});
});

describe('the overview keeps an archived goal in a plan that ended before it, and hides it from a running plan', () => {
	const plan = (id: string, fromYear: number, toYear: number): Plan => ({
		id,
		organisationId: 'g',
		name: id,
		fromYear,
		toYear,
		assessmentScale: 'status'
	});
	const indicator = (id: string, goalId: string): Indicator =>
		testIndicator(id, { organisationId: 'g', goalId });
	const input = (plans: Plan[], archivedFromYear: number) => ({
		groupingId: 'g',
		memberships: [],
		plans,
		goalAreas: plans.map((p) => ({ ...area, id: `omr-${p.id}`, planId: p.id })),
		goals: plans.map((p) => ({
			...goal,
			id: `mal-${p.id}`,
			planId: p.id,
			goalAreaId: `omr-${p.id}`,
			archivedFromYear
		})),
		subGoals: [],
		indicators: plans.map((p) => indicator(`ind-${p.id}`, `mal-${p.id}`)),
		targets: [],
		measurements: [],
		assessments: [],
		today: 2026
	});

	test('archived from 2026: VP 2025 still shows the goal, the plan for 2023–2027 does not', () => {
		const overview = buildGroupingOverview(
			input([plan('vp-2025', 2025, 2025), plan('inriktning', 2023, 2027)], 2026)
		);
		const goalsOf = (id: string) =>
			overview.plans
				.find((p) => p.plan.id === id)!
				.areas.flatMap((a) => a.goals.map((g) => g.goal.id));
		expect(goalsOf('vp-2025')).toEqual(['mal-vp-2025']);
		expect(goalsOf('inriktning')).toEqual([]);
		// Its indicator is not shown as a context indicator either.
		expect(overview.otherIndicators.map((s) => s.indicator.id)).toEqual([]);
	});
});

describe('entry and reporting rounds leave out what was archived before their year', () => {
	test("a round's default indicators and goals: the archived goal's are asked for in 2025, not in 2026", () => {
		const rows = {
			plans: [{ id: 'p', fromYear: 2023, toYear: 2027 }],
			goalAreas: [area],
			goals: [{ ...goal, archivedFromYear: 2026 }, other],
			subGoals: [sub],
			indicators: [
				{ id: 'ind-mal', unit: 'percent', goalId: 'mal' },
				{ id: 'ind-del', unit: 'percent', goalId: 'del' }
			],
			memberships: []
		};
		expect(defaultRoundContent('g', 2025, rows)).toMatchObject({
			indicatorIds: ['ind-mal', 'ind-del'],
			goalIds: ['mal', 'mal-2']
		});
		expect(defaultRoundContent('g', 2026, rows)).toMatchObject({
			indicatorIds: [],
			goalIds: ['mal-2']
		});
	});
});

describe('a series takes values only in years one of its indicators is in force', () => {
	const founder = { id: 'ind', goalId: 'mal', archivedFromYear: 2026 };
	const copy = { id: 'ind-2026', goalId: 'mal', seriesId: 'ind' };
	type TreeIndicator = {
		id: string;
		goalId?: string;
		seriesId?: string;
		archivedFromYear?: number;
	};
	const tree = (indicators: TreeIndicator[]) => ({
		...rows,
		indicators
	});

	test('an archived indicator takes values for the years before, not from the year it was archived', () => {
		expect(seriesTakesValues(tree([founder]), 'ind', 2025)).toBe(true);
		expect(seriesTakesValues(tree([founder]), 'ind', 2026)).toBe(false);
		expect(seriesTakesValues(tree([founder]), 'ind', 2031)).toBe(false);
	});

	test('a copy in a later plan that follows the series keeps it open, though the founder is archived', () => {
		expect(seriesTakesValues(tree([founder, copy]), 'ind', 2026)).toBe(true);
	});

	test('an indicator under an archived goal or area takes no values from that year', () => {
		const archivedGoal = { ...rows, goals: [{ ...goal, archivedFromYear: 2027 }, other] };
		const underGoal = { ...archivedGoal, indicators: [{ id: 'ind', goalId: 'mal' }] };
		expect(seriesTakesValues(underGoal, 'ind', 2026)).toBe(true);
		expect(seriesTakesValues(underGoal, 'ind', 2027)).toBe(false);
		const archivedArea = { ...rows, goalAreas: [{ ...area, archivedFromYear: 2027 }] };
		expect(
			seriesTakesValues(
				{ ...archivedArea, indicators: [{ id: 'ind', goalId: 'del' }] },
				'ind',
				2027
			)
		).toBe(false);
	});

	test('a series no indicator follows is not this rule’s to refuse', () => {
		expect(seriesTakesValues(tree([founder]), 'okand', 2030)).toBe(true);
	});
});

describe('planSubtree: a whole plan', () => {
	test('takes its areas, its goals with or without an area, their sub-goals, indicators and targets; nothing of another plan', () => {
		const otherPlanGoal = { id: 'mal-annan', planId: 'p2', goalAreaId: undefined };
		const subtree = planSubtree('p', {
			goalAreas: [area, { id: 'omr-annan', planId: 'p2' }],
			goals: [goal, { ...other, goalAreaId: undefined }, otherPlanGoal],
			subGoals: [sub],
			indicators: [onGoal, onSub, context, { id: 'ind-annan', goalId: 'mal-annan' }],
			targets: [
				{ id: 't1', indicatorId: 'ind-del' },
				{ id: 't2', indicatorId: 'ind-annan' }
			]
		});
		expect(subtree).toEqual({
			goalAreas: ['omr'],
			goals: ['mal', 'mal-2'],
			subGoals: ['del'],
			indicators: ['ind-mal', 'ind-del'],
			targets: ['t1']
		});
	});
});
