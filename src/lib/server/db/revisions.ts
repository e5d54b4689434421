import { sql } from 'drizzle-orm';
import type { Transaction } from './connection';

/** An arbitrary constant naming the one lock every revision-assigning transaction takes ('Läge'). */
const REVISION_LOCK_KEY = 0x4c616765;

/**
 * Serialises the transactions that hand out revisions. Without it two syncs
 * could take revisions 10 and 11 and commit 11 first; a client pulling in
 * between would move past 10 and never see it. Under the lock, revisions are
 * committed in the order they were taken, so "everything after my last
 * revision" never skips a row. Readers need no lock. Held until the
 * transaction ends.
 */
export async function lockRevisions(tx: Transaction): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(REVISION_LOCK_KEY))})`);
}

/** The next global revision, as an SQL expression to use inside an insert or update. */
export function nextRevision() {
	return sql<number>`nextval('revision_seq')`;
}
