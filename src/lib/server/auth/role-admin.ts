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
import { logAdminWrite, type Actor } from '../reference/admin-log';
import { assignmentProblem, organisationName, roleText } from './assignments';
import { addRole, findUserById, lockAdminsOf, removeRole, rolesOf, usersOf } from './users';

/**
 * An admin manages who has which role in their grouping. Role changes bump
 * the reference revision: they change which groupings a user may read,
 * and go into the grouping's change log.
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
	actor: Actor,
	request: RoleChangeRequest
): Promise<ApiAnswer> {
	const { userId, assignment } = request;
	return db.transaction(async (tx) => {
		const denied = await unlessAdmin(tx, actor.roles, assignment.organisationId);
		if (denied) return denied;
		const user = await findUserById(tx, userId);
		if (!user) return refusal(404, 'Användaren finns inte.');
		const problem = await assignmentProblem(tx, assignment);
		if (problem) return refusal(400, problem);
		const had = (await rolesOf(tx, userId)).some((r) => sameAssignment(r, assignment));
		if (!had) {
			await addRole(tx, userId, assignment);
			await logAdminWrite(tx, actor, {
				groupingId: assignment.organisationId,
				entity: 'role',
				entityId: userId,
				action: 'create',
				summary: `Gav ${user.name} (${user.email}) rollen ${await roleText(tx, assignment)}.`
			});
		}
		await bumpReferenceRevision(tx);
		return ok({ user: await userInGrouping(tx, user, assignment.organisationId) });
	});
}

export async function revokeRole(
	db: Database,
	actor: Actor,
	request: RoleChangeRequest
): Promise<ApiAnswer> {
	const { userId, assignment } = request;
	return db.transaction(async (tx) => {
		const denied = await unlessAdmin(tx, actor.roles, assignment.organisationId);
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
		await logAdminWrite(tx, actor, {
			groupingId: assignment.organisationId,
			entity: 'role',
			entityId: userId,
			action: 'delete',
			summary: `Tog bort rollen ${await roleText(tx, assignment)} från ${user.name} (${user.email}).`
		});
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

function sameAssignment(a: RoleAssignment, b: RoleAssignment): boolean {
	return (
		a.organisationId === b.organisationId &&
		a.role === b.role &&
		(a.municipalityId ?? null) === (b.municipalityId ?? null)
	);
}
