import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { RoleAssignment, UserWithRoles } from '$lib/domain/access/auth';
import type { Database, Transaction } from '../db/connection';
import { userRoles, users } from '../db/schema';
import { compareSwedish } from '$lib/domain/swedish-order';

type Db = Database | Transaction;
export type StoredUser = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<StoredUser | undefined> {
	const [found] = await db.select().from(users).where(eq(users.email, email));
	return found;
}

export async function findUserById(db: Db, id: string): Promise<StoredUser | undefined> {
	const [found] = await db.select().from(users).where(eq(users.id, id));
	return found;
}

/** A new user; the caller has validated the e-mail (lower-cased) and hashed the password. */
export async function createUser(
	db: Db,
	user: { email: string; name: string; passwordHash: string }
): Promise<StoredUser> {
	const [created] = await db
		.insert(users)
		.values({ id: randomUUID(), ...user })
		.returning();
	return created;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
	await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Replaces a hash only if it is still `expected` (a rehash must not undo a password reset made meanwhile). */
export async function replacePasswordHash(
	db: Db,
	userId: string,
	expected: string,
	passwordHash: string
): Promise<void> {
	await db
		.update(users)
		.set({ passwordHash })
		.where(and(eq(users.id, userId), eq(users.passwordHash, expected)));
}

type RoleRow = typeof userRoles.$inferSelect;

export function toAssignment(
	row: Pick<RoleRow, 'organisationId' | 'role' | 'municipalityId'>
): RoleAssignment {
	return row.municipalityId === null
		? { organisationId: row.organisationId, role: row.role }
		: { organisationId: row.organisationId, role: row.role, municipalityId: row.municipalityId };
}

/** All of a user's roles, in a stable order. */
export async function rolesOf(db: Db, userId: string): Promise<RoleAssignment[]> {
	const rows = await db
		.select()
		.from(userRoles)
		.where(eq(userRoles.userId, userId))
		.orderBy(asc(userRoles.id));
	return rows.map(toAssignment);
}

/** Gives a role; giving one the user already has changes nothing. */
export async function addRole(db: Db, userId: string, assignment: RoleAssignment): Promise<void> {
	await db
		.insert(userRoles)
		.values({
			userId,
			organisationId: assignment.organisationId,
			role: assignment.role,
			municipalityId: assignment.municipalityId ?? null
		})
		.onConflictDoNothing();
}

/** Takes a role away; returns whether the user had it. */
export async function removeRole(
	db: Db,
	userId: string,
	assignment: RoleAssignment
): Promise<boolean> {
	const removed = await db
		.delete(userRoles)
		.where(
			and(
				eq(userRoles.userId, userId),
				eq(userRoles.organisationId, assignment.organisationId),
				eq(userRoles.role, assignment.role),
				assignment.municipalityId === undefined
					? isNull(userRoles.municipalityId)
					: eq(userRoles.municipalityId, assignment.municipalityId)
			)
		)
		.returning({ id: userRoles.id });
	return removed.length > 0;
}

/**
 * The admins of a grouping, their rows locked until the transaction ends, so
 * two admins removing each other at the same moment cannot leave none.
 */
export async function lockAdminsOf(tx: Transaction, organisationId: string): Promise<string[]> {
	const rows = await tx
		.select({ userId: userRoles.userId })
		.from(userRoles)
		.where(and(eq(userRoles.organisationId, organisationId), eq(userRoles.role, 'admin')))
		.for('update');
	return rows.map((r) => r.userId);
}

/** Everyone with a role in a grouping, with their roles there (not elsewhere), sorted by name. */
export async function usersOf(db: Db, organisationId: string): Promise<UserWithRoles[]> {
	const roleRows = await db
		.select()
		.from(userRoles)
		.where(eq(userRoles.organisationId, organisationId))
		.orderBy(asc(userRoles.id));
	const ids = [...new Set(roleRows.map((r) => r.userId))];
	const found = await db
		.select({ id: users.id, email: users.email, name: users.name })
		.from(users)
		.where(inArray(users.id, ids));
	return found
		.map((user) => ({
			...user,
			roles: roleRows.filter((r) => r.userId === user.id).map(toAssignment)
		}))
		.sort((a, b) => compareSwedish(a.name, b.name) || a.email.localeCompare(b.email));
}
