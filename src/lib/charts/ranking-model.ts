import { scaleLinear } from 'd3-scale';
import type { Unit } from '$lib/domain/plan/indicator';
import { valueDomain } from './scales';

export type RankingBar = { id: string; x: number; width: number };
export type RankingBarsModel = { bars: RankingBar[]; referenceX: number | null; width: number };

/**
 * Horizontal bars for a ranking, all on one scale from zero (bars must start
 * at zero), with the federation value as a reference line.
 */
export function rankingBars(
	rows: readonly { id: string; value: number }[],
	width: number,
	unit: Unit,
	reference?: number | null,
	padding = 2
): RankingBarsModel {
	const domain = valueDomain([...rows.map((r) => r.value), reference], unit, {
		includeZero: true,
		padding: 0.05
	});
	const scale = scaleLinear()
		.domain(domain)
		.range([padding, Math.max(padding + 1, width - padding)])
		.clamp(true);
	const zero = scale(Math.min(Math.max(0, domain[0]), domain[1]));
	return {
		width,
		bars: rows.map((r) => ({
			id: r.id,
			x: Math.min(zero, scale(r.value)),
			width: Math.abs(scale(r.value) - zero)
		})),
		referenceX:
			typeof reference === 'number' && Number.isFinite(reference) ? scale(reference) : null
	};
}
