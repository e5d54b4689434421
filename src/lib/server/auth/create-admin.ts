import type { Database } from '../db/connection';
import { databaseLookup } from '../reference/ownership';
import { bumpReferenceRevision } from '../reference/store';
import { hashPassword } from './password';
import { addRole, createUser, findUserByEmail, setPasswordHash } from './users';

export type CreateAdminResult = { ok: true; created: boolean; userId: string } | { ok: false; error: string };

/**
 * The first admin of a grouping (or a lost admin password), from the
 * command line: `npm run create-admin`. Whoever runs it has the database
 * anyway, so for an existing address it sets the new password too.
 */
export async function createAdmin(db: Database, input: { email: string; name: string; organisationId: string; password: string }): Promise<CreateAdminResult> {
	const grouping = await databaseLookup(db).find('organisation', input.organisationId);
	if (!grouping || grouping.groupingId === null) return { ok: false, error: `Det finns inget förbund, ingen samverkan och inget projekt med id ${input.organisationId}.` };
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		const existing = await findUserByEmail(tx, input.email);
		const user = existing ?? (await createUser(tx, { email: input.email, name: input.name, passwordHash }));
		if (existing) await setPasswordHash(tx, existing.id, passwordHash);
		await addRole(tx, user.id, { organisationId: input.organisationId, role: 'admin' });
		await bumpReferenceRevision(tx);
		return { ok: true as const, created: !existing, userId: user.id };
	});
}
