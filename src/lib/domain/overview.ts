import type { Assessment, GoalStatus } from './assessment';
import type { Goal, GoalArea, Plan, SubGoal } from './goal-tree';
import type { Indicator } from './indicator';
import type { Measurement } from './measurement';
import type { Membership } from './membership';
import type { Target } from './target';
import { groupingSeries, judgedYear, type GroupingYearValue } from './series';
import { gapToTarget, targetForYear, type GapToTarget } from './targets';
import { indicatorStatus, goalStatus } from './status';
import { trend, type Trend } from './trend';
import { newerValueThan } from './assessment-staleness';

/** What the overview of a grouping shows, derived from the stored rows and never stored itself. */
export type IndicatorSummary = {
	indicator: Indicator;
	/** The target for the grouping as a whole. */
	target: Target | undefined;
	/** The grouping's value in the year it is judged on (see judgedYear); null when there is none. */
	latest: GroupingYearValue | null;
	/** A newer year whose members are still reporting, shown as preliminary and not judged. */
	preliminary: GroupingYearValue | null;
	targetValue: number | null;
	gap: GapToTarget | null;
	status: GoalStatus;
	trend: Trend | null;
	/** When the latest value that went into `latest` was entered. */
	lastUpdated: string | null;
	/** True when any value behind `latest` is example data rather than from a document or statistic. */
	exampleData: boolean;
};

export type SubGoalSummary = { subGoal: SubGoal; indicators: IndicatorSummary[]; status: GoalStatus };

export type GoalSummary = {
	goal: Goal;
	indicators: IndicatorSummary[];
	subGoals: SubGoalSummary[];
	/** The goal's most recent assessment, if any. */
	assessment: Assessment | undefined;
	/** When a value the assessment judged changed after it was written (possibly out of date); null otherwise. */
	assessmentStaleSince: string | null;
	status: GoalStatus;
};

export type AreaSummary = { area: GoalArea | null; goals: GoalSummary[] };
export type PlanSummary = { plan: Plan; areas: AreaSummary[] };
export type GroupingOverview = { plans: PlanSummary[]; otherIndicators: IndicatorSummary[] };

/** The fields of a value the overview reads: stored rows and slice entries both fit. */
export type OverviewMeasurement = Pick<Measurement, 'indicatorId' | 'organisationId' | 'year' | 'gender' | 'value' | 'updatedAt'> & { exampleData?: boolean };

export type OverviewInput = {
	groupingId: string;
	memberships: Membership[];
	plans: Plan[];
	goalAreas: GoalArea[];
	goals: Goal[];
	subGoals: SubGoal[];
	indicators: Indicator[];
	targets: Target[];
	/**
	 * The grouping's values. The overview reads the totals (gender T) and
	 * judges an assessment's staleness on them too: a total is what it shows.
	 */
	measurements: OverviewMeasurement[];
	assessments: Assessment[];
};

export function summariseIndicator(input: OverviewInput, indicator: Indicator): IndicatorSummary {
	const own = input.measurements.filter((m) => m.indicatorId === indicator.id && m.gender === 'T');
	const target = input.targets.find((t) => t.indicatorId === indicator.id && t.organisationId === input.groupingId);
	const years = yearSpan(own.map((m) => m.year));
	const series = groupingSeries(indicator, input.memberships, own, input.groupingId, years, 'T');
	const withValue = series.filter((s) => s.value !== null);
	const { judged: latest, preliminary } = judgedYear(series);
	const behindLatest = latest ? own.filter((m) => m.year === latest.year && latest.contributing.includes(m.organisationId)) : [];
	return {
		indicator,
		target,
		latest,
		preliminary,
		targetValue: latest && target ? targetForYear(target, latest.year) : null,
		gap: latest && target ? gapToTarget(latest.value, target, latest.year, indicator.betterDirection) : null,
		status: latest ? indicatorStatus(latest.value, target, latest.year, indicator) : 'notAssessed',
		trend: trend(
			// A year still coming in would bend the trend towards whoever reported first.
			withValue.filter((s) => s !== preliminary).map((s) => ({ year: s.year, value: s.value as number })),
			indicator.betterDirection
		),
		lastUpdated: behindLatest.reduce<string | null>((max, m) => (max === null || m.updatedAt > max ? m.updatedAt : max), null),
		exampleData: behindLatest.some((m) => m.exampleData)
	};
}

/** The goal tree of a grouping, each goal with its derived status. */
export function buildGroupingOverview(input: OverviewInput): GroupingOverview {
	const summaries = new Map(input.indicators.map((i) => [i.id, summariseIndicator(input, i)]));
	const indicatorsOf = (goalId: string) => input.indicators.filter((i) => i.goalId === goalId).map((i) => summaries.get(i.id)!);
	const attached = new Set<string>();

	const summariseGoal = (goal: Goal): GoalSummary => {
		const subGoals = input.subGoals
			.filter((s) => s.goalId === goal.id)
			.map((subGoal) => {
				const indicators = indicatorsOf(subGoal.id);
				indicators.forEach((s) => attached.add(s.indicator.id));
				return { subGoal, indicators, status: goalStatus(indicators.map((s) => s.status)) };
			});
		const indicators = indicatorsOf(goal.id);
		indicators.forEach((s) => attached.add(s.indicator.id));
		const assessment = latestAssessment(input.assessments, goal.id);
		const statuses = [...indicators.map((s) => s.status), ...subGoals.map((s) => s.status)];
		const judged = new Set([...indicators, ...subGoals.flatMap((s) => s.indicators)].map((s) => s.indicator.id));
		const assessmentStaleSince = assessment ? newerValueThan(assessment, judged, input.measurements) : null;
		return { goal, indicators, subGoals, assessment, assessmentStaleSince, status: goalStatus(statuses, assessment) };
	};

	const plans = input.plans.map((plan) => {
		const goals = input.goals.filter((g) => g.planId === plan.id);
		const areas: AreaSummary[] = input.goalAreas
			.filter((a) => a.planId === plan.id)
			.map((area) => ({ area, goals: goals.filter((g) => g.goalAreaId === area.id).map(summariseGoal) }));
		const withoutArea = goals.filter((g) => !g.goalAreaId || !areas.some((a) => a.area?.id === g.goalAreaId));
		if (withoutArea.length > 0) areas.push({ area: null, goals: withoutArea.map(summariseGoal) });
		return { plan, areas };
	});
	const otherIndicators = input.indicators.filter((i) => !attached.has(i.id)).map((i) => summaries.get(i.id)!);
	return { plans, otherIndicators };
}

function latestAssessment(assessments: Assessment[], goalId: string): Assessment | undefined {
	return assessments.filter((a) => a.goalId === goalId).sort((a, b) => b.year - a.year)[0];
}

function yearSpan(years: number[]): number[] {
	if (years.length === 0) return [];
	const from = Math.min(...years);
	const to = Math.max(...years);
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
