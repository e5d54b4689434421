/**
 * What one tile of the board's overview shows for an indicator: the latest
 * value against the target, the years as a sparkline with the target path,
 * the change since the year before, the comparison with Riket or the home
 * county where it is known, and the same in one sentence for a screen reader.
 * Derived from the overview's summary (overview.ts), never stored.
 */
import type { GoalStatus } from '../figures/assessment';
import { GOAL_STATUS_LABELS } from '../figures/assessment';
import type { Unit } from '../plan/indicator';
import type { Target } from '../plan/target';
import type { IndicatorSummary } from './overview';
import { aggregateUnit } from '../figures/aggregation';
import { formatDifference, formatValue } from '../format';
import { isPreliminary } from '../figures/series';
import { preliminaryPhrase } from '../figures/summary-text';

/** One year of the sparkline: the grouping's figure, a preliminary year apart (never joined to the line). */
export type TilePoint = {
	year: number;
	value: number | null;
	preliminary?: { counted: number; of: number };
};

export type TileChange = {
	/** "+0,2 procentenheter" */
	text: string;
	/** The year compared with (the year before the latest). */
	fromYear: number;
	/** Judged by the indicator's better direction; 'neutral' when it has none or nothing moved. */
	direction: 'better' | 'worse' | 'neutral';
};

export type TileComparison = {
	/** "Riket", "Västerbottens län" */
	label: string;
	year: number;
	/** "15,1 %" */
	valueText: string;
	/** Where the grouping stands against it: "över", "under", "lika". */
	position: 'över' | 'under' | 'lika';
	exampleData: boolean;
};

export type IndicatorTile = {
	id: string;
	name: string;
	status: GoalStatus;
	/** "16,6 %"; null when no year is judged. */
	valueText: string | null;
	year: number | null;
	/** "mål 16,6 %", "mål: minst 200 personer varje år"; null without a target. */
	targetText: string | null;
	change: TileChange | null;
	comparison: TileComparison | null;
	/** "2025 preliminärt: 4 av 12 kommuner har rapporterat: 87 hittills" */
	preliminaryText: string | null;
	exampleData: boolean;
	/** What the sparkline draws; null when fewer than two years have a value or the unit is not drawn as a line (yes/no, text). */
	spark: {
		points: TilePoint[];
		target: Pick<Target, 'baseline' | 'rule'> | null;
		unit: Unit;
		decimals: number;
	} | null;
	/** The tile in one sentence, for a screen reader and the sparkline's name. */
	description: string;
};

/** The comparison's place: at the grouping's decimals, so 16,6 against 16,6 is "lika" however the floats fall. */
function position(value: number, reference: number, decimals: number): TileComparison['position'] {
	const [a, b] = [Math.round(value * 10 ** decimals), Math.round(reference * 10 ** decimals)];
	return a > b ? 'över' : a < b ? 'under' : 'lika';
}

/**
 * The tile of one indicator. `comparison` is the county's series where no
 * national one is stored (county-comparison.ts); Riket's stored values take
 * precedence. The comparison is made in the judged year, or the latest year
 * before it that the reference has.
 */
export function indicatorTile(
	summary: IndicatorSummary,
	county?: {
		label: string;
		series: readonly { year: number; value: number | null; exampleData: boolean }[];
	} | null
): IndicatorTile {
	const { indicator, latest } = summary;
	const source = latest?.source ?? (indicator.scope === 'grouping' ? 'grouping' : 'members');
	const shown = source === 'members' ? aggregateUnit(indicator) : { unit: indicator.unit };
	const unit = shown.unit;
	const decimals = shown.decimals ?? indicator.decimals;
	const numeric = unit !== 'text';
	const valueText = latest ? formatValue(latest.value, unit, decimals) : null;
	const targetText =
		summary.targetText === null
			? null
			: summary.targetValue !== null
				? `mål ${summary.targetText}`
				: `mål: ${summary.targetText}`;

	const previous = latest
		? summary.series.find((s) => s.year === latest.year - 1 && s.value !== null && s.complete)
		: undefined;
	let change: TileChange | null = null;
	const latestValue = latest?.value ?? null;
	if (
		latest &&
		latestValue !== null &&
		previous &&
		previous.value !== null &&
		unit !== 'yesno' &&
		numeric
	) {
		const diff = latestValue - previous.value;
		const text = formatDifference(diff, unit, decimals);
		const moved = /[1-9]/.test(text);
		const better = indicator.betterDirection === 'higher' ? diff > 0 : diff < 0;
		change = {
			text,
			fromYear: previous.year,
			direction:
				!moved || indicator.betterDirection === 'none' ? 'neutral' : better ? 'better' : 'worse'
		};
	}

	const reference = summary.national
		? { label: 'Riket', series: summary.national }
		: county
			? { label: county.label, series: county.series }
			: null;
	let comparison: TileComparison | null = null;
	if (latest && latestValue !== null && reference && numeric && unit !== 'yesno') {
		const point = reference.series.filter((p) => p.year <= latest.year && p.value !== null).at(-1);
		if (point && point.value !== null) {
			comparison = {
				label: reference.label,
				year: point.year,
				valueText: formatValue(point.value, unit, decimals),
				position: position(latestValue, point.value, decimals),
				exampleData: point.exampleData
			};
		}
	}

	const preliminaryText = summary.preliminary
		? `${preliminaryPhrase(summary.preliminary)}: ${formatValue(summary.preliminary.value, unit, decimals)} hittills`
		: null;

	const points: TilePoint[] = summary.series.map((s) =>
		isPreliminary(s)
			? {
					year: s.year,
					value: s.value,
					preliminary: { counted: s.contributing.length, of: s.memberCount }
				}
			: { year: s.year, value: s.complete ? s.value : null }
	);
	const drawn = points.filter((p) => p.value !== null).length;
	const spark =
		numeric && unit !== 'yesno' && drawn >= 2
			? { points, target: summary.target ?? null, unit, decimals }
			: null;

	const sentences = [
		`${indicator.name}: ${GOAL_STATUS_LABELS[summary.status].toLowerCase()}.`,
		valueText
			? `${latest!.year}: ${valueText}${targetText ? `, ${targetText}` : ''}.`
			: `Inget bedömt värde${targetText ? `, ${targetText}` : ''}.`,
		change ? `${change.text} sedan ${change.fromYear}.` : '',
		comparison ? `${comparison.label} ${comparison.year}: ${comparison.valueText}.` : '',
		preliminaryText ? `${preliminaryText}.` : '',
		summary.exampleData ? 'Exempeldata.' : ''
	];
	return {
		id: indicator.id,
		name: indicator.name,
		status: summary.status,
		valueText,
		year: latest?.year ?? null,
		targetText,
		change,
		comparison,
		preliminaryText,
		exampleData: summary.exampleData,
		spark,
		description: sentences.filter((s) => s !== '').join(' ')
	};
}
