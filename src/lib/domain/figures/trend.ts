import type { BetterDirection } from '../plan/indicator';

/**
 * A series counts as flat when its fitted change per year is at most this
 * share of the series' scale (its largest absolute value). For a share around
 * 16,6 % that is up to about 0,02 percentage points a year; for a budget of
 * 2 630 000 kr up to about 2 600 kr a year; for a region of 160 000
 * inhabitants 160 a year. Relative, because "0,5 a year" is a lot for a rate
 * of 2 and nothing for a sum in millions. Kept small: population and
 * education levels move a few tenths of a percent a year, and such a move is
 * exactly what a board follows (0,5 % would have called steady growth flat).
 */
export const FLAT_SHARE_PER_YEAR = 0.001;

export type TrendDirection = 'improving' | 'worsening' | 'flat';

export type Trend = {
	/** Least-squares slope, in the indicator's unit per year. */
	slopePerYear: number;
	/**
	 * The movement judged by the indicator's better direction; null when the
	 * indicator has no better direction (rising is then neither good nor bad —
	 * see `movement`).
	 */
	direction: TrendDirection | null;
	/** The movement regardless of what is better. */
	movement: 'rising' | 'falling' | 'flat';
	fromYear: number;
	toYear: number;
	/** Number of points with a value that the fit used. */
	points: number;
	/** The fitted line at `fromYear` and `toYear`, for drawing it. */
	fittedFrom: number;
	fittedTo: number;
};

type SeriesPoint = { year: number; value: number | null | undefined };

function hasValue(p: SeriesPoint): p is { year: number; value: number } {
	return typeof p.value === 'number' && Number.isFinite(p.value) && Number.isFinite(p.year);
}

/**
 * The trend of a yearly series: a least-squares line over the years that have
 * a value (gaps are skipped, not filled). Null with fewer than two such
 * points, or when they all fall in one year (no slope exists).
 */
export function trend(series: readonly SeriesPoint[], direction: BetterDirection): Trend | null {
	const points = series.filter(hasValue);
	if (points.length < 2) return null;

	const years = points.map((p) => p.year);
	const values = points.map((p) => p.value);
	const meanYear = mean(years);
	const meanValue = mean(values);
	let sumXX = 0;
	let sumXY = 0;
	for (const p of points) {
		const dx = p.year - meanYear;
		sumXX += dx * dx;
		sumXY += dx * (p.value - meanValue);
	}
	if (sumXX === 0) return null;

	const slopePerYear = sumXY / sumXX + 0; // + 0: no "−0" in the UI
	const fromYear = Math.min(...years);
	const toYear = Math.max(...years);
	const scale = Math.max(...values.map(Math.abs));
	const movement =
		Math.abs(slopePerYear) <= FLAT_SHARE_PER_YEAR * scale
			? 'flat'
			: slopePerYear > 0
				? 'rising'
				: 'falling';

	return {
		slopePerYear,
		direction: judge(movement, direction),
		movement,
		fromYear,
		toYear,
		points: points.length,
		fittedFrom: meanValue + slopePerYear * (fromYear - meanYear),
		fittedTo: meanValue + slopePerYear * (toYear - meanYear)
	};
}

function judge(movement: Trend['movement'], direction: BetterDirection): TrendDirection | null {
	if (movement === 'flat') return 'flat';
	if (direction === 'none') return null;
	return (movement === 'rising') === (direction === 'higher') ? 'improving' : 'worsening';
}

function mean(numbers: readonly number[]): number {
	return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}
