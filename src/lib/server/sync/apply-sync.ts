import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Mutation, MutationEntity } from '$lib/domain/mutation';
import type { Measurement } from '$lib/domain/measurement';
import type { Review, ReviewState } from '$lib/domain/review';
import {
	DEFAULT_PAGE_SIZE,
	PROTOCOL_VERSION,
	type Change,
	type MutationOutcome,
	type SyncRequest,
	type SyncResponse
} from '$lib/domain/sync-protocol';
import type { Database, Transaction } from '../db/connection';
import { appliedMutations, assessments, history, measurements, referenceRows, serverMeta, type HistoryKind } from '../db/schema';
import { lockRevisions, nextRevision } from '../db/revisions';
import { toConflictingValue, type StoredConflict } from '../db/stored-conflict';
import { idMismatchReason, insertValues, keyColumnsOf, sameContent, tableOf, valueOf, type SyncedRow } from './entities';
import { loadAccessData, refusalReason, type AccessData, type SyncActor } from './authorize';
import { readableGroupings } from '../reference/read';

/**
 * One sync exchange for one signed-in user: apply the client's outbox in
 * order, then send what changed after the client's last revision. One
 * transaction, so a failure leaves nothing half-applied and the client simply
 * retries (replays are no-ops).
 *
 * Every mutation is checked against the user's roles; a refused one is
 * answered `rejected` with the reason, and the rest of the batch still
 * applies. The pull sends only rows of the groupings the user has a role in.
 */
export async function applySync(db: Database, request: SyncRequest, actor: SyncActor): Promise<SyncResponse> {
	const groupings = readableGroupings(actor.roles);
	return db.transaction(async (tx) => {
		if (request.mutations.length > 0) await lockRevisions(tx);
		const access = await loadAccessData(tx, request.mutations, actor);
		const outcomes: MutationOutcome[] = [];
		for (const mutation of request.mutations) outcomes.push(await applyMutation(tx, request.clientId, mutation, actor, access));
		const page = await pullChanges(tx, request.lastRevision, request.pageSize ?? DEFAULT_PAGE_SIZE, groupings);
		return { protocol: PROTOCOL_VERSION, serverEpoch: viewEpoch(await serverEpoch(tx), groupings), outcomes, ...page };
	});
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

/** The database's epoch, made on first use (see SyncResponse.serverEpoch). */
async function serverEpoch(tx: Transaction): Promise<string> {
	const read = async () => (await tx.select({ value: serverMeta.value }).from(serverMeta).where(eq(serverMeta.key, EPOCH_KEY)))[0];
	const found = (await read()) ?? (await tx.insert(serverMeta).values({ key: EPOCH_KEY, value: randomUUID() }).onConflictDoNothing(), await read());
	return String(found!.value);
}

// ---------------------------------------------------------------- push

async function applyMutation(tx: Transaction, clientId: string, mutation: Mutation, actor: SyncActor, access: AccessData): Promise<MutationOutcome> {
	const earlier = await storedOutcome(tx, mutation.mutationId);
	if (earlier) return earlier;
	const current = await loadForUpdate(tx, mutation.entity, mutation.row.id);
	const refused = refusalReason(access, actor, mutation, current?.row);
	const outcome: MutationOutcome = refused
		? { mutationId: mutation.mutationId, result: 'rejected', reason: refused }
		: await decideAndWrite(tx, clientId, authoredBy(mutation, actor.name, current?.row), current);
	await tx.insert(appliedMutations).values({ mutationId: mutation.mutationId, clientId, outcome });
	return outcome;
}

/**
 * Who made a change is the signed-in user, whatever name the client put in
 * the row; the same for a review transition (submitted, approved, returned).
 */
function authoredBy(mutation: Mutation, name: string, current: SyncedRow | undefined): Mutation {
	if (mutation.entity === 'measurement' && mutation.row.review && reviewMoved((current as Measurement | undefined)?.review, mutation.row.review)) {
		return { ...mutation, row: { ...mutation.row, updatedBy: name, review: { ...mutation.row.review, by: name } } };
	}
	return { ...mutation, row: { ...mutation.row, updatedBy: name } } as Mutation;
}

function reviewMoved(before: Review | undefined, after: Review): boolean {
	return before?.state !== after.state || before.comment !== after.comment;
}

/** A replayed mutation (the client did not get the first answer) gets that same answer and changes nothing. */
async function storedOutcome(tx: Transaction, mutationId: string): Promise<MutationOutcome | undefined> {
	const [found] = await tx.select({ outcome: appliedMutations.outcome }).from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId));
	return found?.outcome;
}

