import Dexie from 'dexie';
import type { LagesbildDatabase, LocalMeasurement, LocalAssessment } from './database';
import type { Organisation } from '$lib/domain/plan/organisation';
import type { Membership } from '$lib/domain/plan/membership';
import type { Plan, GoalArea, Goal, SubGoal } from '$lib/domain/plan/goal-tree';
import type { Indicator } from '$lib/domain/plan/indicator';
import { seriesOf } from '$lib/domain/figures/indicator-series';
import type { Target } from '$lib/domain/plan/target';
import type { ReportingRound } from '$lib/domain/entry/reporting-round';
import type { Gender } from '$lib/domain/figures/measurement';
import { rowsOfSlice, type SlicedMeasurement } from './measurement-slices';
import { compareSwedish } from '$lib/domain/swedish-order';

/** The reads the views need. */

/**
 * All values of one series (seriesOf(indicator)), every organisation, year
 * and gender (a prefix scan of the compound index).
 */
export function measurementsOfIndicator(
	db: LagesbildDatabase,
	seriesId: string
): Promise<LocalMeasurement[]> {
	return db.measurements
		.where('[indicatorId+year]')
		.between([seriesId, Dexie.minKey], [seriesId, Dexie.maxKey])
		.toArray();
}

/**
 * The values of one series (seriesOf(indicator)) for one gender, every
 * organisation and year, with the fields the dashboards read: one record per
 * year from the slices (measurement-slices.ts), not a row per value.
 */
export async function measurementsOfIndicatorGender(
	db: LagesbildDatabase,
	seriesId: string,
	gender: Gender
): Promise<SlicedMeasurement[]> {
	const slices = await db.measurementSlices
		.where(':id')
		.between([seriesId, gender, Dexie.minKey], [seriesId, gender, Dexie.maxKey])
		.toArray();
	return slices.flatMap(rowsOfSlice);
}

export type GroupingSummary = { grouping: Organisation; memberships: Membership[] };

export async function listGroupings(db: LagesbildDatabase): Promise<GroupingSummary[]> {
	const groupings = await db.organisations
		.where('kind')
		.anyOf('federation', 'partnership', 'project')
		.toArray();
	const memberships = await db.memberships
		.where('groupingId')
		.anyOf(groupings.map((g) => g.id))
		.toArray();
	return groupings
		.sort((a, b) => compareSwedish(a.name, b.name))
		.map((grouping) => ({
			grouping,
			memberships: memberships.filter((m) => m.groupingId === grouping.id)
		}));
}

/** One grouping's members, goal tree, indicators, targets, assessments and rounds: all its pages need, but the values. */
export type GroupingReference = {
	grouping: Organisation;
	memberships: Membership[];
	members: Map<string, Organisation>;
	plans: Plan[];
	goalAreas: GoalArea[];
	goals: Goal[];
	subGoals: SubGoal[];
	indicators: Indicator[];
	targets: Target[];
	assessments: LocalAssessment[];
	reportingRounds: ReportingRound[];
};

/** A grouping with every stored value of its indicators, as rows (export, backup). */
export type GroupingData = GroupingReference & { measurements: LocalMeasurement[] };

/**
 * A grouping with its indicators' totals (gender T), each value with the
 * fields the dashboards read, from the slices: what the overview, the
 * municipality page and the board report draw. With 290 municipalities and
 * 100 indicators a grouping has 1,7 million values; its totals are a third
 * of them and arrive as 2 000 records instead of that many rows.
 */
export type GroupingTotals = GroupingReference & { measurements: SlicedMeasurement[] };

/** A grouping's memberships, and its members by id. */
export async function membersOf(
	db: LagesbildDatabase,
	groupingId: string
): Promise<{ memberships: Membership[]; members: Map<string, Organisation> }> {
	const memberships = await db.memberships.where('groupingId').equals(groupingId).toArray();
	// One read of the whole table (Sweden has 290 municipalities): for a grouping of all of them,
	// a get per member took longer than the read of the indicator page's 5 800 values.
	const memberIds = new Set(memberships.map((m) => m.memberId));
	const rows = (await db.organisations.toArray()).filter((o) => memberIds.has(o.id));
	return { memberships, members: new Map(rows.map((o) => [o.id, o] as const)) };
}

