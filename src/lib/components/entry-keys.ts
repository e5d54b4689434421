/**
 * Keyboard moves of the entry forms, as in a spreadsheet or DHIS2's data
 * entry: up and down go to the same field of the row above or below. The
 * fields of a form carry `data-entry-field` (value, status, note); a form is
 * the nearest element with `data-entry-form`, so a page with several tables
 * (the municipality's form) moves through all of them in reading order.
 */

export type EntryColumn = 'value' | 'status' | 'note';

/** Focuses the same field `step` rows away, skipping fields that cannot be changed; false when there is none. */
export function moveInColumn(from: HTMLElement, step: 1 | -1): boolean {
	const column = from.dataset.entryField;
	const form = from.closest('[data-entry-form]') ?? document;
	if (!column) return false;
	const fields = [...form.querySelectorAll<HTMLElement>(`[data-entry-field="${column}"]`)].filter(
		(f) => !(f as HTMLInputElement).disabled
	);
	const next = fields[fields.indexOf(from) + step];
	if (!next) return false;
	next.focus();
	if (next instanceof HTMLInputElement) next.select();
	return true;
}

/**
 * Keys that change a closed <select> in Chromium on Windows and Linux, each
 * press firing `change`: in the entry forms they must not, since that saved
 * a value (and queued it for sync) while a person only meant to move on.
 * Alt+Down still opens the list, and typing a letter still picks an option.
 */
const SELECT_STEPPING_KEYS = new Set([
	'ArrowUp',
	'ArrowDown',
	'ArrowLeft',
	'ArrowRight',
	'PageUp',
	'PageDown',
	'Home',
	'End'
]);

export function isSelectSteppingKey(event: Pick<KeyboardEvent, 'key' | 'altKey'>): boolean {
	return SELECT_STEPPING_KEYS.has(event.key) && !event.altKey;
}

/** Ctrl+Z, or Cmd+Z on a Mac; not with Shift (redo). */
export function isUndoKey(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>
): boolean {
	return (
		(event.ctrlKey || event.metaKey) &&
		!event.shiftKey &&
		!event.altKey &&
		event.key.toLowerCase() === 'z'
	);
}
