import {
	type RoleAssignment,
	type RoleChangeRequest,
	type UserWithRoles
} from '$lib/domain/access/auth';
import { Id } from '$lib/domain/common';
import type { Database, Transaction } from '../db/connection';
import { ok, refusal, type ApiAnswer } from '../http/api';
import { unlessAdmin } from '../reference/admin-writes';
import { bumpReferenceRevision } from '../reference/store';
import { assignmentProblem, organisationName } from './assignments';
import { addRole, findUserById, lockAdminsOf, removeRole, rolesOf, usersOf } from './users';

/**
 * An admin manages who has which role in their grouping. Role changes bump
 * the reference revision: they change which groupings a user may read.
 */

export async function listUsers(
	db: Database,
	roles: readonly RoleAssignment[],
	organisationId: string | null
): Promise<ApiAnswer> {
	if (!organisationId || !Id.safeParse(organisationId).success)
		return refusal(400, 'Ange grupperingen: ?organisation=<id>.');
	const denied = await unlessAdmin(db, roles, organisationId);
	if (denied) return denied;
	return ok({ users: await usersOf(db, organisationId) });
}

export async function grantRole(
	db: Database,
	roles: readonly RoleAssignment[],
	request: RoleChangeRequest
): Promise<ApiAnswer> {
	const { userId, assignment } = request;
	return db.transaction(async (tx) => {
		const denied = await unlessAdmin(tx, roles, assignment.organisationId);
		if (denied) return denied;
		const user = await findUserById(tx, userId);
		if (!user) return refusal(404, 'Användaren finns inte.');
		const problem = await assignmentProblem(tx, assignment);
		if (problem) return refusal(400, problem);
		await addRole(tx, userId, assignment);
		await bumpReferenceRevision(tx);
		return ok({ user: await userInGrouping(tx, user, assignment.organisationId) });
	});
}

export async function revokeRole(
	db: Database,
	roles: readonly RoleAssignment[],
	request: RoleChangeRequest
): Promise<ApiAnswer> {
	const { userId, assignment } = request;
	return db.transaction(async (tx) => {
		const denied = await unlessAdmin(tx, roles, assignment.organisationId);
		if (denied) return denied;
		const user = await findUserById(tx, userId);
		if (!user) return refusal(404, 'Användaren finns inte.');
		if (assignment.role === 'admin') {
			const admins = await lockAdminsOf(tx, assignment.organisationId);
			if (admins.length === 1 && admins[0] === userId) {
				return refusal(
					409,
					`${await organisationName(tx, assignment.organisationId)} måste ha minst en administratör. Utse en ny innan du tar bort den sista.`
				);
			}
		}
		if (!(await removeRole(tx, userId, assignment)))
			return refusal(404, 'Användaren har inte den rollen.');
		await bumpReferenceRevision(tx);
		return ok({ user: await userInGrouping(tx, user, assignment.organisationId) });
	});
}

async function userInGrouping(
	tx: Transaction,
	user: { id: string; email: string; name: string },
	organisationId: string
): Promise<UserWithRoles> {
	const roles = (await rolesOf(tx, user.id)).filter((r) => r.organisationId === organisationId);
	return { id: user.id, email: user.email, name: user.name, roles };
}
