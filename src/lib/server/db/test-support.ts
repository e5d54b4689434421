import { createHash, randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database, type OpenedDatabase } from './connection';
import {
	adminLog,
	appliedMutations,
	assessments,
	history,
	invitations,
	loginThrottle,
	measurements,
	referenceRows,
	serverMeta,
	sessions,
	userRoles,
	users
} from './schema';

/**
 * Test helpers (not a test file): the two database backends the sync suite
 * runs against, a reset between tests and a digest of everything stored.
 */

export const TEST_POSTGRES_URL =
	process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestBackend = {
	name: string;
	available: boolean;
	open: () => Promise<OpenedDatabase>;
	/**
	 * How many app instances can share one database: PGlite is one process's
	 * database, PostgreSQL serves any number of them.
	 */
	maxInstances: number;
	/** `count` handles, each with its own connection pool, on one fresh database, as `count` app servers would be. */
	openInstances: (count: number) => Promise<OpenedInstances>;
};

export type OpenedInstances = { instances: Database[]; close: () => Promise<void> };

export async function testBackends(): Promise<TestBackend[]> {
	const openPglite = () => openDatabase({ dataDir: 'memory://' });
	const pglite: TestBackend = {
		name: 'PGlite i minnet',
		available: true,
		open: openPglite,
		maxInstances: 1,
		openInstances: async (count) => {
			if (count !== 1) throw new Error('PGlite kan bara öppnas av en process i taget.');
			const opened = await openPglite();
			return { instances: [opened.db], close: opened.close };
		}
	};
	return [pglite, await postgresBackend()];
}

/**
 * PostgreSQL is optional on a developer's machine (skipped with a notice) but
 * required in CI, where a missing server must fail the run, not hide it.
 */
async function postgresBackend(): Promise<TestBackend> {
	const available = process.env.CI ? true : await postgresAnswers(TEST_POSTGRES_URL);
	if (!available) {
		console.warn(
			`\n⚠ PostgreSQL svarar inte på ${TEST_POSTGRES_URL}: PostgreSQL-varianten av synktesterna hoppas över (i CI körs den alltid).\n`
		);
	}
	return {
		name: 'PostgreSQL',
		available,
		open: async () => {
			const { instances, close } = await openFreshPostgresInstances(1);
			return { db: instances[0], close };
		},
		maxInstances: Infinity,
		openInstances: openFreshPostgresInstances
	};
}

async function postgresAnswers(url: string): Promise<boolean> {
	const client = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
	try {
		await client`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await client.end({ timeout: 1 });
	}
}

/**
 * A database of its own per run (created on the test server, dropped at
 * close), so parallel runs never see each other's rows. A schema per run
 * would not do: drizzle-kit writes the revision sequence as "public"."revision_seq".
 */
async function openFreshPostgresInstances(count: number): Promise<OpenedInstances> {
	const name = `lagesbild_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(TEST_POSTGRES_URL);
	url.pathname = `/${name}`;
	const opened: OpenedDatabase[] = [];
	const close = async () => {
		for (const instance of opened) await instance.close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end({ timeout: 5 });
	};
	try {
		// One after the other: each runs the migrations, as each server does at start (the later ones find nothing to do).
		for (let i = 0; i < count; i++) opened.push(await openDatabase({ url: url.toString() }));
		return { instances: opened.map((o) => o.db), close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Empties every table; cheaper than a new PGlite (about 2.5 s) per test. */
export async function resetDatabase(db: Database): Promise<void> {
	await db.execute(
		sql`truncate table measurements, assessments, history, applied_mutations, server_meta, reference_rows, users, user_roles, sessions, invitations, login_throttle, admin_log restart identity`
	);
}

/** Everything stored, in a stable order: equal digests mean nothing changed. */
export async function digestDatabase(db: Database): Promise<string> {
	const tables = {
		measurements: await db.select().from(measurements).orderBy(asc(measurements.id)),
		assessments: await db.select().from(assessments).orderBy(asc(assessments.id)),
		history: await db.select().from(history).orderBy(asc(history.id)),
		appliedMutations: await db
			.select()
			.from(appliedMutations)
			.orderBy(asc(appliedMutations.mutationId)),
		serverMeta: await db.select().from(serverMeta).orderBy(asc(serverMeta.key)),
		referenceRows: await db
			.select()
			.from(referenceRows)
			.orderBy(asc(referenceRows.entity), asc(referenceRows.id)),
		users: await db.select().from(users).orderBy(asc(users.id)),
		userRoles: await db.select().from(userRoles).orderBy(asc(userRoles.id)),
		sessions: await db.select().from(sessions).orderBy(asc(sessions.tokenHash)),
		invitations: await db.select().from(invitations).orderBy(asc(invitations.tokenHash)),
		loginThrottle: await db.select().from(loginThrottle).orderBy(asc(loginThrottle.key)),
		adminLog: await db.select().from(adminLog).orderBy(asc(adminLog.id))
	};
	return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}
