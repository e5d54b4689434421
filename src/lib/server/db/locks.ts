import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Transaction } from './connection';

/**
 * Advisory locks, held until the transaction ends, that let syncs run side
 * by side and still never interleave where it matters (docs/sync.md):
 *
 * - a grouping: every sync that writes its values or assessments holds it
 *   shared; an admin's change of the grouping (a reporting round opened,
 *   locked or reopened; a goal tree row, indicator or membership written or
 *   deleted) holds it exclusively. Such a change therefore waits for the
 *   syncs in flight in its grouping, and every later sync reads it as
 *   committed: no edit slips into a year locked meanwhile, and no value is
 *   written for an indicator being deleted.
 * - a synced row (or, for a large batch, every row of an indicator or goal
 *   at once): the writer of a row holds it exclusively from before it reads
 *   the row until it commits, so two syncs writing one row, or creating the
 *   same new row, take turns; the second reads what the first wrote and
 *   becomes an update, a conflict or a replay, never a duplicate key.
 *
 * Every transaction takes them in one order (groupings, then indicators and
 * goals, then rows), and within each kind in increasing key order, so no two
 * transactions ever wait for each other in a circle. (The in-flight key of
 * revisions.ts is shared by everyone and never waited for.) Keys are (kind, hashtext(name)); two names with the same hash
 * share a lock, which costs only a little waiting.
 */

const GROUPING_LOCK = 0x4c470001;
const PARENT_LOCK = 0x4c470002;
const ROW_LOCK = 0x4c470003;

/**
 * Above this many rows in one batch, a sync locks the rows' indicators and
 * goals instead of each row: advisory locks take room in PostgreSQL's shared
 * lock table (64 per connection by default), and a 500-value import would
 * otherwise take 500 of them.
 */
export const ROW_LOCK_LIMIT = 32;

type Mode = 'shared' | 'exclusive';

/** The keys of one kind, distinct and in increasing order, as a subquery. */
function sortedKeys(names: readonly string[]): SQL {
	return sql`(select distinct hashtext(name) as key from jsonb_array_elements_text(${JSON.stringify([...new Set(names)])}::jsonb) as name order by key)`;
}

function lockFunction(mode: Mode): SQL {
	return sql.raw(mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock');
}

/** An admin's change of these groupings: waits for their syncs in flight, and holds off new ones until it commits. */
export async function lockGroupingsExclusively(
	tx: Transaction,
	groupingIds: readonly string[]
): Promise<void> {
	await tx.execute(
		sql`select ${lockFunction('exclusive')}(${GROUPING_LOCK}::int, key) from ${sortedKeys(groupingIds)} as keys`
	);
}

/** A synced row as the locks name it: its entity, id and parent (the indicator of a value, the goal of an assessment). */
export type LockedRow = { entity: string; id: string; parent: string };

/**
 * Everything a sync that writes must hold before it reads what it decides
 * on, in one statement: the groupings of the given indicators and goals
 * (shared, against a round lock), then the rows, each under a shared lock of
 * its parent, or, for a batch of more than ROW_LOCK_LIMIT rows, each parent
 * exclusively, which covers all its rows. Each kind is a materialized CTE
 * joined with the count of the one before, so no lock of a kind is taken
 * before every lock of the kind before it is held; within a kind the keys
 * come in increasing order. Returns the groupings it locked.
 */
export async function lockForEdits(
	tx: Transaction,
	parents: { indicatorIds: readonly string[]; goalIds: readonly string[] },
	rows: readonly LockedRow[]
): Promise<string[]> {
	const parentKeys = rows.map((r) => `${r.entity}:${r.parent}`);
	const ids = rows.map((r) => `${r.entity}:${r.id}`);
	const perRow = new Set(ids).size <= ROW_LOCK_LIMIT;
	const list = (values: readonly string[]) =>
		sql`(select jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb))`;
	const result = await tx.execute(sql`
		with groupings as materialized (
			select distinct grouping_id from reference_rows
			where grouping_id is not null and ((entity = 'indicator' and id in ${list(parents.indicatorIds)}) or (entity = 'goal' and id in ${list(parents.goalIds)}))),
		grouping_locks as materialized (
			select ${lockFunction('shared')}(${GROUPING_LOCK}::int, key) from (select distinct hashtext(grouping_id) as key from groupings order by key) as keys),
		parent_locks as materialized (
			select ${lockFunction(perRow ? 'shared' : 'exclusive')}(${PARENT_LOCK}::int, key)
			from (select count(*) from grouping_locks) as before, ${sortedKeys(parentKeys)} as keys),
		row_locks as materialized (
			select ${lockFunction('exclusive')}(${ROW_LOCK}::int, key)
			from (select count(*) from parent_locks) as before, ${sortedKeys(perRow ? ids : [])} as keys)
		select grouping_id from groupings, (select count(*) from row_locks) as done`);
	return resultRows<{ grouping_id: string }>(result).map((r) => r.grouping_id);
}

/**
 * Locks more groupings (shared), after lockForEdits: see loadAccessData.
 * Taken after row locks, out of the usual order, yet no cycle can form: a
 * grouping lock is held exclusively only by an admin's change, which waits
 * for nothing a sync holds.
 */
export async function lockMoreGroupings(
	tx: Transaction,
	groupingIds: readonly string[]
): Promise<void> {
	await tx.execute(
		sql`select ${lockFunction('shared')}(${GROUPING_LOCK}::int, key) from ${sortedKeys(groupingIds)} as keys`
	);
}
