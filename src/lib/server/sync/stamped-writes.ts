import { sql } from 'drizzle-orm';
import type { MutationEntity } from '$lib/domain/sync/mutation';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { MutationOutcome } from '$lib/domain/sync/sync-protocol';
import { resultRows, type Transaction } from '../db/connection';
import { appliedMutations, type HistoryKind } from '../db/schema';
import { revisionsTakenInFlight } from '../db/revisions';
import type { StoredConflict } from '../db/stored-conflict';
import { assessmentKeyColumns, measurementKeyColumns, valueOf, type SyncedRow } from './entities';

/**
 * The last step of a push: everything the batch decided is written in ONE
 * statement that declares the transaction in flight and takes the batch's
 * new revisions (revisions.ts), then writes the rows, their history and the
 * answers. The commit follows at once: pulls hold back below the batch's
 * revisions only for that one round trip and the commit.
 *
 * Until then a change knows its revision only as "the batch's n-th new one"
 * (`pending`); the statement numbers them in the order the changes were made.
 */

/** A revision that is known (a row as stored) or the n-th of those the batch will take. */
export type Revision = number | { pending: number };

export type RowWrite = {
	entity: MutationEntity;
	row: SyncedRow;
	revision: Revision;
	seededRevision: number | null;
	lastClientId: string | null;
	conflicts: StoredConflict[];
};

export type HistoryWrite = {
	entity: MutationEntity;
	row: SyncedRow;
	mutationId: string;
	kind: HistoryKind;
	revision: Revision;
	oldValue: unknown;
};

/** An answer to remember in applied_mutations, its revision still pending where it has one. */
export type AnswerWrite = {
	mutationId: string;
	outcome:
		| MutationOutcome
		| (Omit<Extract<MutationOutcome, { revision: number }>, 'revision'> & { revision: Revision });
};

/** Writes the batch; returns its new revisions, the n-th at index n. */
export async function writeStamped(
	tx: Transaction,
	clientId: string,
	batch: {
		revisionsTaken: number;
		rows: readonly RowWrite[];
		history: readonly HistoryWrite[];
		answers: readonly AnswerWrite[];
	}
): Promise<number[]> {
	if (batch.revisionsTaken === 0) {
		// Nothing changes (refused, unchanged or replayed edits): no revision, nothing in flight; only the answers are kept.
		if (batch.answers.length > 0) {
			await tx.insert(appliedMutations).values(
				batch.answers.map(({ mutationId, outcome }) => ({
					mutationId,
					clientId,
					outcome: outcome as MutationOutcome
				}))
			);
		}
		return [];
	}
	const pendingOf = (revision: Revision) =>
		typeof revision === 'number' ? null : revision.pending;
	const known = (revision: Revision) => (typeof revision === 'number' ? revision : null);
	const synced = (w: RowWrite) => ({
		id: w.row.id,
		pending: pendingOf(w.revision),
		revision: known(w.revision),
		seeded_revision: w.seededRevision,
		last_client_id: w.lastClientId,
		conflicts: w.conflicts,
		row: w.row
	});
	const valueRows = batch.rows
		.filter((w) => w.entity === 'measurement')
		.map((w) => {
			const { indicatorId, organisationId, year, gender } = measurementKeyColumns(
				w.row as Measurement
			);
			return {
				...synced(w),
				indicator_id: indicatorId,
				organisation_id: organisationId,
				year,
				gender
			};
		});
	const assessmentRows = batch.rows
		.filter((w) => w.entity === 'assessment')
		.map((w) => {
			const { goalId, year } = assessmentKeyColumns(w.row as Assessment);
			return { ...synced(w), goal_id: goalId, year };
		});
	const history = batch.history.map((h) => ({
		entity: h.entity,
		row_id: h.row.id,
		pending: pendingOf(h.revision),
		revision: known(h.revision),
		kind: h.kind,
		old_value: h.oldValue,
		new_value: valueOf(h.entity, h.row),
		row: h.row,
		by: h.row.updatedBy,
		at: h.row.updatedAt,
		mutation_id: h.mutationId
	}));
	const answers = batch.answers.map(({ mutationId, outcome }) => ({
		mutation_id: mutationId,
		pending: 'revision' in outcome ? pendingOf(outcome.revision) : null,
		outcome:
			'revision' in outcome && typeof outcome.revision !== 'number'
				? { ...outcome, revision: 0 }
				: outcome
	}));
	// A JSON null becomes an SQL null in jsonb_to_recordset, as drizzle writes a JS null.
	const result = await tx.execute(sql`
		with ${revisionsTakenInFlight(batch.revisionsTaken)},
		value_rows as (
			insert into measurements (id, revision, seeded_revision, last_client_id, conflicts, "row", indicator_id, organisation_id, year, gender)
			select x.id, coalesce(x.revision, r.revision), x.seeded_revision, x.last_client_id, x.conflicts, x."row", x.indicator_id, x.organisation_id, x.year, x.gender
			from jsonb_to_recordset(${JSON.stringify(valueRows)}::jsonb) as x(id text, pending int, revision bigint, seeded_revision bigint, last_client_id text, conflicts jsonb, "row" jsonb, indicator_id text, organisation_id text, year int, gender text)
			left join revs r on r.pending = x.pending
			on conflict (id) do update set "row" = excluded."row", revision = excluded.revision, last_client_id = excluded.last_client_id, conflicts = excluded.conflicts,
				indicator_id = excluded.indicator_id, organisation_id = excluded.organisation_id, year = excluded.year, gender = excluded.gender
			returning 1
		),
		assessment_rows as (
			insert into assessments (id, revision, seeded_revision, last_client_id, conflicts, "row", goal_id, year)
			select x.id, coalesce(x.revision, r.revision), x.seeded_revision, x.last_client_id, x.conflicts, x."row", x.goal_id, x.year
			from jsonb_to_recordset(${JSON.stringify(assessmentRows)}::jsonb) as x(id text, pending int, revision bigint, seeded_revision bigint, last_client_id text, conflicts jsonb, "row" jsonb, goal_id text, year int)
			left join revs r on r.pending = x.pending
			on conflict (id) do update set "row" = excluded."row", revision = excluded.revision, last_client_id = excluded.last_client_id, conflicts = excluded.conflicts,
				goal_id = excluded.goal_id, year = excluded.year
			returning 1
		),
		history_rows as (
			insert into history (entity, row_id, revision, kind, old_value, new_value, "row", "by", "at", client_id, mutation_id)
			select x.entity, x.row_id, coalesce(x.revision, r.revision), x.kind, x.old_value, x.new_value, x."row", x."by", x."at", ${clientId}, x.mutation_id
			from jsonb_to_recordset(${JSON.stringify(history)}::jsonb) as x(entity text, row_id text, pending int, revision bigint, kind text, old_value jsonb, new_value jsonb, "row" jsonb, "by" text, "at" text, mutation_id text)
			left join revs r on r.pending = x.pending
			returning 1
		),
		answer_rows as (
			insert into applied_mutations (mutation_id, client_id, outcome)
			select x.mutation_id, ${clientId}, case when x.pending is null then x.outcome else jsonb_set(x.outcome, '{revision}', to_jsonb(r.revision)) end
			from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) as x(mutation_id text, pending int, outcome jsonb)
			left join revs r on r.pending = x.pending
			returning 1
		)
		select revision from revs order by pending`);
	// bigint comes as a string from postgres-js.
	return resultRows<{ revision: string | number }>(result).map((r) => Number(r.revision));
}
