import type { BetterDirection } from './indicator';
import type { Target, TargetRule } from './target';

type TargetLike = Pick<Target, 'baseline' | 'rule'>;

/**
 * Targets computed from a yearly change carry floating-point noise
 * (16,6 + 3 × 0,5 may come out as 18,099999999999998). A value within this
 * tolerance of the target counts as on it. It is relative for large values
 * (SEK in millions), absolute 1e-9 for values up to 1.
 */
export const TARGET_TOLERANCE = 1e-9;

export function targetTolerance(targetValue: number): number {
	return TARGET_TOLERANCE * Math.max(1, Math.abs(targetValue));
}

/**
 * The target value for one year, or null when the target says nothing about that year.
 *
 * - perYear: the value given for that year. Years between given values get no
 *   target: the values are decisions of a board, and a line drawn between two
 *   of them would show a target nobody decided (and would judge a year against it).
 * - yearlyChange: from the baseline, adding `change` each year ('pp', additive)
 *   or growing by `change` % each year ('percent', compound). None before the
 *   baseline year or after `untilYear`.
 * - threshold: the threshold, every year.
 */
export function targetForYear(target: TargetLike, year: number): number | null {
	const { rule, baseline } = target;
	switch (rule.kind) {
		case 'perYear':
			return rule.values.find((v) => v.year === year)?.value ?? null;
		case 'threshold':
			return rule.value;
		case 'yearlyChange': {
			if (!baseline || year < baseline.year) return null;
			if (rule.untilYear !== undefined && year > rule.untilYear) return null;
			const years = year - baseline.year;
			const value =
				rule.changeUnit === 'pp'
					? baseline.value + rule.change * years
					: baseline.value * Math.pow(1 + rule.change / 100, years);
			return value + 0; // no "−0" in the UI
		}
	}
}

/** The target's points from `fromYear` to `toYear` inclusive, skipping years without a target (for drawing the target line). */
export function targetPath(
	target: TargetLike,
	fromYear: number,
	toYear: number
): { year: number; value: number }[] {
	const path: { year: number; value: number }[] = [];
	for (let year = fromYear; year <= toYear; year++) {
		const value = targetForYear(target, year);
		if (value !== null) path.push({ year, value });
	}
	return path;
}

/**
 * How far a value falls short of a target value, ≥ 0; 0 when the target is met.
 *
 * Threshold rules say themselves which side is good ('>=', '<=', '=' exactly).
 * Other rules use the indicator's better direction; with no better direction
 * the target is a point to hit, so any distance from it is a shortfall.
 */
export function shortfallFromTarget(
	value: number,
	targetValue: number,
	rule: TargetRule,
	direction: BetterDirection
): number {
	const goodSide = rule.kind === 'threshold' ? operatorSide(rule.operator) : direction;
	switch (goodSide) {
		case 'higher':
			return Math.max(0, targetValue - value);
		case 'lower':
			return Math.max(0, value - targetValue);
		case 'none':
			return Math.abs(value - targetValue);
	}
}

function operatorSide(operator: '>=' | '<=' | '='): BetterDirection {
	return operator === '>=' ? 'higher' : operator === '<=' ? 'lower' : 'none';
}

export type GapToTarget = {
	/** The target value for the year. */
	target: number;
	/**
	 * Signed distance to the target, positive = better than the target (for
	 * 'lower' indicators a value below the target gives a positive gap). With
	 * no better direction it is simply value − target.
	 */
	gap: number;
	/** Whether the value meets the target (threshold operators decide for threshold rules). */
	meets: boolean;
};

/** The gap between a value and the year's target; null when there is no value or no target for the year. */
export function gapToTarget(
	value: number | null | undefined,
	target: TargetLike,
	year: number,
	direction: BetterDirection
): GapToTarget | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return null;
	const targetValue = targetForYear(target, year);
	if (targetValue === null) return null;
	const difference = direction === 'lower' ? targetValue - value : value - targetValue;
	return {
		target: targetValue,
		// + 0 turns −0 into 0, which would otherwise print as "−0".
		gap: difference + 0,
		meets:
			shortfallFromTarget(value, targetValue, target.rule, direction) <=
			targetTolerance(targetValue)
	};
}
