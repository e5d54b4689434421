import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { MutationEntity } from '$lib/domain/sync/mutation';
import type { Database, Transaction } from '../db/connection';
import { assessments, measurements, referenceRows } from '../db/schema';

/**
 * Which synced rows a user may read: a value is visible through its
 * indicator's grouping, an assessment through its goal's. A condition for the
 * WHERE clause of a query on the entity's table, so the filter sits in the
 * same query as its order and limit (the pull) or its count (pull-progress).
 */
export function visibleIn(
	tx: Transaction | Database,
	entity: MutationEntity,
	groupings: readonly string[]
): SQL {
	const parent = entity === 'measurement' ? 'indicator' : 'goal';
	const parentIds = tx
		.select({ id: referenceRows.id })
		.from(referenceRows)
		.where(
			and(eq(referenceRows.entity, parent), inArray(referenceRows.groupingId, [...groupings]))
		);
	return entity === 'measurement'
		? inArray(measurements.indicatorId, parentIds)
		: inArray(assessments.goalId, parentIds);
}
