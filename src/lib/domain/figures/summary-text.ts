/**
 * Text summaries of the figures a chart shows, in Swedish: the sentence a
 * screen reader reads instead of the chart, and the line a board member
 * reads under it. Pure functions of the data.
 *
 * "Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet."
 * "Dorotea 2024: 14,9 %, förbundets medelvärde 16,6 %, mål 16,6 %, ligger efter med 1,7 procentenheter."
 */
import type { BetterDirection, Unit } from '../plan/indicator';
import type { Target, TargetRule } from '../plan/target';
import type { Trend } from './trend';
import type { Ranking } from './ranking';
import { formatAmount, formatNumber, formatValue } from '../format';
import { shortfallFromTarget, targetTolerance } from '../plan/targets';

/** What the target asks for in one year, as a phrase after "mål": "16,6 %", "minst 2 500 000 kr", "Ja". */
export function targetValuePhrase(
	targetValue: number,
	rule: TargetRule,
	unit: Unit,
	decimals: number
): string {
	const formatted = formatValue(targetValue, unit, decimals);
	if (rule.kind !== 'threshold' || unit === 'yesno') return formatted;
	if (rule.operator === '>=') return `minst ${formatted}`;
	if (rule.operator === '<=') return `högst ${formatted}`;
	return formatted;
}

function goodSide(rule: TargetRule, direction: BetterDirection): BetterDirection {
	if (rule.kind !== 'threshold') return direction;
	return rule.operator === '>=' ? 'higher' : rule.operator === '<=' ? 'lower' : 'none';
}

/** Whether an amount shows as zero at the given decimals ("0,0"). */
function roundsToZero(amount: number, decimals: number): boolean {
	return Math.round(Math.abs(amount) * 10 ** decimals) === 0;
}

/**
 * How a value stands against the year's target, by the same rule as the
 * status (status.ts): "når målet", "ligger före med 0,3 procentenheter",
 * "ligger efter med 0,5 procentenheter", "ligger 2 över målet", "når inte målet".
 */
export function gapPhrase(
	value: number,
	targetValue: number,
	rule: TargetRule,
	direction: BetterDirection,
	unit: Unit,
	decimals: number
): string {
	const shortfall = shortfallFromTarget(value, targetValue, rule, direction);
	const meets = shortfall <= targetTolerance(targetValue);
	const side = goodSide(rule, direction);
	if (unit === 'yesno') return meets ? 'når målet' : 'når inte målet';
	if (side === 'none') {
		if (meets || roundsToZero(value - targetValue, decimals))
			return meets ? 'når målet' : 'ligger strax vid sidan av målet';
		return `ligger ${formatAmount(value - targetValue, unit, decimals)} ${value > targetValue ? 'över' : 'under'} målet`;
	}
	if (meets) {
		const surplus = side === 'higher' ? value - targetValue : targetValue - value;
		return roundsToZero(surplus, decimals)
			? 'når målet'
			: `når målet och ligger före med ${formatAmount(surplus, unit, decimals)}`;
	}
	return roundsToZero(shortfall, decimals)
		? 'ligger strax efter målet'
		: `ligger efter med ${formatAmount(shortfall, unit, decimals)}`;
}

export type ValueStatement = {
	/** Who the value is for: "Akademi Norr", "Dorotea". */
	subject: string;
	year: number | null;
	value: number | string | null | undefined;
	unit: Unit;
	decimals: number;
	direction: BetterDirection;
	/** The year's target value and the rule it comes from; absent = no target. */
	target?: { value: number; rule: TargetRule; label?: string } | null;
	/** A figure to compare with: { label: 'förbundets medelvärde', value: 16.6 }. */
	comparison?: { label: string; value: number | null; unit?: Unit; decimals?: number } | null;
	exampleData?: boolean;
};

/**
 * One sentence: the value, what it is compared with, the target and how far
 * from it. "Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet."
 */
