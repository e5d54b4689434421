import type { Assessment, GoalStatus } from '../figures/assessment';
import type { Goal, GoalArea, Plan, SubGoal } from '../plan/goal-tree';
import { seriesOf, type Indicator } from '../plan/indicator';
import type { Measurement } from '../figures/measurement';
import type { Membership } from '../plan/membership';
import type { Target } from '../plan/target';
import { GOAL_STATUS_LABELS, GoalStatus as GoalStatusSchema } from '../figures/assessment';
import { companionSeries, indicatorMethod, methodText } from '../plan/indicator-method';
import {
	groupingSeries,
	groupingTrend,
	judgedYear,
	ratioRows,
	type GroupingYearValue
} from '../figures/series';
import { gapToTarget, targetForYear, type GapToTarget } from '../plan/targets';
import { indicatorStatus, goalStatus } from '../figures/status';
import { type Trend } from '../figures/trend';
import { newerValueThan } from '../figures/assessment-staleness';
import { formatValue } from '../format';
import { targetRuleText } from '../figures/summary-text';
import { inForce, treeInYear, viewYearOfPlan } from '../plan/archive';
import { NATIONAL_ID } from '../ids';
import { isPresentValue } from '../figures/aggregation';

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
	/**
	 * The target as the overview's column shows it: the judged year's target
	 * value, or the rule in words when that year has none or nothing is judged
	 * yet ("minst 200 varje år", "300 000 personer år 2050"); null without a target.
	 */
	targetText: string | null;
	gap: GapToTarget | null;
	status: GoalStatus;
	trend: Trend | null;
	/** How the figure is computed: "oviktat medelvärde av 12 kommuner, 25–64 år". */
	method: string;
	/** When the latest value that went into `latest` was entered. */
	lastUpdated: string | null;
	/** True when any value behind `latest` (or its weights, numerator or denominator) is example data rather than from a document or statistic. */
	exampleData: boolean;
	/** The grouping's figure in every year from the first to the last with a value (the tile's sparkline and change since last year). */
	series: GroupingYearValue[];
	/** Riket's value per year where it is stored (kommun 0000), else null: what the grouping is compared with. */
	national: { year: number; value: number; exampleData: boolean }[] | null;
};

export type SubGoalSummary = {
	subGoal: SubGoal;
	indicators: IndicatorSummary[];
	status: GoalStatus;
	exampleData: boolean;
};

export type GoalSummary = {
	goal: Goal;
	indicators: IndicatorSummary[];
	subGoals: SubGoalSummary[];
	/** The goal's most recent assessment, if any. */
	assessment: Assessment | undefined;
	/** When a value the assessment judged changed after it was written (possibly out of date); null otherwise. */
	assessmentStaleSince: string | null;
	status: GoalStatus;
	/** True when the status rests on example data: the deciding assessment is, or an assessed indicator's value is. */
	exampleData: boolean;
};

export type AreaSummary = { area: GoalArea | null; goals: GoalSummary[] };
export type PlanSummary = { plan: Plan; areas: AreaSummary[] };
export type GroupingOverview = { plans: PlanSummary[]; otherIndicators: IndicatorSummary[] };

/** The fields of a value the overview reads: stored rows and slice entries both fit. */
export type OverviewMeasurement = Pick<
	Measurement,
	'indicatorId' | 'organisationId' | 'year' | 'gender' | 'value' | 'updatedAt'
> & { exampleData?: boolean };

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
	/**
	 * The year the overview is drawn in (default: this year). Each plan shows
	 * the items in force in its view year (archive.ts): a plan that has ended
	 * keeps what was archived after it.
	 */
	today?: number;
};

/** The overview's values by series (seriesOf), in one pass: each indicator then reads its own series and those its method names. */
export type RowsBySeries = ReadonlyMap<string, OverviewMeasurement[]>;

export function rowsBySeries(measurements: readonly OverviewMeasurement[]): RowsBySeries {
	const bySeries = new Map<string, OverviewMeasurement[]>();
	for (const m of measurements) {
		if (m.gender !== 'T') continue;
		const rows = bySeries.get(m.indicatorId);
		if (rows) rows.push(m);
		else bySeries.set(m.indicatorId, [m]);
	}
	return bySeries;
}

