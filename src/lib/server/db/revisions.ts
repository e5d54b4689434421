import { sql, type SQL } from 'drizzle-orm';
import type { Transaction } from './connection';

/**
 * Revisions of synced rows, and the one promise a pull relies on: when a
 * pull answers "everything up to revision R", no transaction can still
 * commit a synced row at a revision ≤ R (docs/sync.md).
 *
 * Writers do not queue for one lock: they take revisions from the sequence
 * and commit side by side, so revision 11 may commit before 10. Instead
 * every writer declares itself before it takes its first revision: it holds,
 * until it ends, a shared advisory lock whose key is the newest revision
 * handed out at that moment (IN_FLIGHT_BASE + that revision). Every revision
 * it takes afterwards is higher than that key. Advisory locks are visible
 * to every connection at once (pg_locks) and vanish when their transaction
 * ends, only after its rows have become visible (or it rolled back, or its
 * connection died).
 *
 * A pull first reads the newest revision handed out (V), then the lowest
 * key still held (M), and then, in a later statement, the rows up to
 * min(V, M): each of those revisions was taken before V was read, so its
 * writer had declared itself before M was read, and is either still holding
 * its key (then the revision is above M) or finished (then its rows are
 * visible to the later statement, or were rolled back).
 */

/** Keys IN_FLIGHT_BASE + revision ('LI' in the high bytes), apart from every other advisory lock. */
const IN_FLIGHT_BASE = 0x4c49n << 48n;
const IN_FLIGHT_SPAN = 1n << 48n;

/**
 * The newest revision the sequence has handed out (0 before the first), as
 * a column of `from revision_seq as seq`. Read by scanning the sequence in
 * the FROM clause, not in a scalar subquery: PostgreSQL evaluates those
 * lazily, at first use, which could come after what must follow the read.
 */
const newestRevision = sql.raw(
	`(case when seq.is_called then seq.last_value else seq.last_value - 1 end)`
);

/**
 * The first common table expressions of the statement that writes a push:
 * it declares its transaction in flight, then takes `count` new revisions,
 * in one round trip. `revs` has one row per revision, `pending` 0…count-1
 * in increasing revision order. The declaration is a materialized CTE that
 * every revision is joined with, so it is made before the first revision
 * is taken (a row is computed only once both sides of the join have one).
 */
export function revisionsTakenInFlight(count: number): SQL {
	return sql`
		in_flight as materialized (select pg_advisory_xact_lock_shared(${sql.raw(String(IN_FLIGHT_BASE))} + ${newestRevision}) as declared from revision_seq as seq),
		allocated as materialized (select nextval('revision_seq') as revision from in_flight, generate_series(1, ${count}::int)),
		revs as materialized (select (row_number() over (order by revision) - 1)::int as pending, revision from allocated)`;
}

/** An arbitrary constant naming the lock that seeding transactions take ('Läge'). */
const SEEDING_LOCK_KEY = 0x4c616765;

/**
 * For bulk writers that insert synced rows in many statements (seeding the
 * demo and benchmark data): one seeder at a time, so two servers starting
 * on one database at once seed only once; and declared in flight, as a
 * push is, before the first revision. Held until the transaction ends.
 */
export async function lockForSeeding(tx: Transaction): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(SEEDING_LOCK_KEY))})`);
	await tx.execute(
		sql`select pg_advisory_xact_lock_shared(${sql.raw(String(IN_FLIGHT_BASE))} + ${newestRevision}) from revision_seq as seq`
	);
}

/**
 * The newest revision below which everything is settled: no transaction in
 * flight may still commit a synced row at or below it. A scalar subquery,
 * to read with other small facts in one statement; it reads the newest
 * revision handed out and then the in-flight keys (the LATERAL subquery
 * refers to the sequence's row, so it runs after that row is read). The
 * rows must then be read by a later statement, which sees every transaction
 * that had finished by then.
 */
export function settledRevisionSql(): SQL<number> {
	return sql<number>`(
		select least(${newestRevision}, coalesce(held.lowest, ${newestRevision}))
		from revision_seq as seq
		cross join lateral (
			select min(((l.classid::bigint << 32) | l.objid::bigint) - ${sql.raw(String(IN_FLIGHT_BASE))}) as lowest
			from pg_locks as l
			where seq.last_value is not null and l.locktype = 'advisory' and l.objsubid = 1
				and l.database = (select oid from pg_database where datname = current_database())
				and ((l.classid::bigint << 32) | l.objid::bigint) >= ${sql.raw(String(IN_FLIGHT_BASE))}
				and ((l.classid::bigint << 32) | l.objid::bigint) < ${sql.raw(String(IN_FLIGHT_BASE + IN_FLIGHT_SPAN))}
		) as held)`.mapWith(Number);
}

/**
 * The next global revision, as an SQL expression to use inside an insert or
 * update. Only for bulk writers that hold lockForSeeding; a sync uses
 * revisionsTakenInFlight.
 */
export function nextRevision() {
	return sql<number>`nextval('revision_seq')`;
}
