import { safeParse } from 'zod/mini';
import { Year } from '../common';

/**
 * The years a form offers, and a year as typed. The entry forms list recent
 * years only (the plans the app follows start in the 2010s); older figures come
 * in through the import, which accepts every year the schema does.
 */
export const FIRST_LISTED_ENTRY_YEAR = 2015;

/** The entry forms' year choices, newest first: next year (targets, preliminary figures) back to FIRST_LISTED_ENTRY_YEAR. */
export function entryYearChoices(thisYear: number): number[] {
	return Array.from(
		{ length: Math.max(0, thisYear + 2 - FIRST_LISTED_ENTRY_YEAR) },
		(_, i) => thisYear + 1 - i
	);
}

/** A year typed into a field ("2026 "), or the Swedish sentence saying why it is not one the app accepts. */
export function readYear(
	text: string
): { ok: true; year: number } | { ok: false; problem: string } {
	const trimmed = text.trim();
	if (!/^\d{4}$/.test(trimmed))
		return { ok: false, problem: 'Ange året med fyra siffror, till exempel 2026.' };
	const year = safeParse(Year, Number(trimmed));
	return year.success
		? { ok: true, year: year.data }
		: { ok: false, problem: year.error.issues[0].message + '.' };
}
