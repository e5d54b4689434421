/**
 * How an indicator's grouping value is computed, with the other series it
 * needs resolved: a weighted mean's weight series, a ratio's numerator and
 * denominator. Each is another indicator of the grouping whose values lie
 * under seriesOf(that indicator). Pure: the dashboards resolve it from the
 * grouping's indicators, and the pages load the named series only when the
 * method needs them.
 */
import { describeAggregation, ratioScale, type MethodDetails } from '../figures/aggregation';
import { seriesOf, type Aggregation, type Indicator } from './indicator';
import type { Gender } from '../figures/measurement';
import type { AggregateResult } from '../figures/aggregation';

/** Another indicator an indicator's value is computed from. */
export type Companion = {
	id: string;
	name: string;
	/** Where its values lie (seriesOf). */
	series: string;
	genderBreakdown: boolean;
	population?: string;
};

export type IndicatorMethod = {
	aggregation: Aggregation;
	/** 'weightedMean': the weight series; null when none is chosen or it is not among the indicators. */
	weight: Companion | null;
	/** 'ratio': numerator and denominator; null when not chosen or not found. */
	numerator: Companion | null;
	denominator: Companion | null;
	/** 'ratio': 100 for a percentage. */
	scale: number;
};

type MethodFields = Pick<Indicator, 'aggregation'> &
	Partial<Pick<Indicator, 'unit' | 'weightSeriesId' | 'ratio'>>;

function companion(id: string | undefined, indicators: readonly Indicator[]): Companion | null {
	const found = id === undefined ? undefined : indicators.find((i) => i.id === id);
	return found
		? {
				id: found.id,
				name: found.name,
				series: seriesOf(found),
				genderBreakdown: found.genderBreakdown,
				population: found.population
			}
		: null;
}

/** The indicator's method with the series it names looked up among `indicators` (the grouping's). */
export function indicatorMethod(
	indicator: MethodFields,
	indicators: readonly Indicator[]
): IndicatorMethod {
	return {
		aggregation: indicator.aggregation,
		weight:
			indicator.aggregation === 'weightedMean'
				? companion(indicator.weightSeriesId, indicators)
				: null,
		numerator:
			indicator.aggregation === 'ratio'
				? companion(indicator.ratio?.numeratorId, indicators)
				: null,
		denominator:
			indicator.aggregation === 'ratio'
				? companion(indicator.ratio?.denominatorId, indicators)
				: null,
		scale: ratioScale(indicator.unit ?? 'count')
	};
}

/**
 * The series (and gender) of each companion the method reads for values of
 * `gender`: a weight without a gender breakdown weighs every gender by its
 * total; a ratio's parts must have the gender itself.
 */
export function companionSeries(
	method: IndicatorMethod,
	gender: Gender
): { series: string; gender: Gender }[] {
	const parts: { series: string; gender: Gender }[] = [];
	if (method.weight)
		parts.push({
			series: method.weight.series,
			gender: method.weight.genderBreakdown ? gender : 'T'
		});
	for (const part of [method.numerator, method.denominator])
		if (part) parts.push({ series: part.series, gender });
	return parts;
}

/** The names a method line states for this method. */
export function methodDetails(
	indicator: Pick<Indicator, 'population'>,
	method: IndicatorMethod,
	missingWeightCount = 0
): MethodDetails {
	return {
		population: indicator.population,
		weightName: method.weight?.name ?? null,
		numeratorName: method.numerator?.name ?? null,
		denominatorName: method.denominator?.name ?? null,
		missingWeightCount
	};
}

/** The method in words for one year's grouping value: the method, the weight or numerator and denominator by name, the age group and how many members it counts. */
export function methodText(
	indicator: Pick<Indicator, 'aggregation' | 'population' | 'scope'>,
	method: IndicatorMethod,
	value: AggregateResult | null,
	memberCount: number
): string {
	if (indicator.scope === 'grouping')
		return `förbundets eget värde${indicator.population ? `, ${indicator.population}` : ''}`;
	return describeAggregation(
		indicator.aggregation,
		value?.memberCount ?? memberCount,
		value?.contributing.length ?? 0,
		methodDetails(indicator, method, value?.missingWeight.length ?? 0)
	);
}
