/**
 * What the indicator page shows, derived from the stored rows: the grouping's
 * value per year against the target, each member's series, a ranking per
 * year, the national value where it is known, and the sentences that say it.
 */
import type { GoalStatus } from '../figures/assessment';
import type { Plan } from '../plan/goal-tree';
import type { Indicator, Unit } from '../plan/indicator';
import type { Gender, Measurement } from '../figures/measurement';
import type { Membership } from '../plan/membership';
import type { Organisation } from '../plan/organisation';
import type { Target } from '../plan/target';
import { aggregate, aggregateUnit, isPresentValue } from '../figures/aggregation';
import { AGGREGATION_LABELS, seriesOf } from '../plan/indicator';
import { indicatorMethod, methodText } from '../plan/indicator-method';
import { membersByYear, membersInYear } from '../plan/member-years';
import { NATIONAL_ID } from '../ids';
import {
	groupingSeries,
	groupingTrend,
	isPreliminary,
	judgedYear,
	ratioRows,
	valuesByOrganisation,
	type GroupingYearValue,
	type MeasurementLike
} from '../figures/series';
import { countyReference, type County } from '../figures/county-comparison';
import { gapToTarget, targetForYear, type GapToTarget } from '../plan/targets';
import { indicatorStatus } from '../figures/status';
import { type Trend } from '../figures/trend';
import { rankMembers, type Ranking } from '../figures/ranking';
import { seriesSummary, valueSummary } from '../figures/summary-text';
import { compareSwedish } from '../swedish-order';

export type DashboardMeasurement = MeasurementLike &
	Partial<Pick<Measurement, 'exampleData' | 'updatedAt' | 'note'>>;

export type IndicatorDashboardInput = {
	grouping: Organisation;
	memberships: Membership[];
	members: ReadonlyMap<string, Organisation>;
	indicator: Indicator;
	targets: Target[];
	measurements: DashboardMeasurement[];
	/** The plan the indicator's goal belongs to: the chart runs to its last year when a target reaches it. */
	plan?: Pick<Plan, 'fromYear' | 'toYear'> | null;
	/**
	 * The grouping's indicators, where a weighted mean finds its weight series
	 * and a ratio its numerator and denominator (their values are in
	 * `measurements`). Without them such an indicator has no grouping value.
	 */
	indicators?: readonly Indicator[];
	/** The counties of the members with all their municipalities: the comparison where no national value is stored. */
	counties?: readonly County[];
};

/** How many members a preliminary year's figure rests on: "4 av 12". */
export type Reported = { counted: number; of: number };
export type YearPoint = {
	year: number;
	value: number | null;
	exampleData: boolean;
	/** Set on a grouping's figure for a year not every member has reported (isPreliminary): drawn apart, never joined to the line. */
	preliminary?: Reported;
};
/** Where a member stands against the reference line (the grouping's figure) in the latest year both have a value. */
export type VersusReference = {
	year: number;
	position: 'above' | 'below' | 'equal';
	reference: number;
	preliminary: boolean;
};
export type MemberSeries = {
	id: string;
	name: string;
	kommunkod?: string;
	series: YearPoint[];
	latest: YearPoint | null;
	versus: VersusReference | null;
};
export type TextEntry = {
	year: number;
	organisationId: string;
	text: string;
	exampleData: boolean;
};

