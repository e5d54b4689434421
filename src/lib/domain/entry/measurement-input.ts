import { parseSwedishNumber } from '../format';
import type { Indicator, Unit } from '../plan/indicator';

type InputIndicator = Pick<Indicator, 'unit' | 'decimals'>;

export type MeasurementInputResult =
	{ ok: true; value: number | string | null } | { ok: false; error: string };

/** Longest text answer accepted in the entry form. */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Largest magnitude accepted: beyond it doubles lose whole kronor, and the
 * value would no longer show and re-read as typed.
 */
const MAX_MAGNITUDE = 1e15;

const YES = new Set(['ja', 'j', 'yes', '1']);
const NO = new Set(['nej', 'n', 'no', '0']);

const UNIT_SUFFIX = /(%|kr|sek)$/i;

/**
 * Reads what a person typed into a measurement field. An empty field means
 * "clear the value" (ok, null). Errors are Swedish sentences meant to be shown
 * next to the field.
 */
export function parseMeasurementInput(
	raw: string,
	indicator: InputIndicator
): MeasurementInputResult {
	const text = raw.trim();
	if (text === '') return { ok: true, value: null };
	switch (indicator.unit) {
		case 'text':
			return text.length > MAX_TEXT_LENGTH
				? { ok: false, error: `Texten får vara högst ${MAX_TEXT_LENGTH} tecken` }
				: { ok: true, value: text };
		case 'yesno':
			return parseYesNo(text);
		default:
			return parseNumberFor(text, indicator);
	}
}

function parseYesNo(text: string): MeasurementInputResult {
	const answer = text.toLowerCase();
	if (YES.has(answer)) return { ok: true, value: 1 };
	if (NO.has(answer)) return { ok: true, value: 0 };
	return { ok: false, error: 'Skriv ja eller nej' };
}

function parseNumberFor(text: string, indicator: InputIndicator): MeasurementInputResult {
	const suffixError = checkUnitSuffix(text, indicator.unit);
	if (suffixError) return { ok: false, error: suffixError };
	const parsed = parseSwedishNumber(text);
	if (!parsed.ok) return parsed;
	const value = parsed.value + 0; // "-0" is stored as 0
	if (Math.abs(value) > MAX_MAGNITUDE) return { ok: false, error: 'Talet är för stort' };
	const error = checkRange(value, typedDecimals(text), indicator);
	return error ? { ok: false, error } : { ok: true, value };
}

/** "16,6 %" is fine for a percent field, "12 kr" in a count field is a mistake worth pointing out. */
function checkUnitSuffix(text: string, unit: Unit): string | null {
	const suffix = text
		.replace(/[\s\u00a0\u202f]/g, '')
		.match(UNIT_SUFFIX)?.[1]
		.toLowerCase();
	if (!suffix) return null;
	if (suffix === '%' && unit === 'percent') return null;
	if (suffix !== '%' && unit === 'sek') return null;
	return 'Skriv bara talet, utan enhet';
}

/**
 * Decimals as typed, ignoring trailing zeros ("16,60" has one). Counted in the
 * text, not the parsed number, where 0,1 + 0,2-style noise would add digits.
 */
function typedDecimals(text: string): number {
	const digits = text.replace(/[\s\u00a0\u202f]/g, '').replace(UNIT_SUFFIX, '');
	const fraction = digits.match(/[.,](\d*)$/)?.[1] ?? '';
	return fraction.replace(/0+$/, '').length;
}

/**
 * Whether the indicator's values are whole numbers: persons always, a count
 * unless the indicator gives it decimals (an average count such as mean age
 * or sick days per person). Entry and import follow the same rule.
 */
export function requiresWholeNumber(indicator: InputIndicator): boolean {
	return (
		indicator.unit === 'persons' ||
		indicator.unit === 'scale5' ||
		(indicator.unit === 'count' && indicator.decimals === 0)
	);
}

function checkRange(value: number, decimals: number, indicator: InputIndicator): string | null {
	switch (indicator.unit) {
		case 'scale5':
			return Number.isInteger(value) && value >= 1 && value <= 5
				? null
				: 'Ange ett heltal från 1 till 5';
		case 'count':
		case 'persons':
			if (value < 0) return 'Värdet kan inte vara negativt';
			if (requiresWholeNumber(indicator)) return decimals > 0 ? 'Ange ett heltal' : null;
			return decimalsError(decimals, indicator.decimals);
		case 'percent':
			if (value < 0 || value > 100) return 'Ange en procentsats mellan 0 och 100';
			return decimalsError(decimals, indicator.decimals);
		default:
			return decimalsError(decimals, indicator.decimals);
	}
}

function decimalsError(typed: number, allowed: number): string | null {
	if (typed <= allowed) return null;
	if (allowed === 0) return 'Ange ett heltal';
	return allowed === 1 ? 'Högst 1 decimal' : `Högst ${allowed} decimaler`;
}

/**
 * A stored value as the entry field shows it, in a form that parses back to
 * the same value: decimal comma, no thousands separators, "ja"/"nej" for
 * yes/no ("16,6", "2630000", "ja"). Values are shown in full, not rounded to
 * the indicator's decimals: rounding here would silently change an imported
 * value the moment the form is saved.
 */
export function formatMeasurementInput(
	value: number | string | null | undefined,
	indicator: InputIndicator
): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (!Number.isFinite(value)) return '';
	if (indicator.unit === 'yesno') return value >= 1 ? 'ja' : 'nej';
	return plainDecimal(value + 0).replace('.', ',');
}

/** Shortest decimal that reads back as the same number, never in exponent form ("1e-7" → "0.0000001"). */
function plainDecimal(value: number): string {
	const shortest = String(value);
	const match = shortest.match(/^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/);
	if (!match) return shortest;
	const [, sign, first, rest = '', exponentText] = match;
	const digits = first + rest;
	const exponent = Number(exponentText);
	return exponent < 0
		? `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
		: `${sign}${digits}${'0'.repeat(exponent - rest.length)}`;
}
