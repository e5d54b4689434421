import { and, desc, eq } from 'drizzle-orm';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { MutationEntity } from '$lib/domain/sync/mutation';
import { reviewMoved, type Review, type ReviewState } from '$lib/domain/entry/review';
import type { Database } from '../db/connection';
import { history, type HistoryKind } from '../db/schema';
import type { SyncedRow } from '../sync/entities';

/**
 * A value's history as the server recorded it: every accepted change and every
 * conflicting value, with the reporting round's moves read from the rows. The
 * sync writes these entries (stamped-writes.ts); this module only reads them.
 */

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

export type ReviewTransition = {
	from: ReviewState | null;
	to: ReviewState | null;
	comment: string;
};

/** Every recorded change and conflicting value of one row, newest first. */
export async function historyOf(
	db: Database,
	entity: MutationEntity,
	rowId: string
): Promise<HistoryEntry[]> {
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
function reviewTransitions(
	oldestFirst: readonly { id: number; kind: HistoryKind; row: SyncedRow }[]
): Map<number, ReviewTransition> {
	const moves = new Map<number, ReviewTransition>();
	let before: Review | undefined;
	for (const entry of oldestFirst) {
		if (entry.kind === 'conflict') continue;
		const after = (entry.row as Measurement).review;
		if (after ? reviewMoved(before, after) : before !== undefined) {
			moves.set(entry.id, {
				from: before?.state ?? null,
				to: after?.state ?? null,
				comment: after?.comment ?? ''
			});
		}
		before = after;
	}
	return moves;
}
