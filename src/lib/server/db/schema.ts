import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	check,
	index,
	integer,
	jsonb,
	pgSequence,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
// Type-only imports: drizzle-kit loads this file outside Vite, where `$lib` does not resolve.
import type { Measurement } from '../../domain/figures/measurement';
import type { Assessment } from '../../domain/figures/assessment';
import type { MutationOutcome } from '../../domain/sync/sync-protocol';
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
		conflicts: jsonb('conflicts')
			.$type<StoredConflict[]>()
			.notNull()
			.default(sql`'[]'::jsonb`)
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
	(table) => [
		uniqueIndex('assessments_revision_idx').on(table.revision),
		index('assessments_goal_year_idx').on(table.goalId, table.year)
	]
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
		recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' })
			.notNull()
			.defaultNow()
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

// ---------------------------------------------------------------- reference data

/**
 * The reference data the goal trees are made of (organisations, memberships,
 * plans, goal areas, goals, sub-goals, indicators, targets), one table keyed
 * by entity: every entity is read, filtered and written the same way, and
 * the row is kept whole as jsonb, validated by its domain schema on write.
 */
export const REFERENCE_ENTITIES = [
	'organisation',
	'membership',
	'plan',
	'goalArea',
	'goal',
	'subGoal',
	'indicator',
	'target',
	'reportingRound'
] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

export const referenceRows = pgTable(
	'reference_rows',
	{
		entity: text('entity').$type<ReferenceEntity>().notNull(),
		id: text('id').notNull(),
		row: jsonb('row').$type<Record<string, unknown>>().notNull(),
		/**
		 * The grouping the row belongs to (plan → its organisation, goal → its
		 * plan's, target → its indicator's, …), derived on the server when the
		 * row is written; who may read and change the row follows from it.
		 * Null for municipalities, which belong to no one grouping.
		 */
		groupingId: text('grouping_id'),
		/** From the same sequence as the synced rows: the last change to this row. */
		revision: bigint('revision', { mode: 'number' }).notNull(),
		/** Insertion order, so the reference data reads back in the order it was written (the demo's order). */
		position: bigserial('position', { mode: 'number' }).notNull()
	},
	(table) => [
		primaryKey({ columns: [table.entity, table.id] }),
		index('reference_rows_grouping_idx').on(table.entity, table.groupingId),
		check(
			'reference_rows_entity_check',
			sql`${table.entity} in ('organisation', 'membership', 'plan', 'goalArea', 'goal', 'subGoal', 'indicator', 'target', 'reportingRound')`
		)
	]
);

// ---------------------------------------------------------------- users, roles, sessions

export const ROLE_NAMES = ['admin', 'editor', 'reporter', 'viewer'] as const;
export type StoredRoleName = (typeof ROLE_NAMES)[number];

export const users = pgTable('users', {
	id: text('id').primaryKey(),
	/** Lower-cased and trimmed (the Email schema does it), so one address is one user. */
	email: text('email').notNull().unique('users_email_unique'),
	name: text('name').notNull(),
	/** scrypt, self-describing ("scrypt$N$r$p$salt$hash"); never the password itself. */
	passwordHash: text('password_hash').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
});

/** A user's roles, one row per grouping and role (a reporter may report for more than one municipality). */
export const userRoles = pgTable(
	'user_roles',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		organisationId: text('organisation_id').notNull(),
		role: text('role').$type<StoredRoleName>().notNull(),
		/** Reporters only: the member municipality they report for. */
		municipalityId: text('municipality_id'),
		grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
	},
	(table) => [
		unique('user_roles_assignment_unique')
			.on(table.userId, table.organisationId, table.role, table.municipalityId)
			.nullsNotDistinct(),
		index('user_roles_organisation_idx').on(table.organisationId),
		check('user_roles_role_check', sql`${table.role} in ('admin', 'editor', 'reporter', 'viewer')`),
		check(
			'user_roles_reporter_check',
			sql`(${table.role} = 'reporter') = (${table.municipalityId} is not null)`
		)
	]
);

/** A signed-in browser. Only the SHA-256 of the cookie's token is kept: a copy of the table signs no one in. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull()
	},
	(table) => [
		index('sessions_user_idx').on(table.userId),
		index('sessions_expires_idx').on(table.expiresAt)
	]
);

/**
 * An admin's invitation to a role; the link carries a token of which only
 * the SHA-256 is kept. `id` names the invitation in the admin API (listing,
 * revoking) without revealing the token or its hash.
 */
export const invitations = pgTable(
	'invitations',
	{
		tokenHash: text('token_hash').primaryKey(),
		id: text('id')
			.notNull()
			.default(sql`gen_random_uuid()::text`),
		email: text('email').notNull(),
		name: text('name').notNull(),
		organisationId: text('organisation_id').notNull(),
		role: text('role').$type<StoredRoleName>().notNull(),
		municipalityId: text('municipality_id'),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
		acceptedBy: text('accepted_by').references(() => users.id, { onDelete: 'set null' }),
		/** Withdrawn by an admin before it was used: the link no longer works. */
		revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
		revokedBy: text('revoked_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		index('invitations_organisation_idx').on(table.organisationId),
		uniqueIndex('invitations_id_idx').on(table.id)
	]
);

/**
 * Failed sign-ins per address from one IP, per address and per IP
 * ("address-ip:…|…", "address:…", "ip:…"; see auth/throttle.ts), in the
 * database so a restart does not reset a lockout.
 */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
	lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' })
});

// ---------------------------------------------------------------- change log

export const ADMIN_ACTIONS = [
	'create',
	'update',
	'delete',
	'archive',
	'restore',
	'move',
	'copy',
	'createGrouping'
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * Every admin write to a grouping's plan, indicators, targets, members, roles
 * and invitations (and an invitation's acceptance):
 * who, when, what (entity, id, action) and a short Swedish sentence. Written
 * in the same transaction as the change; never updated or deleted. Who is
 * kept by name and address too, so the log still says it after the account goes.
 */
export const adminLog = pgTable(
	'admin_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
		groupingId: text('grouping_id').notNull(),
		userId: text('user_id'),
		userName: text('user_name').notNull(),
		userEmail: text('user_email').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		action: text('action').$type<AdminAction>().notNull(),
		summary: text('summary').notNull()
	},
	(table) => [index('admin_log_grouping_idx').on(table.groupingId, table.id)]
);
