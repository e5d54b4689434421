// Which series an indicator's values lie under, apart from the Indicator
// schema (indicator.ts): the first page reads values by series, and zod stays
// off it (tests/bundle-budget.spec.ts, docs/benchmarks.md).
import type { Indicator } from '../plan/indicator';

/**
 * The key an indicator's values are stored under (Measurement.indicatorId):
 * the series it follows, which is its own id unless it follows another's.
 */
export function seriesOf(indicator: Pick<Indicator, 'id' | 'seriesId'>): string {
	return indicator.seriesId ?? indicator.id;
}
