import type { RoleAssignment } from '$lib/domain/access/auth';
import { buildDemoData } from '$lib/seed/demo-data';
import { openDatabase, type Database, type OpenedDatabase } from '../db/connection';
import { seedEverything } from '../db/seed-all';
import { useDatabase } from '../database';
import { hashPassword } from '../auth/password';
import { addRole, createUser } from '../auth/users';
import { DEMO_PASSWORD, demoUsers } from '../auth/demo-users';

/** Test helper (not a test file): a server database as it starts for real, in memory. */

export const GROUPINGS = [
	'akademi-norr',
	'umearegionen',
	'norrbottens-kommuner',
	'kompetensmaklare',
	'swpp'
];
const [admin, editor, reporter, viewer, allAdmin] = demoUsers(GROUPINGS);

/** The documented demo users (README), by role, all with DEMO_PASSWORD. */
export const DEMO = {
	admin: admin.email,
	editor: editor.email,
	reporter: reporter.email,
	viewer: viewer.email,
	allAdmin: allAdmin.email
} as const;
export { DEMO_PASSWORD };

/** PGlite in memory with the demo data, reference data and demo users, serving the routes (useDatabase). */
export async function openDemoServer(): Promise<OpenedDatabase> {
	const opened = await openDatabase({ dataDir: 'memory://' });
	await seedEverything(opened.db, buildDemoData(), { demoUsers: true });
	useDatabase(opened.db);
	return {
		db: opened.db,
		close: async () => {
			useDatabase(undefined);
			await opened.close();
		}
	};
}

/** One more user, for cases the demo users do not cover (e.g. someone from another federation). */
export async function addUser(
	db: Database,
	email: string,
	name: string,
	roles: RoleAssignment[],
	password = DEMO_PASSWORD
): Promise<string> {
	const user = await createUser(db, { email, name, passwordHash: await hashPassword(password) });
	for (const role of roles) await addRole(db, user.id, role);
	return user.id;
}
