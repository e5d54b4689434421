import type { LagesbildDatabase, OutboxEntry } from '$lib/local-store/database';
import {
	PROTOCOL_VERSION,
	MAX_MUTATIONS_PER_REQUEST,
	PULL_PAGE_SIZE,
	type Change,
	type MutationOutcome,
	type SyncRequest,
	type SyncResponse
} from '$lib/domain/sync/sync-protocol';
import type { Mutation } from '$lib/domain/sync/mutation';
import { LAST_REVISION_KEY, lastPulledRevision } from '$lib/local-store/sync-meta';
import { storageError } from '$lib/local-store/storage-errors';

/** Sends one request to the server. The browser uses `httpTransport`; tests pass an in-process server. */
export type SyncTransport = (request: SyncRequest) => Promise<SyncResponse>;

/** A failure the server stated (4xx): retrying the same request cannot help. */
export class SyncRefusedError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
		this.name = 'SyncRefusedError';
	}
}

export type SyncReport = {
	sent: number;
	applied: number;
	conflicts: number;
	rejected: number;
	received: number;
};

/**
 * How far a sync has come, reported after each exchange: sending the outbox
 * (edits sent of those waiting), then pulling (rows received of those the
 * server said lay ahead; `total` null while not known). `firstPull` when the
 * device had nothing from the server yet.
 */
export type SyncProgress = {
	phase: 'push' | 'pull';
	done: number;
	total: number | null;
	firstPull: boolean;
};

const CLIENT_ID_KEY = 'clientId';
const SERVER_EPOCH_KEY = 'serverEpoch';

/** Keeps a request well under the server's body limit even with long analysis texts. */
export const MAX_BATCH_BYTES = 1_000_000;

/** The id this device (this IndexedDB) sends with every request; made once. */
export async function clientIdOf(db: LagesbildDatabase): Promise<string> {
	return db.transaction('rw', db.meta, async () => {
		const existing = await db.meta.get(CLIENT_ID_KEY);
		if (typeof existing?.value === 'string') return existing.value;
		const id = crypto.randomUUID();
		await db.meta.put({ key: CLIENT_ID_KEY, value: id });
		return id;
	});
}

export { lastPulledRevision };

/**
 * One full sync: push the outbox in batches and pull until the server has
 * nothing more. An outbox entry leaves only in the same transaction that
 * records the server's answer to it, so a lost response or a closed tab
 * means the entry is sent again, and the server's replay check makes that
 * harmless.
 *
 * While a page of a long pull is being stored, the next page is already
 * asked for (only when nothing is left to push): the server reads and sends
 * it while the browser writes. Pages are still stored strictly in order, each
 * with its lastRevision in the same transaction, so an interrupted pull
 * resumes after the last page stored.
 */
