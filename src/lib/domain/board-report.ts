/**
 * The board report: one A4 page per goal area, each goal with its status,
 * its indicators' latest value against target, a small chart where there is
 * a series to draw, and the latest assessment's analysis.
 */
import type { GoalStatus } from './assessment';
import { GoalStatus as GoalStatusSchema } from './assessment';
import type { GoalArea, Plan } from './goal-tree';
import type { Indicator } from './indicator';
import type { Organisation } from './organisation';
import { buildGroupingOverview, type GoalSummary, type IndicatorSummary, type OverviewInput } from './overview';
import { buildIndicatorDashboard, type IndicatorDashboard } from './indicator-dashboard';

export type ReportIndicator = {
	summary: IndicatorSummary;
	dashboard: IndicatorDashboard;
	/** Whether a chart is worth drawing: a numeric value in at least two years. */
	chart: boolean;
};

export type ReportGoal = {
	goal: GoalSummary;
	indicators: ReportIndicator[];
	subGoals: { name: string; status: GoalStatus; indicators: ReportIndicator[] }[];
};

export type ReportPage = { plan: Plan; area: GoalArea | null; title: string; goals: ReportGoal[] };

export type BoardReport = {
	pages: ReportPage[];
	/** Goals per status, over the whole report. */
	tally: { status: GoalStatus; count: number }[];
};

export type BoardReportInput = OverviewInput & { grouping: Organisation; members: ReadonlyMap<string, Organisation> };

/** Whether an indicator's chart says more than its latest value: numbers in two or more years. */
function worthCharting(indicator: Indicator, dashboard: IndicatorDashboard): boolean {
	if (indicator.unit === 'text' || indicator.unit === 'yesno' || dashboard.unit === 'yesno') return false;
	return dashboard.series.filter((s) => s.value !== null).length >= 2;
}

export function buildBoardReport(input: BoardReportInput): BoardReport {
	const overview = buildGroupingOverview(input);
	const reportIndicator = (summary: IndicatorSummary, plan: Plan): ReportIndicator => {
		const indicator = summary.indicator;
		const dashboard = buildIndicatorDashboard({
			grouping: input.grouping,
			memberships: input.memberships,
			members: input.members,
			indicator,
			targets: input.targets.filter((t) => t.indicatorId === indicator.id),
			measurements: input.measurements.filter((m) => m.indicatorId === indicator.id),
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
				indicators: g.indicators.map((s) => reportIndicator(s, plan)),
				subGoals: g.subGoals.map((s) => ({ name: s.subGoal.name, status: s.status, indicators: s.indicators.map((i) => reportIndicator(i, plan)) }))
			}))
		}))
	);

	const counts = new Map<GoalStatus, number>();
	for (const page of pages) for (const g of page.goals) counts.set(g.goal.status, (counts.get(g.goal.status) ?? 0) + 1);
	return {
		pages,
		tally: GoalStatusSchema.options.map((status) => ({ status, count: counts.get(status) ?? 0 })).filter((t) => t.count > 0)
	};
}
