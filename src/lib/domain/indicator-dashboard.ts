/**
 * What the indicator page shows, derived from the stored rows: the grouping's
 * value per year against the target, each member's series, a ranking per
 * year, the national value where it is known, and the sentences that say it.
 */
import type { GoalStatus } from './assessment';
import type { Plan } from './goal-tree';
import type { Indicator, Unit } from './indicator';
import type { Gender, Measurement } from './measurement';
import type { Membership } from './membership';
import type { Organisation } from './organisation';
import type { Target } from './target';
import { aggregate, aggregateUnit, describeAggregation, isPresentValue } from './aggregation';
import { AGGREGATION_LABELS } from './indicator';
import { membersByYear, membersInYear } from './member-years';
import { NATIONAL_ID } from './ids';
import { groupingSeries, judgedYear, valuesByOrganisation, type GroupingYearValue, type MeasurementLike } from './series';
import { gapToTarget, targetForYear, type GapToTarget } from './targets';
import { indicatorStatus } from './status';
import { trend, type Trend } from './trend';
import { rankMembers, type Ranking } from './ranking';
import { seriesSummary, valueSummary } from './summary-text';
import { compareSwedish } from './swedish-order';


export type DashboardMeasurement = MeasurementLike & Partial<Pick<Measurement, 'exampleData' | 'updatedAt' | 'note'>>;

export type IndicatorDashboardInput = {
	grouping: Organisation;
	memberships: Membership[];
	members: ReadonlyMap<string, Organisation>;
	indicator: Indicator;
	targets: Target[];
	measurements: DashboardMeasurement[];
	/** The plan the indicator's goal belongs to: the chart runs to its last year when a target reaches it. */
	plan?: Pick<Plan, 'fromYear' | 'toYear'> | null;
};

