import { AGGREGATION_LABELS, type Aggregation, type Indicator, type Unit } from './indicator';

/**
 * How a grouping's value is derived from its members' values, and who took part.
 *
 * Missing values (no row, null, NaN, ±Infinity) are never counted as zero:
 * a municipality that has not reported yet must not drag the federation
 * average down. They are listed in `missing` so the UI can say
 * "10 av 12 kommuner (2 saknas)".
 */
export type AggregateResult = {
	/** The grouping's value; null when no member has a usable value or the method is 'none'. */
	value: number | null;
	method: Aggregation;
	/** Members whose value went into `value`, in the order of `members`. */
	contributing: string[];
	/** Members left out, in the order of `members`. Together with `contributing` it is exactly the member list. */
	missing: string[];
	/**
	 * Members that have a value but no usable population weight ('weightedMean'
	 * only). They are also in `missing`; listed apart so the UI can tell
	 * "value missing" from "population missing".
	 */
	missingWeight: string[];
	/** Number of distinct members. */
	memberCount: number;
	/**
	 * True when every member contributed. A 'sum' that is not complete is a
	 * lower bound of the true total (for non-negative quantities such as counts
	 * and persons), and should be shown as such.
	 */
	complete: boolean;
};

/** A member value that can take part in a numeric aggregate. */
export function isPresentValue(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Yes/no values are stored as 1/0. Anything else (0.5, 2) is not an answer we
 * can classify, so it counts as missing rather than being guessed.
 */
function isYesNoAnswer(value: unknown): value is 0 | 1 {
	return value === 0 || value === 1;
}

/** Populations are positive; a zero or negative weight is a data error, not a weight. */
function isUsableWeight(weight: unknown): weight is number {
	return isPresentValue(weight) && weight > 0;
}

/**
 * Combines member values into the grouping's value.
 *
 * - 'mean': unweighted mean of the members that have a value (how the
 *   16,6 % baseline is computed).
 * - 'weightedMean': population-weighted mean; a member without a weight is
 *   missing (and listed in `missingWeight`).
 * - 'sum': sum of present values; with members missing it is a lower bound, see `complete`.
 * - 'shareYes': share of members answering yes (1) among those answering yes or no (0), in percent 0–100.
 * - 'none': no combined value; members are still split into contributing/missing.
 *
 * Values of organisations not in `members` are ignored; duplicate member ids count once.
 */
export function aggregate(
	method: Aggregation,
	members: readonly string[],
	values: ReadonlyMap<string, number | null | undefined>,
	weights?: ReadonlyMap<string, number>
): AggregateResult {
	const memberIds = [...new Set(members)];
	const contributing: string[] = [];
	const missing: string[] = [];
	const missingWeight: string[] = [];

	for (const id of memberIds) {
		const value = values.get(id);
		const usable = method === 'shareYes' ? isYesNoAnswer(value) : isPresentValue(value);
		if (!usable) {
			missing.push(id);
		} else if (method === 'weightedMean' && !isUsableWeight(weights?.get(id))) {
			missing.push(id);
			missingWeight.push(id);
		} else {
			contributing.push(id);
		}
	}

	const present = contributing.map((id) => values.get(id) as number);
	return {
		value: combine(method, present, contributing.map((id) => weights?.get(id) ?? 0)),
		method,
		contributing,
		missing,
		missingWeight,
		memberCount: memberIds.length,
		complete: missing.length === 0
	};
}

function combine(method: Aggregation, present: number[], weights: number[]): number | null {
	if (method === 'none' || present.length === 0) return null;
	switch (method) {
		case 'mean':
			return withinRange(preciseSum(present) / present.length, present);
		case 'weightedMean': {
			const weighted = preciseSum(present.map((v, i) => v * weights[i]));
			return withinRange(weighted / preciseSum(weights), present);
		}
		case 'sum':
			return preciseSum(present);
		case 'shareYes':
			return (100 * present.filter((v) => v === 1).length) / present.length;
	}
}

/**
 * Sums in ascending order with Neumaier compensation. The fixed order makes
 * the result independent of the order members are listed in, so the same data
 * gives the same figure on every device.
 */
function preciseSum(numbers: readonly number[]): number {
	// A typed array sorts numbers by value without a comparator call per step (290 members × 20 years on the indicator page).
	const sorted = new Float64Array(numbers).sort();
	let sum = 0;
	let compensation = 0;
	for (const x of sorted) {
		const t = sum + x;
		compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
		sum = t;
	}
	return sum + compensation;
}

/**
 * Rounding can put a mean a hair outside its inputs (three members at 0,1
 * give 0,10000000000000002); a mean must never be above its largest input.
 */
function withinRange(mean: number, present: readonly number[]): number {
	return Math.min(Math.max(mean, Math.min(...present)), Math.max(...present));
}

function municipalities(n: number): string {
	return n === 1 ? `${n} kommun` : `${n} kommuner`;
}

/**
 * The method in words, for the line under a figure:
 * "medelvärde av 12 kommuner, 25–64 år",
 * "medelvärde av 10 av 12 kommuner (2 saknas)",
 * "summa av 10 av 12 kommuner (2 saknas, summan är en undre gräns)".
 */
export function describeAggregation(
	method: Aggregation,
	memberCount: number,
	contributingCount: number,
	population?: string
): string {
	const label = AGGREGATION_LABELS[method];
	const populationPart = population?.trim() ? `, ${population.trim()}` : '';
	if (method === 'none') return label + populationPart;

	const total = Math.max(0, Math.floor(memberCount));
	const counted = Math.min(total, Math.max(0, Math.floor(contributingCount)));
	if (total === 0) return `${label}: inga medlemskommuner`;
	if (counted === 0) {
		return total === 1
			? `${label}: värde saknas för den enda kommunen`
			: `${label}: värde saknas för alla ${total} kommuner`;
	}

	const preposition = method === 'shareYes' ? 'bland' : 'av';
	if (counted === total) return `${label} ${preposition} ${municipalities(total)}${populationPart}`;

	const missingNote = method === 'sum' ? `${total - counted} saknas, summan är en undre gräns` : `${total - counted} saknas`;
	return `${label} ${preposition} ${counted} av ${total} kommuner${populationPart} (${missingNote})`;
}

/**
 * The unit of a grouping's combined value: a share of members answering yes
 * is a percentage even though each member's answer is yes/no.
 */
export function aggregateUnit(indicator: Pick<Indicator, 'unit' | 'aggregation'>): { unit: Unit; decimals?: number } {
	return indicator.aggregation === 'shareYes' ? { unit: 'percent', decimals: 0 } : { unit: indicator.unit };
}
