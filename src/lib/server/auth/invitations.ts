import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
	AcceptInvitationRequest,
	InvitationInfo,
	InvitationRequest,
	InvitationState,
	InvitationSummary,
	RoleAssignment
} from '$lib/domain/access/auth';
import { Id } from '$lib/domain/common';
import type { Database, Transaction } from '../db/connection';
import { invitations, userRoles, users } from '../db/schema';
import { ok, refusal, type ApiAnswer } from '../http/api';
import { unlessAdmin } from '../reference/admin-writes';
import { bumpReferenceRevision } from '../reference/store';
import { logAdminWrite, type Actor } from '../reference/admin-log';
import { assignmentProblem, organisationName, roleText } from './assignments';
import { hashPassword, PasswordWorkBusyError } from './password';
import { createSession, sessionInfo } from './sessions';
import { busyAnswer, checkPassword, failedCheckAnswer } from './sign-in';
import { hashToken, looksLikeToken, newToken } from './tokens';
import { addRole, createUser, findUserByEmail, rolesOf, type StoredUser } from './users';

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type StoredInvitation = typeof invitations.$inferSelect;

/** POST /api/invitations: an admin of the grouping invites someone to a role there. */
export async function createInvitation(
	db: Database,
	inviter: Actor,
	request: InvitationRequest,
	now = new Date()
): Promise<ApiAnswer> {
	const { assignment } = request;
	const denied = await unlessAdmin(db, inviter.roles, assignment.organisationId);
	if (denied) return denied;
	const problem = await assignmentProblem(db, assignment);
	if (problem) return refusal(400, problem);
	const token = newToken();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
	await db.transaction(async (tx) => {
		const [made] = await tx
			.insert(invitations)
			.values({
				tokenHash: hashToken(token),
				email: request.email,
				name: request.name,
				organisationId: assignment.organisationId,
				role: assignment.role,
				municipalityId: assignment.municipalityId ?? null,
				invitedBy: inviter.user.id,
				createdAt: now,
				expiresAt
			})
			.returning({ id: invitations.id });
		await logAdminWrite(tx, inviter, {
			groupingId: assignment.organisationId,
			entity: 'invitation',
			entityId: made.id,
			action: 'create',
			summary: `Bjöd in ${request.name} (${request.email}) som ${await roleText(tx, assignment)}.`
		});
	});
	return ok({ url: `/inbjudan/${token}`, expiresAt: expiresAt.toISOString() }, 201);
}

type Usable = { ok: true; invitation: StoredInvitation } | { ok: false; answer: ApiAnswer };

const NO_SUCH_INVITATION = 'Inbjudan finns inte. Kontrollera länken.';

/**
 * 404 for a token that was never issued, 410 for one that was used,
 * revoked, has run out, or whose inviter is no longer an admin of the
 * grouping (an invitation carries its maker's authority, and ends with it).
 */
async function usableInvitation(
	db: Database | Transaction,
	token: string,
	now: Date,
	lock = false
): Promise<Usable> {
	if (!looksLikeToken(token)) return { ok: false, answer: refusal(404, NO_SUCH_INVITATION) };
	const query = db
		.select()
		.from(invitations)
		.where(eq(invitations.tokenHash, hashToken(token)));
	const [invitation] = lock ? await query.for('update') : await query;
	if (!invitation) return { ok: false, answer: refusal(404, NO_SUCH_INVITATION) };
	switch (stateOf(invitation, await inviterIsAdmin(db, invitation), now)) {
		case 'accepted':
			return {
				ok: false,
				answer: refusal(410, 'Inbjudan har redan använts. Logga in som vanligt.')
			};
		case 'revoked':
			return {
				ok: false,
				answer: refusal(410, 'Inbjudan har återkallats. Be en administratör om en ny.')
			};
		case 'expired':
			return {
				ok: false,
				answer: refusal(410, 'Inbjudan har gått ut. Be administratören om en ny.')
			};
		case 'void':
			return {
				ok: false,
				answer: refusal(
					410,
					'Inbjudan gäller inte längre: den som bjöd in är inte längre administratör. Be en administratör om en ny.'
				)
			};
		case 'pending':
			return { ok: true, invitation };
	}
}

