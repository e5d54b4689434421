import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { nextRevision } from '../db/revisions';
import {
	assessments,
	measurements,
	referenceRows,
	serverMeta,
	type ReferenceEntity
} from '../db/schema';

/**
 * Reading and writing the reference_rows table. Which grouping a row
 * belongs to is decided in ownership.ts; this file only stores it.
 */

type Db = Database | Transaction;
export type StoredReference = { row: Record<string, unknown>; groupingId: string | null };

export async function findReference(
	db: Db,
	entity: ReferenceEntity,
	id: string
): Promise<StoredReference | undefined> {
	const [found] = await db
		.select({ row: referenceRows.row, groupingId: referenceRows.groupingId })
		.from(referenceRows)
		.where(and(eq(referenceRows.entity, entity), eq(referenceRows.id, id)));
	return found;
}

/** Rows of one entity by id; ids that do not exist are simply absent from the map. */
export async function findReferences(
	db: Db,
	entity: ReferenceEntity,
	ids: readonly string[]
): Promise<Map<string, StoredReference>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: referenceRows.id, row: referenceRows.row, groupingId: referenceRows.groupingId })
		.from(referenceRows)
		.where(and(eq(referenceRows.entity, entity), inArray(referenceRows.id, [...new Set(ids)])));
	return new Map(rows.map(({ id, ...stored }) => [id, stored]));
}

/** Every row of the given entities belonging to any of the groupings, in the order they were first written. */
export async function referencesOfGroupings(
	db: Db,
	entities: readonly ReferenceEntity[],
	groupingIds: readonly string[]
) {
	return db
		.select({
			entity: referenceRows.entity,
			row: referenceRows.row,
			groupingId: referenceRows.groupingId
		})
		.from(referenceRows)
		.where(
			and(
				inArray(referenceRows.entity, [...entities]),
				inArray(referenceRows.groupingId, [...groupingIds])
			)
		)
		.orderBy(asc(referenceRows.position));
}

/** Rows of one entity by id, in the order they were first written. */
export async function referencesByIds(db: Db, entity: ReferenceEntity, ids: readonly string[]) {
	return db
		.select({ row: referenceRows.row })
		.from(referenceRows)
		.where(and(eq(referenceRows.entity, entity), inArray(referenceRows.id, [...new Set(ids)])))
		.orderBy(asc(referenceRows.position));
}

/** Creates or replaces a row, with a new revision. */
export async function putReference(
	tx: Transaction,
	entity: ReferenceEntity,
	row: { id: string } & Record<string, unknown>,
	groupingId: string | null
): Promise<number> {
	const [{ revision }] = await tx
		.insert(referenceRows)
		.values({ entity, id: row.id, row, groupingId, revision: nextRevision() })
		.onConflictDoUpdate({
			target: [referenceRows.entity, referenceRows.id],
			set: { row, groupingId, revision: nextRevision() }
		})
		.returning({ revision: referenceRows.revision });
	await bumpReferenceRevision(tx, revision);
	return revision;
}

export async function deleteReference(
	tx: Transaction,
	entity: ReferenceEntity,
	id: string
): Promise<void> {
	await tx
		.delete(referenceRows)
		.where(and(eq(referenceRows.entity, entity), eq(referenceRows.id, id)));
	await bumpReferenceRevision(tx);
}

const REFERENCE_REVISION_KEY = 'referenceRevision';

/**
 * One number that changes whenever anything a reference read depends on
 * changes: a reference row written or deleted, or anyone's roles (which
 * decide who sees which groupings). Taken from the same sequence as the
 * synced rows; the gaps this leaves there are harmless, since a pull only
 * ever asks "after revision N".
 */
export async function bumpReferenceRevision(tx: Transaction, revision?: number): Promise<number> {
	const value = revision ?? sql`to_jsonb(${nextRevision()})`;
	const [stored] = await tx
		.insert(serverMeta)
		.values({ key: REFERENCE_REVISION_KEY, value })
		.onConflictDoUpdate({ target: serverMeta.key, set: { value: sql`excluded.value` } })
		.returning({ value: serverMeta.value });
	return Number(stored.value);
}

export async function referenceRevision(db: Db): Promise<number> {
	const [found] = await db
		.select({ value: serverMeta.value })
		.from(serverMeta)
		.where(eq(serverMeta.key, REFERENCE_REVISION_KEY));
	return typeof found?.value === 'number' ? found.value : 0;
}

/** Whether any row points at `id` through one of the given fields: deleting or moving `id` would strand it. */
/** Whether a row of `entity` names `id` in `field` ("ratio.numeratorId" for a field inside an object). */
export async function isReferencedBy(
	db: Db,
	entity: ReferenceEntity,
	field: string,
	id: string
): Promise<boolean> {
	const path = field.split('.');
	const value =
		path.length === 1
			? sql`${referenceRows.row}->>${field}`
			: sql`${referenceRows.row}->${path[0]}->>${path[1]}`;
	const [found] = await db
		.select({ id: referenceRows.id })
		.from(referenceRows)
		.where(and(eq(referenceRows.entity, entity), sql`${value} = ${id}`))
		.limit(1);
	return found !== undefined;
}

export async function hasMeasurements(db: Db, indicatorId: string): Promise<boolean> {
	const [found] = await db
		.select({ id: measurements.id })
		.from(measurements)
		.where(eq(measurements.indicatorId, indicatorId))
		.limit(1);
	return found !== undefined;
}

export async function hasAssessments(db: Db, goalId: string): Promise<boolean> {
	const [found] = await db
		.select({ id: assessments.id })
		.from(assessments)
		.where(eq(assessments.goalId, goalId))
		.limit(1);
	return found !== undefined;
}
