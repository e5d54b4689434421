import { createHash, randomUUID } from 'node:crypto';
import { and, asc, inArray, gt, lte, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Mutation, MutationEntity } from '$lib/domain/sync/mutation';
import type { Assessment } from '$lib/domain/figures/assessment';
import { reviewMoved, sameJudgement } from '$lib/domain/entry/review';
import {
	DEFAULT_PAGE_SIZE,
	PROTOCOL_VERSION,
	type Change,
	type MutationOutcome,
	type SyncRequest,
	type SyncResponse
} from '$lib/domain/sync/sync-protocol';
import { runsOneTransactionAtATime, type Database, type Transaction } from '../db/connection';
import { appliedMutations, measurements, serverMeta, SYNCED_ENTITIES } from '../db/schema';
import { writeStamped, type AnswerWrite, type HistoryWrite, type Revision } from './stamped-writes';
import { lockForEdits, lockMoreGroupings, type LockedRow } from '../db/locks';
import { settledRevisionSql } from '../db/revisions';
import { toConflictingValue, type StoredConflict } from '../db/stored-conflict';
import { idMismatchReason, sameContent, tableOf, valueOf, type SyncedRow } from './entities';
import { loadAccessData, refusalReason, type AccessData, type SyncActor } from './authorize';
import { readableGroupings } from '../reference/read';
import { visibleIn } from './visibility';
import { pullProgress } from './pull-progress';
import { stampedByServer } from './server-time';

/**
 * One sync exchange for one signed-in user: apply the client's outbox in
 * order, then send what changed after the client's last revision.
 *
 * The push is one transaction, so a failure leaves nothing half-applied and
 * the client simply retries (replays are no-ops). Pushes run side by side:
 * only two writing the same row take turns, and none waits for another's
 * commit (docs/sync.md). The pull runs after the commit and never passes a
 * revision that a transaction still in flight may commit (revisions.ts).
 *
 * Every mutation is checked against the user's roles; a refused one is
 * answered `rejected` with the reason, and the rest of the batch still
 * applies. The pull sends only rows of the groupings the user has a role in.
 */
export async function applySync(
	db: Database,
	request: SyncRequest,
	actor: SyncActor
): Promise<SyncResponse> {
	const groupings = readableGroupings(actor.roles);
	const alone = runsOneTransactionAtATime(db);
	const outcomes =
		request.mutations.length > 0
			? await db.transaction((tx) =>
					pushMutations(tx, request.clientId, request.mutations, actor, alone)
				)
			: [];
	const { settled, epoch } = await settledRevisionAndEpoch(db, alone);
	const page = await pullChanges(
		db,
		request.lastRevision,
		settled,
		request.pageSize ?? DEFAULT_PAGE_SIZE,
		groupings
	);
	return {
		protocol: PROTOCOL_VERSION,
		serverEpoch: viewEpoch(epoch, groupings),
		outcomes,
		...page,
		...(await pullProgress(db, request, page, groupings))
	};
}

/**
 * The epoch a client sees names the database AND the groupings the user may
 * read. When a role is added or removed it changes, and the client, as for
 * a replaced database, pulls again from 0: a pull "after revision N" would
 * never send the older rows of a grouping the user has just been given.
 */
function viewEpoch(databaseEpoch: string, groupings: readonly string[]): string {
	return `${databaseEpoch}.${createHash('sha256').update(groupings.join('\n')).digest('hex').slice(0, 12)}`;
}

const EPOCH_KEY = 'epoch';

/**
 * The revision a pull may answer up to (revisions.ts) and the database's
 * epoch (see SyncResponse.serverEpoch), made on first use, in one statement.
 * A database that runs one transaction at a time has nothing in flight while
 * the pull's statement runs: there the pull needs no bound.
 */
async function settledRevisionAndEpoch(
	db: Database,
	alone: boolean
): Promise<{ settled: number; epoch: string }> {
	const epochSql = sql<
		string | null
	>`(select ${serverMeta.value} #>> '{}' from ${serverMeta} where ${serverMeta.key} = ${EPOCH_KEY})`;
	const settledSql = alone
		? sql<number>`${Number.MAX_SAFE_INTEGER}::bigint`.mapWith(Number)
		: settledRevisionSql();
	const read = async () =>
		(await db.select({ settled: settledSql, epoch: epochSql }).from(sql`(select 1) as one`))[0];
	let found = await read();
	if (found.epoch === null) {
		await db
			.insert(serverMeta)
			.values({ key: EPOCH_KEY, value: randomUUID() })
			.onConflictDoNothing();
		found = await read();
	}
	return { settled: found.settled, epoch: found.epoch! };
}

