import type { DemoData } from '$lib/seed/demo-data';
import { isGrouping } from '$lib/domain/organisation';
import type { Database } from './connection';
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
 * so a database seeded before a part existed gets just that part.
 */
export async function seedEverything(db: Database, demo: DemoData, options: SeedOptions): Promise<void> {
	await seedReferenceData(db, demo);
	await seedDemoData(db, demo);
	if (options.demoUsers) await seedDemoUsers(db, demo.organisations.filter(isGrouping).map((o) => o.id));
}

/** True when nothing is left to seed: start-up then need not build the demo data at all. */
export async function isFullySeeded(db: Database, options: SeedOptions): Promise<boolean> {
	return (await isReferenceSeeded(db)) && (await isSeeded(db)) && (!options.demoUsers || (await isDemoUsersSeeded(db)));
}
