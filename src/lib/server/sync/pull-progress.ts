import { and, count, gt } from 'drizzle-orm';
import type { SyncRequest, SyncResponse } from '$lib/domain/sync/sync-protocol';
import type { Database, Transaction } from '../db/connection';
import { tableOf } from './entities';
import { visibleIn } from './visibility';

/**
 * How far a long pull has come: the number of visible changes after the
 * page just read, so that the app can say "Hämtar värden: 12 400 av 87 000".
 * Counted only when the client asks (once per sync, with its first request)
 * and more pages wait: a sync that fits in one page, which is nearly every
 * sync, costs nothing extra, and a first pull of a whole country counts once
 * instead of on each of its pages.
 */
export async function pullProgress(
	tx: Transaction | Database,
	request: Pick<SyncRequest, 'countRemaining'>,
	page: Pick<SyncResponse, 'lastRevision' | 'hasMore'>,
	groupings: readonly string[]
): Promise<Pick<SyncResponse, 'remaining'>> {
	if (!request.countRemaining || !page.hasMore) return {};
	return { remaining: await visibleChangesAfter(tx, page.lastRevision, groupings) };
}

/** Rows of the given groupings with a revision after `afterRevision`: what pulls from there would send. */
export async function visibleChangesAfter(
	tx: Transaction | Database,
	afterRevision: number,
	groupings: readonly string[]
): Promise<number> {
	let total = 0;
	for (const entity of ['measurement', 'assessment'] as const) {
		const table = tableOf(entity);
		const [{ n }] = await tx
			.select({ n: count() })
			.from(table)
			.where(and(gt(table.revision, afterRevision), visibleIn(tx, entity, groupings)));
		total += n;
	}
	return total;
}
