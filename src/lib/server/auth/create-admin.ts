import type { Database } from '../db/connection';
import { databaseLookup } from '../reference/ownership';
import { bumpReferenceRevision } from '../reference/store';
import { hashPassword } from './password';
import { endSessionsOf } from './sessions';
import { addRole, createUser, findUserByEmail, setPasswordHash } from './users';

export type CreateAdminInput = {
	email: string;
	password: string;
	/** For a new account: its name. */
	name?: string;
	/** The grouping to be admin of: required for a new account; for a password reset, only if asked. */
	organisationId?: string;
	/** Whether an existing account may get the new password: never by accident. */
	resetPassword: boolean;
};

export type CreateAdminResult =
	| { ok: true; created: boolean; userId: string; sessionsEnded: number; adminOf: string | null }
	| { ok: false; error: string };

/**
 * `npm run create-admin`: the first admin of a grouping, or (with
 * --reset-password) a new password for an existing account, the one way to
 * reset a password. Whoever runs it has the database anyway.
 *
 * A reset ends every session of the account, so whoever knew the old
 * password and signed in with it is signed out; it changes no role unless
 * the command names a grouping. An existing address is never touched
 * without --reset-password, nor an account created by a mistyped reset.
 */
export async function createAdmin(
	db: Database,
	input: CreateAdminInput
): Promise<CreateAdminResult> {
	if (input.organisationId !== undefined) {
		const grouping = await databaseLookup(db).find('organisation', input.organisationId);
		if (!grouping || grouping.groupingId === null)
			return {
				ok: false,
				error: `Det finns inget förbund, ingen samverkan och inget projekt med id ${input.organisationId}.`
			};
	}
	const existing = await findUserByEmail(db, input.email);
	if (existing && !input.resetPassword) {
		return {
			ok: false,
			error: `Det finns redan ett konto för ${input.email}. Lägg till --reset-password för att ge det ett nytt lösenord (det loggas då ut överallt).`
		};
	}
	if (!existing && input.resetPassword)
		return {
			ok: false,
			error: `Det finns inget konto för ${input.email}, så inget lösenord att byta.`
		};
	if (!existing && (!input.name || input.organisationId === undefined))
		return { ok: false, error: 'Ett nytt konto behöver --name och --organisation.' };
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		// Read again inside the transaction: an account made meanwhile (an invitation) is not overwritten.
		const current = await findUserByEmail(tx, input.email);
		if (Boolean(current) !== Boolean(existing))
			return {
				ok: false as const,
				error: `Kontot för ${input.email} ändrades under tiden. Kör kommandot igen.`
			};
		const user =
			current ?? (await createUser(tx, { email: input.email, name: input.name!, passwordHash }));
		const sessionsEnded = current
			? (await setPasswordHash(tx, current.id, passwordHash), await endSessionsOf(tx, current.id))
			: 0;
		if (input.organisationId !== undefined) {
			await addRole(tx, user.id, { organisationId: input.organisationId, role: 'admin' });
			await bumpReferenceRevision(tx);
		}
		return {
			ok: true as const,
			created: !current,
			userId: user.id,
			sessionsEnded,
			adminOf: input.organisationId ?? null
		};
	});
}
