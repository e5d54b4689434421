import type { Measurement, MeasurementValue } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import { sameJudgement } from '$lib/domain/entry/review';
import type { Mutation, MutationEntity } from '$lib/domain/sync/mutation';
import { assessmentId, measurementId } from '$lib/domain/ids';
import type { SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { assessments, measurements } from '../db/schema';

/**
 * What differs between the two synced entities, in one place; the apply and
 * pull logic is otherwise the same for both.
 */

export type SyncedRow = Measurement | Assessment;

/**
 * Both tables have the same synced columns (id, row, revision, seeded_revision,
 * last_client_id, conflicts). Drizzle types each table separately, so generic
 * code addresses either through the measurements type; the SQL it builds
 * always names the table actually passed.
 */
export type SyncedTable = typeof measurements;

export function tableOf(entity: MutationEntity): SyncedTable {
	return (entity === 'measurement' ? measurements : assessments) as SyncedTable;
}

export function measurementKeyColumns(row: Measurement) {
	return {
		indicatorId: row.indicatorId,
		organisationId: row.organisationId,
		year: row.year,
		gender: row.gender
	};
}

export function assessmentKeyColumns(row: Assessment) {
	return { goalId: row.goalId, year: row.year };
}

/**
 * A new row's columns: the jsonb row, its indexed key columns and the given
 * sync columns. Typed per entity, then addressed through SyncedTable.
 */
export function insertValues(
	mutation: Mutation,
	synced: { revision: SQL<number>; lastClientId: string }
): PgInsertValue<SyncedTable> {
	const common = { id: mutation.row.id, ...synced };
	return mutation.entity === 'measurement'
		? ({
				...common,
				row: mutation.row,
				...measurementKeyColumns(mutation.row)
			} satisfies PgInsertValue<typeof measurements>)
		: ({
				...common,
				row: mutation.row,
				...assessmentKeyColumns(mutation.row)
			} satisfies PgInsertValue<typeof assessments> as never);
}

/** The indexed columns beside the jsonb row, for an update. */
export function keyColumnsOf(mutation: Mutation): Record<string, string | number> {
	return mutation.entity === 'measurement'
		? measurementKeyColumns(mutation.row)
		: assessmentKeyColumns(mutation.row);
}

/**
 * The one value a person sees change and that a conflict is about: a
 * measurement's value, an assessment's status. The full row is kept beside it.
 */
export function valueOf(entity: MutationEntity, row: SyncedRow): MeasurementValue {
	return entity === 'measurement' ? (row as Measurement).value : (row as Assessment).status;
}

/**
 * Whether two rows say the same thing, whoever typed them and when: two
 * people entering the same figure from the same report is no conflict.
 */
export function sameContent(entity: MutationEntity, a: SyncedRow, b: SyncedRow): boolean {
	if (entity === 'measurement') {
		const [x, y] = [a as Measurement, b as Measurement];
		return x.value === y.value && x.status === y.status && x.note === y.note && sameReview(x, y);
	}
	return sameJudgement(a as Assessment, b as Assessment) && sameReview(a, b);
}

/** The same place in the reporting round: a review's state and words, whoever made it and when. */
function sameReview(a: SyncedRow, b: SyncedRow): boolean {
	return a.review?.state === b.review?.state && a.review?.comment === b.review?.comment;
}

/**
 * Ids are derived from the natural key so two devices never create two rows
 * for one value; a row whose id does not match its key would slip past that,
 * so it is refused. Returns a Swedish reason, or null when the row is fine.
 */
export function idMismatchReason(mutation: Mutation): string | null {
	if (mutation.entity === 'measurement') {
		const { indicatorId, organisationId, year, gender } = mutation.row;
		return mutation.row.id === measurementId(indicatorId, organisationId, year, gender)
			? null
			: 'Mätvärdets id stämmer inte med indikator, organisation, år och kön.';
	}
	const { goalId, year } = mutation.row;
	return mutation.row.id === assessmentId(goalId, year)
		? null
		: 'Bedömningens id stämmer inte med mål och år.';
}
