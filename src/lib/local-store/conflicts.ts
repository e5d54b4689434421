import {
	assessmentResolution,
	measurementResolution,
	UnknownConflictChoiceError,
	type ConflictChoice
} from '$lib/domain/sync/conflicts';
import type { LagesbildDatabase, LocalAssessment, LocalMeasurement } from './database';
import { saveAssessment, saveMeasurement, type Editor } from './edits';
import { InvalidRowError } from './storage-errors';

/**
 * Resolves a value's open conflict with the person's choice, through the one
 * write path: an edit based on the row's current revision, which the server
 * records as the resolution and every device then pulls. The entry grid and
 * the conflict inbox both resolve here.
 */
export async function resolveMeasurementConflict(
	db: LagesbildDatabase,
	rowId: string,
	choice: ConflictChoice,
	editor: Editor
): Promise<LocalMeasurement> {
	const row = await db.measurements.get(rowId);
	if (!row) throw new InvalidRowError('Värdet finns inte på enheten.', { _: 'saknas' });
	if (!row.conflicts?.length) throw new UnknownConflictChoiceError();
	const { indicatorId, organisationId, year, gender } = row;
	return saveMeasurement(
		db,
		{
			indicatorId,
			organisationId,
			year,
			gender,
			...measurementResolution(row, row.conflicts, choice)
		},
		editor
	);
}

/** Resolves an assessment's open conflict by keeping one of its judgements. */
export async function resolveAssessmentConflict(
	db: LagesbildDatabase,
	rowId: string,
	choice: Exclude<ConflictChoice, { kind: 'new' }>,
	editor: Editor
): Promise<LocalAssessment> {
	const row = await db.assessments.get(rowId);
	if (!row) throw new InvalidRowError('Bedömningen finns inte på enheten.', { _: 'saknas' });
	if (!row.conflicts?.length) throw new UnknownConflictChoiceError();
	return saveAssessment(
		db,
		{ goalId: row.goalId, year: row.year, ...assessmentResolution(row, row.conflicts, choice) },
		editor
	);
}
