import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
// Type-only imports: drizzle-kit loads this file outside Vite, where `$lib` does not resolve.
import type { Measurement } from '../../domain/measurement';
import type { Assessment } from '../../domain/assessment';
import type { MutationOutcome } from '../../domain/sync-protocol';
import type { StoredConflict } from './stored-conflict';

/**
 * One global, increasing counter for every accepted change on any synced row.
 * A client remembers the highest revision it has pulled and asks for what
 * came after it, across both entities.
 */
export const revisionSequence = pgSequence('revision_seq', { startWith: 1 });

/**
 * Columns every synced row has. The row itself is kept whole as jsonb (the
 * wire format, so the pull sends it back unchanged); the key columns beside it
 * exist only to be indexed.
 */
function syncedColumns() {
	return {
		id: text('id').primaryKey(),
		/** Revision of the last change to this row, including a conflict arriving (so every client pulls it). */
		revision: bigint('revision', { mode: 'number' }).notNull(),
		/**
		 * The revision the demo data was seeded at. A client's demo rows carry no
		 * server revision (they come from the prerendered demo file), so an edit
		 * of one names base null; while the row is still at this revision that
		 * edit is based on exactly the server's value and is no conflict.
		 */
		seededRevision: bigint('seeded_revision', { mode: 'number' }),
		/** The client whose edit the current value is; its next edit never conflicts with itself. Null for seeded rows. */
		lastClientId: text('last_client_id'),
		/** Open conflict: competing values that arrived from an older base, until someone resolves them. */
		conflicts: jsonb('conflicts').$type<StoredConflict[]>().notNull().default(sql`'[]'::jsonb`)
	};
}

export const measurements = pgTable(
	'measurements',
	{
		...syncedColumns(),
		row: jsonb('row').$type<Measurement>().notNull(),
		indicatorId: text('indicator_id').notNull(),
		organisationId: text('organisation_id').notNull(),
		year: integer('year').notNull(),
		gender: text('gender').notNull()
	},
	(table) => [
		uniqueIndex('measurements_revision_idx').on(table.revision),
		index('measurements_indicator_year_idx').on(table.indicatorId, table.year),
		index('measurements_organisation_idx').on(table.organisationId)
	]
);

export const assessments = pgTable(
	'assessments',
	{
		...syncedColumns(),
		row: jsonb('row').$type<Assessment>().notNull(),
		goalId: text('goal_id').notNull(),
		year: integer('year').notNull()
	},
	(table) => [uniqueIndex('assessments_revision_idx').on(table.revision), index('assessments_goal_year_idx').on(table.goalId, table.year)]
);

export const HISTORY_KINDS = ['seed', 'update', 'conflict', 'resolution'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const SYNCED_ENTITIES = ['measurement', 'assessment'] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/**
 * Every accepted change and every conflicting value, never updated or
 * deleted: "every change is kept in its history", and a conflict's losing
 * value stays here after the conflict is resolved.
 */
export const history = pgTable(
	'history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		entity: text('entity').$type<SyncedEntity>().notNull(),
		rowId: text('row_id').notNull(),
		revision: bigint('revision', { mode: 'number' }).notNull(),
		kind: text('kind').$type<HistoryKind>().notNull(),
		/** The value before the change (measurement value, assessment status); null for a new row. */
		oldValue: jsonb('old_value').$type<unknown>(),
		/** The value the change brought, or for a conflict the value that was not applied. */
		newValue: jsonb('new_value').$type<unknown>(),
		/** The full row as the change proposed it. */
		row: jsonb('row').$type<Measurement | Assessment>().notNull(),
		/** Who made the edit (row.updatedBy) and when on their device (row.updatedAt, kept as sent). */
		by: text('by').notNull(),
		at: text('at').notNull(),
		clientId: text('client_id'),
		mutationId: text('mutation_id'),
		/** When the server received it. */
		recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(table) => [
		index('history_row_idx').on(table.entity, table.rowId, table.revision),
		check('history_kind_check', sql`${table.kind} in ('seed', 'update', 'conflict', 'resolution')`),
		check('history_entity_check', sql`${table.entity} in ('measurement', 'assessment')`)
	]
);

/** Each mutation id seen and the answer it got, so a replayed push is a no-op with the same answer. */
export const appliedMutations = pgTable('applied_mutations', {
	mutationId: text('mutation_id').primaryKey(),
	clientId: text('client_id').notNull(),
	outcome: jsonb('outcome').$type<MutationOutcome>().notNull(),
	appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
});

/** Small server facts, such as whether the demo data has been seeded. */
export const serverMeta = pgTable('server_meta', {
	key: text('key').primaryKey(),
	value: jsonb('value').$type<unknown>().notNull()
});