// ---------------------------------------------------------------- push

type CurrentRow = {
	row: SyncedRow;
	revision: Revision;
	seededRevision: number | null;
	lastClientId: string | null;
	conflicts: StoredConflict[];
};

/** A row as the batch leaves it; `changed` rows are written at the end. */
type BatchRow = CurrentRow & { entity: MutationEntity; changed: boolean };

type PendingOutcome =
	| { mutationId: string; result: 'applied' | 'conflict'; revision: Revision }
	| Extract<MutationOutcome, { result: 'rejected' }>;

/**
 * What one push does, decided in memory before anything is written: the rows
 * as the batch leaves them, the history entries and the answers, with the
 * revisions they will get numbered in the order the changes were made.
 */
type Batch = {
	clientId: string;
	rows: Map<string, BatchRow>;
	history: HistoryWrite[];
	/** This push's answers by mutation id, the ones to remember in applied_mutations. */
	answered: Map<string, PendingOutcome>;
	revisionsTaken: number;
};

const rowKey = (entity: MutationEntity, id: string) => `${entity}:${id}`;

/**
 * 1. lock the groupings the batch writes in (shared, against a round being
 *    locked meanwhile) and the batch's rows, in one statement, and only then
 *    read the rounds and the rest it is judged by, its earlier answers and
 *    its rows as committed (the reads side by side, one round trip);
 * 2. decide every mutation in order, in memory;
 * 3. declare the transaction in flight, take the revisions, and write rows,
 *    history and answers, in one statement (stamped-writes.ts); the commit
 *    follows at once.
 *
 * A pending revision never equals a client's base revision, so a second edit
 * of a row in one batch is judged against the first as the rules say.
 */
async function pushMutations(
	tx: Transaction,
	clientId: string,
	mutations: readonly Mutation[],
	actor: SyncActor,
	alone: boolean
): Promise<MutationOutcome[]> {
	const parents = {
		indicatorIds: mutations.flatMap((m) => (m.entity === 'measurement' ? [m.row.indicatorId] : [])),
		goalIds: mutations.flatMap((m) => (m.entity === 'assessment' ? [m.row.goalId] : []))
	};
	// Where nothing runs beside this transaction (PGlite) there is nothing to lock against.
	const locked = alone ? [] : await lockForEdits(tx, parents, mutations.map(lockedRowOf));
	const lockMore = alone
		? async () => {}
		: (groupingIds: readonly string[]) => lockMoreGroupings(tx, groupingIds);
	const [access, earlier, rows] = await Promise.all([
		loadAccessData(tx, mutations, actor, locked, lockMore),
		storedOutcomes(
			tx,
			mutations.map((m) => m.mutationId)
		),
		currentRows(tx, mutations)
	]);
	const batch: Batch = { clientId, rows, history: [], answered: new Map(), revisionsTaken: 0 };
	const pending = mutations.map(
		(m) =>
			earlier.get(m.mutationId) ??
			batch.answered.get(m.mutationId) ??
			answer(batch, m, actor, access)
	);

	const revisions = await writeStamped(tx, clientId, {
		revisionsTaken: batch.revisionsTaken,
		rows: [...batch.rows.values()].filter((r) => r.changed),
		history: batch.history,
		answers: [...batch.answered].map(([mutationId, outcome]): AnswerWrite => ({
			mutationId,
			outcome
		}))
	});
	const stamp = (revision: Revision) =>
		typeof revision === 'number' ? revision : revisions[revision.pending];
	return pending.map((outcome) =>
		outcome.result === 'rejected' ? outcome : { ...outcome, revision: stamp(outcome.revision) }
	);
}

function lockedRowOf(mutation: Mutation): LockedRow {
	const parent = mutation.entity === 'measurement' ? mutation.row.indicatorId : mutation.row.goalId;
	return { entity: mutation.entity, id: mutation.row.id, parent };
}

/** Earlier answers to these mutations: a replayed mutation (the client did not get the first answer) gets the same one and changes nothing. */
async function storedOutcomes(
	tx: Transaction,
	mutationIds: readonly string[]
): Promise<Map<string, MutationOutcome>> {
	const found = await tx
		.select({ mutationId: appliedMutations.mutationId, outcome: appliedMutations.outcome })
		.from(appliedMutations)
		.where(inArray(appliedMutations.mutationId, [...new Set(mutationIds)]));
	return new Map(found.map((f) => [f.mutationId, f.outcome]));
}

