import { createHash, randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database, type OpenedDatabase } from './connection';
import { appliedMutations, assessments, history, invitations, loginThrottle, measurements, referenceRows, serverMeta, sessions, userRoles, users } from './schema';

/**
 * Test helpers (not a test file): the two database backends the sync suite
 * runs against, a reset between tests and a digest of everything stored.
 */

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestBackend = { name: string; available: boolean; open: () => Promise<OpenedDatabase> };

export async function testBackends(): Promise<TestBackend[]> {
	return [{ name: 'PGlite i minnet', available: true, open: () => openDatabase({ dataDir: 'memory://' }) }, await postgresBackend()];
}

/**
 * PostgreSQL is optional on a developer's machine (skipped with a notice) but
 * required in CI, where a missing server must fail the run, not hide it.
 */
async function postgresBackend(): Promise<TestBackend> {
	const available = process.env.CI ? true : await postgresAnswers(TEST_POSTGRES_URL);
	if (!available) {
		console.warn(`\n⚠ PostgreSQL svarar inte på ${TEST_POSTGRES_URL}: PostgreSQL-varianten av synktesterna hoppas över (i CI körs den alltid).\n`);
	}
	return { name: 'PostgreSQL', available, open: openFreshPostgresDatabase };
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
async function openFreshPostgresDatabase(): Promise<OpenedDatabase> {
	const name = `lagesbild_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(TEST_POSTGRES_URL);
	url.pathname = `/${name}`;
	try {
		const opened = await openDatabase({ url: url.toString() });
		return {
			db: opened.db,
			close: async () => {
				await opened.close();
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end({ timeout: 5 });
			}
		};
	} catch (error) {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end({ timeout: 5 });
		throw error;
	}
}

/** Empties every table; cheaper than a new PGlite (about 2.5 s) per test. */
export async function resetDatabase(db: Database): Promise<void> {
	await db.execute(
		sql`truncate table measurements, assessments, history, applied_mutations, server_meta, reference_rows, users, user_roles, sessions, invitations, login_throttle restart identity`
	);
}

/** Everything stored, in a stable order: equal digests mean nothing changed. */
export async function digestDatabase(db: Database): Promise<string> {
	const tables = {
		measurements: await db.select().from(measurements).orderBy(asc(measurements.id)),
		assessments: await db.select().from(assessments).orderBy(asc(assessments.id)),
		history: await db.select().from(history).orderBy(asc(history.id)),
		appliedMutations: await db.select().from(appliedMutations).orderBy(asc(appliedMutations.mutationId)),
		serverMeta: await db.select().from(serverMeta).orderBy(asc(serverMeta.key)),
		referenceRows: await db.select().from(referenceRows).orderBy(asc(referenceRows.entity), asc(referenceRows.id)),
		users: await db.select().from(users).orderBy(asc(users.id)),
		userRoles: await db.select().from(userRoles).orderBy(asc(userRoles.id)),
		sessions: await db.select().from(sessions).orderBy(asc(sessions.tokenHash)),
		invitations: await db.select().from(invitations).orderBy(asc(invitations.tokenHash)),
		loginThrottle: await db.select().from(loginThrottle).orderBy(asc(loginThrottle.key))
	};
	return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}
