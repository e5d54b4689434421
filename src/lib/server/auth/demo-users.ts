import { eq } from 'drizzle-orm';
import type { RoleAssignment } from '$lib/domain/access/auth';
import type { Database, Transaction } from '../db/connection';
import { serverMeta } from '../db/schema';
import { bumpReferenceRevision } from '../reference/store';
import { hashPassword } from './password';
import { addRole, createUser, findUserByEmail } from './users';

/**
 * Demo users, one per role, so the demo can be tried from every side
 * (documented in the README). The shared password is public by design; each
 * user still gets their own salt, and only the hash is stored.
 * A real installation turns them off with LAGESBILD_DEMO_USERS=false.
 */
export const DEMO_PASSWORD = 'lagesbild-demo';

export type DemoUser = { email: string; name: string; roles: RoleAssignment[] };

export function demoUsers(groupingIds: readonly string[]): DemoUser[] {
	const akademiNorr = 'akademi-norr';
	return [
		{
			email: 'anna.admin@akademinorr.example',
			name: 'Anna Andersson',
			roles: [{ organisationId: akademiNorr, role: 'admin' }]
		},
		{
			email: 'erik.redaktor@akademinorr.example',
			name: 'Erik Eriksson',
			roles: [{ organisationId: akademiNorr, role: 'editor' }]
		},
		// Dorotea's kommunkod is 2425.
		{
			email: 'dora.rapportor@akademinorr.example',
			name: 'Dora Dahlberg',
			roles: [{ organisationId: akademiNorr, role: 'reporter', municipalityId: 'kommun-2425' }]
		},
		{
			email: 'vera.lasare@akademinorr.example',
			name: 'Vera Viklund',
			roles: [{ organisationId: akademiNorr, role: 'viewer' }]
		},
		{
			email: 'ada.admin@lagesbild.example',
			name: 'Ada Lind',
			roles: groupingIds.map((organisationId) => ({ organisationId, role: 'admin' as const }))
		}
	];
}

const MARKER = 'demoUsersSeeded';

/** Creates the demo users that do not exist yet and gives them their roles; once (a marker), and safe to repeat. */
export async function seedDemoUsers(
	db: Database,
	groupingIds: readonly string[]
): Promise<boolean> {
	if (await isDemoUsersSeeded(db)) return false;
	// Hashing is slow (scrypt); done before the transaction, which then only writes.
	const prepared = await Promise.all(
		demoUsers(groupingIds).map(async (user) => ({
			...user,
			passwordHash: await hashPassword(DEMO_PASSWORD)
		}))
	);
	return db.transaction(async (tx) => {
		if (await isDemoUsersSeeded(tx)) return false;
		for (const { roles, ...user } of prepared) {
			const stored = (await findUserByEmail(tx, user.email)) ?? (await createUser(tx, user));
			for (const role of roles) await addRole(tx, stored.id, role);
		}
		await bumpReferenceRevision(tx);
		await tx
			.insert(serverMeta)
			.values({ key: MARKER, value: { users: prepared.length, at: new Date().toISOString() } });
		return true;
	});
}

export async function isDemoUsersSeeded(db: Database | Transaction): Promise<boolean> {
	return (
		(await db.select({ key: serverMeta.key }).from(serverMeta).where(eq(serverMeta.key, MARKER)))
			.length > 0
	);
}
