import { aggregate, isPresentValue, type AggregateResult } from './aggregation';
import type { Indicator } from './indicator';
import type { Gender, Measurement } from './measurement';
import type { Membership } from './membership';
import { membersByYear } from './member-years';

/** The fields of a measurement these helpers read; full rows fit. */
export type MeasurementLike = Pick<Measurement, 'indicatorId' | 'organisationId' | 'year' | 'gender' | 'value'>;

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
 */
export type GroupingYearValue = AggregateResult & { year: number; source: 'members' | 'grouping' };

/** Population weights, fixed or per year (populations change). */
export type Weights = ReadonlyMap<string, number> | ((year: number) => ReadonlyMap<string, number> | undefined);

/**
 * The grouping's value for each of `years`. Members are taken per year
 * (membersInYear), so a municipality that joined in 2023 counts from 2023
 * and one that left stops counting after its last year.
 */
export function groupingSeries(
	indicator: Pick<Indicator, 'id' | 'aggregation' | 'scope'>,
	memberships: Membership[],
	measurements: readonly MeasurementLike[],
	groupingId: string,
	years: readonly number[],
	gender: Gender,
	weights?: Weights
): GroupingYearValue[] {
	const relevant = measurements.filter((m) => m.indicatorId === indicator.id && m.gender === gender);
	const byYear = groupBy(relevant, (m) => m.year);
	const membersOfYear = membersByYear(memberships, groupingId, years);
	return years.map((year) => {
		const values = valuesByOrganisation(byYear.get(year) ?? [], indicator.id, year, gender);
		if (indicator.scope === 'grouping') return groupingOwnValue(indicator, groupingId, year, values.get(groupingId));
		const yearWeights = typeof weights === 'function' ? weights(year) : weights;
		return { year, source: 'members', ...aggregate(indicator.aggregation, membersOfYear.get(year)!, values, yearWeights) };
	});
}

function groupingOwnValue(
	indicator: Pick<Indicator, 'aggregation'>,
	groupingId: string,
	year: number,
	value: number | null | undefined
): GroupingYearValue {
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
		complete: present
	};
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/**
 * Which year a grouping's status is judged on. The latest year in which every
 * member has reported; a newer year that is still coming in is returned
 * apart as `preliminary`, so "1 av 12 har rapporterat" is never read as the
 * federation's result. Without any complete year, the latest year with a value.
 */
export function judgedYear<T extends { value: number | null; complete: boolean; year: number }>(
	series: readonly T[]
): { judged: T | null; preliminary: T | null } {
	const withValue = series.filter((s) => s.value !== null);
	const newest = withValue.at(-1) ?? null;
	const judged = withValue.filter((s) => s.complete).at(-1) ?? newest;
	return { judged, preliminary: newest && judged && newest.year > judged.year ? newest : null };
}
