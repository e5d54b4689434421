import Dexie from 'dexie';
import type { LagesbildDatabase, LocalMeasurement, LocalAssessment } from './database';
import type { Organisation } from '$lib/domain/organisation';
import type { Membership } from '$lib/domain/membership';
import type { Plan, GoalArea, Goal, SubGoal } from '$lib/domain/goal-tree';
import type { Indicator } from '$lib/domain/indicator';
import type { Target } from '$lib/domain/target';
import type { ReportingRound } from '$lib/domain/reporting-round';
import type { Gender } from '$lib/domain/measurement';
import { rowsOfSlice, type SlicedMeasurement } from './measurement-slices';
import { compareSwedish } from '$lib/domain/swedish-order';

/** The reads the views need. */

/** All values of one indicator, every organisation, year and gender (a prefix scan of the compound index). */
export function measurementsOfIndicator(db: LagesbildDatabase, indicatorId: string): Promise<LocalMeasurement[]> {
	return db.measurements.where('[indicatorId+year]').between([indicatorId, Dexie.minKey], [indicatorId, Dexie.maxKey]).toArray();
}

/**
 * The values of one indicator for one gender, every organisation and year,
 * with the fields the dashboards read: one record per year from the slices
 * (measurement-slices.ts), not a row per value.
 */
export async function measurementsOfIndicatorGender(db: LagesbildDatabase, indicatorId: string, gender: Gender): Promise<SlicedMeasurement[]> {
	const slices = await db.measurementSlices.where(':id').between([indicatorId, gender, Dexie.minKey], [indicatorId, gender, Dexie.maxKey]).toArray();
	return slices.flatMap(rowsOfSlice);
}

export type GroupingSummary = { grouping: Organisation; memberships: Membership[] };

export async function listGroupings(db: LagesbildDatabase): Promise<GroupingSummary[]> {
	const groupings = await db.organisations.where('kind').anyOf('federation', 'partnership', 'project').toArray();
	const memberships = await db.memberships.where('groupingId').anyOf(groupings.map((g) => g.id)).toArray();
	return groupings
		.sort((a, b) => compareSwedish(a.name, b.name))
		.map((grouping) => ({ grouping, memberships: memberships.filter((m) => m.groupingId === grouping.id) }));
}

export type GroupingData = {
	grouping: Organisation;
	memberships: Membership[];
	members: Map<string, Organisation>;
	plans: Plan[];
	goalAreas: GoalArea[];
	goals: Goal[];
	subGoals: SubGoal[];
	indicators: Indicator[];
	targets: Target[];
	measurements: LocalMeasurement[];
	assessments: LocalAssessment[];
	reportingRounds: ReportingRound[];
};

/** Everything one grouping's pages show: its members, goal tree, indicators, targets and values. */
export async function loadGrouping(db: LagesbildDatabase, groupingId: string): Promise<GroupingData | null> {
	const grouping = await db.organisations.get(groupingId);
	if (!grouping) return null;
	const memberships = await db.memberships.where('groupingId').equals(groupingId).toArray();
	const memberRows = await db.organisations.bulkGet([...new Set(memberships.map((m) => m.memberId))]);
	const plans = await db.plans.where('organisationId').equals(groupingId).toArray();
	const planIds = plans.map((p) => p.id);
	const goalAreas = await db.goalAreas.where('planId').anyOf(planIds).toArray();
	const goals = await db.goals.where('planId').anyOf(planIds).toArray();
	const subGoals = await db.subGoals.where('goalId').anyOf(goals.map((g) => g.id)).toArray();
	const indicators = await db.indicators.where('organisationId').equals(groupingId).toArray();
	const indicatorIds = indicators.map((i) => i.id);
	const targets = await db.targets.where('indicatorId').anyOf(indicatorIds).toArray();
	const measurements = (await Promise.all(indicatorIds.map((id) => measurementsOfIndicator(db, id)))).flat();
	const assessments = await db.assessments.where('goalId').anyOf(goals.map((g) => g.id)).toArray();
	const reportingRounds = await db.reportingRounds.where('groupingId').equals(groupingId).toArray();
	return {
		grouping,
		memberships,
		members: new Map(memberRows.flatMap((o) => (o ? [[o.id, o] as const] : []))),
		plans: plans.sort((a, b) => b.fromYear - a.fromYear),
		goalAreas: goalAreas.sort((a, b) => a.order - b.order),
		goals: goals.sort((a, b) => a.order - b.order),
		subGoals: subGoals.sort((a, b) => a.order - b.order),
		indicators: indicators.sort((a, b) => a.order - b.order),
		targets,
		measurements,
		assessments,
		reportingRounds: reportingRounds.sort((a, b) => b.year - a.year)
	};
}

export type MemberMunicipality = { municipality: Organisation; groupings: Organisation[] };

/** The municipalities that belong to any of the groupings on this device, each with its groupings. */
export async function listMemberMunicipalities(db: LagesbildDatabase): Promise<MemberMunicipality[]> {
	const summaries = await listGroupings(db);
	const groupingsOf = new Map<string, Organisation[]>();
	for (const { grouping, memberships } of summaries) {
		for (const memberId of new Set(memberships.map((m) => m.memberId))) {
			groupingsOf.set(memberId, [...(groupingsOf.get(memberId) ?? []), grouping]);
		}
	}
	const municipalities = await db.organisations.bulkGet([...groupingsOf.keys()]);
	return municipalities
		.flatMap((m) => (m ? [{ municipality: m, groupings: groupingsOf.get(m.id)! }] : []))
		.sort((a, b) => compareSwedish(a.municipality.name, b.municipality.name));
}
