/**
 * What the municipality page shows: for every grouping the municipality
 * belongs to, each of the grouping's member indicators with the
 * municipality's latest value against the grouping's figure and the target,
 * and its trend.
 */
import type { GoalStatus } from '../figures/assessment';
import type { Goal } from '../plan/goal-tree';
import { seriesOf, type Indicator, type Unit } from '../plan/indicator';
import type { Membership } from '../plan/membership';
import type { Organisation } from '../plan/organisation';
import type { Target, TargetRule } from '../plan/target';
import { aggregate, describeAggregation, isPresentValue } from '../figures/aggregation';
import { membersInYear } from '../plan/member-years';
import {
	companionSeries,
	indicatorMethod,
	methodText,
	type IndicatorMethod
} from '../plan/indicator-method';
import { groupingSeries, ratioRows } from '../figures/series';
import { gapToTarget, targetForYear, type GapToTarget } from '../plan/targets';
import { indicatorStatus } from '../figures/status';
import { trend, type Trend } from '../figures/trend';
import {
	groupingPoint,
	type DashboardMeasurement,
	type Reported,
	type YearPoint
} from './indicator-dashboard';
import { trendSummary, valueSummary } from '../figures/summary-text';
import { compareSwedish } from '../swedish-order';
import { treeInYear } from '../plan/archive';

/** The rows of one grouping the municipality page reads (a subset of GroupingData). */
export type GroupingRows = {
	grouping: Organisation;
	memberships: Membership[];
	goals: Goal[];
	indicators: Indicator[];
	targets: Target[];
	measurements: DashboardMeasurement[];
	assessments: { goalId: string }[];
};

export type Comparison = {
	/** "förbundets medelvärde", "medelvärde per kommun", "andel ja i förbundet" */
	label: string;
	value: number | null;
	unit: Unit;
	decimals: number;
	/** How it is computed: "oviktat medelvärde av 12 kommuner, 25–64 år". */
	method: string;
	/** Set when not every member has reported the year: the figure is preliminary ("4 av 12"). */
	preliminary?: Reported;
};

export type MunicipalityIndicatorRow = {
	indicator: Indicator;
	/** 'numeric' gets a bullet chart; 'yesno' a plain answer beside the share of yes answers. */
	kind: 'numeric' | 'yesno';
	/** The latest year the municipality has a value. */
	year: number | null;
	value: number | null;
	exampleData: boolean;
	comparison: Comparison;
	/** The target the value is held against: the municipality's own, or the grouping's where it applies to each member. */
	target: { value: number; rule: TargetRule; scope: 'member' | 'grouping' } | null;
	gap: GapToTarget | null;
	status: GoalStatus;
	series: YearPoint[];
	comparisonSeries: YearPoint[];
	trend: Trend | null;
	summary: string;
	trendText: string;
};

export type MunicipalitySection = {
	grouping: Organisation;
	/** Membership years in words: "sedan 2020", "2020–2024". */
	membership: string;
	role?: string;
	rows: MunicipalityIndicatorRow[];
	/** Indicators the grouping reports for itself (finances, project targets), not per member. */
	groupingOwnIndicators: number;
	/** Goals followed by assessments rather than indicators. */
	assessedGoals: number;
};

function membershipText(memberships: Membership[]): string {
	const from = Math.min(...memberships.map((m) => m.fromYear));
	const open = memberships.some((m) => m.toYear === undefined);
	const to = Math.max(...memberships.map((m) => m.toYear ?? 0));
	return open ? `medlem sedan ${from}` : `medlem ${from}–${to}`;
}

/**
 * The grouping's target applies to a member only where the grouping's value
 * is an average of the members' (mean or weighted mean): a target for a sum
 * or a share of yes answers says nothing about one municipality.
 */
function groupingTargetAppliesToMembers(indicator: Indicator): boolean {
	return (
		indicator.aggregation === 'mean' ||
		indicator.aggregation === 'weightedMean' ||
		indicator.aggregation === 'ratio'
	);
}