/** Where an invitation stands; the first that applies of accepted, revoked, expired, void. */
function stateOf(
	invitation: StoredInvitation,
	inviterIsAdmin: boolean,
	now: Date
): InvitationState {
	if (invitation.acceptedAt) return 'accepted';
	if (invitation.revokedAt) return 'revoked';
	if (invitation.expiresAt <= now) return 'expired';
	return inviterIsAdmin ? 'pending' : 'void';
}

async function inviterIsAdmin(
	db: Database | Transaction,
	invitation: StoredInvitation
): Promise<boolean> {
	if (!invitation.invitedBy) return false;
	const found = await db
		.select({ id: userRoles.id })
		.from(userRoles)
		.where(
			and(
				eq(userRoles.userId, invitation.invitedBy),
				eq(userRoles.organisationId, invitation.organisationId),
				eq(userRoles.role, 'admin')
			)
		);
	return found.length > 0;
}

function assignmentOf(invitation: StoredInvitation): RoleAssignment {
	return invitation.municipalityId === null
		? { organisationId: invitation.organisationId, role: invitation.role }
		: {
				organisationId: invitation.organisationId,
				role: invitation.role,
				municipalityId: invitation.municipalityId
			};
}

/** GET /api/invitations/<token>: what the invitation page needs to show. */
export async function describeInvitation(
	db: Database,
	token: string,
	now = new Date()
): Promise<ApiAnswer> {
	const usable = await usableInvitation(db, token, now);
	if (!usable.ok) return usable.answer;
	const { invitation } = usable;
	const info: InvitationInfo = {
		email: invitation.email,
		name: invitation.name,
		organisationName: await organisationName(db, invitation.organisationId),
		role: invitation.role,
		...(invitation.municipalityId
			? { municipalityName: await organisationName(db, invitation.municipalityId) }
			: {}),
		existingUser: (await findUserByEmail(db, invitation.email)) !== undefined
	};
	return ok(info);
}

/**
 * POST /api/invitations/<token>: takes the invitation and signs in.
 *
 * A new address becomes a user with the chosen password. An address that
 * already has an account gets the role added, but only with that account's
 * current password: otherwise an admin of one grouping could invite someone
 * from another and, holding the link, set their password and take over
 * their roles there. Wrong passwords count toward the sign-in brake.
 */
export async function acceptInvitation(
	db: Database,
	token: string,
	request: AcceptInvitationRequest,
	ip: string,
	now = new Date()
): Promise<ApiAnswer & { token?: string }> {
	const usable = await usableInvitation(db, token, now);
	if (!usable.ok) return usable.answer;
	const email = usable.invitation.email;
	const existing = await findUserByEmail(db, email);
	// The slow scrypt work happens before the transaction, which then only writes.
	const proof = existing
		? await proveExistingUser(db, existing, request.password, ip, now)
		: await hashNewPassword(request.password);
	if (!proof.ok) return proof.answer;
	const accepted = await db.transaction(async (tx) => {
		const stillUsable = await usableInvitation(tx, token, now, true);
		if (!stillUsable.ok) return stillUsable;
		// An account made for this address in the meantime (another invitation, create-admin) must not be overwritten.
		if (!existing && (await findUserByEmail(tx, email)))
			return {
				ok: false as const,
				answer: refusal(409, `Det finns redan ett konto för ${email}. Öppna länken igen.`)
			};
		const user =
			existing ??
			(await createUser(tx, {
				email,
				name: request.name ?? stillUsable.invitation.name,
				passwordHash: proof.passwordHash!
			}));
		const assignment = assignmentOf(stillUsable.invitation);
		await addRole(tx, user.id, assignment);
		await logAdminWrite(
			tx,
			{ user, roles: [] },
			{
				groupingId: assignment.organisationId,
				entity: 'invitation',
				entityId: stillUsable.invitation.id,
				action: 'update',
				summary: `${user.name} (${user.email}) tog emot inbjudan och blev ${await roleText(tx, assignment)}.`
			}
		);
		await tx
			.update(invitations)
			.set({ acceptedAt: now, acceptedBy: user.id })
			.where(eq(invitations.tokenHash, stillUsable.invitation.tokenHash));
		await bumpReferenceRevision(tx);
		return { ok: true as const, user };
	});
	if (!accepted.ok) return accepted.answer;
	const { user } = accepted;
	const session = await createSession(db, user.id, now);
	return {
		...ok(
			sessionInfo({
				user: { id: user.id, email: user.email, name: user.name },
				roles: await rolesOf(db, user.id)
			})
		),
		token: session.token
	};
}