export function summariseIndicator(
	input: OverviewInput,
	indicator: Indicator,
	bySeries: RowsBySeries = rowsBySeries(input.measurements)
): IndicatorSummary {
	const seriesKey = seriesOf(indicator);
	const method = indicatorMethod(indicator, input.indicators);
	const companions = companionSeries(method, 'T').flatMap((c) => bySeries.get(c.series) ?? []);
	const measurements = [...(bySeries.get(seriesKey) ?? []), ...companions];
	const own =
		indicator.aggregation === 'ratio'
			? ratioRows(seriesKey, method, measurements, 'T')
			: (bySeries.get(seriesKey) ?? []);
	const target = input.targets.find(
		(t) => t.indicatorId === indicator.id && t.organisationId === input.groupingId
	);
	const years = yearSpan(own.map((m) => m.year));
	const series = groupingSeries(
		indicator,
		input.memberships,
		measurements,
		input.groupingId,
		years,
		'T',
		method
	);
	const { judged: latest, preliminary } = judgedYear(series);
	// A set, not the array: with 290 members an includes per row was most of the overview's time.
	const contributing = new Set(latest?.contributing);
	const behindLatest = latest
		? own.filter((m) => m.year === latest.year && contributing.has(m.organisationId))
		: [];
	const targetValue = latest && target ? targetForYear(target, latest.year) : null;
	return {
		indicator,
		target,
		latest,
		preliminary,
		targetValue,
		targetText: target
			? targetValue !== null
				? formatValue(targetValue, indicator.unit, indicator.decimals)
				: targetRuleText(target, indicator.unit, indicator.decimals)
			: null,
		gap:
			latest && target
				? gapToTarget(latest.value, target, latest.year, indicator.betterDirection)
				: null,
		status: latest ? indicatorStatus(latest.value, target, latest.year, indicator) : 'notAssessed',
		// A year still coming in would bend the trend towards whoever reported first.
		trend: groupingTrend(series, indicator.betterDirection),
		method: methodText(indicator, method, latest ?? preliminary, membersAtEnd(input, years)),
		lastUpdated: behindLatest.reduce<string | null>(
			(max, m) => (m.updatedAt && (max === null || m.updatedAt > max) ? m.updatedAt : max),
			null
		),
		exampleData: latest?.exampleData ?? false,
		series,
		national: nationalSeries(own)
	};
}

/** Riket's stored values of a series, by year; null when none is stored. */
function nationalSeries(
	rows: readonly Pick<OverviewMeasurement, 'organisationId' | 'year' | 'value' | 'exampleData'>[]
): IndicatorSummary['national'] {
	const national = rows
		.filter((m) => m.organisationId === NATIONAL_ID && isPresentValue(m.value))
		.map((m) => ({ year: m.year, value: m.value as number, exampleData: m.exampleData === true }))
		.sort((a, b) => a.year - b.year);
	return national.length > 0 ? national : null;
}

/** How many members the grouping has in the last of `years` (for the method line when nothing has a value). */
function membersAtEnd(input: OverviewInput, years: readonly number[]): number {
	const year = years.at(-1) ?? new Date().getFullYear();
	return new Set(
		input.memberships
			.filter(
				(m) =>
					m.groupingId === input.groupingId &&
					m.fromYear <= year &&
					(m.toYear === undefined || year <= m.toYear)
			)
			.map((m) => m.memberId)
	).size;
}

/** Whether a status rests on example data: the assessed indicators (and the deciding assessment) behind it. */
function restsOnExampleData(
	indicators: readonly IndicatorSummary[],
	assessment?: { status: GoalStatus; exampleData?: boolean }
): boolean {
	if (assessment && assessment.status !== 'notAssessed') return assessment.exampleData === true;
	return indicators.some((s) => s.status !== 'notAssessed' && s.exampleData);
}

export type StatusCount = { status: GoalStatus; count: number; onExampleData: number };

/** Goals per status, in the order of the statuses, with how many of each rest on example data. */
export function statusTally(
	goals: readonly { status: GoalStatus; exampleData: boolean }[]
): StatusCount[] {
	return GoalStatusSchema.options
		.map((status) => {
			const of = goals.filter((g) => g.status === status);
			return { status, count: of.length, onExampleData: of.filter((g) => g.exampleData).length };
		})
		.filter((t) => t.count > 0);
}

/** "3 i fas (2 av dem bygger på exempeldata), 1 risk" */
export function statusTallyText(tally: readonly StatusCount[]): string {
	return tally
		.map((t) => {
			const base = `${t.count} ${GOAL_STATUS_LABELS[t.status].toLowerCase()}`;
			if (t.onExampleData === 0) return base;
			return `${base} (${t.onExampleData === t.count ? (t.count === 1 ? 'bygger' : 'alla bygger') : `${t.onExampleData} av dem bygger`} på exempeldata)`;
		})
		.join(', ');
}

