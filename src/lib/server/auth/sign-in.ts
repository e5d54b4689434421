import type { LoginRequest, SessionInfo } from '$lib/domain/auth';
import type { Database } from '../db/connection';
import type { ApiAnswer } from '../http/api';
import { verifyAgainstNobody, verifyPassword } from './password';
import { createSession } from './sessions';
import { lockedForSeconds, recordFailure, recordSuccess } from './throttle';
import { findUserByEmail, rolesOf } from './users';

export const WRONG_CREDENTIALS = 'Fel e-postadress eller lösenord.';

export type SignInResult =
	| { ok: true; session: SessionInfo; token: string }
	| { ok: false; reason: 'wrong-credentials' }
	| { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password under the brute-force brake and starts a
 * session. The same answer, and about the same time, whether or not the
 * address has an account.
 */
export async function signIn(db: Database, credentials: LoginRequest, ip: string, now = new Date()): Promise<SignInResult> {
	const keys = { email: credentials.email, ip };
	const locked = await lockedForSeconds(db, keys, now);
	if (locked) return { ok: false, reason: 'locked', retryAfterSeconds: locked };
	const user = await findUserByEmail(db, credentials.email);
	const valid = user ? await verifyPassword(credentials.password, user.passwordHash) : await verifyAgainstNobody(credentials.password);
	if (!user || !valid) {
		const lock = await recordFailure(db, keys, now);
		return lock ? { ok: false, reason: 'locked', retryAfterSeconds: lock } : { ok: false, reason: 'wrong-credentials' };
	}
	await recordSuccess(db, credentials.email);
	const { token } = await createSession(db, user.id, now);
	return { ok: true, token, session: { user: { id: user.id, email: user.email, name: user.name }, roles: await rolesOf(db, user.id) } };
}

/** "Försök igen om 2 minuter": the lock in words a person reads. */
export function lockedMessage(retryAfterSeconds: number): string {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	const wait = retryAfterSeconds < 60 ? `${retryAfterSeconds} sekunder` : minutes === 1 ? '1 minut' : `${minutes} minuter`;
	return `För många misslyckade inloggningsförsök. Försök igen om ${wait}.`;
}

/** 429 with the wait, in the body for the page and in Retry-After for anything else. */
export function lockedAnswer(retryAfterSeconds: number): ApiAnswer {
	return { status: 429, body: { error: lockedMessage(retryAfterSeconds), retryAfterSeconds }, headers: { 'retry-after': String(retryAfterSeconds) } };
}
