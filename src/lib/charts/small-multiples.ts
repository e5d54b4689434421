import type { Unit } from '$lib/domain/plan/indicator';
import { valueDomain } from './scales';
import { targetValuesInYears, type SeriesPoint, type TargetLike } from './line-chart-model';

export type SmallMultiplesLayout = {
	columns: number;
	rows: number;
	cellWidth: number;
	cellHeight: number;
};

/**
 * How many small charts fit side by side in `containerWidth`: as many as keep
 * each at least `minCellWidth` wide, at most `maxColumns`, at least one.
 * A phone (360 px) gets 2 columns, a tablet in portrait (768 px) 4.
 */
export function smallMultiplesLayout(
	containerWidth: number,
	count: number,
	options: { minCellWidth?: number; gap?: number; maxColumns?: number; aspect?: number } = {}
): SmallMultiplesLayout {
	const { minCellWidth = 150, gap = 12, maxColumns = 6, aspect = 0.62 } = options;
	const width = Math.max(0, containerWidth);
	const fit = Math.floor((width + gap) / (minCellWidth + gap));
	const columns = Math.max(1, Math.min(maxColumns, fit, Math.max(1, count)));
	const cellWidth = Math.max(0, Math.floor((width - gap * (columns - 1)) / columns));
	return {
		columns,
		rows: Math.ceil(Math.max(0, count) / columns),
		cellWidth,
		cellHeight: Math.max(90, Math.round(cellWidth * aspect))
	};
}

/**
 * One value domain for all small multiples, so a higher line means a higher
 * value in every cell: it holds every member's values, the reference series
 * and the target values within the years shown.
 */
export function sharedDomain(
	series: readonly (readonly SeriesPoint[])[],
	unit: Unit,
	years: [number, number],
	extra: { reference?: readonly SeriesPoint[]; target?: TargetLike | null } = {}
): [number, number] {
	// The extent is all the domain depends on: found in one pass, not by gathering 290 × 20 values first.
	let lowest = Infinity;
	let highest = -Infinity;
	const includeValue = (value: number | null) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) return;
		lowest = Math.min(lowest, value);
		highest = Math.max(highest, value);
	};
	const include = (p: SeriesPoint) => {
		if (p.year >= years[0] && p.year <= years[1]) includeValue(p.value);
	};
	for (const s of series) s.forEach(include);
	(extra.reference ?? []).forEach(include);
	for (const p of targetValuesInYears(extra.target, years[0], years[1])) includeValue(p.value);
	return valueDomain(lowest <= highest ? [lowest, highest] : [], unit);
}
