import { saveMeasurement, saveMeasurements } from '$lib/local-store/edits';
import { database } from '$lib/local-store/client';
import type { LocalMeasurement } from '$lib/local-store/database';
import { editorName } from '$lib/app/app-state.svelte';
import type { Indicator } from '$lib/domain/plan/indicator';
import { counted, formatValue } from '$lib/domain/format';
import { planPaste, type PasteItem } from '$lib/domain/entry/paste';
import {
	planUndo,
	withSavedStep,
	type EntryContent,
	type EntryKey,
	type SavedEdit,
	type UndoStep
} from '$lib/domain/entry/undo';

/** One value of a form as the page lays it out: where it is stored, what it is called, and whether it can change. */
export type EntryTarget = {
	id: string;
	key: EntryKey;
	label: string;
	indicator: Indicator;
	measurement: LocalMeasurement | undefined;
	readOnlyReason: string | null;
};

export type PastePreview = { items: (PasteItem & { target: EntryTarget })[]; emptyCells: number };

const contentOf = (m: LocalMeasurement | undefined): EntryContent | null =>
	m ? { value: m.value, status: m.status, note: m.note } : null;
const errorText = (error: unknown, fallback: string) =>
	error instanceof Error ? error.message : fallback;

/**
 * What an entry form does beyond its rows, the same in the grid and in the
 * municipality's form: saving a row (remembered for undo), undoing the last
 * step as new edits, and pasting a block of cells with a preview before
 * anything is saved. Every write goes through the one write path (edits.ts).
 */
export function createEntrySession() {
	let undoStack = $state.raw<UndoStep[]>([]);
	let message = $state<{ text: string; error: boolean } | null>(null);
	let pastePreview = $state.raw<PastePreview | null>(null);
	let busy = $state(false);

	async function save(target: EntryTarget, change: EntryContent): Promise<string | null> {
		const before = contentOf(target.measurement);
		try {
			await saveMeasurement(database(), { ...target.key, ...change }, { name: editorName() });
		} catch (error) {
			return errorText(error, 'Värdet kunde inte sparas.');
		}
		const edit: SavedEdit = {
			id: target.id,
			key: target.key,
			before,
			beforeSource: target.measurement?.source,
			after: change
		};
		undoStack = withSavedStep(undoStack, {
			label: `${target.label} ${formatValue(change.value, target.indicator.unit, target.indicator.decimals)}`,
			edits: [edit]
		});
		return null;
	}

	async function undo(): Promise<void> {
		if (busy) return;
		const db = database();
		const ids = undoStack.at(-1)?.edits.map((e) => e.id) ?? [];
		// What each value holds now, read from the store: a sync may have changed it since the page drew it.
		const stored = await db.measurements.bulkGet(ids);
		const plan = planUndo(undoStack, (id) => contentOf(stored[ids.indexOf(id)]));
		if (!plan) {
			message = { text: 'Det finns ingen sparad ändring att ångra på sidan.', error: false };
			return;
		}
		undoStack = plan.rest;
		if (!plan.ok) {
			message = { text: plan.reason, error: true };
			return;
		}
		busy = true;
		try {
			await saveMeasurements(
				db,
				plan.restore.map(({ edit, content }) => ({
					...edit.key,
					...content,
					source: edit.before ? edit.beforeSource : undefined
				})),
				{ name: editorName() }
			);
			message = {
				text: `Ångrat: ${plan.step.label}. Ångringen synkas som en ny ändring.`,
				error: false
			};
		} catch (error) {
			message = { text: errorText(error, 'Ändringen kunde inte ångras.'), error: true };
		} finally {
			busy = false;
		}
	}

	/** A block pasted at row `start`: shown for confirmation, or refused with the reason. */
	function paste(targets: readonly EntryTarget[], start: number, text: string): void {
		const plan = planPaste(text, targets, start);
		if (!plan.ok) {
			pastePreview = null;
			message = { text: plan.error, error: true };
			return;
		}
		message = null;
		pastePreview = {
			items: plan.items.map((item) => ({ ...item, target: targets[item.row] })),
			emptyCells: plan.emptyCells
		};
	}

	/** Saves the previewed paste, all or nothing, as one step to undo. */
	async function confirmPaste(): Promise<void> {
		const preview = pastePreview;
		if (!preview || busy) return;
		busy = true;
		try {
			const changes = preview.items.map(({ target, value }) => ({
				target,
				after: {
					value,
					status: target.measurement?.status ?? 'preliminary',
					note: target.measurement?.note ?? ''
				} as EntryContent
			}));
			await saveMeasurements(
				database(),
				changes.map(({ target, after }) => ({ ...target.key, ...after })),
				{ name: editorName() }
			);
			const edits = changes.map(({ target, after }): SavedEdit => ({
				id: target.id,
				key: target.key,
				before: contentOf(target.measurement),
				beforeSource: target.measurement?.source,
				after
			}));
			const label = counted(edits.length, 'inklistrat värde', 'inklistrade värden');
			undoStack = withSavedStep(undoStack, { label, edits });
			pastePreview = null;
			message = {
				text: `${label} ${edits.length === 1 ? 'sparat' : 'sparade'}. Ctrl+Z ångrar ${edits.length === 1 ? 'det' : 'dem alla'}.`,
				error: false
			};
		} catch (error) {
			message = { text: errorText(error, 'Värdena kunde inte sparas.'), error: true };
		} finally {
			busy = false;
		}
	}

	return {
		get undoStack() {
			return undoStack;
		},
		get message() {
			return message;
		},
		get pastePreview() {
			return pastePreview;
		},
		get busy() {
			return busy;
		},
		save,
		undo,
		paste,
		confirmPaste,
		cancelPaste: () => (pastePreview = null),
		dismissMessage: () => (message = null)
	};
}

export type EntrySession = ReturnType<typeof createEntrySession>;