/** The batch's rows as committed (read after their locks are held, so no other sync is changing them). */
async function currentRows(
	tx: Transaction,
	mutations: readonly Mutation[]
): Promise<Map<string, BatchRow>> {
	const read = async (entity: MutationEntity) => {
		const ids = [...new Set(mutations.filter((m) => m.entity === entity).map((m) => m.row.id))];
		if (ids.length === 0) return [];
		const table = tableOf(entity);
		const found = await tx
			.select({
				id: table.id,
				row: table.row,
				revision: table.revision,
				seededRevision: table.seededRevision,
				lastClientId: table.lastClientId,
				conflicts: table.conflicts
			})
			.from(table)
			.where(inArray(table.id, ids));
		return found.map(({ id, ...row }): [string, BatchRow] => [
			rowKey(entity, id),
			{ ...row, entity, changed: false }
		]);
	};
	return new Map((await Promise.all(SYNCED_ENTITIES.map(read))).flat());
}

/** One mutation's answer, with its effect on the batch's rows. */
function answer(
	batch: Batch,
	mutation: Mutation,
	actor: SyncActor,
	access: AccessData
): PendingOutcome {
	const current = batch.rows.get(rowKey(mutation.entity, mutation.row.id));
	const refused = refusalReason(access, actor, mutation, current?.row);
	const outcome: PendingOutcome = refused
		? { mutationId: mutation.mutationId, result: 'rejected', reason: refused }
		: decideAndRecord(
				batch,
				stampedByServer(authoredBy(mutation, actor.name, current?.row), current?.row, new Date()),
				current
			);
	batch.answered.set(mutation.mutationId, outcome);
	return outcome;
}

/**
 * Who made a change is the signed-in user, whatever name the client put in
 * the row; the same for a review transition (submitted, approved, returned).
 */
function authoredBy(mutation: Mutation, name: string, current: SyncedRow | undefined): Mutation {
	const { review } = mutation.row;
	if (!review || !reviewMoved(current?.review, review))
		return { ...mutation, row: { ...mutation.row, updatedBy: name } } as Mutation;
	// An assessment's review alone leaves its author (who wrote the analysis) as it was.
	const author =
		mutation.entity === 'assessment' &&
		current &&
		sameJudgement(current as Assessment, mutation.row)
			? current.updatedBy
			: name;
	return {
		...mutation,
		row: { ...mutation.row, updatedBy: author, review: { ...review, by: name } }
	} as Mutation;
}

/** What a mutation does to a row that exists, in the order the rules are tried. */
type Decision = 'update' | 'resolution' | 'unchanged' | 'conflict';

/**
 * - based on the current revision: an ordinary update, or, when the row has
 *   open conflicts, their resolution (the client saw them and chose);
 * - the row's current value is this client's own edit: a later edit from the
 *   same device is never a conflict with itself, however stale its base;
 * - the same content another client already wrote: nothing to do;
 * - otherwise someone else changed the row since this edit's base: conflict.
 */
function decide(current: CurrentRow, mutation: Mutation, clientId: string): Decision {
	if (isBasedOnCurrent(current, mutation.baseRevision))
		return current.conflicts.length > 0 ? 'resolution' : 'update';
	if (current.lastClientId === clientId) return 'update';
	if (sameContent(mutation.entity, current.row, mutation.row)) return 'unchanged';
	return 'conflict';
}

/**
 * A null base means the client never got this row from the server. For a demo
 * row still at its seeded revision that is the same value the client's demo
 * copy holds, so the edit is based on the current row.
 */
function isBasedOnCurrent(current: CurrentRow, baseRevision: number | null): boolean {
	if (baseRevision === null)
		return current.seededRevision !== null && current.seededRevision === current.revision;
	return baseRevision === current.revision;
}

function decideAndRecord(
	batch: Batch,
	mutation: Mutation,
	current: BatchRow | undefined
): PendingOutcome {
	const reason = idMismatchReason(mutation);
	if (reason) return { mutationId: mutation.mutationId, result: 'rejected', reason };
	if (!current) return applied(mutation, recordChange(batch, mutation, undefined, 'update'));
	switch (decide(current, mutation, batch.clientId)) {
		case 'update':
			return applied(mutation, recordChange(batch, mutation, current, 'update'));
		case 'resolution':
			return applied(mutation, recordChange(batch, mutation, current, 'resolution'));
		case 'unchanged':
			return applied(mutation, current.revision);
		case 'conflict':
			return {
				mutationId: mutation.mutationId,
				result: 'conflict',
				revision: recordConflict(batch, mutation, current)
			};
	}
}

function applied(mutation: Mutation, revision: Revision): PendingOutcome {
	return { mutationId: mutation.mutationId, result: 'applied', revision };
}

