/**
 * Status of an indicator, and of a goal, for one year.
 *
 * The rule (the same rule in Swedish is `statusRuleDescription()`):
 *
 * 1. No value for the year, no target, or a target that says nothing about
 *    the year → notAssessed. Text indicators are never assessed.
 * 2. The value meets the year's target → onTrack. Threshold rules decide with
 *    their operator (≥, ≤, =); other rules with the indicator's better direction.
 * 3. A yes/no indicator that does not meet its target → offTrack: a yes/no
 *    target cannot be "nearly" met.
 * 4. Yearly-change targets: short of the target by at most one year's step →
 *    atRisk (the value is about a year behind the plan); by more → offTrack.
 *    One year's step is |change| for a 'pp' rule, and |change| % of that
 *    year's target value for a 'percent' rule.
 * 5. Per-year and threshold targets: short by at most 5 % of the target
 *    value's magnitude → atRisk; by more → offTrack.
 *    We measure against the target's magnitude, not the baseline-to-target
 *    distance: thresholds often have no baseline, and a distance-based margin
 *    shrinks to nothing when the baseline is near the target. The price: a
 *    target of 0 has no margin, so any shortfall from 0 is offTrack.
 *
 * A goal's status: an explicit assessment for the year wins; otherwise the
 * worst status among its assessed indicators (offTrack < atRisk < onTrack);
 * notAssessed when none is assessed.
 */
import type { GoalStatus } from './assessment';
import type { Indicator, Unit } from '../plan/indicator';
import type { Target, TargetRule } from '../plan/target';
import { shortfallFromTarget, targetForYear, targetTolerance } from '../plan/targets';
import { formatAmount } from '../format';

/** Share of the target value's magnitude within which a per-year or threshold target is "at risk" rather than "off track". */
export const AT_RISK_SHARE = 0.05;

/**
 * The status of one indicator's value in one year against its target.
 * `value` is the stored measurement value (numbers, strings for text, null).
 */
export function indicatorStatus(
	value: number | string | null | undefined,
	target: Pick<Target, 'baseline' | 'rule'> | null | undefined,
	year: number,
	indicator: Pick<Indicator, 'unit' | 'betterDirection'>
): GoalStatus {
	if (indicator.unit === 'text' || !target) return 'notAssessed';
	if (typeof value !== 'number' || !Number.isFinite(value)) return 'notAssessed';
	const targetValue = targetForYear(target, year);
	if (targetValue === null) return 'notAssessed';

	const shortfall = shortfallFromTarget(value, targetValue, target.rule, indicator.betterDirection);
	const tolerance = targetTolerance(targetValue);
	if (shortfall <= tolerance) return 'onTrack';
	if (indicator.unit === 'yesno') return 'offTrack';
	return shortfall <= atRiskMargin(target.rule, targetValue) + tolerance ? 'atRisk' : 'offTrack';
}

/** How far short of the target a value may be and still be "at risk" rather than "off track". */
export function atRiskMargin(rule: TargetRule, targetValue: number): number {
	if (rule.kind === 'yearlyChange') {
		return rule.changeUnit === 'pp'
			? Math.abs(rule.change)
			: Math.abs((targetValue * rule.change) / 100);
	}
	return AT_RISK_SHARE * Math.abs(targetValue);
}

const SEVERITY: Record<Exclude<GoalStatus, 'notAssessed'>, number> = {
	offTrack: 0,
	atRisk: 1,
	onTrack: 2
};

/**
 * A goal's status for a year. An assessment for the year wins, unless it
 * itself says notAssessed: an analysis saved without a judgement should not
 * hide what the indicators show. Otherwise the worst assessed indicator decides.
 */
export function goalStatus(
	indicatorStatuses: readonly GoalStatus[],
	assessment?: { status: GoalStatus } | null
): GoalStatus {
	if (assessment && assessment.status !== 'notAssessed') return assessment.status;
	let worst: GoalStatus = 'notAssessed';
	for (const status of indicatorStatuses) {
		if (status === 'notAssessed') continue;
		if (worst === 'notAssessed' || SEVERITY[status] < SEVERITY[worst]) worst = status;
	}
	return worst;
}

const NOT_ASSESSED = 'Ej bedömt när värde eller mål för året saknas.';

/**
 * The status rule in Swedish, for the help text beside a status. Without a
 * rule: the whole rule. With a target rule (and the indicator's unit): the
 * part that applies to that target, with its numbers.
 */
export function statusRuleDescription(rule?: TargetRule, unit?: Unit): string {
	if (!rule) {
		return [
			'Status räknas fram ur årets värde och årets mål.',
			'I fas: värdet når målet.',
			'Mål med årlig förändring: Risk när värdet ligger högst ett års förändring från målet, annars Ej i fas.',
			`Mål per år och gränsvärden: Risk när värdet ligger högst ${AT_RISK_SHARE * 100} % av målvärdet från målet, annars Ej i fas.`,
			'Ja/nej-mål: I fas när målet är uppfyllt, annars Ej i fas.',
			NOT_ASSESSED,
			'En bedömning som görs för målet gäller före indikatorerna. Annars får målet den sämsta statusen bland sina indikatorer.'
		].join(' ');
	}
	if (unit === 'text') return 'Textindikatorer får ingen status.';
	if (unit === 'yesno') {
		return `I fas när målet är uppfyllt, annars Ej i fas – ett ja/nej-mål kan inte vara nästan uppfyllt. ${NOT_ASSESSED}`;
	}
	const margin =
		rule.kind !== 'yearlyChange'
			? `högst ${AT_RISK_SHARE * 100} % av målvärdet`
			: rule.changeUnit === 'pp'
				? `högst ett års förändring (${formatAmount(rule.change, unit ?? 'count')})`
				: `högst ett års förändring (${formatAmount(rule.change, 'count')} % av årets målvärde)`;
	return `I fas när värdet når årets mål. Risk när det saknas ${margin} till målet. Ej i fas när det saknas mer. ${NOT_ASSESSED}`;
}
