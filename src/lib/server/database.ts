import { sql } from 'drizzle-orm';
import {
	DEFAULT_PGLITE_DIR,
	openDatabase,
	type Database,
	type OpenedDatabase
} from './db/connection';
import { isFullySeeded, seedEverything, seedOptionsFromEnvironment } from './db/seed-all';
import { isDemoUsersSeeded } from './auth/demo-users';

/**
 * The server's one database: PostgreSQL when DATABASE_URL is set, otherwise
 * the embedded PGlite in PGLITE_DATA_DIR (default ./data/pglite). Opened once,
 * migrated and seeded with the demo data (goal trees, values, demo users)
 * on first start.
 *
 * PGlite has no autovacuum, so nothing ever gathers the planner's statistics:
 * without them the pull's "visible rows after revision N" is planned as if a
 * grouping had one indicator, and with a national dataset each page took
 * 5–15 s instead of 0.2 s (npm run bench). ANALYZE at every start (about a
 * second for 1.7 million values) keeps them; PostgreSQL's autovacuum does it
 * there.
 *
 * Kept on globalThis so Vite's dev server, which re-evaluates modules on
 * edit, does not open the PGlite folder a second time in the same process.
 */
type Holder = { opening?: Promise<OpenedDatabase> };
const HOLDER_KEY = Symbol.for('lagesbild.server-database');
const holder: Holder = ((globalThis as Record<symbol, Holder>)[HOLDER_KEY] ??= {});

export function getDatabase(): Promise<Database> {
	if (!holder.opening) {
		const opening = openServerDatabase();
		holder.opening = opening;
		// A failed start (database down) is retried by the next request instead of failing forever.
		opening.catch(() => {
			if (holder.opening === opening) holder.opening = undefined;
		});
	}
	return holder.opening.then((opened) => opened.db);
}

async function openServerDatabase(): Promise<OpenedDatabase> {
	const opened = await openDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: process.env.PGLITE_DATA_DIR || DEFAULT_PGLITE_DIR
	});
	try {
		const options = seedOptionsFromEnvironment();
		if (!(await isFullySeeded(opened.db, options))) {
			// Loaded only here, so routes (and their tests) that never open the real database do not build the demo data.
			const { buildDemoData } = await import('$lib/seed/demo-data');
			await seedEverything(opened.db, buildDemoData(), options);
		}
		if (!options.demoUsers && (await isDemoUsersSeeded(opened.db))) {
			console.warn(
				'Varning: databasen har demoanvändarna, vars lösenord (lagesbild-demo) är offentligt. Ge dem nya lösenord (npm run create-admin -- --email <adress> --reset-password) eller ta bort deras roller innan installationen används på riktigt.'
			);
		}
		if (!process.env.DATABASE_URL) await opened.db.execute(sql`analyze`);
	} catch (error) {
		await opened.close();
		throw error;
	}
	return opened;
}

/** Closes the database (at shutdown); the next getDatabase() would open it again. */
export async function closeDatabase(): Promise<void> {
	const opening = holder.opening;
	holder.opening = undefined;
	if (opening) await (await opening).close();
}

/**
 * Tests: serve requests from this database (already migrated) instead of the
 * configured one; undefined forgets it. Closing it stays with the caller.
 */
export function useDatabase(db: Database | undefined): void {
	holder.opening = db ? Promise.resolve({ db, close: async () => {} }) : undefined;
}