function takeRevision(batch: Batch): Revision {
	return { pending: batch.revisionsTaken++ };
}

/** An accepted edit replaces the row (or creates it); a resolution also closes the row's open conflict. */
function recordChange(
	batch: Batch,
	mutation: Mutation,
	current: BatchRow | undefined,
	kind: 'update' | 'resolution'
): Revision {
	const revision = takeRevision(batch);
	batch.rows.set(rowKey(mutation.entity, mutation.row.id), {
		entity: mutation.entity,
		row: mutation.row,
		revision,
		seededRevision: current?.seededRevision ?? null,
		lastClientId: batch.clientId,
		conflicts: kind === 'resolution' ? [] : (current?.conflicts ?? []),
		changed: true
	});
	batch.history.push({
		entity: mutation.entity,
		row: mutation.row,
		mutationId: mutation.mutationId,
		kind,
		revision,
		oldValue: current ? valueOf(mutation.entity, current.row) : null
	});
	return revision;
}

/**
 * The row keeps its value; the incoming one joins its open conflict. The
 * revision moves on anyway, so every client pulls the row and shows the
 * conflict. A newer losing edit from the same client replaces that client's
 * earlier one: it is the same person changing their mind, not a third opinion.
 */
function recordConflict(batch: Batch, mutation: Mutation, current: BatchRow): Revision {
	const incoming: StoredConflict = {
		mutationId: mutation.mutationId,
		value: valueOf(mutation.entity, mutation.row),
		row: mutation.row,
		by: mutation.row.updatedBy,
		at: mutation.row.updatedAt,
		clientId: batch.clientId
	};
	const revision = takeRevision(batch);
	const conflicts = [...current.conflicts.filter((c) => c.clientId !== batch.clientId), incoming];
	batch.rows.set(rowKey(mutation.entity, mutation.row.id), {
		...current,
		conflicts,
		revision,
		changed: true
	});
	batch.history.push({
		entity: mutation.entity,
		row: mutation.row,
		mutationId: mutation.mutationId,
		kind: 'conflict',
		revision,
		oldValue: valueOf(mutation.entity, current.row)
	});
	return revision;
}

// ---------------------------------------------------------------- pull

type Page = Pick<SyncResponse, 'changes' | 'lastRevision' | 'hasMore'>;

/**
 * Keyset paging: each table is read along its revision index from just after
 * the client's revision, at most one page plus one row (the extra row only
 * tells whether more wait), and the two are merged. Cost depends on the page
 * size, not on how many rows lie before or after it.
 *
 * Only revisions up to `settled` are read (settledRevisionSql, read by an
 * earlier statement): a higher one may be visible while a lower one is still
 * being committed, and a client that moved past the lower one would never
 * receive it. Both tables are read
 * in one statement (UNION ALL), at one moment. Rows above the settled
 * revision come with the next sync; hasMore says only whether more settled
 * rows wait.
 *
 * Only rows of the given groupings are read: the filter sits in the same
 * query as the revision order and limit, so a page is "the next visible rows"
 * and lastRevision never skips one.
 */
export async function pullChanges(
	db: Transaction | Database,
	afterRevision: number,
	settled: number,
	pageSize: number,
	groupings: readonly string[]
): Promise<Page> {
	const limit = pageSize + 1;
	const merged = await unionAll(
		changesOf(db, 'measurement', afterRevision, settled, limit, groupings),
		changesOf(db, 'assessment', afterRevision, settled, limit, groupings)
	)
		.orderBy(asc(measurements.revision))
		.limit(limit);
	const changes = merged
		.slice(0, pageSize)
		.map(
			({ entity, row, revision, conflicts }) =>
				({ entity, row, revision, conflicts: conflicts.map(toConflictingValue) }) as Change
		);
	return {
		changes,
		lastRevision: changes.at(-1)?.revision ?? afterRevision,
		hasMore: merged.length > pageSize
	};
}

function changesOf(
	db: Transaction | Database,
	entity: MutationEntity,
	afterRevision: number,
	settled: number,
	limit: number,
	groupings: readonly string[]
) {
	const table = tableOf(entity);
	return db
		.select({
			entity: sql<MutationEntity>`${entity}::text`.as('entity'),
			row: table.row,
			revision: table.revision,
			conflicts: table.conflicts
		})
		.from(table)
		.where(
			and(
				gt(table.revision, afterRevision),
				lte(table.revision, settled),
				visibleIn(db, entity, groupings)
			)
		)
		.orderBy(asc(table.revision))
		.limit(limit);
}
