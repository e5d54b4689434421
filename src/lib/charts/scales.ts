import { scaleLinear } from 'd3-scale';
import type { Unit } from '$lib/domain/plan/indicator';
import { formatNumber } from '$lib/domain/format';

/** Space around a chart's plot area, in px. */
export type Margins = { top: number; right: number; bottom: number; left: number };

export type Tick = { value: number; position: number; label: string };

/** The range of values a unit can take at all: a share is 0–100 %, a yes/no 0–1, a five-step scale 1–5. */
export function unitBounds(unit: Unit): [min: number, max: number] {
	switch (unit) {
		case 'percent':
			return [0, 100];
		case 'yesno':
			return [0, 1];
		case 'scale5':
			return [1, 5];
		default:
			return [-Infinity, Infinity];
	}
}

/**
 * A value axis domain that holds every value given, with some air around
 * them, rounded outwards to nice numbers (d3 `nice()`), and kept within what
 * the unit allows. `includeZero` starts it at zero (bars must: their length
 * is the value). One value, or none, still gives a usable domain.
 */
export function valueDomain(
	values: readonly (number | null | undefined)[],
	unit: Unit,
	options: { includeZero?: boolean; padding?: number } = {}
): [number, number] {
	const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	const [lowest, highest] = unitBounds(unit);
	if (present.length === 0) {
		const fallback: [number, number] =
			unit === 'scale5' ? [1, 5] : unit === 'yesno' ? [0, 1] : [0, 1];
		return fallback;
	}
	let min = Math.min(...present);
	let max = Math.max(...present);
	if (options.includeZero) {
		min = Math.min(0, min);
		max = Math.max(0, max);
	}
	const span = max - min;
	// One value (or all equal): open a window of 10 % of its size, at least 1 unit.
	const pad = span === 0 ? Math.max(Math.abs(max) * 0.1, 1) : span * (options.padding ?? 0.1);
	if (!(options.includeZero && min === 0)) min -= pad;
	if (!(options.includeZero && max === 0)) max += pad;
	const [niceMin, niceMax] = scaleLinear().domain([min, max]).nice(5).domain();
	return [Math.max(niceMin, lowest), Math.min(niceMax, highest)];
}

/** Decimals needed to tell ticks `step` apart: 0 for 1, 5, 10; 1 for 0,5; 2 for 0,25. */
export function decimalsForStep(step: number): number {
	if (!Number.isFinite(step) || step <= 0) return 0;
	for (let decimals = 0; decimals <= 4; decimals++) {
		const scaled = step * 10 ** decimals;
		if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return decimals;
	}
	return 4;
}

/**
 * A short axis label in sv-SE: "16 %", "16,5 %", "2,5 Mkr", "150 000", "Ja".
 * Amounts in kronor from a million up are shown in Mkr (`decimals` then
 * counts decimals of the Mkr figure); the full figure is in the tooltip and table.
 */
export function formatTick(value: number, unit: Unit, decimals: number): string {
	const v = value + 0;
	switch (unit) {
		case 'percent':
			return `${formatNumber(v, decimals)} %`;
		case 'sek':
			return Math.abs(v) >= 1_000_000
				? `${formatNumber(v / 1_000_000, decimals)} Mkr`
				: `${formatNumber(v, decimals)} kr`;
		case 'yesno':
			return v >= 1 ? 'Ja' : v <= 0 ? 'Nej' : formatNumber(v, decimals);
		default:
			return formatNumber(v, decimals);
	}
}

/** About `count` value ticks on a linear scale, labelled in sv-SE with as many decimals as the step needs. */
export function valueTicks(
	domain: [number, number],
	range: [number, number],
	unit: Unit,
	count = 5
): Tick[] {
	const scale = scaleLinear().domain(domain).range(range);
	const values = unit === 'yesno' ? [0, 1] : scale.ticks(count);
	const step = values.length > 1 ? values[1] - values[0] : 1;
	return values.map((value) => {
		const inMillions = unit === 'sek' && Math.abs(value) >= 1_000_000;
		const decimals = decimalsForStep(inMillions ? step / 1_000_000 : step);
		return { value, position: scale(value), label: formatTick(value, unit, decimals) };
	});
}

/**
 * Whole years to label between `from` and `to`: every year when they fit,
 * otherwise every 2nd, 5th or 10th, always including the last year (the one
 * a reader looks for).
 */
export function yearTicks(from: number, to: number, maxTicks: number): number[] {
	if (to < from) return [];
	const span = to - from;
	const step =
		[1, 2, 5, 10, 20, 25, 50].find((s) => Math.floor(span / s) + 1 <= Math.max(1, maxTicks)) ??
		Math.ceil(span / Math.max(1, maxTicks));
	const years: number[] = [];
	for (let year = to; year >= from; year -= step) years.unshift(year);
	return years;
}