/** The rows of an indicator's series (a ratio's worked out from its parts) and of the series its method names, gender T. */
function rowsOf(
	indicator: Indicator,
	method: IndicatorMethod,
	rows: GroupingRows
): { own: DashboardMeasurement[]; all: DashboardMeasurement[] } {
	const wanted = new Set([
		seriesOf(indicator),
		...companionSeries(method, 'T').map((c) => c.series)
	]);
	const all = rows.measurements.filter((m) => wanted.has(m.indicatorId) && m.gender === 'T');
	const own =
		indicator.aggregation === 'ratio'
			? ratioRows(seriesOf(indicator), method, all, 'T')
			: all.filter((m) => m.indicatorId === seriesOf(indicator));
	return { own, all };
}

function comparisonFor(
	indicator: Indicator,
	method: IndicatorMethod,
	rows: GroupingRows,
	year: number | null
): { comparison: Comparison; series: YearPoint[] } {
	const { own, all } = rowsOf(indicator, method, rows);
	const years = [...new Set(own.map((m) => m.year))].sort((a, b) => a - b);
	const groupingId = rows.grouping.id;

	if (
		indicator.aggregation === 'mean' ||
		indicator.aggregation === 'weightedMean' ||
		indicator.aggregation === 'ratio' ||
		indicator.aggregation === 'shareYes'
	) {
		const series = groupingSeries(indicator, rows.memberships, all, groupingId, years, 'T', method);
		const atYear = series.find((s) => s.year === year) ?? null;
		const point = atYear ? groupingPoint(atYear) : null;
		const isShare = indicator.aggregation === 'shareYes';
		return {
			comparison: {
				label: isShare
					? 'andel ja i förbundet'
					: indicator.aggregation === 'mean'
						? 'förbundets medelvärde'
						: 'förbundets värde',
				value: atYear?.value ?? null,
				unit: isShare ? 'percent' : indicator.unit,
				decimals: isShare ? 0 : indicator.decimals,
				method: methodText(
					indicator,
					method,
					atYear,
					membersInYear(rows.memberships, groupingId, year ?? 0).length
				),
				preliminary: point?.preliminary
			},
			series: series.map(groupingPoint)
		};
	}
	// Sums and uncombined values: the plain mean per member is what one municipality compares with.
	const meanAt = (y: number) => {
		const members = membersInYear(rows.memberships, groupingId, y);
		const values = new Map(
			own
				.filter((m) => m.year === y)
				.map((m) => [m.organisationId, isPresentValue(m.value) ? m.value : null])
		);
		const result = aggregate('mean', members, values);
		const exampleData = own.some(
			(m) =>
				m.year === y && m.exampleData === true && result.contributing.includes(m.organisationId)
		);
		return groupingPoint({ ...result, year: y, source: 'members', exampleData });
	};
	const atYear =
		year === null
			? null
			: aggregate(
					'mean',
					membersInYear(rows.memberships, groupingId, year),
					new Map(
						own
							.filter((m) => m.year === year)
							.map((m) => [m.organisationId, isPresentValue(m.value) ? m.value : null])
					)
				);
	return {
		comparison: {
			label: 'medelvärde per kommun',
			value: atYear?.value ?? null,
			unit: indicator.unit,
			decimals: Math.max(indicator.decimals, 1),
			method: describeAggregation(
				'mean',
				atYear?.memberCount ?? 0,
				atYear?.contributing.length ?? 0,
				{ population: indicator.population }
			),
			preliminary:
				atYear && atYear.value !== null && !atYear.complete
					? { counted: atYear.contributing.length, of: atYear.memberCount }
					: undefined
		},
		series: years.map(meanAt)
	};
}

