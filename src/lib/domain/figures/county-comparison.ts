/**
 * The figure a grouping is compared with where the national one (Riket,
 * kommun 0000) is not stored: the county where most of its members lie,
 * computed by the indicator's own method from every municipality of the
 * county, in the years the stored values cover them all. Values of a
 * grouping of all 290 municipalities cover every county; a grouping that
 * imported a whole county's values covers that county.
 */
import { describeAggregation } from './aggregation';
import type { Indicator } from '../plan/indicator';
import { methodDetails, type IndicatorMethod } from '../plan/indicator-method';
import type { Gender } from './measurement';
import type { Membership } from '../plan/membership';
import { groupingSeries, type MeasurementLike } from './series';

/** A county and every one of its municipalities (organisation ids). */
export type County = { code: string; name: string; municipalityIds: readonly string[] };

export type CountyPoint = { year: number; value: number | null; exampleData: boolean };

export type CountyReference = {
	county: County;
	/** "Västerbottens län, oviktat medelvärde av 15 kommuner" */
	label: string;
	series: CountyPoint[];
};

/** The methods whose figure for a county says something about a member or the grouping: a sum or a share of yes answers over a county does not. */
function comparable(method: IndicatorMethod): boolean {
	return (
		method.aggregation === 'mean' ||
		method.aggregation === 'weightedMean' ||
		method.aggregation === 'ratio'
	);
}

/** The county of most members, the first by code among equals; null when no member lies in a county given. */
export function homeCounty(
	counties: readonly County[],
	memberIds: readonly string[]
): County | null {
	const members = new Set(memberIds);
	let best: { county: County; count: number } | null = null;
	for (const county of [...counties].sort((a, b) => a.code.localeCompare(b.code))) {
		const count = county.municipalityIds.filter((id) => members.has(id)).length;
		if (count > 0 && (!best || count > best.count)) best = { county, count };
	}
	return best?.county ?? null;
}

/**
 * The home county's figure for each of `years`: a value only where every
 * municipality of the county took part (a county average of some of its
 * municipalities is not the county's). Null when the method has no county
 * figure, the county is exactly the grouping (the same figure twice), or no
 * year is covered.
 */
export function countyReference(args: {
	indicator: Pick<Indicator, 'id' | 'seriesId' | 'aggregation' | 'scope' | 'unit' | 'population'>;
	method: IndicatorMethod;
	measurements: readonly MeasurementLike[];
	counties: readonly County[];
	memberIds: readonly string[];
	years: readonly number[];
	gender: Gender;
}): CountyReference | null {
	const { indicator, method } = args;
	if (indicator.scope !== 'members' || !comparable(method)) return null;
	const county = homeCounty(args.counties, args.memberIds);
	if (!county) return null;
	const members = new Set(args.memberIds);
	if (
		county.municipalityIds.length === members.size &&
		county.municipalityIds.every((id) => members.has(id))
	)
		return null;

	const countyId = `lan-${county.code}`;
	const memberships: Membership[] = county.municipalityIds.map((memberId) => ({
		id: `${countyId}:${memberId}`,
		groupingId: countyId,
		memberId,
		fromYear: 1960
	}));
	// The county's rows only: a grouping of all 290 has six times as many.
	const inCounty = new Set(county.municipalityIds);
	const rows = args.measurements.filter((m) => inCounty.has(m.organisationId));
	const figures = groupingSeries(
		indicator,
		memberships,
		rows,
		countyId,
		args.years,
		args.gender,
		method
	);
	const series = figures.map((f) => ({
		year: f.year,
		value: f.complete ? f.value : null,
		exampleData: f.complete && f.exampleData
	}));
	if (series.every((p) => p.value === null)) return null;
	const how = describeAggregation(
		method.aggregation,
		county.municipalityIds.length,
		county.municipalityIds.length,
		methodDetails({}, method)
	);
	return { county, label: `${county.name}, ${how}`, series };
}

/** The counties the members lie in, each with every municipality of it among `organisations` (all 290 are on every device). */
export function countiesOfMembers(
	organisations: readonly { id: string; kind: string; countyCode?: string; countyName?: string }[],
	memberIds: ReadonlySet<string>
): County[] {
	const byCode = new Map<
		string,
		{ code: string; name: string; municipalityIds: string[]; hasMember: boolean }
	>();
	for (const o of organisations) {
		if (o.kind !== 'municipality' || !o.countyCode) continue;
		let county = byCode.get(o.countyCode);
		if (!county)
			byCode.set(
				o.countyCode,
				(county = {
					code: o.countyCode,
					name: o.countyName ?? `län ${o.countyCode}`,
					municipalityIds: [],
					hasMember: false
				})
			);
		county.municipalityIds.push(o.id);
		if (memberIds.has(o.id)) county.hasMember = true;
	}
	return [...byCode.values()]
		.filter((c) => c.hasMember)
		.map(({ code, name, municipalityIds }) => ({ code, name, municipalityIds }));
}
