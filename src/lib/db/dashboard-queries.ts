import type { LagesbildDatabase, LocalAssessment } from './database';
import { loadGroupingTotals, measurementsOfIndicatorGender, membersOf, type GroupingTotals } from './queries';
import type { Organisation } from '$lib/domain/organisation';
import type { Goal, Plan, SubGoal } from '$lib/domain/goal-tree';
import type { Indicator } from '$lib/domain/indicator';
import { shownGender, type IndicatorDashboardInput } from '$lib/domain/indicator-dashboard';
import type { Gender } from '$lib/domain/measurement';

/** The reads of the dashboards (indicator page, municipality page, board report). All local: they work offline. */

/** What the indicator page reads of the grouping, whichever of its indicators is open. */
export type GroupingContext = Pick<IndicatorDashboardInput, 'grouping' | 'memberships' | 'members'> & {
	/** The grouping's indicators in their order: the page finds the one it shows here. */
	indicators: Indicator[];
};

/** What the indicator page reads for the indicator it shows, with the indicator it was read for. */
export type IndicatorData = Pick<IndicatorDashboardInput, 'indicator' | 'targets' | 'measurements'> & {
	/** The goal the indicator measures, and the sub-goal when it sits under one. */
	goal: Goal | null;
	subGoal: SubGoal | null;
	plan: Plan | null;
	assessments: LocalAssessment[];
};

export type IndicatorPageData = GroupingContext & IndicatorData;

/**
 * The grouping, its members and its indicators: read once while the person
 * moves between the grouping's indicators, not again for each of them (with
 * 290 members that is 600 rows a visit).
 */
export function loadGroupingContext(db: LagesbildDatabase, groupingId: string): Promise<GroupingContext | null> {
	return db.transaction('r', [db.organisations, db.memberships, db.indicators], async () => {
		const [grouping, membersAndMemberships, indicators] = await Promise.all([
			db.organisations.get(groupingId),
			membersOf(db, groupingId),
			db.indicators.where('organisationId').equals(groupingId).toArray()
		]);
		if (!grouping) return null;
		return { grouping, ...membersAndMemberships, indicators: indicators.sort((a, b) => a.order - b.order) };
	});
}

/**
 * What the page of one indicator reads beyond its grouping: the target,
 * the values of the gender it shows (the page never shows two at once) and
 * the goal. All reads share one transaction and go out in as few rounds as
 * the links between them allow: each round to IndexedDB costs a millisecond
 * or more on a tablet, and the page waits for all of them.
 */
export function loadIndicatorData(db: LagesbildDatabase, indicator: Indicator, requestedGender: Gender = 'T'): Promise<IndicatorData> {
	const tables = [db.targets, db.measurementSlices, db.goals, db.subGoals, db.plans, db.assessments];
	return db.transaction('r', tables, async () => {
		const [targets, measurements, goalTree] = await Promise.all([
			db.targets.where('indicatorId').equals(indicator.id).toArray(),
			measurementsOfIndicatorGender(db, indicator.id, shownGender(indicator, requestedGender).gender),
			goalTreeOf(db, indicator.goalId)
		]);
		return { indicator, targets, measurements, ...goalTree };
	});
}

/** Everything the page of one indicator shows; null when the grouping or the indicator (among the grouping's) is not on this device. */
export async function loadIndicatorPage(db: LagesbildDatabase, groupingId: string, indicatorId: string, requestedGender: Gender = 'T'): Promise<IndicatorPageData | null> {
	const context = await loadGroupingContext(db, groupingId);
	const indicator = context?.indicators.find((i) => i.id === indicatorId);
	return context && indicator ? { ...context, ...(await loadIndicatorData(db, indicator, requestedGender)) } : null;
}

/** The goal an indicator measures (directly or through a sub-goal), its plan and its assessments, newest first. */
async function goalTreeOf(db: LagesbildDatabase, goalId: string | undefined): Promise<Pick<IndicatorPageData, 'goal' | 'subGoal' | 'plan' | 'assessments'>> {
	const none = { goal: null, subGoal: null, plan: null, assessments: [] };
	if (!goalId) return none;
	// An indicator's goalId names a goal or a sub-goal; both are asked for at once.
	const [direct, subGoal] = await Promise.all([db.goals.get(goalId), db.subGoals.get(goalId)]);
	const goal = direct ?? (subGoal ? await db.goals.get(subGoal.goalId) : undefined);
	if (!goal) return none;
	const [plan, assessments] = await Promise.all([db.plans.get(goal.planId), db.assessments.where('goalId').equals(goal.id).toArray()]);
	return { goal, subGoal: direct ? null : (subGoal ?? null), plan: plan ?? null, assessments: assessments.sort((a, b) => b.year - a.year) };
}

export type MunicipalityPageData = { municipality: Organisation; groupings: GroupingTotals[] };

/** A municipality (by kommunkod) and every grouping it is or was a member of, each with its totals as its overview loads them. */
export async function loadMunicipalityPage(db: LagesbildDatabase, kommunkod: string): Promise<MunicipalityPageData | null> {
	const municipality = await db.organisations.where('kommunkod').equals(kommunkod).first();
	if (!municipality) return null;
	const memberships = await db.memberships.where('memberId').equals(municipality.id).toArray();
	const groupingIds = [...new Set(memberships.map((m) => m.groupingId))];
	const groupings = (await Promise.all(groupingIds.map((id) => loadGroupingTotals(db, id)))).filter((g): g is GroupingTotals => g !== null);
	return { municipality, groupings };
}
