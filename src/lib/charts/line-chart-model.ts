import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Unit } from '$lib/domain/plan/indicator';
import type { Target } from '$lib/domain/plan/target';
import { targetForYear, targetPath } from '$lib/domain/plan/targets';
import { formatValue } from '$lib/domain/format';
import { valueDomain, valueTicks, yearTicks, type Margins, type Tick } from './scales';

/**
 * One year of a series; null = no value that year (the line breaks there).
 * `preliminary`: a grouping's figure that not every member has reported
 * ("4 av 12"): drawn as a point of its own, never joined to the line, so a
 * sum over four members is not drawn as a fall.
 */
export type SeriesPoint = {
	year: number;
	value: number | null;
	exampleData?: boolean;
	preliminary?: { counted: number; of: number };
};

export type TargetLike = Pick<Target, 'baseline' | 'rule'>;

export type LineChartInput = {
	width: number;
	height: number;
	margin?: Partial<Margins>;
	/** The main series, e.g. the federation's value per year. */
	series: readonly SeriesPoint[];
	/** A second series drawn as a reference line, e.g. the federation average beside one member. */
	reference?: readonly SeriesPoint[];
	/** The target whose path is drawn. */
	target?: TargetLike | null;
	/** First and last year on the x axis. */
	years: [from: number, to: number];
	unit: Unit;
	decimals: number;
	/** A fixed value domain, so small multiples share one scale. */
	yDomain?: [number, number];
	/** About how many value ticks; small multiples use fewer. */
	yTickCount?: number;
};

export type PlotPoint = {
	year: number;
	value: number;
	x: number;
	y: number;
	preliminary?: { counted: number; of: number };
};

export type ChartPoint = PlotPoint & {
	/** "16,6 %" */
	label: string;
	exampleData: boolean;
	/** The target for this year, if the target says anything about it. */
	targetValue: number | null;
	/**
	 * The stretch of the plot width that selects this point: from halfway to
	 * the previous point to halfway to the next, the full height. A tap
	 * anywhere in a year's column selects that year, so touch targets are as
	 * wide as the chart allows, never a 10-px dot.
	 */
	hit: { x0: number; x1: number };
};

/**
 * How the target is drawn:
 * - 'path': a yearly-change target, a line from the baseline through every year;
 * - 'points': per-year targets, one marker per decided year (no line between:
 *   a board decided those years only);
 * - 'threshold': a level that holds every year, a horizontal line.
 */
export type TargetShape =
	| { kind: 'path'; d: string; points: PlotPoint[] }
	| { kind: 'points'; points: PlotPoint[] }
	| { kind: 'threshold'; value: number; y: number; operator: '>=' | '<=' | '=' };

export type LineChartModel = {
	width: number;
	height: number;
	margin: Margins;
	innerWidth: number;
	innerHeight: number;
	yDomain: [number, number];
	xTicks: Tick[];
	yTicks: Tick[];
	/** SVG path of the main series; gaps (null values) break it. Null without any value. */
	line: string | null;
	referenceLine: string | null;
	referencePoints: PlotPoint[];
	target: TargetShape | null;
	points: ChartPoint[];
	x: (year: number) => number;
	y: (value: number) => number;
};

export const DEFAULT_MARGIN: Margins = { top: 12, right: 16, bottom: 28, left: 56 };

function present(points: readonly SeriesPoint[] | undefined): (SeriesPoint & { value: number })[] {
	return (points ?? []).filter(
		(p): p is SeriesPoint & { value: number } =>
			typeof p.value === 'number' && Number.isFinite(p.value)
	);
}

/** The target values that fall inside the chart's years (for its scale and its drawing). */
export function targetValuesInYears(
	target: TargetLike | null | undefined,
	from: number,
	to: number
): PlotPoint[] {
	if (!target) return [];
	return targetPath(target, from, to).map((p) => ({ ...p, x: 0, y: 0 }));
}

/**
 * Everything a line chart draws, computed from the data and the size it gets:
 * scales (D3), the series path with gaps, the target (path, markers or level),
 * ticks labelled in sv-SE, and one point per value with its label and the
 * year's target (for the tooltip and the screen-reader text).
 */