async function hashNewPassword(
	password: string
): Promise<{ ok: true; passwordHash: string } | { ok: false; answer: ApiAnswer }> {
	try {
		return { ok: true, passwordHash: await hashPassword(password) };
	} catch (error) {
		if (error instanceof PasswordWorkBusyError) return { ok: false, answer: busyAnswer() };
		throw error;
	}
}

async function proveExistingUser(
	db: Database,
	user: StoredUser,
	password: string,
	ip: string,
	now: Date
): Promise<{ ok: true; passwordHash?: undefined } | { ok: false; answer: ApiAnswer }> {
	const checked = await checkPassword(db, { email: user.email, user, password, ip }, now);
	if (checked.ok) return { ok: true };
	return {
		ok: false,
		answer: failedCheckAnswer(
			checked,
			`Det finns redan ett konto för ${user.email}. Ange dess nuvarande lösenord för att ta emot inbjudan.`
		)
	};
}

// ---------------------------------------------------------------- the admins' view

const inviters = alias(users, 'inviters');

/** GET /api/invitations?organisation=<id>: the grouping's invitations, newest first, for its admins. */
export async function listInvitations(
	db: Database,
	roles: readonly RoleAssignment[],
	organisationId: string | null,
	now = new Date()
): Promise<ApiAnswer> {
	if (!organisationId || !Id.safeParse(organisationId).success)
		return refusal(400, 'Ange grupperingen: ?organisation=<id>.');
	const denied = await unlessAdmin(db, roles, organisationId);
	if (denied) return denied;
	const rows = await db
		.select({
			invitation: invitations,
			inviterName: inviters.name,
			inviterEmail: inviters.email,
			inviterIsAdmin: userRoles.id
		})
		.from(invitations)
		.leftJoin(inviters, eq(inviters.id, invitations.invitedBy))
		.leftJoin(
			userRoles,
			and(
				eq(userRoles.userId, invitations.invitedBy),
				eq(userRoles.organisationId, invitations.organisationId),
				eq(userRoles.role, 'admin')
			)
		)
		.where(eq(invitations.organisationId, organisationId))
		.orderBy(desc(invitations.createdAt), desc(invitations.id));
	const summaries: InvitationSummary[] = rows.map(
		({ invitation, inviterName, inviterEmail, inviterIsAdmin }) => ({
			id: invitation.id,
			email: invitation.email,
			name: invitation.name,
			assignment: assignmentOf(invitation),
			invitedBy:
				inviterName !== null && inviterEmail !== null
					? { name: inviterName, email: inviterEmail }
					: null,
			createdAt: invitation.createdAt.toISOString(),
			expiresAt: invitation.expiresAt.toISOString(),
			state: stateOf(invitation, inviterIsAdmin !== null, now)
		})
	);
	return ok({ invitations: summaries });
}

/**
 * DELETE /api/invitations/id/<id>: an admin of its grouping withdraws an
 * invitation that has not been used. Withdrawing one already withdrawn,
 * expired or void changes nothing more and is no error; one already accepted
 * cannot be (the role is taken away under Användare instead).
 */
export async function revokeInvitation(
	db: Database,
	revoker: Actor,
	id: string,
	now = new Date()
): Promise<ApiAnswer> {
	if (!Id.safeParse(id).success) return refusal(404, 'Inbjudan finns inte.');
	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(eq(invitations.id, id))
			.for('update');
		if (!invitation) return refusal(404, 'Inbjudan finns inte.');
		const denied = await unlessAdmin(tx, revoker.roles, invitation.organisationId);
		if (denied) return denied;
		if (invitation.acceptedAt)
			return refusal(
				409,
				'Inbjudan har redan använts och kan inte återkallas. Ta bort rollen under Användare i stället.'
			);
		if (!invitation.revokedAt) {
			await tx
				.update(invitations)
				.set({ revokedAt: now, revokedBy: revoker.user.id })
				.where(eq(invitations.id, id));
			await logAdminWrite(tx, revoker, {
				groupingId: invitation.organisationId,
				entity: 'invitation',
				entityId: id,
				action: 'delete',
				summary: `Återkallade inbjudan till ${invitation.name} (${invitation.email}).`
			});
		}
		return { status: 204 };
	});
}
