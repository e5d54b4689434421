import { eq } from 'drizzle-orm';
import type { AcceptInvitationRequest, InvitationInfo, InvitationRequest, RoleAssignment } from '$lib/domain/auth';
import type { Database, Transaction } from '../db/connection';
import { invitations } from '../db/schema';
import { ok, refusal, type ApiAnswer } from '../http/api';
import { unlessAdmin } from '../reference/admin-writes';
import { bumpReferenceRevision } from '../reference/store';
import { assignmentProblem, organisationName } from './assignments';
import { hashPassword, verifyPassword } from './password';
import { createSession, sessionInfo } from './sessions';
import { lockedAnswer } from './sign-in';
import { lockedForSeconds, recordFailure, recordSuccess } from './throttle';
import { hashToken, looksLikeToken, newToken } from './tokens';
import { addRole, createUser, findUserByEmail, rolesOf, type StoredUser } from './users';

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type StoredInvitation = typeof invitations.$inferSelect;

/** POST /api/invitations: an admin of the grouping invites someone to a role there. */
export async function createInvitation(db: Database, inviter: { id: string; roles: readonly RoleAssignment[] }, request: InvitationRequest, now = new Date()): Promise<ApiAnswer> {
	const { assignment } = request;
	const denied = await unlessAdmin(db, inviter.roles, assignment.organisationId);
	if (denied) return denied;
	const problem = await assignmentProblem(db, assignment);
	if (problem) return refusal(400, problem);
	const token = newToken();
	const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
	await db.insert(invitations).values({
		tokenHash: hashToken(token),
		email: request.email,
		name: request.name,
		organisationId: assignment.organisationId,
		role: assignment.role,
		municipalityId: assignment.municipalityId ?? null,
		invitedBy: inviter.id,
		createdAt: now,
		expiresAt
	});
	return ok({ url: `/inbjudan/${token}`, expiresAt: expiresAt.toISOString() }, 201);
}

type Usable = { ok: true; invitation: StoredInvitation } | { ok: false; answer: ApiAnswer };

/** 404 for a token that was never issued, 410 for one that was used or has run out. */
async function usableInvitation(db: Database | Transaction, token: string, now: Date, lock = false): Promise<Usable> {
	if (!looksLikeToken(token)) return { ok: false, answer: refusal(404, 'Inbjudan finns inte. Kontrollera länken.') };
	const query = db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
	const [invitation] = lock ? await query.for('update') : await query;
	if (!invitation) return { ok: false, answer: refusal(404, 'Inbjudan finns inte. Kontrollera länken.') };
	if (invitation.acceptedAt) return { ok: false, answer: refusal(410, 'Inbjudan har redan använts. Logga in som vanligt.') };
	if (invitation.expiresAt <= now) return { ok: false, answer: refusal(410, 'Inbjudan har gått ut. Be administratören om en ny.') };
	return { ok: true, invitation };
}

function assignmentOf(invitation: StoredInvitation): RoleAssignment {
	return invitation.municipalityId === null
		? { organisationId: invitation.organisationId, role: invitation.role }
		: { organisationId: invitation.organisationId, role: invitation.role, municipalityId: invitation.municipalityId };
}

/** GET /api/invitations/<token>: what the invitation page needs to show. */
export async function describeInvitation(db: Database, token: string, now = new Date()): Promise<ApiAnswer> {
	const usable = await usableInvitation(db, token, now);
	if (!usable.ok) return usable.answer;
	const { invitation } = usable;
	const info: InvitationInfo = {
		email: invitation.email,
		name: invitation.name,
		organisationName: await organisationName(db, invitation.organisationId),
		role: invitation.role,
		...(invitation.municipalityId ? { municipalityName: await organisationName(db, invitation.municipalityId) } : {}),
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
export async function acceptInvitation(db: Database, token: string, request: AcceptInvitationRequest, ip: string, now = new Date()): Promise<ApiAnswer & { token?: string }> {
	const usable = await usableInvitation(db, token, now);
	if (!usable.ok) return usable.answer;
	const email = usable.invitation.email;
	const existing = await findUserByEmail(db, email);
	// The slow scrypt work happens before the transaction, which then only writes.
	const proof = existing ? await proveExistingUser(db, existing, request.password, ip, now) : { ok: true as const, passwordHash: await hashPassword(request.password) };
	if (!proof.ok) return proof.answer;
	const accepted = await db.transaction(async (tx) => {
		const stillUsable = await usableInvitation(tx, token, now, true);
		if (!stillUsable.ok) return stillUsable;
		// An account made for this address in the meantime (another invitation, create-admin) must not be overwritten.
		if (!existing && (await findUserByEmail(tx, email))) return { ok: false as const, answer: refusal(409, `Det finns redan ett konto för ${email}. Öppna länken igen.`) };
		const user = existing ?? (await createUser(tx, { email, name: request.name ?? stillUsable.invitation.name, passwordHash: proof.passwordHash! }));
		await addRole(tx, user.id, assignmentOf(stillUsable.invitation));
		await tx.update(invitations).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(invitations.tokenHash, stillUsable.invitation.tokenHash));
		await bumpReferenceRevision(tx);
		return { ok: true as const, user };
	});
	if (!accepted.ok) return accepted.answer;
	const { user } = accepted;
	const session = await createSession(db, user.id, now);
	return { ...ok(sessionInfo({ user: { id: user.id, email: user.email, name: user.name }, roles: await rolesOf(db, user.id) })), token: session.token };
}

async function proveExistingUser(
	db: Database,
	user: StoredUser,
	password: string,
	ip: string,
	now: Date
): Promise<{ ok: true; passwordHash?: undefined } | { ok: false; answer: ApiAnswer }> {
	const keys = { email: user.email, ip };
	const locked = await lockedForSeconds(db, keys, now);
	if (locked) return { ok: false, answer: lockedAnswer(locked) };
	if (await verifyPassword(password, user.passwordHash)) {
		await recordSuccess(db, user.email);
		return { ok: true };
	}
	const lock = await recordFailure(db, keys, now);
	if (lock) return { ok: false, answer: lockedAnswer(lock) };
	return { ok: false, answer: refusal(401, `Det finns redan ett konto för ${user.email}. Ange dess nuvarande lösenord för att ta emot inbjudan.`) };
}