export function valueSummary(s: ValueStatement): string {
	const hasValue =
		(typeof s.value === 'number' && Number.isFinite(s.value)) ||
		(typeof s.value === 'string' && s.value.trim() !== '');
	if (!hasValue || s.year === null) return `${s.subject}: inget värde ännu.`;
	const parts = [`${s.subject} ${s.year}: ${formatValue(s.value, s.unit, s.decimals)}`];
	if (s.comparison) {
		const c = s.comparison;
		parts.push(
			`${c.label} ${c.value === null ? 'saknas' : formatValue(c.value, c.unit ?? s.unit, c.decimals ?? s.decimals)}`
		);
	}
	if (s.target) {
		parts.push(
			`${s.target.label ?? 'mål'} ${targetValuePhrase(s.target.value, s.target.rule, s.unit, s.decimals)}`
		);
		if (typeof s.value === 'number')
			parts.push(
				gapPhrase(s.value, s.target.value, s.target.rule, s.direction, s.unit, s.decimals)
			);
	} else if (typeof s.value === 'number') {
		parts.push('inget mål för året');
	}
	return `${parts.join(', ')}${s.exampleData ? ' (exempeldata)' : ''}.`;
}

/** A target rule in words: "+0,5 procentenheter per år från 16,6 % år 2024", "minst 2 500 000 kr", "300 000 personer år 2050". */
export function targetRuleText(
	target: Pick<Target, 'baseline' | 'rule'>,
	unit: Unit,
	decimals: number
): string {
	const { rule, baseline } = target;
	switch (rule.kind) {
		case 'yearlyChange': {
			const sign = rule.change < 0 ? '−' : '+';
			const step =
				rule.changeUnit === 'pp'
					? `${sign}${formatAmount(rule.change, unit, Math.max(decimals, countDecimals(rule.change)))}`
					: `${sign}${formatNumber(Math.abs(rule.change), countDecimals(rule.change))} %`;
			const from = baseline
				? ` från ${formatValue(baseline.value, unit, decimals)} år ${baseline.year}`
				: '';
			const until = rule.untilYear !== undefined ? ` till ${rule.untilYear}` : '';
			return `${step} per år${from}${until}`;
		}
		case 'perYear':
			return [...rule.values]
				.sort((a, b) => a.year - b.year)
				.map((v) => `${formatValue(v.value, unit, decimals)} år ${v.year}`)
				.join(', ');
		case 'threshold':
			if (unit === 'yesno') return `${formatValue(rule.value, unit, decimals)} varje år`;
			return `${targetValuePhrase(rule.value, rule, unit, Math.max(decimals, countDecimals(rule.value)))} varje år`;
	}
}

function countDecimals(n: number): number {
	for (let d = 0; d <= 4; d++) if (Math.abs(n * 10 ** d - Math.round(n * 10 ** d)) < 1e-9) return d;
	return 4;
}

/** The trend in words: "Ökar med 0,2 procentenheter per år 2022–2024, en förbättring." */
export function trendSummary(trend: Trend | null, unit: Unit, decimals: number): string {
	if (!trend) return 'För få år med värden för att visa en trend.';
	const years = `${trend.fromYear}–${trend.toYear}`;
	if (trend.movement === 'flat') return `Oförändrat ${years}.`;
	const verb = trend.movement === 'rising' ? 'Ökar' : 'Minskar';
	const judged =
		trend.direction === 'improving'
			? ', en förbättring'
			: trend.direction === 'worsening'
				? ', en försämring'
				: '';
	return `${verb} med ${formatAmount(trend.slopePerYear, unit, Math.max(1, decimals))} per år ${years}${judged}.`;
}

export type SeriesStatement = Omit<ValueStatement, 'year' | 'value' | 'target'> & {
	/** The years; one marked `preliminary` (a grouping's figure not every member has reported) is told apart, not as the series' latest. */
	points: readonly {
		year: number;
		value: number | null;
		preliminary?: { counted: number; of: number };
	}[];
	/** The target's value for a year, and its rule. */
	target?: { valueFor: (year: number) => number | null; rule: TargetRule } | null;
};