export async function syncOnce(
	db: LagesbildDatabase,
	transport: SyncTransport,
	batchSize = MAX_MUTATIONS_PER_REQUEST,
	onProgress: (progress: SyncProgress) => void = () => {}
): Promise<SyncReport> {
	const report: SyncReport = { sent: 0, applied: 0, conflicts: 0, rejected: 0, received: 0 };
	const clientId = await inStore(clientIdOf(db));
	const firstPull = (await inStore(lastPulledRevision(db))) === 0;
	let toPush = await inStore(db.outbox.count());
	let pulled = 0;
	let pullTotal: number | null = null;
	// The first request asks how much its pull leaves (sync-protocol: countRemaining); so does the first after a restart from 0.
	let askCount = true;
	onProgress(
		toPush > 0
			? { phase: 'push', done: 0, total: toPush, firstPull }
			: { phase: 'pull', done: 0, total: null, firstPull }
	);
	let prefetched: { lastRevision: number; response: Promise<SyncResponse> } | null = null;
	for (;;) {
		const batch = limitBySize(await inStore(db.outbox.orderBy('seq').limit(batchSize).toArray()));
		const lastRevision = await inStore(lastPulledRevision(db));
		const usePrefetched: boolean =
			prefetched !== null && batch.length === 0 && prefetched.lastRevision === lastRevision;
		const response: SyncResponse = await (usePrefetched
			? prefetched!.response
			: transport(pullRequest(clientId, lastRevision, batch.map(toMutation), askCount)));
		if (!usePrefetched) askCount = false;
		prefetched = null;
		if (response.hasMore && (await db.outbox.count()) === batch.length) {
			prefetched = {
				lastRevision: response.lastRevision,
				response: transport(pullRequest(clientId, response.lastRevision, [], false))
			};
			// Awaited (and its failure reported) only if used; an unused one must not be an unhandled rejection.
			prefetched.response.catch(() => {});
		}
		const serverWasReplaced = await inStore(applyResponse(db, batch, response));
		report.sent += batch.length;
		report.received += response.changes.length;
		for (const outcome of response.outcomes) {
			if (outcome.result === 'applied') report.applied++;
			else if (outcome.result === 'conflict') report.conflicts++;
			else report.rejected++;
		}
		pulled += response.changes.length;
		if (response.remaining !== undefined) pullTotal = pulled + response.remaining;
		if (serverWasReplaced) [pulled, pullTotal, askCount] = [0, null, true];
		const left = await db.outbox.count();
		const moreToPush = left > 0 && batch.length > 0;
		toPush = Math.max(toPush, report.sent + left);
		onProgress(
			moreToPush
				? { phase: 'push', done: report.sent, total: toPush, firstPull }
				: {
						phase: 'pull',
						done: pulled,
						total: !response.hasMore
							? pulled
							: pullTotal === null
								? null
								: Math.max(pullTotal, pulled),
						firstPull
					}
		);
		if (!response.hasMore && !moreToPush && !serverWasReplaced) return report;
	}
}

/**
 * The local store's part of a sync: a failure there (a full disk, an aborted
 * transaction) is told apart from the network's, in Swedish. Each step is
 * one transaction, so a failed one leaves the outbox and the rows as they
 * were, and the next sync does it again.
 */
function inStore<T>(work: Promise<T>): Promise<T> {
	return work.catch((error) => {
		throw storageError(error, 'det som hämtades från servern');
	});
}

function pullRequest(
	clientId: string,
	lastRevision: number,
	mutations: Mutation[],
	countRemaining: boolean
): SyncRequest {
	return {
		protocol: PROTOCOL_VERSION,
		clientId,
		lastRevision,
		mutations,
		pageSize: PULL_PAGE_SIZE,
		...(countRemaining ? { countRemaining } : {})
	};
}

/** The first entries of the batch that fit in MAX_BATCH_BYTES, but always at least one. */
function limitBySize(batch: OutboxEntry[]): OutboxEntry[] {
	let bytes = 0;
	const fitting = batch.findIndex(
		(entry) => (bytes += JSON.stringify(entry).length) > MAX_BATCH_BYTES
	);
	return fitting === -1 ? batch : batch.slice(0, Math.max(1, fitting));
}

function toMutation(entry: OutboxEntry): Mutation {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- seq and previous are local bookkeeping, not part of the wire format
	const { seq, previous, ...mutation } = entry;
	return mutation as Mutation;
}

