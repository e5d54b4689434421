import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';

/** What every server module works with; the same for PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = PgTransaction<
	PgQueryResultHKT,
	typeof schema,
	ExtractTablesWithRelations<typeof schema>
>;

export type OpenedDatabase = { db: Database; close: () => Promise<void> };

/** Databases of this process alone (PGlite), see runsOneTransactionAtATime. */
const singleProcess = new WeakSet<object>();

/**
 * Whether nothing can run beside a transaction on this database: PGlite
 * belongs to this one process and runs one transaction at a time, with no
 * other statement in between. A PostgreSQL server may have any number of app
 * instances and connections; only there do syncs need their locks and a pull
 * its bound (local-store/locks.ts, local-store/revisions.ts).
 */
export function runsOneTransactionAtATime(db: Database): boolean {
	return singleProcess.has(db);
}

/** The rows of a raw `execute`: postgres-js answers an array of them, PGlite an object holding them. */
export function resultRows<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type OpenDatabaseOptions = {
	/** postgres://… selects a PostgreSQL server; without it the embedded PGlite is used. */
	url?: string;
	/** PGlite's data folder; 'memory://' keeps everything in memory (tests). */
	dataDir?: string;
	/** Where the migrations live; the project's drizzle/ folder unless told. */
	migrationsFolder?: string;
};

export const DEFAULT_PGLITE_DIR = './data/pglite';
const IN_MEMORY = 'memory://';

/**
 * Opens the database and brings its schema up to date with the migrations
 * drizzle-kit generated, so whoever opens it can use it at once.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
	const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
	return options.url
		? openPostgres(options.url, migrationsFolder)
		: openPglite(options.dataDir ?? DEFAULT_PGLITE_DIR, migrationsFolder);
}

/**
 * Resolved from the working directory: `npm start` and the tests run from the
 * project root. A deployment elsewhere names the folder in LAGESBILD_MIGRATIONS_DIR.
 */
function defaultMigrationsFolder(): string {
	return resolve(process.env.LAGESBILD_MIGRATIONS_DIR || 'drizzle');
}

async function openPostgres(url: string, migrationsFolder: string): Promise<OpenedDatabase> {
	// Quiet NOTICEs such as "schema already exists, skipping" from the migrator.
	const client = postgres(url, { onnotice: () => {} });
	const db = drizzlePostgres(client, { schema });
	try {
		await migratePostgres(db, { migrationsFolder });
	} catch (error) {
		await client.end({ timeout: 5 });
		throw error;
	}
	return { db: db as unknown as Database, close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<OpenedDatabase> {
	if (dataDir !== IN_MEMORY) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create(dataDir === IN_MEMORY ? undefined : dataDir);
	const db = drizzlePglite(client, { schema });
	try {
		await migratePglite(db, { migrationsFolder });
	} catch (error) {
		await client.close();
		throw error;
	}
	singleProcess.add(db);
	return { db: db as unknown as Database, close: () => client.close() };
}