type CurrentRow = { row: SyncedRow; revision: number; seededRevision: number | null; lastClientId: string | null; conflicts: StoredConflict[] };

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
	if (isBasedOnCurrent(current, mutation.baseRevision)) return current.conflicts.length > 0 ? 'resolution' : 'update';
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
	if (baseRevision === null) return current.seededRevision !== null && current.seededRevision === current.revision;
	return baseRevision === current.revision;
}

async function decideAndWrite(tx: Transaction, clientId: string, mutation: Mutation, current: CurrentRow | undefined): Promise<MutationOutcome> {
	const reason = idMismatchReason(mutation);
	if (reason) return { mutationId: mutation.mutationId, result: 'rejected', reason };
	if (!current) return applied(mutation, await insertRow(tx, clientId, mutation));
	switch (decide(current, mutation, clientId)) {
		case 'update':
			return applied(mutation, await updateRow(tx, clientId, mutation, current, 'update'));
		case 'resolution':
			return applied(mutation, await updateRow(tx, clientId, mutation, current, 'resolution'));
		case 'unchanged':
			return applied(mutation, current.revision);
		case 'conflict':
			return { mutationId: mutation.mutationId, result: 'conflict', revision: await recordConflict(tx, clientId, mutation, current) };
	}
}

function applied(mutation: Mutation, revision: number): MutationOutcome {
	return { mutationId: mutation.mutationId, result: 'applied', revision };
}

async function loadForUpdate(tx: Transaction, entity: MutationEntity, id: string): Promise<CurrentRow | undefined> {
	const table = tableOf(entity);
	const [found] = await tx
		.select({ row: table.row, revision: table.revision, seededRevision: table.seededRevision, lastClientId: table.lastClientId, conflicts: table.conflicts })
		.from(table)
		.where(eq(table.id, id))
		.for('update');
	return found;
}

async function insertRow(tx: Transaction, clientId: string, mutation: Mutation): Promise<number> {
	const table = tableOf(mutation.entity);
	const [{ revision }] = await tx
		.insert(table)
		.values(insertValues(mutation, { revision: nextRevision(), lastClientId: clientId }))
		.returning({ revision: table.revision });
	await writeHistory(tx, clientId, mutation, { kind: 'update', revision, oldValue: null });
	return revision;
}

/** An accepted edit replaces the row; a resolution also closes the row's open conflict. */
async function updateRow(tx: Transaction, clientId: string, mutation: Mutation, current: CurrentRow, kind: 'update' | 'resolution'): Promise<number> {
	const table = tableOf(mutation.entity);
	const [{ revision }] = await tx
		.update(table)
		.set({
			row: mutation.row as never,
			...keyColumnsOf(mutation),
			revision: nextRevision(),
			lastClientId: clientId,
			...(kind === 'resolution' ? { conflicts: [] } : {})
		})
		.where(eq(table.id, mutation.row.id))
		.returning({ revision: table.revision });
	await writeHistory(tx, clientId, mutation, { kind, revision, oldValue: valueOf(mutation.entity, current.row) });
	return revision;
}

/**
 * The row keeps its value; the incoming one joins its open conflict. The
 * revision moves on anyway, so every client pulls the row and shows the
 * conflict. A newer losing edit from the same client replaces that client's
 * earlier one: it is the same person changing their mind, not a third opinion.
 */
async function recordConflict(tx: Transaction, clientId: string, mutation: Mutation, current: CurrentRow): Promise<number> {
	const table = tableOf(mutation.entity);
	const incoming: StoredConflict = {
		mutationId: mutation.mutationId,
		value: valueOf(mutation.entity, mutation.row),
		row: mutation.row,
		by: mutation.row.updatedBy,
		at: mutation.row.updatedAt,
		clientId
	};
	const conflicts = [...current.conflicts.filter((c) => c.clientId !== clientId), incoming];
	const [{ revision }] = await tx
		.update(table)
		.set({ conflicts, revision: nextRevision() })
		.where(eq(table.id, mutation.row.id))
		.returning({ revision: table.revision });
	await writeHistory(tx, clientId, mutation, { kind: 'conflict', revision, oldValue: valueOf(mutation.entity, current.row) });
	return revision;
}

async function writeHistory(
	tx: Transaction,
	clientId: string,
	mutation: Mutation,
	entry: { kind: HistoryKind; revision: number; oldValue: unknown }
): Promise<void> {
	await tx.insert(history).values({
		entity: mutation.entity,
		rowId: mutation.row.id,
		revision: entry.revision,
		kind: entry.kind,
		oldValue: entry.oldValue,
		newValue: valueOf(mutation.entity, mutation.row),
		row: mutation.row,
		by: mutation.row.updatedBy,
		at: mutation.row.updatedAt,
		clientId,
		mutationId: mutation.mutationId
	});
}

