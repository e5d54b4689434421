/**
 * Text cells in the CSV export and back: a spreadsheet runs a cell that
 * looks like a formula, so the export guards such text and the import
 * removes the guard again.
 */

/**
 * A cell a spreadsheet would take for a formula: one starting with = + - or
 * @, also after leading whitespace (Excel skips it) and in their full-width
 * forms (＝＋－＠, which Excel takes as the same signs), or starting with a
 * tab, carriage return or line feed.
 */
export const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@＝＋－＠])/u;

/**
 * Text that gets the guard: a formula, or (so that reading back gives
 * exactly what was written) text that already looks guarded, such as "'=x".
 */
const NEEDS_GUARD = new RegExp(`^'*(?:${FORMULA_START.source.slice(1)})`, 'u');

/**
 * Free text that could run as a formula gets a leading apostrophe (Excel's
 * own mark for "text"). Numbers are never passed here.
 */
export function guardText(text: string): string {
	return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** Lägesbild's export guards text cells with a leading apostrophe; reading drops it again. */
export function unguardText(text: string): string {
	return text.startsWith("'") && NEEDS_GUARD.test(text.slice(1)) ? text.slice(1) : text;
}
