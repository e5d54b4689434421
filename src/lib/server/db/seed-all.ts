import { eq } from 'drizzle-orm';
import type { DemoData } from '$lib/seed/demo-data';
import { isGrouping } from '$lib/domain/plan/organisation';
import type { Database } from './connection';
import { serverMeta, users } from './schema';
import { isSeeded, seedDemoData } from './seed';
import { isReferenceSeeded, seedReferenceData } from '../reference/seed';
import { isDemoUsersSeeded, seedDemoUsers } from '../auth/demo-users';

export type SeedOptions = { demoUsers: boolean };

/** Whether LAGESBILD_DEMO_USERS allows the demo users (on unless set to false, for a real installation). */
export function seedOptionsFromEnvironment(): SeedOptions {
	return { demoUsers: process.env.LAGESBILD_DEMO_USERS !== 'false' };
}

/**
 * Everything the server seeds from the demo data: the reference data (goal
 * trees), the demo values, and the demo users. Each part has its own marker,
 * so a database seeded before a part existed gets just that part, except
 * the demo users: their password is public, so they are made only in a
 * database that was new and empty when a server first started on it in demo
 * mode (see demoInstallation), never added to an existing installation.
 */
export async function seedEverything(
	db: Database,
	demo: DemoData,
	options: SeedOptions
): Promise<void> {
	const demoUsersWanted = await wantsDemoUsers(db, options);
	await seedReferenceData(db, demo);
	await seedDemoData(db, demo);
	if (demoUsersWanted)
		await seedDemoUsers(
			db,
			demo.organisations.filter(isGrouping).map((o) => o.id)
		);
}

/** True when nothing is left to seed: start-up then need not build the demo data at all. */
export async function isFullySeeded(db: Database, options: SeedOptions): Promise<boolean> {
	const demoUsersMissing = (await wantsDemoUsers(db, options)) && !(await isDemoUsersSeeded(db));
	return (await isReferenceSeeded(db)) && (await isSeeded(db)) && !demoUsersMissing;
}

const INSTALLATION_KEY = 'installation';
type Installation = { demoUsers: boolean; at: string };

/**
 * Whether this database is a demo installation, decided once, the first
 * time a server opens it, and kept: a database that was empty and opened in
 * demo mode is one; any other is not (one that already had users or data
 * when this marker was introduced is a demo installation only if it already
 * had its demo users). Two servers starting at once agree: the first marker
 * written wins.
 */
async function demoInstallation(db: Database, options: SeedOptions): Promise<boolean> {
	const known = await installationOf(db);
	if (known) return known.demoUsers;
	const empty =
		!(await isReferenceSeeded(db)) &&
		!(await isSeeded(db)) &&
		(await db.select({ id: users.id }).from(users).limit(1)).length === 0;
	const decided: Installation = {
		demoUsers: empty ? options.demoUsers : await isDemoUsersSeeded(db),
		at: new Date().toISOString()
	};
	await db
		.insert(serverMeta)
		.values({ key: INSTALLATION_KEY, value: decided })
		.onConflictDoNothing();
	return (await installationOf(db))!.demoUsers;
}

async function installationOf(db: Database): Promise<Installation | undefined> {
	const [row] = await db
		.select({ value: serverMeta.value })
		.from(serverMeta)
		.where(eq(serverMeta.key, INSTALLATION_KEY));
	return row?.value as Installation | undefined;
}

/** Demo users are seeded in a demo installation still started in demo mode (LAGESBILD_DEMO_USERS=false stops even that). */
async function wantsDemoUsers(db: Database, options: SeedOptions): Promise<boolean> {
	// Decided (and recorded) on the first start whatever the mode, so a later start cannot decide it anew.
	return (await demoInstallation(db, options)) && options.demoUsers;
}