/** The goal tree of a grouping, each goal with its derived status. */
export function buildGroupingOverview(input: OverviewInput): GroupingOverview {
	const bySeries = rowsBySeries(input.measurements);
	const summaries = new Map(
		input.indicators.map((i) => [i.id, summariseIndicator(input, i, bySeries)])
	);
	const attached = new Set<string>();

	const summariseGoal = (
		goal: Goal,
		tree: Pick<OverviewInput, 'subGoals'>,
		shown: ReadonlySet<string>
	): GoalSummary => {
		const indicatorsOf = (goalId: string) =>
			input.indicators
				.filter((i) => i.goalId === goalId && shown.has(i.id))
				.map((i) => summaries.get(i.id)!);
		const subGoals = tree.subGoals
			.filter((s) => s.goalId === goal.id)
			.map((subGoal) => {
				const indicators = indicatorsOf(subGoal.id);
				indicators.forEach((s) => attached.add(s.indicator.id));
				return {
					subGoal,
					indicators,
					status: goalStatus(indicators.map((s) => s.status)),
					exampleData: restsOnExampleData(indicators)
				};
			});
		const indicators = indicatorsOf(goal.id);
		indicators.forEach((s) => attached.add(s.indicator.id));
		const assessment = latestAssessment(input.assessments, goal.id);
		const statuses = [...indicators.map((s) => s.status), ...subGoals.map((s) => s.status)];
		const judged = new Set(
			[...indicators, ...subGoals.flatMap((s) => s.indicators)].map((s) => seriesOf(s.indicator))
		);
		const assessmentStaleSince = assessment
			? newerValueThan(assessment, judged, input.measurements)
			: null;
		const status = goalStatus(statuses, assessment);
		const exampleData = restsOnExampleData(
			[...indicators, ...subGoals.flatMap((s) => s.indicators)],
			assessment
		);
		return { goal, indicators, subGoals, assessment, assessmentStaleSince, status, exampleData };
	};

	const today = input.today ?? new Date().getFullYear();
	const plans = input.plans.map((plan) => {
		const tree = treeInYear(input, viewYearOfPlan(plan, today));
		const shown = new Set(tree.indicators.map((i) => i.id));
		const goals = tree.goals.filter((g) => g.planId === plan.id);
		const inPlan = { ...tree, goals };
		const summariseShown = (goal: Goal) => summariseGoal(goal, inPlan, shown);
		const areas: AreaSummary[] = tree.goalAreas
			.filter((a) => a.planId === plan.id)
			.map((area) => ({
				area,
				goals: goals.filter((g) => g.goalAreaId === area.id).map(summariseShown)
			}));
		const withoutArea = goals.filter(
			(g) => !g.goalAreaId || !areas.some((a) => a.area?.id === g.goalAreaId)
		);
		if (withoutArea.length > 0) areas.push({ area: null, goals: withoutArea.map(summariseShown) });
		return { plan, areas };
	});
	// Indicators that follow no goal of any plan (context indicators), while in force this year.
	const holders = new Set([...input.goals.map((g) => g.id), ...input.subGoals.map((s) => s.id)]);
	const otherIndicators = input.indicators
		.filter(
			(i) =>
				!attached.has(i.id) &&
				!(i.goalId !== undefined && holders.has(i.goalId)) &&
				inForce(i, today)
		)
		.map((i) => summaries.get(i.id)!);
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

/**
 * The overview is drawn in steps so that a large plan never holds a slow
 * phone in one long task (issue 23): a step is a goal's own tiles or one
 * sub-goal's. `offsets[i]` is the first step of goal i, `total` the number of
 * steps, and `first` how many steps the first drawing takes: steps until
 * `tiles` indicator tiles are shown, at least one, so the first screen comes
 * at once and the rest follows one step per task.
 */
export type DrawingSteps = { offsets: number[]; total: number; first: number };

export function drawingSteps(
	goals: readonly Pick<GoalSummary, 'indicators' | 'subGoals'>[],
	tiles = 12
): DrawingSteps {
	const offsets: number[] = [];
	const sizes: number[] = [];
	for (const goal of goals) {
		offsets.push(sizes.length);
		sizes.push(goal.indicators.length, ...goal.subGoals.map((s) => s.indicators.length));
	}
	let first = 0;
	for (let shown = 0; first < sizes.length && shown < tiles; first++) shown += sizes[first];
	return { offsets, total: sizes.length, first: Math.max(1, first) };
}