/**
 * A chart's series in words, for the text beside it and for screen readers:
 * "Akademi Norr 2022–2024: från 16,2 % till 16,6 %. Senast: Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet."
 */
export function seriesSummary(s: SeriesStatement): string {
	const valued = s.points.filter(
		(p): p is typeof p & { value: number } =>
			typeof p.value === 'number' && Number.isFinite(p.value)
	);
	const sorted = valued.filter((p) => !p.preliminary).sort((a, b) => a.year - b.year);
	const preliminary = valued.filter((p) => p.preliminary).sort((a, b) => a.year - b.year);
	const later =
		preliminary.length === 0 ? '' : ` ${preliminarySentence(preliminary, s.unit, s.decimals)}`;
	if (sorted.length === 0)
		return `${s.subject}: inga ${preliminary.length > 0 ? 'slutliga ' : ''}värden ännu.${later}`;
	const first = sorted[0];
	const last = sorted[sorted.length - 1];
	const targetValue = s.target ? s.target.valueFor(last.year) : null;
	const latest = valueSummary({
		...s,
		year: last.year,
		value: last.value,
		target: s.target && targetValue !== null ? { value: targetValue, rule: s.target.rule } : null
	});
	if (sorted.length === 1) return `${latest}${later}`;
	const span = `${s.subject} ${first.year}–${last.year}: från ${formatValue(first.value, s.unit, s.decimals)} till ${formatValue(last.value, s.unit, s.decimals)}.`;
	return `${span} Senast: ${latest}${later}`;
}

/** "Preliminärt, alla kommuner har inte rapporterat: 2025: 87 (4 av 12 kommuner)." */
export function preliminarySentence(
	points: readonly { year: number; value: number; preliminary?: { counted: number; of: number } }[],
	unit: Unit,
	decimals: number
): string {
	const each = points.map(
		(p) =>
			`${p.year}: ${formatValue(p.value, unit, decimals)} (${p.preliminary ? `${p.preliminary.counted} av ${p.preliminary.of} kommuner` : 'preliminärt'})`
	);
	return `Preliminärt, alla kommuner har inte rapporterat: ${each.join(', ')}.`;
}

/** A ranking in words: "2024, högst först: Lycksele 20,3 % … Dorotea 14,9 %. 12 av 12 kommuner har värde." */
export function rankingSummary(
	ranking: Ranking,
	year: number,
	unit: Unit,
	decimals: number,
	direction: BetterDirection
): string {
	const total = ranking.ranked.length + ranking.missing.length;
	if (ranking.ranked.length === 0) return `${year}: ingen kommun har något värde.`;
	const first = ranking.ranked[0];
	const last = ranking.ranked[ranking.ranked.length - 1];
	const order =
		direction === 'lower'
			? 'lägst först (lägre är bättre)'
			: direction === 'higher'
				? 'högst först (högre är bättre)'
				: 'högst först';
	const ends =
		ranking.ranked.length === 1
			? `${first.name} ${formatValue(first.value, unit, decimals)}`
			: `först ${first.name} ${formatValue(first.value, unit, decimals)}, sist ${last.name} ${formatValue(last.value, unit, decimals)}`;
	return `${year}, ${order}: ${ends}. ${ranking.ranked.length} av ${total} kommuner har värde.`;
}

/** "2025 preliminärt: 1 av 12 kommuner har rapporterat" – a year still coming in, not judged. */
export function preliminaryPhrase(p: {
	year: number;
	contributing: readonly string[];
	memberCount: number;
}): string {
	return `${p.year} preliminärt: ${p.contributing.length} av ${p.memberCount} ${p.memberCount === 1 ? 'kommun' : 'kommuner'} har rapporterat`;
}
