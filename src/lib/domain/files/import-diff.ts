import type { Gender, Measurement, MeasurementStatus } from '../figures/measurement';
import type { IndicatorSource } from '../plan/indicator';
import { measurementId } from '../ids';

/**
 * What an import would write, before anything is written: which values are
 * new, which would change and which are already there. A change to a value
 * that did not come from the same source (typed by a person, taken from a
 * document, or imported from elsewhere) is never made without the user's
 * explicit confirmation.
 */

/** One value read from Kolada or a file, shaped like the write path's MeasurementEdit. */
export type ImportedMeasurement = {
	indicatorId: string;
	organisationId: string;
	year: number;
	gender: Gender;
	value: number | string;
	status: MeasurementStatus;
	/** Left out to keep the stored note. */
	note?: string;
	source: string;
	/** The line of the file it was read from. */
	line?: number;
};

/**
 * Where imported values come from. `key` names the source across imports
 * ("Kolada N01951", "SCB TAB3200"); `label` is what each value records
 * ("SCB TAB3200 (fil scb_TAB3200.csv)").
 */
export type ImportSource = { key: string; label: string };

export function koladaSource(kpiId: string): ImportSource {
	return { key: `Kolada ${kpiId}`, label: `Kolada ${kpiId}` };
}

const MAX_FILE_NAME = 150;

/**
 * The source of a CSV file: an SCB table when the file says so (SCB's
 * extracts are named after the table, "…TAB3200…", or the file is from SCB and
 * the indicator names its table), otherwise the file itself.
 */
export function fileSource(fileName: string, indicatorSource?: IndicatorSource): ImportSource {
	const name = fileName.trim().slice(0, MAX_FILE_NAME) || 'namnlös fil';
	const table =
		name.match(/TAB\d+/i)?.[0].toUpperCase() ??
		(indicatorSource?.kind === 'scb' && /scb/i.test(name) ? indicatorSource.table : undefined);
	if (table) return { key: `SCB ${table}`, label: `SCB ${table} (fil ${name})` };
	return { key: `Fil ${name}`, label: `Fil ${name}` };
}

/** Whether a stored value came from this source (the demo's "SCB TAB3200" and an import's "SCB TAB3200 (fil …)" alike). */
export function isFromSource(storedSource: string, source: ImportSource): boolean {
	return storedSource === source.key || storedSource.startsWith(`${source.key} `);
}

export type ExistingValue = Pick<Measurement, 'id' | 'value' | 'status' | 'source' | 'note'>;

export type DiffKind = 'new' | 'changed' | 'unchanged';

export type DiffRow = {
	kind: DiffKind;
	id: string;
	incoming: ImportedMeasurement;
	previous?: ExistingValue;
	/** A changed value that came from elsewhere: written only when the user confirms. */
	needsConfirmation: boolean;
};

export type ImportDiff = {
	rows: DiffRow[];
	counts: Record<DiffKind, number> & { needsConfirmation: number };
};

function sameValue(previous: ExistingValue, incoming: ImportedMeasurement): boolean {
	return (
		previous.value === incoming.value &&
		previous.status === incoming.status &&
		(incoming.note === undefined || incoming.note === previous.note)
	);
}

/**
 * Compares what an import brings with the local store. A stored value that is
 * missing (null) counts as new: nothing is overwritten by filling it.
 */
export function diffImport(
	incoming: readonly ImportedMeasurement[],
	existing: ReadonlyMap<string, ExistingValue>,
	source: ImportSource
): ImportDiff {
	const counts = { new: 0, changed: 0, unchanged: 0, needsConfirmation: 0 };
	const rows = incoming.map((value): DiffRow => {
		const id = measurementId(value.indicatorId, value.organisationId, value.year, value.gender);
		const previous = existing.get(id);
		let kind: DiffKind;
		if (!previous || previous.value === null) kind = 'new';
		else kind = sameValue(previous, value) ? 'unchanged' : 'changed';
		const needsConfirmation =
			kind === 'changed' && !!previous && !isFromSource(previous.source, source);
		counts[kind]++;
		if (needsConfirmation) counts.needsConfirmation++;
		return { kind, id, incoming: value, previous, needsConfirmation };
	});
	return { rows, counts };
}

/**
 * The values to write: new and changed ones; a change that needs
 * confirmation only when its id is among those the user confirmed (the ones
 * shown to them, so a value that came in by sync after the preview is not
 * overwritten unseen). Unchanged values are not written again, so an import
 * adds no history or sync traffic for them.
 */
export function valuesToWrite(
	diff: ImportDiff,
	options: { confirmed: ReadonlySet<string> }
): ImportedMeasurement[] {
	return diff.rows
		.filter(
			(r) =>
				r.kind === 'new' ||
				(r.kind === 'changed' && (!r.needsConfirmation || options.confirmed.has(r.id)))
		)
		.map((r) => r.incoming);
}

/** The ids of the changes that need confirmation, for "overwrite these too". */
export function idsNeedingConfirmation(diff: ImportDiff): Set<string> {
	return new Set(diff.rows.filter((r) => r.needsConfirmation).map((r) => r.id));
}
