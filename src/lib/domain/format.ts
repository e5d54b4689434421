import type { Unit } from './plan/indicator';

/**
 * Swedish number formatting: decimal comma, a non-breaking space between
 * thousands ("2 630 000", "16,6 %") and U+2212 for minus, exactly as
 * Intl.NumberFormat('sv-SE') writes them (format.test.ts compares the two
 * over many numbers). Done by hand because a page's first Intl object loads
 * ICU's locale data: 50–150 ms on a slow phone, more than half of the board
 * overview's longest task (issue 23). Like ICU, it rounds the number's
 * shortest decimal form half away from zero: 1,005 to two decimals is 1,01.
 */
const MINUS = '\u2212';
const GROUP = '\u00a0';

export function formatNumber(value: number, decimals = 0): string {
	if (!Number.isFinite(value)) return fallbackFormat(value, decimals);
	const [whole, fraction] = roundedDecimal(Math.abs(value), decimals);
	const negative = value < 0 || Object.is(value, -0);
	return (
		(negative ? MINUS : '') +
		whole.replace(/\B(?=(\d{3})+$)/g, GROUP) +
		(fraction ? `,${fraction}` : '')
	);
}

/** Infinity and NaN, which no stored value is: left to Intl. */
function fallbackFormat(value: number, decimals: number): string {
	return new Intl.NumberFormat('sv-SE', {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals
	}).format(value);
}

/** A non-negative number's digits before and after the point, rounded to `decimals`. */
function roundedDecimal(magnitude: number, decimals: number): [whole: string, fraction: string] {
	const [wholeDigits, fractionDigits] = shortestDecimal(magnitude);
	if (fractionDigits.length <= decimals) return [wholeDigits, fractionDigits.padEnd(decimals, '0')];
	const kept = wholeDigits + fractionDigits.slice(0, decimals);
	const rounded = fractionDigits[decimals] >= '5' ? incremented(kept) : kept;
	const whole = rounded.slice(0, rounded.length - decimals).replace(/^0+(?=\d)/, '');
	return [whole || '0', rounded.slice(rounded.length - decimals)];
}

/** The shortest digits that read back as this number, split at the point ("16.6" → 16 and 6). */
function shortestDecimal(magnitude: number): [whole: string, fraction: string] {
	const text = String(magnitude);
	if (!text.includes('e')) {
		const point = text.indexOf('.');
		return point < 0 ? [text, ''] : [text.slice(0, point), text.slice(point + 1)];
	}
	// Very large or very small: the digits and where the point goes among them.
	const [mantissa, exponent] = magnitude.toExponential().split('e');
	const digits = mantissa.replace('.', '');
	const point = Number(exponent) + 1;
	return point <= 0
		? ['0', '0'.repeat(-point) + digits]
		: [digits.slice(0, point).padEnd(point, '0'), digits.slice(point)];
}

/** A string of decimal digits plus one, carrying as far as needed ("0999" → "1000"). */
function incremented(digits: string): string {
	const out = digits.split('');
	for (let i = out.length - 1; i >= 0; i--) {
		if (out[i] !== '9') {
			out[i] = String(Number(out[i]) + 1);
			return out.join('');
		}
		out[i] = '0';
	}
	return '1' + out.join('');
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
/** As many decimals as the amount needs, up to four: "0,5", "2", "0,1235". */
function upToFourDecimals(value: number): string {
	return formatNumber(value, 4).replace(/,?0+$/, '');
}

/**
 * An amount of the unit, without sign: "0,5 procentenheter", "340 000 kr", "3".
 * A change of a percentage is in percentage points. Without `decimals`, as
 * many as the amount needs (up to four), for amounts people wrote themselves.
 */
export function formatAmount(amount: number, unit: Unit, decimals?: number): string {
	const magnitude = Math.abs(amount) + 0;
	const n =
		decimals === undefined ? upToFourDecimals(magnitude) : formatNumber(magnitude, decimals);
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