function indicatorRow(
	municipality: Organisation,
	indicator: Indicator,
	rows: GroupingRows
): MunicipalityIndicatorRow {
	const method = indicatorMethod(indicator, rows.indicators);
	const own = rowsOf(indicator, method, rows)
		.own.filter((m) => m.organisationId === municipality.id)
		.sort((a, b) => a.year - b.year);
	const series: YearPoint[] = own.map((m) => ({
		year: m.year,
		value: isPresentValue(m.value) ? m.value : null,
		exampleData: m.exampleData === true
	}));
	const latest = [...series].reverse().find((p) => p.value !== null) ?? null;
	const year = latest?.year ?? null;
	const { comparison, series: comparisonSeries } = comparisonFor(indicator, method, rows, year);

	const memberTarget = rows.targets.find(
		(t) => t.indicatorId === indicator.id && t.organisationId === municipality.id
	);
	const groupingTarget = groupingTargetAppliesToMembers(indicator)
		? rows.targets.find(
				(t) => t.indicatorId === indicator.id && t.organisationId === rows.grouping.id
			)
		: undefined;
	const targetRow = memberTarget ?? groupingTarget;
	const targetValue = targetRow && year !== null ? targetForYear(targetRow, year) : null;
	const target =
		targetRow && targetValue !== null
			? {
					value: targetValue,
					rule: targetRow.rule,
					scope: memberTarget ? ('member' as const) : ('grouping' as const)
				}
			: null;

	const value = latest?.value ?? null;
	const decimals = indicator.decimals;
	return {
		indicator,
		kind: indicator.unit === 'yesno' ? 'yesno' : 'numeric',
		year,
		value,
		exampleData: latest?.exampleData ?? false,
		comparison,
		target,
		gap:
			targetRow && year !== null
				? gapToTarget(value, targetRow, year, indicator.betterDirection)
				: null,
		status: year !== null ? indicatorStatus(value, targetRow, year, indicator) : 'notAssessed',
		series,
		comparisonSeries,
		trend: trend(series, indicator.betterDirection),
		summary: valueSummary({
			subject: municipality.name,
			year,
			value,
			unit: indicator.unit,
			decimals,
			direction: indicator.betterDirection,
			comparison: {
				label: comparison.preliminary
					? `${comparison.label} (preliminärt, ${comparison.preliminary.counted} av ${comparison.preliminary.of} kommuner)`
					: comparison.label,
				value: comparison.value,
				unit: comparison.unit,
				decimals: comparison.decimals
			},
			target: target
				? { ...target, label: target.scope === 'member' ? 'kommunens mål' : 'förbundets mål' }
				: null,
			exampleData: latest?.exampleData ?? false
		}),
		trendText: trendSummary(trend(series, indicator.betterDirection), indicator.unit, decimals)
	};
}

/** The municipality page: one section per grouping the municipality is or was a member of, by name. */
export function buildMunicipalityDashboard(
	municipality: Organisation,
	groupings: readonly GroupingRows[],
	today = new Date().getFullYear()
): MunicipalitySection[] {
	return groupings
		.map((all) => {
			// This year's page: goals and indicators archived by now are left out (archive.ts); they stay in their plan's overview.
			const inForce = treeInYear(
				{ goalAreas: [], subGoals: [], goals: all.goals, indicators: all.indicators },
				today
			);
			const rows = { ...all, goals: inForce.goals, indicators: inForce.indicators };
			const memberships = rows.memberships.filter(
				(m) => m.memberId === municipality.id && m.groupingId === rows.grouping.id
			);
			const memberIndicators = rows.indicators.filter(
				(i) => i.scope === 'members' && i.unit !== 'text'
			);
			const goalsWithIndicators = new Set(rows.indicators.map((i) => i.goalId));
			return {
				grouping: rows.grouping,
				membership: memberships.length > 0 ? membershipText(memberships) : 'inte medlem',
				role: memberships.find((m) => m.role)?.role,
				rows: memberIndicators.map((indicator) => indicatorRow(municipality, indicator, rows)),
				groupingOwnIndicators: rows.indicators.length - memberIndicators.length,
				assessedGoals: rows.goals.filter(
					(g) => !goalsWithIndicators.has(g.id) && rows.assessments.some((a) => a.goalId === g.id)
				).length
			};
		})
		.sort((a, b) => compareSwedish(a.grouping.name, b.grouping.name));
}
