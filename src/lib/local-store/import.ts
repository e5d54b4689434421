import {
	diffImport,
	valuesToWrite,
	type ExistingValue,
	type ImportDiff,
	type ImportedMeasurement,
	type ImportSource
} from '$lib/domain/files/import-diff';
import type { LagesbildDatabase } from './database';
import { saveMeasurements, type Editor } from './edits';
import { measurementsOfIndicator } from './queries';
import { storageError } from './storage-errors';

/** The stored values of the indicators an import touches, by id. */
export async function existingValues(
	db: LagesbildDatabase,
	indicatorIds: Iterable<string>
): Promise<Map<string, ExistingValue>> {
	const rows = (
		await Promise.all([...new Set(indicatorIds)].map((id) => measurementsOfIndicator(db, id)))
	).flat();
	return new Map(rows.map((m) => [m.id, m]));
}

/** The preview of an import against the local store. */
export async function previewImport(
	db: LagesbildDatabase,
	values: readonly ImportedMeasurement[],
	source: ImportSource
): Promise<ImportDiff> {
	return diffImport(
		values,
		await existingValues(
			db,
			values.map((v) => v.indicatorId)
		),
		source
	);
}

export class ImportBlockedError extends Error {
	constructor(errorCount: number) {
		super(
			`${errorCount === 1 ? 'En rad' : `${errorCount} rader`} kan inte importeras. Rätta filen och läs in den igen; inget har sparats.`
		);
		this.name = 'ImportBlockedError';
	}
}

export class ImplausibleNotConfirmedError extends Error {
	constructor(count: number) {
		super(
			`${count === 1 ? 'Ett värde' : `${count} värden`} ser ut att vara omkring tusen gånger fel och har inte bekräftats. Kontrollera dem och kryssa i rutan, eller rätta filen; inget har sparats.`
		);
		this.name = 'ImplausibleNotConfirmedError';
	}
}

export type ImportResult = { written: number; unchanged: number; kept: number };

/**
 * Writes an import, all or nothing: refused while any row has an error, or
 * while values that look a thousand times off are not confirmed. The
 * comparison with the store is made again inside the write's transaction, so
 * a value that arrived by sync after the preview is judged as it is now;
 * values from other sources are overwritten only if their ids are among
 * those the user confirmed. Writes go through the bulk write path, so every
 * value reaches the server by sync.
 */
export async function applyImport(
	db: LagesbildDatabase,
	plan: {
		values: readonly ImportedMeasurement[];
		source: ImportSource;
		errorCount: number;
		implausibleCount?: number;
	},
	options: { confirmed: ReadonlySet<string>; implausibleConfirmed?: boolean },
	editor: Editor
): Promise<ImportResult> {
	if (plan.errorCount > 0) throw new ImportBlockedError(plan.errorCount);
	if ((plan.implausibleCount ?? 0) > 0 && !options.implausibleConfirmed)
		throw new ImplausibleNotConfirmedError(plan.implausibleCount!);
	try {
		return await writeImport(db, plan, options, editor);
	} catch (error) {
		// One transaction: a failure leaves nothing of the import behind.
		throw storageError(error, 'importen');
	}
}

async function writeImport(
	db: LagesbildDatabase,
	plan: { values: readonly ImportedMeasurement[]; source: ImportSource },
	options: { confirmed: ReadonlySet<string> },
	editor: Editor
): Promise<ImportResult> {
	// The write path also reads the indicators, rounds, memberships and organisations (a locked year or a non-member is refused before writing).
	return db.transaction(
		'rw',
		[
			db.measurements,
			db.outbox,
			db.indicators,
			db.reportingRounds,
			db.memberships,
			db.organisations
		],
		async () => {
			const diff = await previewImport(db, plan.values, plan.source);
			const values = valuesToWrite(diff, options);
			await saveMeasurements(
				db,
				values.map(({ line: _line, ...edit }) => edit),
				editor
			);
			return {
				written: values.length,
				unchanged: diff.counts.unchanged,
				kept: diff.counts.changed - (values.length - diff.counts.new)
			};
		}
	);
}