export function lineChartModel(input: LineChartInput): LineChartModel {
	const margin = { ...DEFAULT_MARGIN, ...input.margin };
	const width = Math.max(input.width, margin.left + margin.right + 40);
	const height = Math.max(input.height, margin.top + margin.bottom + 40);
	const innerWidth = width - margin.left - margin.right;
	const innerHeight = height - margin.top - margin.bottom;
	const [from, to] =
		input.years[0] <= input.years[1] ? input.years : [input.years[1], input.years[0]];

	const main = present(input.series).filter((p) => p.year >= from && p.year <= to);
	const reference = present(input.reference).filter((p) => p.year >= from && p.year <= to);
	const targetPoints = targetValuesInYears(input.target, from, to);
	const thresholdValue = input.target?.rule.kind === 'threshold' ? input.target.rule.value : null;

	const yDomain =
		input.yDomain ??
		valueDomain(
			[
				...main.map((p) => p.value),
				...reference.map((p) => p.value),
				...targetPoints.map((p) => p.value),
				thresholdValue
			],
			input.unit
		);

	// One year only: centre it rather than put it on the left edge.
	const xScale = scaleLinear()
		.domain(from === to ? [from - 1, to + 1] : [from, to])
		.range([0, innerWidth]);
	const yScale = scaleLinear().domain(yDomain).range([innerHeight, 0]);
	const x = (year: number) => xScale(year);
	const y = (value: number) => yScale(value);

	// The line joins final years only: a preliminary year is a gap in it, drawn as a point of its own.
	const pathOf = (points: readonly SeriesPoint[]) => {
		const inYears = points
			.filter((p) => p.year >= from && p.year <= to)
			.map((p) => (p.preliminary ? { year: p.year, value: null } : p))
			.sort((a, b) => a.year - b.year);
		if (present(inYears).length === 0) return null;
		return (
			line<SeriesPoint>()
				.defined((p) => typeof p.value === 'number' && Number.isFinite(p.value))
				.x((p) => x(p.year))
				.y((p) => y(p.value as number))(withGaps(inYears)) ?? null
		);
	};

	const plotted = (p: {
		year: number;
		value: number;
		preliminary?: { counted: number; of: number };
	}): PlotPoint =>
		p.preliminary
			? { year: p.year, value: p.value, x: x(p.year), y: y(p.value), preliminary: p.preliminary }
			: { year: p.year, value: p.value, x: x(p.year), y: y(p.value) };

	let target: TargetShape | null = null;
	if (input.target) {
		const rule = input.target.rule;
		if (rule.kind === 'threshold')
			target = { kind: 'threshold', value: rule.value, y: y(rule.value), operator: rule.operator };
		else if (rule.kind === 'perYear')
			target = { kind: 'points', points: targetPoints.map(plotted) };
		else if (targetPoints.length > 0) {
			const points = targetPoints.map(plotted);
			target = {
				kind: 'path',
				d:
					line<PlotPoint>()
						.x((p) => p.x)
						.y((p) => p.y)(points) ?? '',
				points
			};
		}
	}

	const maxYearTicks = Math.max(2, Math.floor(innerWidth / 48));
	return {
		width,
		height,
		margin,
		innerWidth,
		innerHeight,
		yDomain,
		xTicks: yearTicks(from, to, maxYearTicks).map((year) => ({
			value: year,
			position: x(year),
			label: String(year)
		})),
		yTicks: valueTicks(
			yDomain,
			[innerHeight, 0],
			input.unit,
			input.yTickCount ?? Math.max(2, Math.min(6, Math.floor(innerHeight / 40)))
		),
		line: pathOf(input.series),
		referenceLine: input.reference ? pathOf(input.reference) : null,
		referencePoints: reference.map(plotted),
		target,
		points: withHitAreas(
			main
				.sort((a, b) => a.year - b.year)
				.map((p) => ({
					...plotted(p),
					label: formatValue(p.value, input.unit, input.decimals),
					exampleData: p.exampleData ?? false,
					targetValue: input.target ? targetForYear(input.target, p.year) : null
				})),
			innerWidth
		),
		x,
		y
	};
}

function withHitAreas<T extends { x: number }>(
	points: T[],
	innerWidth: number
): (T & { hit: { x0: number; x1: number } })[] {
	return points.map((p, i) => ({
		...p,
		hit: {
			x0: i === 0 ? 0 : (points[i - 1].x + p.x) / 2,
			x1: i === points.length - 1 ? innerWidth : (p.x + points[i + 1].x) / 2
		}
	}));
}

/**
 * A series with an explicit null for each missing year between its first and
 * last value, so the line breaks at the gap instead of bridging it.
 */
export function withGaps(points: readonly SeriesPoint[]): SeriesPoint[] {
	const byYear = new Map(points.map((p) => [p.year, p]));
	const years = points.map((p) => p.year);
	if (years.length === 0) return [];
	const out: SeriesPoint[] = [];
	for (let year = Math.min(...years); year <= Math.max(...years); year++)
		out.push(byYear.get(year) ?? { year, value: null });
	return out;
}

/** The point nearest to a horizontal position (for a tap anywhere on the chart). */
export function nearestPoint<T extends { x: number }>(points: readonly T[], px: number): T | null {
	let best: T | null = null;
	for (const p of points) if (!best || Math.abs(p.x - px) < Math.abs(best.x - px)) best = p;
	return best;
}