export type IndicatorDashboard = {
	gender: Gender;
	/** The genders the indicator is broken down by: T only, or T, K and M. */
	genders: Gender[];
	/** The chart's first and last year; null when there is nothing to draw. */
	years: [number, number] | null;
	/** Years that have any value (grouping, member or nation), ascending. */
	dataYears: number[];
	/** The target for the grouping as a whole. */
	target: Target | undefined;
	/** Per-year target values that fall outside the chart's years (e.g. 300 000 invånare 2050). */
	targetsOutside: { year: number; value: number }[];
	/** The grouping's value for each year of `years`. */
	series: (GroupingYearValue & { exampleData: boolean })[];
	/** The year the status is judged on: the latest complete one (see judgedYear). */
	latest: (GroupingYearValue & { exampleData: boolean }) | null;
	/** A newer year whose members are still reporting: shown, not judged. */
	preliminary: (GroupingYearValue & { exampleData: boolean }) | null;
	latestTarget: number | null;
	gap: GapToTarget | null;
	status: GoalStatus;
	/** Unit and decimals of the grouping's value (a share of yes answers is a percentage). */
	unit: Unit;
	decimals: number;
	/** "medelvärde av 12 kommuner, 25–64 år" */
	method: string;
	trend: Trend | null;
	members: MemberSeries[];
	/**
	 * The average member per year, the reference a member is drawn against:
	 * the grouping's value where that is a (weighted) mean, otherwise the
	 * plain mean of the members' values (a sum of twelve is no reference for one).
	 */
	memberAverage: { label: string; series: YearPoint[] };
	/** The national series; null when no national figure is stored. */
	national: YearPoint[] | null;
	/**
	 * What the grouping is compared with: Riket where stored, else the home
	 * county computed from all its municipalities (see countyReference); null when neither exists.
	 */
	comparison: { kind: 'national' | 'county'; label: string; series: YearPoint[] } | null;
	/** True when any value the page shows (the grouping's, a member's, a text) is example data. */
	exampleData: boolean;
	/** One sentence on the latest value against its target. */
	summary: string;
	/** The chart in words. */
	chartSummary: string;
	/** Text values (text indicators), newest first. */
	texts: TextEntry[];
	/** When the newest of the values behind `latest` was entered (ISO); null when unknown. */
	lastUpdated: string | null;
};

