import { safeParse, type core } from 'zod/mini';
import {
	Measurement,
	type Gender,
	type MeasurementStatus,
	type MeasurementValue
} from '$lib/domain/figures/measurement';
import { Assessment, type GoalStatus } from '$lib/domain/figures/assessment';
import { measurementId, assessmentId, NATIONAL_ID } from '$lib/domain/ids';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import { lockedRound, lockedYearReason } from '$lib/domain/entry/reporting-round';
import type { Review, ReviewState } from '$lib/domain/entry/review';
import type { Mutation } from '$lib/domain/sync/mutation';
import type { Table } from 'dexie';
import type {
	LagesbildDatabase,
	LocalMeasurement,
	LocalAssessment,
	OutboxEntry,
	Synced
} from './database';
import { InvalidRowError, storageError } from './storage-errors';

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

/** A goal's assessment as typed: its status and, on a five-step plan, the step (1–5) the status follows from. */
export type AssessmentEdit = {
	goalId: string;
	year: number;
	status: GoalStatus;
	step?: number;
	analysis: string;
};

/** A move in the reporting round: submit, approve, or return with a comment. */
export type ReviewEdit = { state: ReviewState; comment?: string };

export type Editor = { name: string };

function validate<S extends core.$ZodType>(schema: S, row: unknown): core.output<S> {
	const result = safeParse(schema, row);
	if (result.success) return result.data;
	const fieldErrors: Record<string, string> = {};
	for (const issue of result.error.issues)
		fieldErrors[issue.path.join('.') || '_'] ??= issue.message;
	throw new InvalidRowError(
		`Värdet kunde inte sparas: ${Object.values(fieldErrors).join('; ')}`,
		fieldErrors
	);
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
export async function saveMeasurement(
	db: LagesbildDatabase,
	edit: MeasurementEdit,
	editor: Editor
): Promise<LocalMeasurement> {
	await refuseLockedYears(db, [edit]);
	await refuseNonMembers(db, [edit]);
	const [saved] = await writeManyWithOutbox(db, db.measurements, [
		measurementWrite(edit, editor, new Date().toISOString())
	]);
	return saved;
}

/**
 * Many values at once (an import): every row and its outbox entry in ONE
 * transaction, all or nothing. Each row is validated as `saveMeasurement`
 * validates it; if any is invalid, nothing is written and the error names
 * every bad row by its position in `edits` (1-based).
 */
export async function saveMeasurements(
	db: LagesbildDatabase,
	edits: readonly MeasurementEdit[],
	editor: Editor
): Promise<LocalMeasurement[]> {
	await refuseLockedYears(db, edits);
	await refuseNonMembers(db, edits);
	const now = new Date().toISOString();
	return writeManyWithOutbox(
		db,
		db.measurements,
		edits.map((edit) => measurementWrite(edit, editor, now))
	);
}

/**
 * Moves values in the reporting round (a reporter's "Skicka in" for all her
 * values, an editor's approval or return), each an ordinary edit of the row
 * with its value untouched, so it syncs and enters the history. All or nothing.
 */
export async function saveReviews(
	db: LagesbildDatabase,
	ids: readonly string[],
	move: ReviewEdit,
	editor: Editor
): Promise<LocalMeasurement[]> {
	const now = new Date().toISOString();
	const rows = (await db.measurements.bulkGet([...ids])).flatMap((r) => (r ? [r] : []));
	if (rows.length < ids.length)
		throw new InvalidRowError(
			'Värdet finns inte på enheten och kan inte skickas in eller granskas.',
			{ _: 'saknas' }
		);
	await refuseLockedYears(db, rows);
	const review: Review = {
		state: move.state,
		comment: move.comment?.trim() ?? '',
		by: editor.name,
		at: now
	};
	return writeManyWithOutbox(
		db,
		db.measurements,
		rows.map((stored) => ({
			id: stored.id,
			build: (previous) => {
				// eslint-disable-next-line @typescript-eslint/no-unused-vars -- device bookkeeping stays out of the row
				const { serverRevision, conflicts, ...current } = previous ?? stored;
				const row = validate(Measurement, {
					...current,
					review,
					updatedBy: editor.name,
					updatedAt: now
				});
				return edited('measurement', row, previous, now);
			}
		}))
	);
}

/**
 * A year its grouping has approved and locked cannot change; saying so
 * before writing is kinder than a refusal at the next sync. (An edit made
 * before this device heard of the lock is refused by the server instead.)
 */
async function refuseLockedYears(
	db: LagesbildDatabase,
	edits: readonly { indicatorId: string; year: number }[]
): Promise<void> {
	const indicators = await db.indicators.bulkGet([...new Set(edits.map((e) => e.indicatorId))]);
	const groupingOf = new Map(
		indicators.flatMap((i) => (i ? [[i.id, i.organisationId] as const] : []))
	);
	const groupingYears = new Map(
		edits.flatMap((e) =>
			groupingOf.has(e.indicatorId)
				? [[`${groupingOf.get(e.indicatorId)}|${e.year}`, e] as const]
				: []
		)
	);
	for (const edit of groupingYears.values())
		await refuseIfLocked(db, groupingOf.get(edit.indicatorId)!, edit.year);
}

/**
 * The server stores a member's value only for a year it was a member (and
 * the grouping's own value and the national one always): a value it would
 * refuse is refused here, before it is written, rather than taken on the
 * device and turned away at the next sync.
 */
async function refuseNonMembers(
	db: LagesbildDatabase,
	edits: readonly { indicatorId: string; organisationId: string; year: number }[]
): Promise<void> {
	const indicators = new Map(
		(await db.indicators.bulkGet([...new Set(edits.map((e) => e.indicatorId))])).flatMap((i) =>
			i ? [[i.id, i.organisationId] as const] : []
		)
	);
	const memberships = await db.memberships
		.where('groupingId')
		.anyOf([...new Set(indicators.values())])
		.toArray();
	const refused = edits.filter((e) => {
		const groupingId = indicators.get(e.indicatorId);
		if (!groupingId || e.organisationId === groupingId || e.organisationId === NATIONAL_ID)
			return false;
		return !memberships.some(
			(m) =>
				m.groupingId === groupingId && m.memberId === e.organisationId && isMemberInYear(m, e.year)
		);
	});
	if (refused.length === 0) return;
	const names = new Map(
		(
			await db.organisations.bulkGet([
				...new Set(refused.flatMap((e) => [e.organisationId, indicators.get(e.indicatorId)!]))
			])
		).flatMap((o) => (o ? [[o.id, o.name] as const] : []))
	);
	const shown = refused
		.slice(0, 3)
		.map(
			(e) =>
				`${names.get(e.organisationId) ?? e.organisationId} var inte medlem i ${names.get(indicators.get(e.indicatorId)!) ?? indicators.get(e.indicatorId)} år ${e.year}`
		);
	const more = refused.length > shown.length ? ` (och ${refused.length - shown.length} till)` : '';
	const message =
		edits.length === 1
			? `Värdet kunde inte sparas: ${shown[0]}.`
			: `${refused.length} ${refused.length === 1 ? 'värde' : 'värden'} kunde inte sparas, så inget sparades: ${shown.join('; ')}${more}.`;
	throw new InvalidRowError(message, { organisationId: 'inte medlem' });
}

async function refuseIfLocked(
	db: LagesbildDatabase,
	groupingId: string,
	year: number
): Promise<void> {
	const round = lockedRound(
		await db.reportingRounds.where('groupingId').equals(groupingId).toArray(),
		groupingId,
		year
	);
	if (round)
		throw new InvalidRowError(
			lockedYearReason(round, (await db.organisations.get(groupingId))?.name ?? groupingId),
			{ _: 'låst' }
		);
}

function measurementWrite(
	edit: MeasurementEdit,
	editor: Editor,
	now: string
): PendingWrite<Measurement> {
	const id = measurementId(edit.indicatorId, edit.organisationId, edit.year, edit.gender);
	return {
		id,
		build: (previous) => {
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
			return edited('measurement', row, previous, now);
		}
	};
}

export async function saveAssessment(
	db: LagesbildDatabase,
	edit: AssessmentEdit,
	editor: Editor
): Promise<LocalAssessment> {
	const now = new Date().toISOString();
	const id = assessmentId(edit.goalId, edit.year);
	await refuseLockedAssessment(db, edit);
	return writeWithOutbox(db, db.assessments, id, (previous) => {
		const row = validate(Assessment, {
			id,
			goalId: edit.goalId,
			year: edit.year,
			status: edit.status,
			step: edit.step,
			analysis: edit.analysis,
			updatedBy: editor.name,
			updatedAt: now,
			exampleData: false
		});
		return edited('assessment', row, previous, now);
	});
}

/**
 * An admin's approval or return (with why) of a goal's assessment in the
 * reporting round: an ordinary edit of the row with its judgement and
 * analysis untouched, so it syncs and enters the history.
 */
export async function saveAssessmentReview(
	db: LagesbildDatabase,
	key: { goalId: string; year: number },
	move: ReviewEdit,
	editor: Editor
): Promise<LocalAssessment> {
	const now = new Date().toISOString();
	const id = assessmentId(key.goalId, key.year);
	if (!(await db.assessments.get(id)))
		throw new InvalidRowError('Bedömningen finns inte på enheten och kan inte granskas.', {
			_: 'saknas'
		});
	await refuseLockedAssessment(db, key);
	const review: Review = {
		state: move.state,
		comment: move.comment?.trim() ?? '',
		by: editor.name,
		at: now
	};
	return writeWithOutbox(db, db.assessments, id, (previous) => {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- device bookkeeping stays out of the row
		const { serverRevision, conflicts, ...current } = previous!;
		// The analysis keeps its author and time (as the server keeps them): the review has its own.
		const row = validate(Assessment, { ...current, review });
		return edited('assessment', row, previous, now);
	});
}

async function refuseLockedAssessment(
	db: LagesbildDatabase,
	edit: Pick<AssessmentEdit, 'goalId' | 'year'>
): Promise<void> {
	const goal = await db.goals.get(edit.goalId);
	const plan = goal ? await db.plans.get(goal.planId) : undefined;
	if (plan) await refuseIfLocked(db, plan.organisationId, edit.year);
}

/** A row as written on the device, with its outbox entry: an edit based on the revision the device holds. */
function edited<E extends Mutation['entity']>(
	entity: E,
	row: Extract<Mutation, { entity: E }>['row'],
	previous: { serverRevision: number | null } | undefined,
	now: string
) {
	const mutation = {
		mutationId: newMutationId(),
		entity,
		row,
		baseRevision: previous?.serverRevision ?? null,
		createdAt: now
	} as Extract<Mutation, { entity: E }>;
	return { row, mutation };
}

type PendingWrite<T> = {
	id: string;
	build: (previous: Synced<T> | undefined) => { row: T; mutation: Mutation };
};

async function writeWithOutbox<T extends { id: string }>(
	db: LagesbildDatabase,
	table: Table<Synced<T>, string>,
	id: string,
	build: PendingWrite<T>['build']
): Promise<Synced<T>> {
	const [saved] = await writeManyWithOutbox(db, table, [{ id, build }]);
	return saved;
}

/**
 * Rows and their outbox entries in one transaction. Every row is built and
 * validated before anything is written; the errors of all invalid rows are
 * reported together. Two writes of the same row in one call are refused: the
 * outbox would hold two edits based on the same revision.
 */
async function writeManyWithOutbox<T extends { id: string }>(
	db: LagesbildDatabase,
	table: Table<Synced<T>, string>,
	writes: readonly PendingWrite<T>[]
): Promise<Synced<T>[]> {
	if (writes.length === 0) return [];
	const positions = new Map<string, number>();
	writes.forEach((w, i) => {
		const earlier = positions.get(w.id);
		if (earlier !== undefined) {
			throw new InvalidRowError(
				`Värdena kunde inte sparas: rad ${i + 1} är samma värde som rad ${earlier + 1}`,
				{ _: 'dubblett' }
			);
		}
		positions.set(w.id, i);
	});
	try {
		return await db.transaction('rw', table, db.outbox, async () => {
			const previous = await table.bulkGet(writes.map((w) => w.id));
			const locals: Synced<T>[] = [];
			const mutations: OutboxEntry[] = [];
			const invalid: { position: number; error: InvalidRowError }[] = [];
			writes.forEach((w, i) => {
				try {
					const { row, mutation } = w.build(previous[i]);
					// The local row keeps the revision it was based on until the server acknowledges the edit.
					locals.push({ ...row, serverRevision: previous[i]?.serverRevision ?? null });
					mutations.push(
						previous[i]
							? { ...mutation, previous: previous[i] as unknown as OutboxEntry['previous'] }
							: mutation
					);
				} catch (error) {
					if (error instanceof InvalidRowError) invalid.push({ position: i + 1, error });
					else throw error;
				}
			});
			if (invalid.length === 1 && writes.length === 1) throw invalid[0].error;
			if (invalid.length > 0) {
				const shown = invalid
					.slice(0, 5)
					.map(
						({ position, error }) =>
							`rad ${position}: ${error.message.replace(/^Värdet kunde inte sparas: /, '')}`
					);
				const more =
					invalid.length > shown.length ? ` (och ${invalid.length - shown.length} till)` : '';
				throw new InvalidRowError(
					`${invalid.length} värden kunde inte sparas, så inget sparades: ${shown.join('; ')}${more}`,
					invalid[0].error.fieldErrors
				);
			}
			await table.bulkPut(locals);
			await db.outbox.bulkAdd(mutations);
			return locals;
		});
	} catch (error) {
		throw storageError(error, writes.length === 1 ? 'värdet' : 'värdena');
	}
}

/** How many edits are waiting to be sent. */