/** One grouping's members, goal tree, indicators, targets, assessments and rounds; null when it is not on this device. */
export async function loadGroupingReference(
	db: LagesbildDatabase,
	groupingId: string
): Promise<GroupingReference | null> {
	const grouping = await db.organisations.get(groupingId);
	if (!grouping) return null;
	const { memberships, members } = await membersOf(db, groupingId);
	const plans = await db.plans.where('organisationId').equals(groupingId).toArray();
	const planIds = plans.map((p) => p.id);
	const goalAreas = await db.goalAreas.where('planId').anyOf(planIds).toArray();
	const goals = await db.goals.where('planId').anyOf(planIds).toArray();
	const subGoals = await db.subGoals
		.where('goalId')
		.anyOf(goals.map((g) => g.id))
		.toArray();
	const indicators = await db.indicators.where('organisationId').equals(groupingId).toArray();
	const targets = await db.targets
		.where('indicatorId')
		.anyOf(indicators.map((i) => i.id))
		.toArray();
	const assessments = await db.assessments
		.where('goalId')
		.anyOf(goals.map((g) => g.id))
		.toArray();
	const reportingRounds = await db.reportingRounds.where('groupingId').equals(groupingId).toArray();
	return {
		grouping,
		memberships,
		members,
		plans: plans.sort((a, b) => b.fromYear - a.fromYear),
		goalAreas: goalAreas.sort((a, b) => a.order - b.order),
		goals: goals.sort((a, b) => a.order - b.order),
		subGoals: subGoals.sort((a, b) => a.order - b.order),
		indicators: indicators.sort((a, b) => a.order - b.order),
		targets,
		assessments,
		reportingRounds: reportingRounds.sort((a, b) => b.year - a.year)
	};
}

/** A grouping with every stored value of its indicators, as rows. */
export async function loadGrouping(
	db: LagesbildDatabase,
	groupingId: string
): Promise<GroupingData | null> {
	const reference = await loadGroupingReference(db, groupingId);
	if (!reference) return null;
	const measurements = (
		await Promise.all(
			seriesOfIndicators(reference.indicators).map((id) => measurementsOfIndicator(db, id))
		)
	).flat();
	return { ...reference, measurements };
}

/** A grouping with its indicators' totals, from the slices (see GroupingTotals). */
export async function loadGroupingTotals(
	db: LagesbildDatabase,
	groupingId: string
): Promise<GroupingTotals | null> {
	const reference = await loadGroupingReference(db, groupingId);
	if (!reference) return null;
	const measurements = (
		await Promise.all(
			seriesOfIndicators(reference.indicators).map((id) =>
				measurementsOfIndicatorGender(db, id, 'T')
			)
		)
	).flat();
	return { ...reference, measurements };
}

/** The series the indicators' values are stored under, each once: two plans' indicators may follow one series. */
export function seriesOfIndicators(
	indicators: readonly Pick<Indicator, 'id' | 'seriesId'>[]
): string[] {
	return [...new Set(indicators.map(seriesOf))];
}

/**
 * The rows of the given series in the given years, every organisation and
 * gender, from the index ranges of just those: the entry grid reads one
 * indicator and year, the round pages each round's indicators in its year.
 */
export function measurementsOfIndicatorYears(
	db: LagesbildDatabase,
	seriesYears: readonly (readonly [seriesId: string, year: number])[]
): Promise<LocalMeasurement[]> {
	return seriesYears.length === 0
		? Promise.resolve([])
		: db.measurements
				.where('[indicatorId+year]')
				.anyOf(seriesYears.map((key) => [...key]))
				.toArray();
}

export type MemberMunicipality = { municipality: Organisation; groupings: Organisation[] };

/** The municipalities that belong to any of the groupings on this device, each with its groupings. */
export async function listMemberMunicipalities(
	db: LagesbildDatabase
): Promise<MemberMunicipality[]> {
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
