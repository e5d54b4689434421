import type { Reminder } from '$lib/domain/entry/reminders';

/**
 * The start page's "Att göra" as it was last worked out, kept on this device
 * for the user it was worked out for. The reminders are worked out after the
 * list is drawn (they need the rounds' rules and schemas); appearing above
 * the list then, they moved the whole page down just as a phone user would
 * tap a grouping (a layout shift of 0,26). Shown at once from here and
 * replaced when worked out again, so the page moves only when they change.
 */
const KEY = 'lagesbild:reminders';

export function rememberedReminders(userId: string | undefined): Reminder[] {
	if (!userId) return [];
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
		if (!isRecord(stored) || stored.userId !== userId || !Array.isArray(stored.reminders))
			return [];
		return stored.reminders.every(isReminder) ? stored.reminders : [];
	} catch {
		return [];
	}
}

export function rememberReminders(userId: string, reminders: readonly Reminder[]): void {
	try {
		localStorage.setItem(KEY, JSON.stringify({ userId, reminders }));
	} catch {
		// A full or blocked storage only means they are worked out again before they show.
	}
}

/** On sign-out, with everything else of the user's on the device. */
export function forgetReminders(): void {
	try {
		localStorage.removeItem(KEY);
	} catch {
		// Nothing was stored.
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function isReminder(value: unknown): value is Reminder {
	return (
		isRecord(value) &&
		typeof value.groupingId === 'string' &&
		typeof value.year === 'number' &&
		(value.kind === 'report' || value.kind === 'review' || value.kind === 'chase') &&
		typeof value.count === 'number' &&
		typeof value.overdue === 'boolean' &&
		typeof value.text === 'string'
	);
}
