import type { LagesbildDatabase, LocalAssessment } from './database';
import { loadGrouping, measurementsOfIndicatorGender, type GroupingData } from './queries';
import type { Organisation } from '$lib/domain/organisation';
import type { Goal, Plan, SubGoal } from '$lib/domain/goal-tree';
import { shownGender, type IndicatorDashboardInput } from '$lib/domain/indicator-dashboard';
import type { Gender } from '$lib/domain/measurement';

/** The reads of the dashboards (indicator page, municipality page, board report). All local: they work offline. */

export type IndicatorPageData = IndicatorDashboardInput & {
	/** The goal the indicator measures, and the sub-goal when it sits under one. */
	goal: Goal | null;
	subGoal: SubGoal | null;
	plan: Plan | null;
	assessments: LocalAssessment[];
	/** The grouping's other indicators, for moving between them. */
	siblings: { id: string; name: string }[];
};

async function membersOf(db: LagesbildDatabase, groupingId: string) {
	const memberships = await db.memberships.where('groupingId').equals(groupingId).toArray();
	// One read of the whole table (Sweden has 290 municipalities): for a grouping of all of them,
	// a get per member took longer than the read of the page's 5 800 values.
	const memberIds = new Set(memberships.map((m) => m.memberId));
	const rows = (await db.organisations.toArray()).filter((o) => memberIds.has(o.id));
	return { memberships, members: new Map(rows.map((o) => [o.id, o] as const)) };
}

/**
 * One indicator of one grouping with everything its page draws, for the
 * gender it shows; null when either is not on this device. Only that
 * gender's values are read: the page never shows two at once, and reading
 * is most of the page's time with 290 members.
 */
export async function loadIndicatorPage(db: LagesbildDatabase, groupingId: string, indicatorId: string, requestedGender: Gender = 'T'): Promise<IndicatorPageData | null> {
	const [grouping, indicator] = await Promise.all([db.organisations.get(groupingId), db.indicators.get(indicatorId)]);
	if (!grouping || !indicator || indicator.organisationId !== groupingId) return null;
	const [{ memberships, members }, targets, measurements, siblings] = await Promise.all([
		membersOf(db, groupingId),
		db.targets.where('indicatorId').equals(indicatorId).toArray(),
		measurementsOfIndicatorGender(db, indicatorId, shownGender(indicator, requestedGender).gender),
		db.indicators.where('organisationId').equals(groupingId).toArray()
	]);

	let goal: Goal | null = null;
	let subGoal: SubGoal | null = null;
	if (indicator.goalId) {
		goal = (await db.goals.get(indicator.goalId)) ?? null;
		if (!goal) {
			subGoal = (await db.subGoals.get(indicator.goalId)) ?? null;
			goal = subGoal ? ((await db.goals.get(subGoal.goalId)) ?? null) : null;
		}
	}
	const plan = goal ? ((await db.plans.get(goal.planId)) ?? null) : null;
	const assessments = goal ? await db.assessments.where('goalId').equals(goal.id).toArray() : [];
	return {
		grouping,
		memberships,
		members,
		indicator,
		targets,
		measurements,
		plan,
		goal,
		subGoal,
		assessments: assessments.sort((a, b) => b.year - a.year),
		siblings: siblings.sort((a, b) => a.order - b.order).map((i) => ({ id: i.id, name: i.name }))
	};
}

export type MunicipalityPageData = { municipality: Organisation; groupings: GroupingData[] };

/** A municipality (by kommunkod) and every grouping it is or was a member of, each loaded as its overview loads it. */
export async function loadMunicipalityPage(db: LagesbildDatabase, kommunkod: string): Promise<MunicipalityPageData | null> {
	const municipality = await db.organisations.where('kommunkod').equals(kommunkod).first();
	if (!municipality) return null;
	const memberships = await db.memberships.where('memberId').equals(municipality.id).toArray();
	const groupingIds = [...new Set(memberships.map((m) => m.groupingId))];
	const groupings = (await Promise.all(groupingIds.map((id) => loadGrouping(db, id)))).filter((g): g is GroupingData => g !== null);
	return { municipality, groupings };
}
