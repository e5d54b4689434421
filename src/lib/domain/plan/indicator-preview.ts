/**
 * What the indicator editor shows while an admin chooses a method: how the
 * grouping's value of the latest year with values on this device would be
 * computed with the fields as they stand ("oviktat medelvärde av 12 kommuner,
 * 25–64 år = 16,6 %"). The same code as the dashboards (groupingSeries,
 * methodText), so the preview is the figure the indicator page will show.
 */
import { aggregateUnit } from '../figures/aggregation';
import { seriesOf, type Indicator } from './indicator';
import { indicatorMethod, methodText } from './indicator-method';
import type { Membership } from './membership';
import { formatValue } from '../format';
import { groupingSeries, type MeasurementLike } from '../figures/series';

export type PreviewIndicator = Pick<
	Indicator,
	'id' | 'aggregation' | 'unit' | 'decimals' | 'scope'
> &
	Partial<Pick<Indicator, 'seriesId' | 'weightSeriesId' | 'ratio' | 'population'>>;

export type ComputationPreview = {
	/** The latest year with a value on this device; null when there is none. */
	year: number | null;
	value: number | null;
	/** The method with its numbers, or why there is nothing to show. */
	text: string;
};

/**
 * The preview for the latest year in which the grouping (its own series) or
 * its members (the series the method reads) have a value. `measurements`
 * holds the totals (gender T) of the indicator's series and of the series
 * its method names among `indicators` (the grouping's).
 */
export function computationPreview(
	indicator: PreviewIndicator,
	indicators: readonly Indicator[],
	memberships: Membership[],
	measurements: readonly MeasurementLike[],
	groupingId: string
): ComputationPreview {
	if (indicator.unit === 'text' || indicator.aggregation === 'none') {
		return {
			year: null,
			value: null,
			text: 'Indikatorn får inget sammanlagt värde för förbundet.'
		};
	}
	const method = indicatorMethod(indicator, indicators);
	const read =
		indicator.aggregation === 'ratio'
			? [method.numerator?.series, method.denominator?.series]
			: [seriesOf(indicator)];
	const years = [
		...new Set(
			measurements
				.filter((m) => m.gender === 'T' && read.includes(m.indicatorId))
				.map((m) => m.year)
		)
	].sort((a, b) => a - b);
	const computed = groupingSeries(
		indicator,
		memberships,
		measurements,
		groupingId,
		years,
		'T',
		method
	);
	// The latest year with a value; else the latest year members have values in, to say why none can be computed (no weight chosen, weights missing).
	const latest =
		computed.findLast((y) => y.value !== null) ??
		computed.findLast((y) => y.contributing.length > 0 || y.missingWeight.length > 0);
	if (!latest) {
		const why =
			indicator.aggregation === 'ratio' && (!method.numerator || !method.denominator)
				? 'Välj täljare och nämnare. '
				: '';
		return {
			year: null,
			value: null,
			text: `${why}Det finns inga värden på enheten att räkna förbundets värde ur ännu.`
		};
	}
	const described = `${latest.year}: ${methodText(indicator, method, latest, latest.memberCount)}`;
	if (latest.value === null)
		return { year: latest.year, value: null, text: `${described}. Inget värde kan räknas fram.` };
	const { unit, decimals } = aggregateUnit(indicator);
	return {
		year: latest.year,
		value: latest.value,
		text: `${described} = ${formatValue(latest.value, unit, decimals ?? indicator.decimals)}`
	};
}
