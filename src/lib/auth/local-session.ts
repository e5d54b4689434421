import { SessionInfo } from '$lib/domain/auth';
import type { LagesbildDatabase } from '$lib/db/database';

/**
 * The signed-in user as this device remembers it. The server's cookie proves
 * who is calling; this copy lets the app open, show and take values offline
 * for that user, and it is what sign-out wipes.
 */
const SESSION_KEY = 'session';
const LOGOUT_PENDING_KEY = 'lagesbild-logout-pending';

export async function readLocalSession(db: LagesbildDatabase): Promise<SessionInfo | null> {
	const parsed = SessionInfo.safeParse((await db.meta.get(SESSION_KEY))?.value);
	return parsed.success ? parsed.data : null;
}

export function writeLocalSession(db: LagesbildDatabase, session: SessionInfo): Promise<unknown> {
	return db.meta.put({ key: SESSION_KEY, value: session });
}

/**
 * Whether a new sign-in may take over this device's store. Unsynced edits of
 * one user must never be sent under another user's name: they stay until
 * their author signs in again, or signs out and gives them up.
 */
export async function handOverRefusal(db: LagesbildDatabase, incoming: SessionInfo): Promise<string | null> {
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
