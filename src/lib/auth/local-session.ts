import { version } from '$app/environment';
import type { SessionInfo } from '$lib/domain/access/auth';
import type { LagesbildDatabase } from '$lib/local-store/database';

/**
 * The signed-in user as this device remembers it. The server's cookie proves
 * who is calling; this copy lets the app open, show and take values offline
 * for that user, and it is what sign-out wipes.
 */
const SESSION_KEY = 'session';
const LOGOUT_PENDING_KEY = 'lagesbild-logout-pending';

/** The remembered session, with the build that wrote it. */
type StoredSession = { session: unknown; writtenBy: string };

/**
 * The session as the device remembers it, or null. Every session written was
 * one the SessionInfo schema accepted, so a build trusts what it wrote itself
 * and the app opens without loading zod; a copy from another build (or from
 * before the build was noted) is checked against today's schema, and one that
 * fails it counts as no session.
 */
export async function readLocalSession(db: LagesbildDatabase): Promise<SessionInfo | null> {
	const value = (await db.meta.get(SESSION_KEY))?.value;
	if (value === undefined) return null;
	if (isStoredSession(value) && value.writtenBy === version) return value.session as SessionInfo;
	const { SessionInfo } = await import('$lib/domain/access/auth');
	const parsed = SessionInfo.safeParse(isStoredSession(value) ? value.session : value);
	return parsed.success ? parsed.data : null;
}

export function writeLocalSession(db: LagesbildDatabase, session: SessionInfo): Promise<unknown> {
	return db.meta.put({
		key: SESSION_KEY,
		value: { session, writtenBy: version } satisfies StoredSession
	});
}

function isStoredSession(value: unknown): value is StoredSession {
	return typeof value === 'object' && value !== null && 'writtenBy' in value && 'session' in value;
}

/**
 * Whether a new sign-in may take over this device's store. Unsynced edits of
 * one user must never be sent under another user's name: they stay until
 * their author signs in again, or signs out and gives them up.
 */
export async function handOverRefusal(
	db: LagesbildDatabase,
	incoming: SessionInfo
): Promise<string | null> {
	const current = await readLocalSession(db);
	const pending = await db.outbox.count();
	if (!current || current.user.id === incoming.user.id || pending === 0) return null;
	return `Enheten har ${pending} osynkade ändringar från ${current.user.name}. Logga in som ${current.user.name} för att synka dem, eller låt ${current.user.name} logga ut först.`;
}

/** Signing out offline cannot reach the server; remember to end the server session once online. */
export const logoutPending = {
	set: () => localStorage.setItem(LOGOUT_PENDING_KEY, '1'),
	clear: () => localStorage.removeItem(LOGOUT_PENDING_KEY),
	get: () => localStorage.getItem(LOGOUT_PENDING_KEY) === '1'
};
