import { scaleLinear } from 'd3-scale';
import type { GoalStatus } from '$lib/domain/figures/assessment';
import type { BetterDirection, Unit } from '$lib/domain/plan/indicator';
import type { TargetRule } from '$lib/domain/plan/target';
import { atRiskMargin } from '$lib/domain/figures/status';
import { valueDomain, valueTicks, type Tick } from './scales';

/** A stretch of the value axis and the status a value there gets. */
export type StatusBand = { from: number; to: number; status: Exclude<GoalStatus, 'notAssessed'> };

/**
 * The value axis cut into the statuses the status rule (status.ts) gives: for
 * a "higher is better" target T with an at-risk margin m, [T, ∞) is onTrack,
 * [T − m, T) atRisk and below offTrack; mirrored for "lower"; for a point
 * target (no better direction, or "= T") atRisk on both sides. Yes/no targets
 * have no at-risk band. Bands are clipped to `domain`; empty ones are left
 * out, except a point target's own (zero-width) onTrack band.
 */
export function statusBands(
	targetValue: number,
	rule: TargetRule,
	direction: BetterDirection,
	unit: Unit,
	domain: [number, number]
): StatusBand[] {
	const margin = unit === 'yesno' ? 0 : atRiskMargin(rule, targetValue);
	const side =
		rule.kind === 'threshold'
			? rule.operator === '>='
				? 'higher'
				: rule.operator === '<='
					? 'lower'
					: 'none'
			: direction;
	const [min, max] = domain;
	const t = targetValue;
	let bands: StatusBand[];
	switch (side) {
		case 'higher':
			bands = [
				{ from: -Infinity, to: t - margin, status: 'offTrack' },
				{ from: t - margin, to: t, status: 'atRisk' },
				{ from: t, to: Infinity, status: 'onTrack' }
			];
			break;
		case 'lower':
			bands = [
				{ from: -Infinity, to: t, status: 'onTrack' },
				{ from: t, to: t + margin, status: 'atRisk' },
				{ from: t + margin, to: Infinity, status: 'offTrack' }
			];
			break;
		case 'none':
			// The target itself is a point: on track there and only there.
			bands = [
				{ from: -Infinity, to: t - margin, status: 'offTrack' },
				{ from: t - margin, to: t, status: 'atRisk' },
				{ from: t, to: t, status: 'onTrack' },
				{ from: t, to: t + margin, status: 'atRisk' },
				{ from: t + margin, to: Infinity, status: 'offTrack' }
			];
			break;
	}
	return bands
		.map((b) => ({ ...b, from: Math.max(b.from, min), to: Math.min(b.to, max) }))
		.filter((b) => b.to > b.from || (b.status === 'onTrack' && b.from === t));
}

export type BulletInput = {
	width: number;
	/** Height of the bar area; ticks go below it. */
	height: number;
	/** The measured value (the bar). */
	value: number | null;
	/** What it is compared with, e.g. the federation average (a line across the bar). */
	comparison?: number | null;
	/** The target value for the year (a thick marker). */
	targetValue?: number | null;
	/** The target's rule and the indicator's better direction, for the status bands. */
	rule?: TargetRule | null;
	direction: BetterDirection;
	unit: Unit;
	/** Fixed domain, so several bullets share a scale. */
	domain?: [number, number];
	/** Left/right padding for the labels. */
	padding?: number;
};

export type BulletModel = {
	width: number;
	height: number;
	domain: [number, number];
	bar: { x: number; width: number } | null;
	comparisonX: number | null;
	targetX: number | null;
	bands: (StatusBand & { x: number; width: number })[];
	ticks: Tick[];
	/** Where zero lies; bars grow from it. */
	zeroX: number;
	/** The drawn extent of the value axis, in px. */
	range: [number, number];
};

/**
 * A bullet chart (Stephen Few): the value as a bar from zero, the comparison
 * as a thin line, the target as a thick marker, on bands that show which
 * status a value would get. Bars start at zero, so the domain includes it.
 */
export function bulletModel(input: BulletInput): BulletModel {
	const padding = input.padding ?? 8;
	const width = Math.max(input.width, 2 * padding + 40);
	const domain =
		input.domain ??
		valueDomain([input.value, input.comparison, input.targetValue], input.unit, {
			includeZero: true,
			padding: 0.08
		});
	const scale = scaleLinear()
		.domain(domain)
		.range([padding, width - padding])
		.clamp(true);
	const zeroX = scale(Math.min(Math.max(0, domain[0]), domain[1]));
	const present = (v: number | null | undefined): v is number =>
		typeof v === 'number' && Number.isFinite(v);

	const bands =
		present(input.targetValue) && input.rule
			? statusBands(input.targetValue, input.rule, input.direction, input.unit, domain).map(
					(b) => ({
						...b,
						x: scale(b.from),
						width: scale(b.to) - scale(b.from)
					})
				)
			: [];

	let bar: BulletModel['bar'] = null;
	if (present(input.value)) {
		const end = scale(input.value);
		bar = { x: Math.min(zeroX, end), width: Math.abs(end - zeroX) };
	}
	return {
		width,
		height: input.height,
		domain,
		bar,
		comparisonX: present(input.comparison) ? scale(input.comparison) : null,
		targetX: present(input.targetValue) ? scale(input.targetValue) : null,
		bands,
		ticks: valueTicks(
			domain,
			[padding, width - padding],
			input.unit,
			Math.max(2, Math.min(6, Math.floor(width / 90)))
		),
		zeroX,
		range: [padding, width - padding]
	};
}
