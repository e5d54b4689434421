import {
	aggregate,
	isPresentValue,
	type AggregateParts,
	type AggregateResult
} from './aggregation';
import { seriesOf, type BetterDirection, type Indicator } from '../plan/indicator';
import { indicatorMethod, type Companion, type IndicatorMethod } from '../plan/indicator-method';
import { trend, type Trend } from './trend';
import type { Gender, Measurement } from './measurement';
import type { Membership } from '../plan/membership';
import { membersByYear } from '../plan/member-years';

/** The fields of a measurement these helpers read; full rows fit. */
export type MeasurementLike = Pick<
	Measurement,
	'indicatorId' | 'organisationId' | 'year' | 'gender' | 'value'
> &
	Partial<Pick<Measurement, 'exampleData' | 'updatedAt'>>;

/** A value someone entered: a finite number, or non-empty text for text indicators. Null is "known missing". */
function hasEnteredValue(value: Measurement['value']): boolean {
	return isPresentValue(value) || (typeof value === 'string' && value.trim() !== '');
}

/**
 * The latest year in which any of the organisations has a value for the
 * indicator (the year a dashboard opens on); null when none has one.
 * With `gender`, only values for that gender count.
 */
export function latestYearWithValue(
	measurements: readonly MeasurementLike[],
	indicatorId: string,
	organisationIds: Iterable<string>,
	gender?: Gender
): number | null {
	const organisations = new Set(organisationIds);
	let latest: number | null = null;
	for (const m of measurements) {
		if (m.indicatorId !== indicatorId || !organisations.has(m.organisationId)) continue;
		if (gender !== undefined && m.gender !== gender) continue;
		if (hasEnteredValue(m.value) && (latest === null || m.year > latest)) latest = m.year;
	}
	return latest;
}

/**
 * Each organisation's numeric value for the indicator, year and gender. An
 * organisation with a row but no number (null, or text) maps to null; one
 * without a row is absent from the map.
 */
export function valuesByOrganisation(
	measurements: readonly MeasurementLike[],
	indicatorId: string,
	year: number,
	gender: Gender
): Map<string, number | null> {
	const values = new Map<string, number | null>();
	for (const m of measurements) {
		if (m.indicatorId === indicatorId && m.year === year && m.gender === gender) {
			values.set(m.organisationId, isPresentValue(m.value) ? m.value : null);
		}
	}
	return values;
}

/**
 * A grouping's value in one year. `source` says where it comes from:
 * 'members' = aggregated from the members of that year; 'grouping' = the
 * grouping's own measurement (indicators with scope 'grouping'), in which
 * case `contributing`/`missing` hold the grouping itself and `memberCount` is 1.
 * `exampleData`: a value behind it (or a weight, numerator or denominator) is example data.
 */
export type GroupingYearValue = AggregateResult & {
	year: number;
	source: 'members' | 'grouping';
	exampleData: boolean;
};

/** The rows of one series and gender, per year: each organisation's number and which of them are example data. */
type YearValues = { values: Map<string, number | null>; example: Set<string> };

function valuesPerYear(
	measurements: readonly MeasurementLike[],
	series: string,
	gender: Gender
): Map<number, YearValues> {
	const byYear = new Map<number, YearValues>();
	for (const m of measurements) {
		if (m.indicatorId !== series || m.gender !== gender) continue;
		let year = byYear.get(m.year);
		if (!year) byYear.set(m.year, (year = { values: new Map(), example: new Set() }));
		year.values.set(m.organisationId, isPresentValue(m.value) ? m.value : null);
		if (m.exampleData === true) year.example.add(m.organisationId);
	}
	return byYear;
}

const NO_VALUES: YearValues = { values: new Map(), example: new Set() };

/**
 * A ratio's own values: each organisation's numerator / denominator × scale
 * in each year it has both (a denominator of zero or less gives no value),
 * as rows of the ratio's series. Example data when either part is. These
 * are what a member's chart, the ranking and the national line show; the
 * grouping's value is Σ numerators / Σ denominators, not a mean of them.
 */
export function ratioRows(
	seriesKey: string,
	method: IndicatorMethod,
	measurements: readonly MeasurementLike[],
	gender: Gender
): MeasurementLike[] {
	if (!method.numerator || !method.denominator) return [];
	const numerators = new Map<string, MeasurementLike>();
	for (const m of measurements) {
		if (m.indicatorId === method.numerator.series && m.gender === gender)
			numerators.set(`${m.year}\u0000${m.organisationId}`, m);
	}
	const rows: MeasurementLike[] = [];
	for (const d of measurements) {
		if (d.indicatorId !== method.denominator.series || d.gender !== gender) continue;
		const n = numerators.get(`${d.year}\u0000${d.organisationId}`);
		if (!n) continue;
		const value =
			isPresentValue(n.value) && isPresentValue(d.value) && d.value > 0
				? (n.value / d.value) * method.scale
				: null;
		rows.push({
			indicatorId: seriesKey,
			organisationId: d.organisationId,
			year: d.year,
			gender,
			value,
			exampleData: n.exampleData === true || d.exampleData === true,
			updatedAt: !n.updatedAt
				? d.updatedAt
				: !d.updatedAt || n.updatedAt > d.updatedAt
					? n.updatedAt
					: d.updatedAt
		});
	}
	return rows;
}

