/**
 * "Ny plan från förra året": a plan's goal tree, indicators and targets
 * copied into a new plan for other years, which the admin then edits. The
 * old plan and its rows are left exactly as they were; the copies are new
 * rows. Each new indicator follows the old one's series (seriesOf), so the
 * values entered under the old plan stay on the new plan's charts.
 *
 * The new ids are derived from the old ids and the new first year: the same
 * copy made twice (a retried request) names the same rows and creates
 * nothing twice.
 */
import type { Goal, GoalArea, Plan, SubGoal } from './goal-tree';
import { seriesOf, type Indicator } from './indicator';
import type { Target } from './target';
import { treeInYear } from './archive';

export type PlanTree = {
	plan: Plan;
	goalAreas: GoalArea[];
	goals: Goal[];
	subGoals: SubGoal[];
	/** The grouping's indicators; those following the plan's goals and sub-goals are copied. */
	indicators: Indicator[];
	/** Their targets; those of copied indicators are copied. */
	targets: Target[];
};

export type CopyRequest = { fromYear: number; toYear: number; name: string };

/** A copied row's id: the original's without an earlier copy's year, then the new plan's first year ("mal-1" → "mal-1.2026"). */
export function copiedId(id: string, fromYear: number): string {
	return `${id.replace(/\.\d{4}$/, '')}.${fromYear}`;
}

/**
 * The new plan and its rows. Items archived before the new plan's first year
 * are left behind: they were removed from use. `tree` is expected to hold
 * the plan's own goal areas, goals and sub-goals (others are ignored).
 */
export function copyPlan(tree: PlanTree, to: CopyRequest): Omit<PlanTree, 'plan'> & { plan: Plan } {
	const id = (old: string) => copiedId(old, to.fromYear);
	const ownAreas = tree.goalAreas.filter((a) => a.planId === tree.plan.id);
	const ownGoals = tree.goals.filter((g) => g.planId === tree.plan.id);
	const goalIds = new Set(ownGoals.map((g) => g.id));
	const ownSubGoals = tree.subGoals.filter((s) => goalIds.has(s.goalId));
	const holders = new Set([...goalIds, ...ownSubGoals.map((s) => s.id)]);
	const ownIndicators = tree.indicators.filter(
		(i) => i.goalId !== undefined && holders.has(i.goalId)
	);
	const kept = treeInYear(
		{ goalAreas: ownAreas, goals: ownGoals, subGoals: ownSubGoals, indicators: ownIndicators },
		to.fromYear
	);

	const plan: Plan = {
		...tree.plan,
		id: id(tree.plan.id),
		name: to.name,
		fromYear: to.fromYear,
		toYear: to.toYear
	};
	const goalAreas = kept.goalAreas.map((a) => ({ ...a, id: id(a.id), planId: plan.id }));
	const goals = kept.goals.map((g) => ({
		...g,
		id: id(g.id),
		planId: plan.id,
		goalAreaId: g.goalAreaId === undefined ? undefined : id(g.goalAreaId)
	}));
	const subGoals = kept.subGoals.map((s) => ({ ...s, id: id(s.id), goalId: id(s.goalId) }));
	const copied = new Set(kept.indicators.map((i) => i.id));
	// A weight, numerator or denominator copied along is named by its copy; one outside the plan stays as it was.
	const companion = (ref: string) => (copied.has(ref) ? id(ref) : ref);
	const indicators = kept.indicators.map((i) => ({
		...i,
		id: id(i.id),
		goalId: id(i.goalId!),
		seriesId: seriesOf(i),
		weightSeriesId: i.weightSeriesId === undefined ? undefined : companion(i.weightSeriesId),
		ratio:
			i.ratio === undefined
				? undefined
				: {
						numeratorId: companion(i.ratio.numeratorId),
						denominatorId: companion(i.ratio.denominatorId)
					}
	}));
	const targets = tree.targets
		.filter((t) => copied.has(t.indicatorId))
		.map((t) => ({ ...t, id: id(t.id), indicatorId: id(t.indicatorId) }));
	return {
		plan,
		goalAreas: goalAreas.map(withoutUndefined),
		goals: goals.map(withoutUndefined),
		subGoals,
		indicators: indicators.map(withoutUndefined),
		targets
	};
}

/** Leaves out keys set to undefined, so a copy is the same JSON as a row written by hand. */
function withoutUndefined<T extends object>(row: T): T {
	return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

/** What "Ny plan från förra året" proposes: the years after the plan, as many as it had, and its name with the years moved on. */
export function nextPlanProposal(plan: Pick<Plan, 'name' | 'fromYear' | 'toYear'>): CopyRequest {
	const length = plan.toYear - plan.fromYear;
	const fromYear = plan.toYear + 1;
	const toYear = fromYear + length;
	const shift = toYear - plan.toYear;
	const name = plan.name.replace(/\b(19|20)\d{2}\b/g, (y) => String(Number(y) + shift));
	return {
		fromYear,
		toYear,
		name:
			name === plan.name
				? `${plan.name} (${fromYear}${toYear !== fromYear ? `–${toYear}` : ''})`
				: name
	};
}
