import { AGGREGATION_LABELS, type Aggregation, type Indicator, type Unit } from '../plan/indicator';

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
	 * Members that have a value but no usable weight ('weightedMean'), or a
	 * numerator but no usable denominator ('ratio'). They are also in
	 * `missing`; listed apart so the UI can tell "value missing" from "weight missing".
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

/** Populations and denominators are positive; zero or less is a data error, not a weight. */
function isUsableWeight(weight: unknown): weight is number {
	return isPresentValue(weight) && weight > 0;
}

/** What a method needs besides the members' values. */
export type AggregateParts = {
	/** 'weightedMean': each member's weight (e.g. its population that year). */
	weights?: ReadonlyMap<string, number | null | undefined>;
	/** 'ratio': each member's numerator and denominator (e.g. residents with a degree, and all residents). */
	numerators?: ReadonlyMap<string, number | null | undefined>;
	denominators?: ReadonlyMap<string, number | null | undefined>;
	/** 'ratio': what the quotient is multiplied by, 100 for a percentage. */
	scale?: number;
};

/**
 * Combines member values into the grouping's value.
 *
 * - 'mean': unweighted mean of the members that have a value (how the
 *   16,6 % baseline is computed).
 * - 'weightedMean': Σ value × weight / Σ weight; a member without a usable
 *   weight is missing (and listed in `missingWeight`).
 * - 'ratio': Σ numerators / Σ denominators × scale, a pooled share; `values`
 *   are not read. A member takes part with a numerator and a positive
 *   denominator; one with a numerator but no denominator is in `missingWeight`.
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
	parts: AggregateParts = {}
): AggregateResult {
	const memberIds = [...new Set(members)];
	const contributing: string[] = [];
	const missing: string[] = [];
	const missingWeight: string[] = [];
	const own = method === 'ratio' ? (parts.numerators ?? new Map()) : values;
	const weights = method === 'ratio' ? parts.denominators : parts.weights;
	const weighed = method === 'ratio' || method === 'weightedMean';

	for (const id of memberIds) {
		const value = own.get(id);
		const usable = method === 'shareYes' ? isYesNoAnswer(value) : isPresentValue(value);
		if (!usable) {
			missing.push(id);
		} else if (weighed && !isUsableWeight(weights?.get(id))) {
			missing.push(id);
			missingWeight.push(id);
		} else {
			contributing.push(id);
		}
	}

	const present = contributing.map((id) => own.get(id) as number);
	const presentWeights = weighed ? contributing.map((id) => weights!.get(id) as number) : [];
	return {
		value: combine(method, present, presentWeights, parts.scale ?? 1),
		method,
		contributing,
		missing,
		missingWeight,
		memberCount: memberIds.length,
		complete: missing.length === 0
	};
}

function combine(
	method: Aggregation,
	present: number[],
	weights: number[],
	scale: number
): number | null {
	if (method === 'none' || present.length === 0) return null;
	switch (method) {
		case 'mean':
			return withinRange(preciseSum(present) / present.length, present);
		case 'weightedMean': {
			const weighted = preciseSum(present.map((v, i) => v * weights[i]));
			return withinRange(weighted / preciseSum(weights), present);
		}
		case 'ratio':
			return (preciseSum(present) / preciseSum(weights)) * scale;
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

/** What the method line names besides the method: the age group, the weight, the numerator and denominator. */
export type MethodDetails = {
	/** E.g. "25–64 år". */
	population?: string;
	/** 'weightedMean': the weight series' name; null or absent when none is chosen or it is not on this device. */
	weightName?: string | null;
	/** 'ratio': the numerator's and denominator's names. */
	numeratorName?: string | null;
	denominatorName?: string | null;
	/** Members with a value but no weight (denominator); AggregateResult.missingWeight.length. */
	missingWeightCount?: number;
};

/**
 * The method in words, for the line under a figure:
 * "oviktat medelvärde av 12 kommuner, 25–64 år",
 * "viktat medelvärde av 12 kommuner, vikt: Folkmängd, hela befolkningen",
 * "kvot av summor för 12 kommuner (summa Antal med examen / summa Invånare), 25–64 år",
 * "summa av 10 av 12 kommuner (2 saknas, summan är en undre gräns)".
 */
export function describeAggregation(
	method: Aggregation,
	memberCount: number,
	contributingCount: number,
	details: MethodDetails = {}
): string {
	const label = AGGREGATION_LABELS[method];
	const population = details.population?.trim();
	const populationPart = population ? `, ${population}` : '';
	if (method === 'none') return label + populationPart;

	const total = Math.max(0, Math.floor(memberCount));
	const counted = Math.min(total, Math.max(0, Math.floor(contributingCount)));
	const withoutWeight = Math.min(
		total - counted,
		Math.max(0, Math.floor(details.missingWeightCount ?? 0))
	);
	const weightWord = method === 'ratio' ? 'nämnare' : 'vikt';
	if (total === 0) return `${label}: inga medlemskommuner`;
	if (method === 'weightedMean' && !details.weightName)
		return `${label}: ingen viktserie är vald för indikatorn`;
	if (method === 'ratio' && (!details.numeratorName || !details.denominatorName))
		return `${label}: täljare och nämnare är inte valda för indikatorn`;

	const namedPart =
		method === 'weightedMean'
			? `, vikt: ${details.weightName}`
			: method === 'ratio'
				? ` (summa ${details.numeratorName} / summa ${details.denominatorName})`
				: '';
	if (counted === 0) {
		if (withoutWeight === total) {
			const named = method === 'ratio' ? details.denominatorName : details.weightName;
			return `${label}: ${weightWord} (${named}) saknas för ${total === 1 ? 'den enda kommunen' : `alla ${total} kommuner`}`;
		}
		return total === 1
			? `${label}: värde saknas för den enda kommunen`
			: `${label}: värde saknas för alla ${total} kommuner`;
	}

	const preposition = method === 'shareYes' ? 'bland' : method === 'ratio' ? 'för' : 'av';
	if (counted === total)
		return `${label} ${preposition} ${municipalities(total)}${namedPart}${populationPart}`;

	const missing = total - counted;
	const missingNote =
		method === 'sum'
			? `${missing} saknas, summan är en undre gräns`
			: withoutWeight > 0
				? [
						missing > withoutWeight ? `${missing - withoutWeight} saknar värde` : '',
						`${withoutWeight} saknar ${weightWord}`
					]
						.filter(Boolean)
						.join(', ')
				: `${missing} saknas`;
	return `${label} ${preposition} ${counted} av ${total} kommuner${namedPart}${populationPart} (${missingNote})`;
}

/**
 * The unit of a grouping's combined value: a share of members answering yes
 * is a percentage even though each member's answer is yes/no.
 */
export function aggregateUnit(indicator: Pick<Indicator, 'unit' | 'aggregation'>): {
	unit: Unit;
	decimals?: number;
} {
	return indicator.aggregation === 'shareYes'
		? { unit: 'percent', decimals: 0 }
		: { unit: indicator.unit };
}

/** What a ratio of sums is multiplied by: a share in percent is × 100, an amount per unit (kronor per invånare) is not. */
export function ratioScale(unit: Unit): number {
	return unit === 'percent' ? 100 : 1;
}