/** Records the server's answer; returns true when the server's database was replaced and a full pull is needed. */
async function applyResponse(
	db: LagesbildDatabase,
	batch: OutboxEntry[],
	response: SyncResponse
): Promise<boolean> {
	return db.transaction(
		'rw',
		[db.outbox, db.measurements, db.assessments, db.rejections, db.meta],
		async () => {
			const answered = new Set(response.outcomes.map((o) => o.mutationId));
			const done = batch.filter((e) => answered.has(e.mutationId));
			await db.outbox.bulkDelete(done.map((e) => e.seq!));
			for (const outcome of response.outcomes) {
				if (outcome.result !== 'rejected') continue;
				const entry = batch.find((e) => e.mutationId === outcome.mutationId);
				if (entry)
					await db.rejections.put({
						mutationId: entry.mutationId,
						entity: entry.entity,
						row: entry.row,
						reason: outcome.reason,
						at: new Date().toISOString()
					});
			}
			// A row with an edit still waiting keeps the user's value on screen; the
			// server sends the row again once that edit has been answered.
			const waiting = await db.outbox.toArray();
			const stillPending = new Set(waiting.map((e) => e.row.id));
			const stored = response.changes.filter((change) => !stillPending.has(change.row.id));
			await rememberServerRows(db, waiting, response.changes);
			// One bulkPut per table: a page of 10 000 rows is one request to IndexedDB, not 10 000.
			await db.measurements.bulkPut(
				stored.flatMap((c) => (c.entity === 'measurement' ? [localRow(c)] : []))
			);
			await db.assessments.bulkPut(
				stored.flatMap((c) => (c.entity === 'assessment' ? [localRow(c)] : []))
			);
			const sentBack = new Set(response.changes.map((c) => c.row.id));
			for (const [rowId, entries] of refusedLast(done, response)) {
				if (!stillPending.has(rowId) && !sentBack.has(rowId)) await restoreServerRow(db, entries);
			}
			const knownEpoch = (await db.meta.get(SERVER_EPOCH_KEY))?.value;
			const replaced = knownEpoch !== undefined && knownEpoch !== response.serverEpoch;
			await db.meta.put({ key: SERVER_EPOCH_KEY, value: response.serverEpoch });
			// Revisions of a replaced database mean nothing here: start the pull over.
			await db.meta.put({ key: LAST_REVISION_KEY, value: replaced ? 0 : response.lastRevision });
			return replaced;
		}
	);
}

/**
 * The server's newest copy of a row whose edit is still waiting becomes that
 * edit's `previous`: the pull has moved past its revision, so if the edit is
 * refused later, this copy, not the one the edit was typed over, is what the
 * device must go back to (restoreServerRow).
 */
async function rememberServerRows(
	db: LagesbildDatabase,
	waiting: readonly OutboxEntry[],
	changes: readonly Change[]
): Promise<void> {
	const latest = new Map(changes.map((change) => [change.row.id, change]));
	for (const entry of waiting) {
		const change = latest.get(entry.row.id);
		if (change && change.entity === entry.entity)
			await db.outbox.update(entry.seq!, { previous: localRow(change) as OutboxEntry['previous'] });
	}
}

type Answered = { entry: OutboxEntry; outcome: MutationOutcome };

/** The answered entries of each row whose last edit in the batch was refused, in the order they were made. */
function refusedLast(
	done: readonly OutboxEntry[],
	response: SyncResponse
): Map<string, Answered[]> {
	const outcomes = new Map(response.outcomes.map((o) => [o.mutationId, o]));
	const byRow = new Map<string, Answered[]>();
	for (const entry of [...done].sort((a, b) => a.seq! - b.seq!)) {
		byRow.set(entry.row.id, [
			...(byRow.get(entry.row.id) ?? []),
			{ entry, outcome: outcomes.get(entry.mutationId)! }
		]);
	}
	return new Map(
		[...byRow].filter(([, answered]) => answered.at(-1)!.outcome.result === 'rejected')
	);
}

/**
 * A refused edit must not stay on the device as if the server had it: the
 * row goes back to what the server holds, which is the row before the first
 * of these edits with every later accepted one applied. The refused value
 * itself is kept in `rejections` until the user dismisses it.
 */
async function restoreServerRow(
	db: LagesbildDatabase,
	answered: readonly Answered[]
): Promise<void> {
	let row: OutboxEntry['previous'] = answered[0].entry.previous;
	for (const { entry, outcome } of answered) {
		if (outcome.result === 'applied')
			row = { ...entry.row, serverRevision: outcome.revision } as OutboxEntry['previous'];
	}
	const {
		entity,
		row: { id }
	} = answered[0].entry;
	const table = entity === 'measurement' ? db.measurements : db.assessments;
	if (row) await table.put(row as never);
	else await table.delete(id);
}

/**
 * The row as the local store keeps it: with the revision it was seen at and
 * its open conflicts, if it has any. A row without one has no `conflicts`
 * at all, so the index of open conflicts (database.ts) holds only the few
 * rows that have one.
 */
function localRow<C extends Change>(
	change: C
): C['row'] & { serverRevision: number; conflicts?: Change['conflicts'] } {
	return change.conflicts.length > 0
		? { ...change.row, serverRevision: change.revision, conflicts: change.conflicts }
		: { ...change.row, serverRevision: change.revision };
}
