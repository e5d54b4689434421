import type { z } from 'zod';
import { Measurement, type Gender, type MeasurementStatus, type MeasurementValue } from '$lib/domain/measurement';
import { Assessment, type GoalStatus } from '$lib/domain/assessment';
import { measurementId, assessmentId } from '$lib/domain/ids';
import type { Mutation } from '$lib/domain/mutation';
import type { Table } from 'dexie';
import type { LagesbildDatabase, LocalMeasurement, LocalAssessment, Synced } from './database';
import { InvalidRowError, StorageFullError, isQuotaError } from './storage-errors';

export type MeasurementEdit = {
	indicatorId: string;
	organisationId: string;
	year: number;
	gender: Gender;
	value: MeasurementValue;
	status: MeasurementStatus;
	note?: string;
	source?: string;
};

export type AssessmentEdit = { goalId: string; year: number; status: GoalStatus; analysis: string };

export type Editor = { name: string };

function validate<S extends z.ZodType>(schema: S, row: unknown): z.infer<S> {
	const result = schema.safeParse(row);
	if (result.success) return result.data;
	const fieldErrors: Record<string, string> = {};
	for (const issue of result.error.issues) fieldErrors[issue.path.join('.') || '_'] ??= issue.message;
	throw new InvalidRowError(`Värdet kunde inte sparas: ${Object.values(fieldErrors).join('; ')}`, fieldErrors);
}

function newMutationId(): string {
	return crypto.randomUUID();
}

/**
 * The one write path of the local store: the row and its outbox entry are
 * written in one IndexedDB transaction, so a crash or closed tab leaves
 * either both or neither. Clearing a value is a write of `null`, so it syncs
 * and keeps its history like any other edit.
 */
export async function saveMeasurement(db: LagesbildDatabase, edit: MeasurementEdit, editor: Editor): Promise<LocalMeasurement> {
	const now = new Date().toISOString();
	const id = measurementId(edit.indicatorId, edit.organisationId, edit.year, edit.gender);
	return writeWithOutbox(db, db.measurements, id, (previous) => {
		const row = validate(Measurement, {
			id,
			indicatorId: edit.indicatorId,
			organisationId: edit.organisationId,
			year: edit.year,
			gender: edit.gender,
			value: edit.value,
			status: edit.status,
			note: edit.note ?? previous?.note ?? '',
			// A value typed by a person is no longer the demo's example nor the import's figure.
			source: edit.source ?? 'Manuellt inmatat',
			updatedBy: editor.name,
			updatedAt: now,
			exampleData: false
		});
		return { row, mutation: { mutationId: newMutationId(), entity: 'measurement', row, baseRevision: previous?.serverRevision ?? null, createdAt: now } };
	});
}

export async function saveAssessment(db: LagesbildDatabase, edit: AssessmentEdit, editor: Editor): Promise<LocalAssessment> {
	const now = new Date().toISOString();
	const id = assessmentId(edit.goalId, edit.year);
	return writeWithOutbox(db, db.assessments, id, (previous) => {
		const row = validate(Assessment, {
			id,
			goalId: edit.goalId,
			year: edit.year,
			status: edit.status,
			analysis: edit.analysis,
			updatedBy: editor.name,
			updatedAt: now,
			exampleData: false
		});
		return { row, mutation: { mutationId: newMutationId(), entity: 'assessment', row, baseRevision: previous?.serverRevision ?? null, createdAt: now } };
	});
}

async function writeWithOutbox<T extends { id: string }>(
	db: LagesbildDatabase,
	table: Table<Synced<T>, string>,
	id: string,
	build: (previous: Synced<T> | undefined) => { row: T; mutation: Mutation }
): Promise<Synced<T>> {
	try {
		return await db.transaction('rw', table, db.outbox, async () => {
			const previous = await table.get(id);
			const { row, mutation } = build(previous);
			// The local row keeps the revision it was based on until the server acknowledges the edit.
			const local: Synced<T> = { ...row, serverRevision: previous?.serverRevision ?? null };
			await table.put(local);
			await db.outbox.add(mutation);
			return local;
		});
	} catch (error) {
		if (isQuotaError(error)) throw new StorageFullError(error);
		throw error;
	}
}

/** How many edits are waiting to be sent. */
export function pendingEditCount(db: LagesbildDatabase): Promise<number> {
	return db.outbox.count();
}
