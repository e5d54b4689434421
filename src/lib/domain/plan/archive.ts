/**
 * Archive, never silently delete. A goal area, goal, sub-goal or indicator
 * that has values or assessments (itself or anything below it) is archived
 * when an admin removes it: it gets `archivedFromYear` and stays in the
 * history and in the overviews and reports of the years before that year,
 * and is hidden from later years and from entry. An item without any may be
 * deleted, with everything below it.
 *
 * Pure: the views filter with treeInYear, the server decides with subtreeOf
 * what a removal touches.
 */

export type Archivable = { archivedFromYear?: number };

/** Whether an item is in force in `year`: never archived, or archived from a later year. */
export function inForce(item: Archivable, year: number): boolean {
	return item.archivedFromYear === undefined || year < item.archivedFromYear;
}

type TreeRows = {
	goalAreas: readonly ({ id: string } & Archivable)[];
	goals: readonly ({ id: string; goalAreaId?: string } & Archivable)[];
	subGoals: readonly ({ id: string; goalId: string } & Archivable)[];
	indicators: readonly ({ id: string; goalId?: string } & Archivable)[];
};

/**
 * The goal tree as it stands in `year`: archived items and everything below
 * them left out (a goal of an archived area, the indicators of an archived
 * sub-goal). Other fields of `rows` pass through unchanged.
 */
export function treeInYear<T extends TreeRows>(rows: T, year: number): T {
	const goneAreas = new Set(rows.goalAreas.filter((a) => !inForce(a, year)).map((a) => a.id));
	const goals = rows.goals.filter(
		(g) => inForce(g, year) && !(g.goalAreaId !== undefined && goneAreas.has(g.goalAreaId))
	);
	const goalIds = new Set(goals.map((g) => g.id));
	const knownGoals = new Set(rows.goals.map((g) => g.id));
	const subGoals = rows.subGoals.filter((s) => inForce(s, year) && goalIds.has(s.goalId));
	const subGoalIds = new Set(subGoals.map((s) => s.id));
	const knownSubGoals = new Set(rows.subGoals.map((s) => s.id));
	const indicators = rows.indicators.filter((i) => {
		if (!inForce(i, year)) return false;
		if (i.goalId === undefined) return true;
		// An indicator under a goal this tree does not hold (another plan's, filtered by the caller) is left to the caller.
		if (knownGoals.has(i.goalId)) return goalIds.has(i.goalId);
		if (knownSubGoals.has(i.goalId)) return subGoalIds.has(i.goalId);
		return true;
	});
	return {
		...rows,
		goalAreas: rows.goalAreas.filter((a) => inForce(a, year)),
		goals,
		subGoals,
		indicators
	};
}

/**
 * Whether a series still takes values in `year`: some indicator of the
 * grouping that follows it (the founder or a copy in a later plan) is in
 * force that year, with its goal and area. A series none of whose
 * indicators is followed any more takes none, so an edit made offline
 * before the archiving, or by a client that has not heard of it, is refused
 * instead of stored where no page shows it. A series no indicator follows
 * at all is left to the caller (the indicator is unknown).
 */
export function seriesTakesValues(
	rows: TreeRows & {
		indicators: readonly ({ id: string; goalId?: string; seriesId?: string } & Archivable)[];
	},
	seriesId: string,
	year: number
): boolean {
	const follows = (i: { id: string; seriesId?: string }) => (i.seriesId ?? i.id) === seriesId;
	if (!rows.indicators.some(follows)) return true;
	return treeInYear(rows, year).indicators.some(follows);
}

/** The year a plan's overview is judged in: this year while the plan runs, its last year once it has ended, its first before it starts. */
export function viewYearOfPlan(plan: { fromYear: number; toYear: number }, today: number): number {
	return Math.min(Math.max(today, plan.fromYear), plan.toYear);
}

export type RemovableEntity = 'goalArea' | 'goal' | 'subGoal' | 'indicator';

type SubtreeRows = {
	goals: readonly { id: string; goalAreaId?: string }[];
	subGoals: readonly { id: string; goalId: string }[];
	indicators: readonly { id: string; goalId?: string }[];
	targets: readonly { id: string; indicatorId: string }[];
};

/** What removing an item would take with it: the ids below it, per entity (the item itself included). */
export type Subtree = {
	goalAreas: string[];
	goals: string[];
	subGoals: string[];
	indicators: string[];
	targets: string[];
};

export function subtreeOf(entity: RemovableEntity, id: string, rows: SubtreeRows): Subtree {
	const goalAreas = entity === 'goalArea' ? [id] : [];
	const goals =
		entity === 'goal'
			? [id]
			: entity === 'goalArea'
				? rows.goals.filter((g) => g.goalAreaId === id).map((g) => g.id)
				: [];
	const subGoals =
		entity === 'subGoal'
			? [id]
			: rows.subGoals.filter((s) => goals.includes(s.goalId)).map((s) => s.id);
	const holders = new Set([...goals, ...subGoals]);
	const indicators =
		entity === 'indicator'
			? [id]
			: rows.indicators
					.filter((i) => i.goalId !== undefined && holders.has(i.goalId))
					.map((i) => i.id);
	const targets = rows.targets.filter((t) => indicators.includes(t.indicatorId)).map((t) => t.id);
	return { goalAreas, goals, subGoals, indicators, targets };
}

/**
 * What removing a whole plan would take with it: its goal areas, goals
 * (with or without an area), their sub-goals, the indicators under them and
 * their targets. A plan is removed only when none of it has a history: its
 * years belong to the plans that follow it, so it is never archived.
 */
export function planSubtree(
	planId: string,
	rows: Omit<SubtreeRows, 'goals'> & {
		goalAreas: readonly { id: string; planId?: string }[];
		goals: readonly { id: string; planId?: string }[];
	}
): Subtree {
	const goalAreas = rows.goalAreas.filter((a) => a.planId === planId).map((a) => a.id);
	const goals = rows.goals.filter((g) => g.planId === planId).map((g) => g.id);
	const subGoals = rows.subGoals.filter((s) => goals.includes(s.goalId)).map((s) => s.id);
	const holders = new Set([...goals, ...subGoals]);
	const indicators = rows.indicators
		.filter((i) => i.goalId !== undefined && holders.has(i.goalId))
		.map((i) => i.id);
	const targets = rows.targets.filter((t) => indicators.includes(t.indicatorId)).map((t) => t.id);
	return { goalAreas, goals, subGoals, indicators, targets };
}
