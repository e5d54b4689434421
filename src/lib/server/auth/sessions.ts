import { and, eq, gt, lt } from 'drizzle-orm';
import type { SessionInfo, SessionUser } from '$lib/domain/access/auth';
import type { Database, Transaction } from '../db/connection';
import { sessions, userRoles, users } from '../db/schema';
import { hashToken, looksLikeToken, newToken } from './tokens';
import { SESSION_DAYS } from './cookie';
import { toAssignment } from './users';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed-in user of one request, with the roles read fresh from the database. */
export type Session = SessionInfo & { tokenHash: string; expiresAt: Date };

export function sessionInfo(session: Pick<Session, 'user' | 'roles'>): SessionInfo {
	return { user: session.user, roles: session.roles };
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
	db: Database | Transaction,
	userId: string,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = expiryFrom(now);
	await db
		.insert(sessions)
		.values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
	// Housekeeping on the side: sessions nobody used for 30 days go.
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
	return { token, expiresAt };
}

/**
 * The session a cookie names, if it exists and has not expired, with the
 * user's roles as they are now (a role taken away takes effect at once).
 * One query: it runs on every API request.
 */
export async function findSession(
	db: Database,
	token: string | undefined,
	now = new Date()
): Promise<Session | null> {
	if (!looksLikeToken(token)) return null;
	const tokenHash = hashToken(token);
	const rows = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			expiresAt: sessions.expiresAt,
			roleId: userRoles.id,
			organisationId: userRoles.organisationId,
			role: userRoles.role,
			municipalityId: userRoles.municipalityId
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(userRoles, eq(userRoles.userId, users.id))
		.where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
	if (rows.length === 0) return null;
	// Roles in the order they were given; sorted here, as an ORDER BY costs more than the rest of this query.
	rows.sort((a, b) => (a.roleId ?? 0) - (b.roleId ?? 0));
	const [{ id, email, name, expiresAt }] = rows;
	const user: SessionUser = { id, email, name };
	const roles = rows.flatMap((r) =>
		r.organisationId !== null && r.role !== null
			? [
					toAssignment({
						organisationId: r.organisationId,
						role: r.role,
						municipalityId: r.municipalityId
					})
				]
			: []
	);
	return { user, roles, tokenHash, expiresAt };
}

/**
 * Sliding expiry: a session in use is pushed 30 days ahead again, at most
 * once a day, so someone who opens the app monthly stays signed in without
 * a write on every request. Returns the new expiry when it moved.
 */
export async function renewIfDue(
	db: Database,
	session: Session,
	now = new Date()
): Promise<Date | null> {
	const renewed = expiryFrom(now);
	if (renewed.getTime() - session.expiresAt.getTime() < DAY_MS) return null;
	await db
		.update(sessions)
		.set({ expiresAt: renewed })
		.where(eq(sessions.tokenHash, session.tokenHash));
	return renewed;
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Signs a user out everywhere (a password reset); returns how many sessions ended. */
export async function endSessionsOf(db: Database | Transaction, userId: string): Promise<number> {
	const ended = await db
		.delete(sessions)
		.where(eq(sessions.userId, userId))
		.returning({ tokenHash: sessions.tokenHash });
	return ended.length;
}

function expiryFrom(now: Date): Date {
	return new Date(now.getTime() + SESSION_DAYS * DAY_MS);
}
