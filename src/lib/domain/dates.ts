/**
 * Every date and time the app shows, in Swedish and in Swedish time (a
 * tablet set to another zone, or a server in UTC, shows the same). The
 * formatters are made on first use: the first Intl object of a page loads
 * ICU's data, which the first page does without (docs/benchmarks.md).
 */

const SWEDISH_TIME = 'Europe/Stockholm';
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	let made = formats.get(name);
	if (!made) formats.set(name, (made = new Intl.DateTimeFormat('sv-SE', options)));
	return made;
}

function parsed(iso: string | null | undefined): Date | null {
	if (!iso) return null;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A moment as date and time: "2026-12-07 14:05"; "–" when missing or unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
	const date = parsed(iso);
	return date
		? formatter('dateTime', {
				dateStyle: 'short',
				timeStyle: 'short',
				timeZone: SWEDISH_TIME
			}).format(date)
		: '–';
}

/** A moment's date: "1 maj 2025"; "–" when missing or unreadable. */
export function formatDate(iso: string | null | undefined): string {
	const date = parsed(iso);
	return date
		? formatter('date', { dateStyle: 'medium', timeZone: SWEDISH_TIME }).format(date)
		: '–';
}

/** A moment's time of day: "14:05". */
export function formatClock(iso: string): string {
	const date = parsed(iso);
	return date
		? formatter('clock', { hour: '2-digit', minute: '2-digit', timeZone: SWEDISH_TIME }).format(
				date
			)
		: '–';
}

/**
 * A calendar date (YYYY-MM-DD, e.g. a deadline) in words: "15 december 2026".
 * A calendar date has no time zone: read and written as UTC it stays the same day.
 */
export function formatCalendarDate(isoDate: string): string {
	const date = parsed(isoDate);
	return date
		? formatter('calendar', {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'UTC'
			}).format(date)
		: '–';
}

/** Today's date as YYYY-MM-DD in Swedish time, the calendar deadlines are set in. */
export function swedishToday(now = new Date()): string {
	return formatter('today', { timeZone: SWEDISH_TIME }).format(now);
}
