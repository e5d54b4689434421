import type { LagesbildDatabase, LocalAssessment } from './database';
import {
	loadGroupingTotals,
	measurementsOfIndicatorGender,
	membersOf,
	type GroupingTotals
} from './queries';
import type { Organisation } from '$lib/domain/plan/organisation';
import type { Goal, Plan, SubGoal } from '$lib/domain/plan/goal-tree';
import { seriesOf, type Indicator } from '$lib/domain/plan/indicator';
import { shownGender, type IndicatorDashboardInput } from '$lib/domain/views/indicator-dashboard';
import { companionSeries, indicatorMethod } from '$lib/domain/plan/indicator-method';
import { countiesOfMembers, type County } from '$lib/domain/figures/county-comparison';
import { allMunicipalities } from '$lib/seed/municipalities';
import type { Gender } from '$lib/domain/figures/measurement';

/** The reads of the dashboards (indicator page, municipality page, board report). All local: they work offline. */

/** What the indicator page reads of the grouping, whichever of its indicators is open. */
export type GroupingContext = Pick<
	IndicatorDashboardInput,
	'grouping' | 'memberships' | 'members'
> & {
	/** The grouping's indicators in their order: the page finds the one it shows here (and a weighted mean its weight series). */
	indicators: Indicator[];
	/** The members' counties with all their municipalities. */
	counties: County[];
};

/** What the indicator page reads for the indicator it shows, with the indicator it was read for. */
export type IndicatorData = Pick<
	IndicatorDashboardInput,
	'indicator' | 'targets' | 'measurements'
> & {
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
export function loadGroupingContext(
	db: LagesbildDatabase,
	groupingId: string
): Promise<GroupingContext | null> {
	return db.transaction('r', [db.organisations, db.memberships, db.indicators], async () => {
		const [grouping, membersAndMemberships, indicators] = await Promise.all([
			db.organisations.get(groupingId),
			membersOf(db, groupingId),
			db.indicators.where('organisationId').equals(groupingId).toArray()
		]);
		if (!grouping) return null;
		const memberIds = new Set(membersAndMemberships.memberships.map((m) => m.memberId));
		// Every municipality of a county from Sweden's list, not from this device, which holds only the members of its groupings.
		const counties = countiesOfMembers(allMunicipalities(), memberIds);
		return {
			grouping,
			...membersAndMemberships,
			indicators: indicators.sort((a, b) => a.order - b.order),
			counties
		};
	});
}

/**
 * What the page of one indicator reads beyond its grouping: the target,
 * the values of the gender it shows (the page never shows two at once) and
 * the goal, and for a weighted mean or a ratio of sums the series its method
 * names (`indicators`, the grouping's, tell where they lie). All reads share
 * one transaction and go out in as few rounds as the links between them
 * allow: each round to IndexedDB costs a millisecond or more on a tablet,
 * and the page waits for all of them.
 */
export function loadIndicatorData(
	db: LagesbildDatabase,
	indicator: Indicator,
	requestedGender: Gender = 'T',
	indicators: readonly Indicator[] = []
): Promise<IndicatorData> {
	const tables = [
		db.targets,
		db.measurementSlices,
		db.goals,
		db.subGoals,
		db.plans,
		db.assessments
	];
	const gender = shownGender(indicator, requestedGender).gender;
	const named = companionSeries(indicatorMethod(indicator, indicators), gender);
	return db.transaction('r', tables, async () => {
		const [targets, measurements, goalTree, ...companions] = await Promise.all([
			db.targets.where('indicatorId').equals(indicator.id).toArray(),
			measurementsOfIndicatorGender(db, seriesOf(indicator), gender),
			goalTreeOf(db, indicator.goalId),
			...named.map((c) => measurementsOfIndicatorGender(db, c.series, c.gender))
		]);
		return {
			indicator,
			targets,
			measurements: companions.length > 0 ? [...measurements, ...companions.flat()] : measurements,
			...goalTree
		};
	});
}

/** The goal an indicator measures (directly or through a sub-goal), its plan and its assessments, newest first. */
async function goalTreeOf(
	db: LagesbildDatabase,
	goalId: string | undefined
): Promise<Pick<IndicatorPageData, 'goal' | 'subGoal' | 'plan' | 'assessments'>> {
	const none = { goal: null, subGoal: null, plan: null, assessments: [] };
	if (!goalId) return none;
	// An indicator's goalId names a goal or a sub-goal; both are asked for at once.
	const [direct, subGoal] = await Promise.all([db.goals.get(goalId), db.subGoals.get(goalId)]);
	const goal = direct ?? (subGoal ? await db.goals.get(subGoal.goalId) : undefined);
	if (!goal) return none;
	const [plan, assessments] = await Promise.all([
		db.plans.get(goal.planId),
		db.assessments.where('goalId').equals(goal.id).toArray()
	]);
	return {
		goal,
		subGoal: direct ? null : (subGoal ?? null),
		plan: plan ?? null,
		assessments: assessments.sort((a, b) => b.year - a.year)
	};
}

export type MunicipalityPageData = { municipality: Organisation; groupings: GroupingTotals[] };

/** A municipality (by kommunkod) and every grouping it is or was a member of, each with its totals as its overview loads them. */
export async function loadMunicipalityPage(
	db: LagesbildDatabase,
	kommunkod: string
): Promise<MunicipalityPageData | null> {
	const municipality = await db.organisations.where('kommunkod').equals(kommunkod).first();
	if (!municipality) return null;
	const memberships = await db.memberships.where('memberId').equals(municipality.id).toArray();
	const groupingIds = [...new Set(memberships.map((m) => m.groupingId))];
	const groupings = (await Promise.all(groupingIds.map((id) => loadGroupingTotals(db, id)))).filter(
		(g): g is GroupingTotals => g !== null
	);
	return { municipality, groupings };
}