// ---------------------------------------------------------------- pull

type Page = Pick<SyncResponse, 'changes' | 'lastRevision' | 'hasMore'>;

/**
 * Keyset paging: each table is read along its revision index from just after
 * the client's revision, at most one page plus one row (the extra row only
 * tells whether more wait), and the two are merged. Cost depends on the page
 * size, not on how many rows lie before or after it.
 *
 * Only rows of the given groupings are read: the filter sits in the same
 * query as the revision order and limit, so a page is "the next visible rows"
 * and lastRevision never skips one.
 */
export async function pullChanges(tx: Transaction | Database, afterRevision: number, pageSize: number, groupings: readonly string[]): Promise<Page> {
	const limit = pageSize + 1;
	const merged = [...(await changesOf(tx, 'measurement', afterRevision, limit, groupings)), ...(await changesOf(tx, 'assessment', afterRevision, limit, groupings))]
		.sort((a, b) => a.revision - b.revision)
		.slice(0, limit);
	const changes = merged.slice(0, pageSize);
	return { changes, lastRevision: changes.at(-1)?.revision ?? afterRevision, hasMore: merged.length > pageSize };
}

async function changesOf(tx: Transaction | Database, entity: MutationEntity, afterRevision: number, limit: number, groupings: readonly string[]): Promise<Change[]> {
	const table = tableOf(entity);
	const rows = await tx
		.select({ row: table.row, revision: table.revision, conflicts: table.conflicts })
		.from(table)
		.where(and(gt(table.revision, afterRevision), visibleIn(tx, entity, groupings)))
		.orderBy(asc(table.revision))
		.limit(limit);
	return rows.map(({ row, revision, conflicts }) => ({ entity, row, revision, conflicts: conflicts.map(toConflictingValue) }) as Change);
}

/** A value is visible through its indicator's grouping, an assessment through its goal's. */
function visibleIn(tx: Transaction | Database, entity: MutationEntity, groupings: readonly string[]): SQL {
	const parent = entity === 'measurement' ? 'indicator' : 'goal';
	const parentIds = tx
		.select({ id: referenceRows.id })
		.from(referenceRows)
		.where(and(eq(referenceRows.entity, parent), inArray(referenceRows.groupingId, [...groupings])));
	return entity === 'measurement' ? inArray(measurements.indicatorId, parentIds) : inArray(assessments.goalId, parentIds);
}

// ---------------------------------------------------------------- history

export type HistoryEntry = {
	revision: number;
	kind: HistoryKind;
	oldValue: unknown;
	newValue: unknown;
	row: SyncedRow;
	by: string;
	at: string;
	clientId: string | null;
	mutationId: string | null;
	recordedAt: string;
	/** A move in the reporting round made by this change: from, to, and the reviewer's comment. */
	review: ReviewTransition | null;
};

export type ReviewTransition = { from: ReviewState | null; to: ReviewState | null; comment: string };

/** Every recorded change and conflicting value of one row, newest first. */
export async function historyOf(db: Database, entity: MutationEntity, rowId: string): Promise<HistoryEntry[]> {
	const rows = await db
		.select()
		.from(history)
		.where(and(eq(history.entity, entity), eq(history.rowId, rowId)))
		.orderBy(desc(history.revision), desc(history.id));
	const transitions = reviewTransitions([...rows].reverse());
	return rows.map((r) => ({
		review: transitions.get(r.id) ?? null,
		revision: r.revision,
		kind: r.kind,
		oldValue: r.oldValue ?? null,
		newValue: r.newValue ?? null,
		row: r.row,
		by: r.by,
		at: r.at,
		clientId: r.clientId,
		mutationId: r.mutationId,
		recordedAt: r.recordedAt.toISOString()
	}));
}

/**
 * The review moves along a value's history (oldest first): each accepted
 * change compared with the row before it. A conflicting value never became
 * the row, so it moves nothing.
 */
function reviewTransitions(oldestFirst: readonly { id: number; kind: HistoryKind; row: SyncedRow }[]): Map<number, ReviewTransition> {
	const moves = new Map<number, ReviewTransition>();
	let before: Review | undefined;
	for (const entry of oldestFirst) {
		if (entry.kind === 'conflict') continue;
		const after = (entry.row as Measurement).review;
		if (after ? reviewMoved(before, after) : before !== undefined) {
			moves.set(entry.id, { from: before?.state ?? null, to: after?.state ?? null, comment: after?.comment ?? '' });
		}
		before = after;
	}
	return moves;
}