function span(from: number, to: number): number[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

type IndexedRows = {
	/** Years with an entered value (a number, or text for text indicators). */
	dataYears: Set<number>;
	/** Per organisation, its row of each year. */
	byOrganisation: Map<string, Map<number, DashboardMeasurement>>;
	/** Per year, the organisations whose value that year is example data. */
	exampleByYear: Map<number, Set<string>>;
	texts: TextEntry[];
};

/** One pass over the rows of one indicator and gender (5 800 with 290 members and 20 years), into what the dashboard looks up. */
function indexRows(rows: readonly DashboardMeasurement[]): IndexedRows {
	const indexed: IndexedRows = {
		dataYears: new Set(),
		byOrganisation: new Map(),
		exampleByYear: new Map(),
		texts: []
	};
	for (const m of rows) {
		const text = typeof m.value === 'string' && m.value.trim() !== '';
		if (text || isPresentValue(m.value)) indexed.dataYears.add(m.year);
		if (text)
			indexed.texts.push({
				year: m.year,
				organisationId: m.organisationId,
				text: m.value as string,
				exampleData: m.exampleData === true
			});
		const own = indexed.byOrganisation.get(m.organisationId);
		if (own) own.set(m.year, m);
		else indexed.byOrganisation.set(m.organisationId, new Map([[m.year, m]]));
		if (m.exampleData === true) {
			const marked = indexed.exampleByYear.get(m.year);
			if (marked) marked.add(m.organisationId);
			else indexed.exampleByYear.set(m.year, new Set([m.organisationId]));
		}
	}
	return indexed;
}

/** An organisation's numbers for each of `years`, null where it has none. */
function yearPoints(
	years: readonly number[],
	rowsByYear: ReadonlyMap<number, DashboardMeasurement> | undefined
): YearPoint[] {
	return years.map((year) => {
		const m = rowsByYear?.get(year);
		return {
			year,
			value: m && isPresentValue(m.value) ? m.value : null,
			exampleData: m?.exampleData === true
		};
	});
}

function latestPoint(points: readonly YearPoint[]): YearPoint | null {
	for (let i = points.length - 1; i >= 0; i--) if (points[i].value !== null) return points[i];
	return null;
}

/** A grouping's figure as a point of a chart, marked when the year is preliminary. */
export function groupingPoint(s: GroupingYearValue): YearPoint {
	return isPreliminary(s)
		? {
				year: s.year,
				value: s.value,
				exampleData: s.exampleData,
				preliminary: { counted: s.contributing.length, of: s.memberCount }
			}
		: { year: s.year, value: s.value, exampleData: s.exampleData };
}

/** Where the member's latest value stands against the reference in the same year, as the indicator's decimals show them. */
function versusReference(
	points: readonly YearPoint[],
	reference: ReadonlyMap<number, YearPoint>,
	decimals: number
): VersusReference | null {
	for (let i = points.length - 1; i >= 0; i--) {
		const own = points[i];
		const ref = reference.get(own.year);
		if (own.value === null || !ref || ref.value === null) continue;
		const [a, b] = [Math.round(own.value * 10 ** decimals), Math.round(ref.value * 10 ** decimals)];
		return {
			year: own.year,
			position: a > b ? 'above' : a < b ? 'below' : 'equal',
			reference: ref.value,
			preliminary: ref.preliminary !== undefined
		};
	}
	return null;
}

/** The genders an indicator is shown by, and the one a page asking for `requested` shows (total when it has no such breakdown). */
export function shownGender(
	indicator: Pick<Indicator, 'genderBreakdown'>,
	requested: Gender
): { genders: Gender[]; gender: Gender } {
	const genders: Gender[] = indicator.genderBreakdown ? ['T', 'K', 'M'] : ['T'];
	return { genders, gender: genders.includes(requested) ? requested : 'T' };
}

export function buildIndicatorDashboard(
	input: IndicatorDashboardInput,
	requestedGender: Gender = 'T'
): IndicatorDashboard {
	const { indicator, grouping } = input;
	const { genders, gender } = shownGender(indicator, requestedGender);
	const seriesKey = seriesOf(indicator);
	const method = indicatorMethod(indicator, input.indicators ?? []);
	// A ratio's own values are worked out from its numerator and denominator; it stores none.
	const rows: DashboardMeasurement[] =
		indicator.aggregation === 'ratio'
			? ratioRows(seriesKey, method, input.measurements, gender)
			: input.measurements.filter((m) => m.indicatorId === seriesKey && m.gender === gender);
	const target = input.targets.find(
		(t) => t.indicatorId === indicator.id && t.organisationId === grouping.id
	);
	const shown = aggregateUnit(indicator);
	const unit = shown.unit;
	const decimals = shown.decimals ?? indicator.decimals;

	const indexed = indexRows(rows);
	const dataYears = [...indexed.dataYears].sort((a, b) => a - b);

	// The chart's years: the data, the target's baseline, and the plan's last year when the target speaks about it.
	let years: [number, number] | null =
		dataYears.length > 0 ? [dataYears[0], dataYears[dataYears.length - 1]] : null;
	const targetsOutside: { year: number; value: number }[] = [];
	if (target) {
		const extend = (year: number) => {
			years = years ? [Math.min(years[0], year), Math.max(years[1], year)] : [year, year];
		};
		if (target.baseline) extend(target.baseline.year);
		const planEnd = input.plan?.toYear;
		if (
			planEnd !== undefined &&
			targetForYear(target, planEnd) !== null &&
			(!years || planEnd > years[1])
		)
			extend(planEnd);
		if (target.rule.kind === 'perYear') {
			const last = Math.max(years?.[1] ?? -Infinity, planEnd ?? -Infinity);
			for (const v of target.rule.values) {
				if (v.year <= last) extend(v.year);
				else targetsOutside.push(v);
			}
		}
	}

	const chartYears = years ? span(years[0], years[1]) : [];
	// Looked up, not searched: with 290 members × 20 years a scan of every row per year and member took most of the page's time.
	const exampleByYear = (year: number, organisations: readonly string[]) => {
		const marked = indexed.exampleByYear.get(year);
		return marked !== undefined && organisations.some((id) => marked.has(id));
	};
	const series = groupingSeries(
		indicator,
		input.memberships,
		input.measurements,
		grouping.id,
		chartYears,
		gender,
		method
	);
	const { judged: latest, preliminary } = judgedYear(series);
	const latestTarget = latest && target ? targetForYear(target, latest.year) : null;

	const isMean =
		indicator.aggregation === 'mean' ||
		indicator.aggregation === 'weightedMean' ||
		indicator.aggregation === 'ratio';
	const memberAverage = {
		label: isMean
			? `${grouping.name} (${AGGREGATION_LABELS[indicator.aggregation]})`
			: 'medelvärde per kommun',
		series: isMean
			? series.map(groupingPoint)
			: meanPerMember(input, rows, chartYears, gender).map((result, i) =>
					groupingPoint({
						...result,
						year: chartYears[i],
						source: 'members',
						exampleData: exampleByYear(chartYears[i], result.contributing)
					})
				)
	};
	const referenceByYear = new Map(memberAverage.series.map((p) => [p.year, p]));

	const memberIds = [
		...new Set(input.memberships.filter((m) => m.groupingId === grouping.id).map((m) => m.memberId))
	];
	const members: MemberSeries[] =
		indicator.scope === 'members'
			? memberIds
					.map((id) => {
						const org = input.members.get(id);
						const points = yearPoints(chartYears, indexed.byOrganisation.get(id));
						const versus = versusReference(points, referenceByYear, indicator.decimals);
						return {
							id,
							name: org?.name ?? id,
							kommunkod: org?.kommunkod,
							series: points,
							latest: latestPoint(points),
							versus
						};
					})
					.sort((a, b) => compareSwedish(a.name, b.name))
			: [];

	const nationalRows = indexed.byOrganisation.get(NATIONAL_ID);
	const national = nationalRows ? yearPoints(chartYears, nationalRows) : null;
	const county =
		national || !input.counties
			? null
			: countyReference({
					indicator,
					method,
					measurements: input.measurements,
					counties: input.counties,
					memberIds,
					years: chartYears,
					gender
				});
	const comparison = national
		? { kind: 'national' as const, label: 'Riket', series: national }
		: county
			? { kind: 'county' as const, label: county.label, series: county.series }
			: null;
	const texts = indexed.texts.sort((a, b) => b.year - a.year);

	const currentMembers = latest
		? latest.memberCount
		: membersInYear(input.memberships, grouping.id, chartYears.at(-1) ?? 0).length;
	const statement = {
		subject: grouping.name,
		unit,
		decimals,
		direction: indicator.betterDirection,
		exampleData: latest?.exampleData ?? false
	};
	return {
		gender,
		genders,
		years,
		dataYears,
		target,
		targetsOutside,
		series,
		latest,
		preliminary,
		latestTarget,
		gap:
			latest && target
				? gapToTarget(latest.value, target, latest.year, indicator.betterDirection)
				: null,
		// The same rule as the overview, with the indicator's own unit.
		status: latest ? indicatorStatus(latest.value, target, latest.year, indicator) : 'notAssessed',
		unit,
		decimals,
		// Before any year is complete, the method is told by the year coming in (as the overview does), not as "värde saknas för alla".
		method: methodText(indicator, method, latest ?? preliminary, currentMembers),
		trend: groupingTrend(series, indicator.betterDirection),
		members,
		memberAverage,
		national,
		comparison,
		exampleData: series.some((s) => s.exampleData) || indexed.exampleByYear.size > 0,
		summary: valueSummary({
			...statement,
			year: latest?.year ?? null,
			value: latest?.value ?? null,
			target:
				latest && target && latestTarget !== null
					? { value: latestTarget, rule: target.rule }
					: null
		}),
		chartSummary: seriesSummary({
			...statement,
			points: series.map(groupingPoint),
			target: target ? { valueFor: (year) => targetForYear(target, year), rule: target.rule } : null
		}),
		texts,
		lastUpdated: latest ? newestUpdate(rows, latest.year, latest.contributing) : null
	};
}

/** The plain mean of the members' values in each of `years`: the reference for a member of a sum. */
function meanPerMember(
	input: IndicatorDashboardInput,
	rows: readonly DashboardMeasurement[],
	years: readonly number[],
	gender: Gender
) {
	const membersOfYear = membersByYear(input.memberships, input.grouping.id, years);
	return years.map((year) =>
		aggregate(
			'mean',
			membersOfYear.get(year)!,
			valuesByOrganisation(rows, seriesOf(input.indicator), year, gender)
		)
	);
}

/** When the newest of the given organisations' values for the year was entered (ISO); null when none says. */
function newestUpdate(
	rows: readonly DashboardMeasurement[],
	year: number,
	organisationIds: readonly string[]
): string | null {
	const behind = new Set(organisationIds);
	let newest: string | null = null;
	for (const m of rows) {
		if (
			m.year === year &&
			m.updatedAt &&
			behind.has(m.organisationId) &&
			(newest === null || m.updatedAt > newest)
		)
			newest = m.updatedAt;
	}
	return newest;
}

/** The members ranked for one year (members of the grouping that year), best first, from the values the dashboard shows. */
export function rankingForYear(
	input: IndicatorDashboardInput,
	dashboard: IndicatorDashboard,
	year: number
): Ranking {
	const ids = membersInYear(input.memberships, input.grouping.id, year);
	const values = new Map<string, number | null>();
	const exampleIds = new Set<string>();
	for (const m of dashboard.members) {
		const point = m.series.find((p) => p.year === year);
		if (!point) continue;
		values.set(m.id, point.value);
		if (point.exampleData) exampleIds.add(m.id);
	}
	const members = ids.map((id) => ({ id, name: input.members.get(id)?.name ?? id }));
	return rankMembers(members, values, input.indicator.betterDirection, exampleIds);
}
