/**
 * The board report: one A4 page per goal area, each goal with its status,
 * its indicators' latest value against target, a small chart where there is
 * a series to draw, and the latest assessment's analysis.
 */
import { assessmentWord, type GoalStatus } from '../figures/assessment';
import type { GoalArea, Plan } from '../plan/goal-tree';
import { seriesOf, type Indicator } from '../plan/indicator';
import { companionSeries, indicatorMethod } from '../plan/indicator-method';
import type { Organisation } from '../plan/organisation';
import {
	buildGroupingOverview,
	rowsBySeries,
	statusTally,
	type GoalSummary,
	type IndicatorSummary,
	type OverviewInput,
	type StatusCount
} from './overview';
import { buildIndicatorDashboard, type IndicatorDashboard } from './indicator-dashboard';

export type ReportIndicator = {
	summary: IndicatorSummary;
	dashboard: IndicatorDashboard;
	/** Whether a chart is worth drawing: a numeric value in at least two years. */
	chart: boolean;
};

export type ReportGoal = {
	goal: GoalSummary;
	/**
	 * The latest assessment's own word, printed beside its analysis: the
	 * five-step word on a five-step plan ("I hög grad"), else the status's
	 * ("I fas"). Null without an assessment. Goals with indicators have theirs too.
	 */
	assessmentWord: string | null;
	indicators: ReportIndicator[];
	subGoals: { name: string; status: GoalStatus; indicators: ReportIndicator[] }[];
};

export type ReportPage = { plan: Plan; area: GoalArea | null; title: string; goals: ReportGoal[] };

export type BoardReport = {
	pages: ReportPage[];
	/** Goals per status, over the whole report, with how many rest on example data. */
	tally: StatusCount[];
};

export type BoardReportInput = OverviewInput & {
	grouping: Organisation;
	members: ReadonlyMap<string, Organisation>;
};

/** Whether an indicator's chart says more than its latest value: numbers in two or more years. */
function worthCharting(indicator: Indicator, dashboard: IndicatorDashboard): boolean {
	if (indicator.unit === 'text' || indicator.unit === 'yesno' || dashboard.unit === 'yesno')
		return false;
	return dashboard.series.filter((s) => s.value !== null).length >= 2;
}

export function buildBoardReport(input: BoardReportInput): BoardReport {
	const overview = buildGroupingOverview(input);
	const bySeries = rowsBySeries(input.measurements);
	const reportIndicator = (summary: IndicatorSummary, plan: Plan): ReportIndicator => {
		const indicator = summary.indicator;
		const named = companionSeries(indicatorMethod(indicator, input.indicators), 'T').map(
			(c) => c.series
		);
		const dashboard = buildIndicatorDashboard({
			grouping: input.grouping,
			memberships: input.memberships,
			members: input.members,
			indicator,
			indicators: input.indicators,
			targets: input.targets.filter((t) => t.indicatorId === indicator.id),
			measurements: [seriesOf(indicator), ...named].flatMap((series) => bySeries.get(series) ?? []),
			plan
		});
		return { summary, dashboard, chart: worthCharting(indicator, dashboard) };
	};

	const pages: ReportPage[] = overview.plans.flatMap(({ plan, areas }) =>
		areas.map(({ area, goals }) => ({
			plan,
			area,
			title: area?.name ?? (areas.length === 1 ? 'Mål' : 'Övriga mål'),
			goals: goals.map((g) => ({
				goal: g,
				assessmentWord: g.assessment ? assessmentWord(g.assessment) : null,
				indicators: g.indicators.map((s) => reportIndicator(s, plan)),
				subGoals: g.subGoals.map((s) => ({
					name: s.subGoal.name,
					status: s.status,
					indicators: s.indicators.map((i) => reportIndicator(i, plan))
				}))
			}))
		}))
	);

	return { pages, tally: statusTally(pages.flatMap((page) => page.goals.map((g) => g.goal))) };
}