export type YearPoint = { year: number; value: number | null; exampleData: boolean };
export type MemberSeries = { id: string; name: string; kommunkod?: string; series: YearPoint[]; latest: YearPoint | null };
export type TextEntry = { year: number; organisationId: string; text: string; exampleData: boolean };

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
	const indexed: IndexedRows = { dataYears: new Set(), byOrganisation: new Map(), exampleByYear: new Map(), texts: [] };
	for (const m of rows) {
		const text = typeof m.value === 'string' && m.value.trim() !== '';
		if (text || isPresentValue(m.value)) indexed.dataYears.add(m.year);
		if (text) indexed.texts.push({ year: m.year, organisationId: m.organisationId, text: m.value as string, exampleData: m.exampleData === true });
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
function yearPoints(years: readonly number[], rowsByYear: ReadonlyMap<number, DashboardMeasurement> | undefined): YearPoint[] {
	return years.map((year) => {
		const m = rowsByYear?.get(year);
		return { year, value: m && isPresentValue(m.value) ? m.value : null, exampleData: m?.exampleData === true };
	});
}

function latestPoint(points: readonly YearPoint[]): YearPoint | null {
	for (let i = points.length - 1; i >= 0; i--) if (points[i].value !== null) return points[i];
	return null;
}

/** The method in words for one year's grouping value. */
export function methodText(indicator: Pick<Indicator, 'aggregation' | 'population' | 'scope'>, value: GroupingYearValue | null, memberCount: number): string {
	if (indicator.scope === 'grouping') return `förbundets eget värde${indicator.population ? `, ${indicator.population}` : ''}`;
	return describeAggregation(indicator.aggregation, value?.memberCount ?? memberCount, value?.contributing.length ?? 0, indicator.population);
}

/** The genders an indicator is shown by, and the one a page asking for `requested` shows (total when it has no such breakdown). */
export function shownGender(indicator: Pick<Indicator, 'genderBreakdown'>, requested: Gender): { genders: Gender[]; gender: Gender } {
	const genders: Gender[] = indicator.genderBreakdown ? ['T', 'K', 'M'] : ['T'];
	return { genders, gender: genders.includes(requested) ? requested : 'T' };
}

export function buildIndicatorDashboard(input: IndicatorDashboardInput, requestedGender: Gender = 'T'): IndicatorDashboard {
	const { indicator, grouping } = input;
	const { genders, gender } = shownGender(indicator, requestedGender);
	const rows = input.measurements.filter((m) => m.indicatorId === indicator.id && m.gender === gender);
	const target = input.targets.find((t) => t.indicatorId === indicator.id && t.organisationId === grouping.id);
	const shown = aggregateUnit(indicator);
	const unit = shown.unit;
	const decimals = shown.decimals ?? indicator.decimals;

	const indexed = indexRows(rows);
	const dataYears = [...indexed.dataYears].sort((a, b) => a - b);

	// The chart's years: the data, the target's baseline, and the plan's last year when the target speaks about it.
	let years: [number, number] | null = dataYears.length > 0 ? [dataYears[0], dataYears[dataYears.length - 1]] : null;
	const targetsOutside: { year: number; value: number }[] = [];
	if (target) {
		const extend = (year: number) => {
			years = years ? [Math.min(years[0], year), Math.max(years[1], year)] : [year, year];
		};
		if (target.baseline) extend(target.baseline.year);
		const planEnd = input.plan?.toYear;
		if (planEnd !== undefined && targetForYear(target, planEnd) !== null && (!years || planEnd > years[1])) extend(planEnd);
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
	const series = groupingSeries(indicator, input.memberships, rows, grouping.id, chartYears, gender).map((s) => ({
		...s,
		exampleData: exampleByYear(s.year, s.contributing)
	}));
	const { judged: latest, preliminary } = judgedYear(series);
	const latestTarget = latest && target ? targetForYear(target, latest.year) : null;

	const memberIds = [...new Set(input.memberships.filter((m) => m.groupingId === grouping.id).map((m) => m.memberId))];
	const members: MemberSeries[] =
		indicator.scope === 'members'
			? memberIds
					.map((id) => {
						const org = input.members.get(id);
						const points = yearPoints(chartYears, indexed.byOrganisation.get(id));
						return { id, name: org?.name ?? id, kommunkod: org?.kommunkod, series: points, latest: latestPoint(points) };
					})
					.sort((a, b) => compareSwedish(a.name, b.name))
			: [];

	const isMean = indicator.aggregation === 'mean' || indicator.aggregation === 'weightedMean';
	const memberAverage = {
		label: isMean ? `${grouping.name} (${AGGREGATION_LABELS[indicator.aggregation]})` : 'medelvärde per kommun',
		series: isMean
			? series.map((s) => ({ year: s.year, value: s.value, exampleData: s.exampleData }))
			: meanPerMember(input, rows, chartYears, gender).map((result, i) => ({
					year: chartYears[i],
					value: result.value,
					exampleData: exampleByYear(chartYears[i], result.contributing)
				}))
	};

	const nationalRows = indexed.byOrganisation.get(NATIONAL_ID);
	const national = nationalRows ? yearPoints(chartYears, nationalRows) : null;
	const texts = indexed.texts.sort((a, b) => b.year - a.year);

	const currentMembers = latest ? latest.memberCount : membersInYear(input.memberships, grouping.id, chartYears.at(-1) ?? 0).length;
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
		gap: latest && target ? gapToTarget(latest.value, target, latest.year, indicator.betterDirection) : null,
		// The same rule as the overview, with the indicator's own unit.
		status: latest ? indicatorStatus(latest.value, target, latest.year, indicator) : 'notAssessed',
		unit,
		decimals,
		method: methodText(indicator, latest, currentMembers),
		trend: trend(series, indicator.betterDirection),
		members,
		memberAverage,
		national,
		summary: valueSummary({
			...statement,
			year: latest?.year ?? null,
			value: latest?.value ?? null,
			target: latest && target && latestTarget !== null ? { value: latestTarget, rule: target.rule } : null
		}),
		chartSummary: seriesSummary({
			...statement,
			points: series,
			target: target ? { valueFor: (year) => targetForYear(target, year), rule: target.rule } : null
		}),
		texts,
		lastUpdated: latest ? newestUpdate(rows, latest.year, latest.contributing) : null
	};
}

/** The plain mean of the members' values in each of `years`: the reference for a member of a sum. */
function meanPerMember(input: IndicatorDashboardInput, rows: readonly DashboardMeasurement[], years: readonly number[], gender: Gender) {
	const membersOfYear = membersByYear(input.memberships, input.grouping.id, years);
	return years.map((year) => aggregate('mean', membersOfYear.get(year)!, valuesByOrganisation(rows, input.indicator.id, year, gender)));
}

/** When the newest of the given organisations' values for the year was entered (ISO); null when none says. */
function newestUpdate(rows: readonly DashboardMeasurement[], year: number, organisationIds: readonly string[]): string | null {
	const behind = new Set(organisationIds);
	let newest: string | null = null;
	for (const m of rows) {
		if (m.year === year && m.updatedAt && behind.has(m.organisationId) && (newest === null || m.updatedAt > newest)) newest = m.updatedAt;
	}
	return newest;
}

/** The members ranked for one year (members of the grouping that year), best first. */
export function rankingForYear(input: IndicatorDashboardInput, dashboard: IndicatorDashboard, year: number): Ranking {
	const ids = membersInYear(input.memberships, input.grouping.id, year);
	const values = valuesByOrganisation(input.measurements, input.indicator.id, year, dashboard.gender);
	const exampleIds = new Set(
		input.measurements
			.filter((m) => m.indicatorId === input.indicator.id && m.year === year && m.gender === dashboard.gender && m.exampleData)
			.map((m) => m.organisationId)
	);
	const members = ids.map((id) => ({ id, name: input.members.get(id)?.name ?? id }));
	return rankMembers(members, values, input.indicator.betterDirection, exampleIds);
}