/**
 * The grouping's value for each of `years`. Members are taken per year
 * (membersInYear), so a municipality that joined in 2023 counts from 2023
 * and one that left stops counting after its last year. `measurements` holds
 * the indicator's series and, for a weighted mean or a ratio, the series its
 * method names (see indicatorMethod); without `method` none is found.
 */
export function groupingSeries(
	indicator: Pick<Indicator, 'id' | 'seriesId' | 'aggregation' | 'scope'> &
		Partial<Pick<Indicator, 'unit'>>,
	memberships: Membership[],
	measurements: readonly MeasurementLike[],
	groupingId: string,
	years: readonly number[],
	gender: Gender,
	method: IndicatorMethod = indicatorMethod(indicator, [])
): GroupingYearValue[] {
	const series = seriesOf(indicator);
	const ownRows =
		indicator.aggregation === 'ratio'
			? ratioRows(series, method, measurements, gender)
			: measurements;
	const own = valuesPerYear(ownRows, series, gender);
	const companion = (c: Companion | null, g: Gender) =>
		c ? valuesPerYear(measurements, c.series, g) : null;
	const weights = companion(method.weight, method.weight?.genderBreakdown ? gender : 'T');
	const numerators = companion(method.numerator, gender);
	const denominators = companion(method.denominator, gender);
	const membersOfYear = membersByYear(memberships, groupingId, years);
	return years.map((year) => {
		const values = own.get(year) ?? NO_VALUES;
		if (indicator.scope === 'grouping')
			return groupingOwnValue(indicator, groupingId, year, values);
		const weight = weights?.get(year) ?? NO_VALUES;
		const parts: AggregateParts = {
			weights: weight.values,
			numerators: (numerators?.get(year) ?? NO_VALUES).values,
			denominators: (denominators?.get(year) ?? NO_VALUES).values,
			scale: method.scale
		};
		const result = aggregate(indicator.aggregation, membersOfYear.get(year)!, values.values, parts);
		const exampleData = result.contributing.some(
			(id) => values.example.has(id) || weight.example.has(id)
		);
		return { year, source: 'members', ...result, exampleData };
	});
}

function groupingOwnValue(
	indicator: Pick<Indicator, 'aggregation'>,
	groupingId: string,
	year: number,
	own: YearValues
): GroupingYearValue {
	const value = own.values.get(groupingId);
	const present = isPresentValue(value);
	return {
		year,
		source: 'grouping',
		value: present ? value : null,
		method: indicator.aggregation,
		contributing: present ? [groupingId] : [],
		missing: present ? [] : [groupingId],
		missingWeight: [],
		memberCount: 1,
		complete: present,
		exampleData: present && own.example.has(groupingId)
	};
}

/**
 * The one rule for a year of a grouping's figure: it is final when every
 * member of that year took part, and preliminary ("4 av 12") otherwise. A
 * preliminary year is shown apart, with how many have reported, and is never
 * judged, never used for a trend and never drawn joined to the final years:
 * a sum over 4 of 12 members is not a fall, and a mean of 4 is not the
 * federation's result.
 */
export function isPreliminary(year: { value: number | null; complete: boolean }): boolean {
	return year.value !== null && !year.complete;
}

/** The years with a final value, in the order given: what a trend or a status may rest on. */
export function finalYears<T extends { value: number | null; complete: boolean }>(
	series: readonly T[]
): (T & { value: number })[] {
	return series.filter((s): s is T & { value: number } => s.value !== null && s.complete);
}

/** The trend of a grouping's series over its final years only. */
export function groupingTrend(
	series: readonly { year: number; value: number | null; complete: boolean }[],
	direction: BetterDirection
): Trend | null {
	return trend(finalYears(series), direction);
}

/**
 * Which year a grouping's status is judged on: the latest final year. The
 * newest year with a value, when it is later and still preliminary, is
 * returned apart as `preliminary`, so "1 av 12 har rapporterat" is never read
 * as the federation's result. Without any final year nothing is judged.
 */
export function judgedYear<T extends { value: number | null; complete: boolean; year: number }>(
	series: readonly T[]
): { judged: T | null; preliminary: T | null } {
	const newest = series.filter((s) => s.value !== null).at(-1) ?? null;
	const judged = finalYears(series).at(-1) ?? null;
	return {
		judged,
		preliminary: newest && (judged === null || newest.year > judged.year) ? newest : null
	};
}
