import type { Unit } from './plan/indicator';

/**
 * Swedish number formatting: decimal comma and a non-breaking space as the
 * thousands separator ("2 630 000", "16,6 %"). Intl gives U+2212 for minus
 * in sv-SE; we keep it, it is the correct typographic minus.
 */
const formatters = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
	let f = formatters.get(decimals);
	if (!f) {
		f = new Intl.NumberFormat('sv-SE', {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals
		});
		formatters.set(decimals, f);
	}
	return f;
}

export function formatNumber(value: number, decimals = 0): string {
	return numberFormat(decimals).format(value);
}

const UNIT_SUFFIX: Partial<Record<Unit, string>> = {
	percent: ' %',
	sek: ' kr',
	persons: ' personer'
};

/** A value as a person reads it: "16,6 %", "2 630 000 kr", "Ja", "4 av 5". */
export function formatValue(
	value: number | string | null | undefined,
	unit: Unit,
	decimals = 0
): string {
	if (value === null || value === undefined || value === '') return '–';
	if (typeof value === 'string') return value;
	switch (unit) {
		case 'yesno':
			return value >= 1 ? 'Ja' : 'Nej';
		case 'scale5':
			return `${formatNumber(value, decimals)} av 5`;
		default:
			return formatNumber(value, decimals) + (UNIT_SUFFIX[unit] ?? '');
	}
}

const AMOUNT_WORDS: Partial<Record<Unit, string>> = {
	percent: 'procentenheter',
	sek: 'kr',
	persons: 'personer',
	scale5: 'steg'
};
// Made when first needed, never when the module loads: the first Intl object of a page loads
// ICU's data (50–150 ms of a throttled cold start), and the start page formats no numbers.
let upToFourDecimalsFormat: Intl.NumberFormat | undefined;
const upToFourDecimals = () =>
	(upToFourDecimalsFormat ??= new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 }));

/**
 * An amount of the unit, without sign: "0,5 procentenheter", "340 000 kr", "3".
 * A change of a percentage is in percentage points. Without `decimals`, as
 * many as the amount needs (up to four), for amounts people wrote themselves.
 */
export function formatAmount(amount: number, unit: Unit, decimals?: number): string {
	const magnitude = Math.abs(amount) + 0;
	const n =
		decimals === undefined
			? upToFourDecimals().format(magnitude)
			: formatNumber(magnitude, decimals);
	const word = AMOUNT_WORDS[unit];
	return word ? `${n} ${word}` : n;
}

/** A signed difference: "+0,5 procentenheter", "−1 200 kr". */
export function formatDifference(diff: number, unit: Unit, decimals = 1): string {
	// Round first: a gap of −0,00000001 from float arithmetic must read "0,0", not "−0,0".
	const rounded = Math.round(diff * 10 ** decimals) / 10 ** decimals || 0;
	const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '';
	return sign + formatAmount(rounded, unit, decimals);
}

export type ParseResult = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads a number typed the Swedish way or the English way: "16,6", "16.6",
 * "2 630 000", "2 630 000,50", "−3,2", "16,6 %". Rejects anything ambiguous.
 */
export function parseSwedishNumber(input: string): ParseResult {
	let s = input
		.trim()
		.replace(/[\u00a0\u202f\s]/g, '')
		.replace(/\u2212/g, '-');
	s = s.replace(/(%|kr|sek)$/i, '');
	if (s === '') return { ok: false, error: 'Värde saknas' };
	const commas = (s.match(/,/g) ?? []).length;
	const dots = (s.match(/\./g) ?? []).length;
	if (commas > 1 || (commas === 1 && dots > 0) || dots > 1) {
		return { ok: false, error: 'Skriv talet med högst ett decimaltecken, t.ex. 16,6' };
	}
	s = s.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) {
		return { ok: false, error: 'Skriv ett tal, t.ex. 16,6' };
	}
	const value = Number(s);
	if (!Number.isFinite(value)) return { ok: false, error: 'Talet är för stort' };
	return { ok: true, value };
}

/** "1 värde", "3 värden": a count with the Swedish singular or plural. */
export function counted(count: number, singular: string, plural: string): string {
	return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}
