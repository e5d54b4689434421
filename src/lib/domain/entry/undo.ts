import type { Gender, MeasurementStatus, MeasurementValue } from '../figures/measurement';

/**
 * Undo in the entry forms (Ctrl+Z, or the "Ångra" button): the last saved
 * step is taken back by saving each value as it was before, as new edits
 * that sync like any other. Nothing is removed from the outbox: the edit
 * being undone may already be on the server, and another device may have
 * seen it. A step is one saved field, or a whole paste.
 */

/** What a person changes in an entry row. */
export type EntryContent = { value: MeasurementValue; status: MeasurementStatus; note: string };

/** Where a saved edit went: the value's key (its series, organisation, year and gender). */
export type EntryKey = {
	indicatorId: string;
	organisationId: string;
	year: number;
	gender: Gender;
};

export type SavedEdit = {
	/** The measurement's id (derived from the key). */
	id: string;
	key: EntryKey;
	/** The value before the edit; null when there was none. */
	before: EntryContent | null;
	/** Where the value before came from ("Kolada N03937"), given back with it. */
	beforeSource?: string;
	after: EntryContent;
};

/** "Dorotea 14,1", "5 inklistrade värden": what undoing the step takes back, for the button and the message. */
export type UndoStep = { label: string; edits: SavedEdit[] };

/** How many steps back a page can undo. */
export const UNDO_LIMIT = 100;

const EMPTY: EntryContent = { value: null, status: 'preliminary', note: '' };

export function sameEntryContent(a: EntryContent | null, b: EntryContent | null): boolean {
	const x = a ?? EMPTY;
	const y = b ?? EMPTY;
	return x.value === y.value && x.status === y.status && x.note === y.note;
}

/** The stack with a newly saved step on top; edits that changed nothing are not kept, nor a step of none. */
export function withSavedStep(stack: readonly UndoStep[], step: UndoStep): UndoStep[] {
	const edits = step.edits.filter((e) => !sameEntryContent(e.before, e.after));
	if (edits.length === 0) return [...stack];
	return [...stack, { ...step, edits }].slice(-UNDO_LIMIT);
}

export type UndoPlan =
	/** Save each `restore` for its edit's key; `rest` is the stack after it. */
	| {
			ok: true;
			step: UndoStep;
			restore: { edit: SavedEdit; content: EntryContent }[];
			rest: UndoStep[];
	  }
	/** A value changed after the step (another edit, a sync): undoing would overwrite that, so nothing is done. */
	| { ok: false; step: UndoStep; reason: string; rest: UndoStep[] };

/**
 * What undoing the last step does, given what each value holds now; null
 * when there is nothing to undo. The step leaves the stack either way, so a
 * refused one does not block those before it.
 */
export function planUndo(
	stack: readonly UndoStep[],
	currentOf: (id: string) => EntryContent | null
): UndoPlan | null {
	const step = stack.at(-1);
	if (!step) return null;
	const rest = stack.slice(0, -1);
	const changed = step.edits.filter((e) => !sameEntryContent(currentOf(e.id), e.after));
	if (changed.length > 0) {
		return {
			ok: false,
			step,
			rest,
			reason: `Ändringen (${step.label}) ångrades inte: värdet har ändrats sedan dess. Skriv värdet i fältet i stället.`
		};
	}
	return {
		ok: true,
		step,
		rest,
		restore: step.edits.map((edit) => ({ edit, content: edit.before ?? EMPTY }))
	};
}
