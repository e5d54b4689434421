import type { LoginRequest, SessionInfo } from '$lib/domain/access/auth';
import type { Database } from '../db/connection';
import type { ApiAnswer } from '../http/api';
import {
	hashPassword,
	needsRehash,
	passwordWorkFull,
	PasswordWorkBusyError,
	verifyAgainstNobody,
	verifyPassword
} from './password';
import { createSession } from './sessions';
import { reserveAttempt, settleAttempt } from './throttle';
import { findUserByEmail, replacePasswordHash, rolesOf, type StoredUser } from './users';

export const WRONG_CREDENTIALS = 'Fel e-postadress eller lösenord.';

export type PasswordCheck =
	| { ok: true }
	| { ok: false; reason: 'wrong-credentials' }
	| { ok: false; reason: 'locked'; retryAfterSeconds: number }
	| { ok: false; reason: 'busy' };
export type SignInResult =
	{ ok: true; session: SessionInfo; token: string } | Exclude<PasswordCheck, { ok: true }>;

/**
 * Checks an e-mail and password under the brute-force brake and starts a
 * session. The same answer, and about the same time, whether or not the
 * address has an account.
 */
export async function signIn(
	db: Database,
	credentials: LoginRequest,
	ip: string,
	now = new Date()
): Promise<SignInResult> {
	return inCheckSlot(ip, async () => {
		const user = await findUserByEmail(db, credentials.email);
		const checked = await checkInSlot(
			db,
			{ email: credentials.email, user, password: credentials.password, ip },
			now
		);
		if (!checked.ok) return checked;
		const { token } = await createSession(db, user!.id, now);
		return {
			ok: true,
			token,
			session: {
				user: { id: user!.id, email: user!.email, name: user!.name },
				roles: await rolesOf(db, user!.id)
			}
		};
	});
}

/** Sign-ins from one IP being checked at once; more are answered 'busy' (see checkPassword). */
const MAX_CHECKS_PER_IP = 8;
const checksInFlight = new Map<string, number>();

/**
 * The password check behind sign-in and behind accepting an invitation with
 * an existing account. An unknown address (no `user`) is checked against a
 * dummy hash and counted by the brake like a known one (except toward the
 * IP's limit, see throttle.ts). The attempt is counted before the password is
 * checked, so parallel guesses get no more tries than the limit. A hash of
 * an older, lower cost is replaced when the password proves right.
 *
 * Checks are rationed (password.ts): when the server already has as many
 * waiting as it takes, or this IP has MAX_CHECKS_PER_IP under way, the answer
 * is 'busy' at once, before any database work, for known and unknown
 * addresses alike; one caller sending hundreds of attempts then cannot hold
 * up another's sign-in, nor the database.
 */
export async function checkPassword(
	db: Database,
	attempt: PasswordAttempt,
	now = new Date()
): Promise<PasswordCheck> {
	return inCheckSlot(attempt.ip, () => checkInSlot(db, attempt, now));
}

type PasswordAttempt = {
	email: string;
	user: StoredUser | undefined;
	password: string;
	ip: string;
};

/** Whether a password check from this IP would be answered 'busy' now. */
function passwordChecksSaturated(ip: string): boolean {
	return passwordWorkFull() || (checksInFlight.get(ip) ?? 0) >= MAX_CHECKS_PER_IP;
}

/** Runs `work` holding one of the IP's check slots, taken before the first await; 'busy' when there is none. */
async function inCheckSlot<T>(
	ip: string,
	work: () => Promise<T>
): Promise<T | { ok: false; reason: 'busy' }> {
	if (passwordChecksSaturated(ip)) return { ok: false, reason: 'busy' };
	checksInFlight.set(ip, (checksInFlight.get(ip) ?? 0) + 1);
	try {
		return await work();
	} finally {
		const left = (checksInFlight.get(ip) ?? 1) - 1;
		if (left > 0) checksInFlight.set(ip, left);
		else checksInFlight.delete(ip);
	}
}

async function checkInSlot(
	db: Database,
	{ email, user, password, ip }: PasswordAttempt,
	now: Date
): Promise<PasswordCheck> {
	const reserved = await reserveAttempt(db, { email, ip, knownAddress: user !== undefined }, now);
	if (!reserved.ok)
		return { ok: false, reason: 'locked', retryAfterSeconds: reserved.retryAfterSeconds };
	let valid: boolean;
	try {
		valid = user
			? await verifyPassword(password, user.passwordHash)
			: await verifyAgainstNobody(password);
	} catch (error) {
		// Never checked: no failure either.
		await settleAttempt(db, reserved.reservation, 'unchecked');
		if (error instanceof PasswordWorkBusyError) return { ok: false, reason: 'busy' };
		throw error;
	}
	const lock = await settleAttempt(
		db,
		reserved.reservation,
		user && valid ? 'succeeded' : 'failed'
	);
	if (!user || !valid)
		return lock
			? { ok: false, reason: 'locked', retryAfterSeconds: lock }
			: { ok: false, reason: 'wrong-credentials' };
	if (needsRehash(user.passwordHash)) await rehash(db, user, password);
	return { ok: true };
}

/**
 * A hash made at an older, lower cost is replaced while the password is at
 * hand; only if it is still the one just checked (a password reset in the
 * meantime wins).
 */
async function rehash(db: Database, user: StoredUser, password: string): Promise<void> {
	try {
		await replacePasswordHash(db, user.id, user.passwordHash, await hashPassword(password));
	} catch (error) {
		// The sign-in itself succeeded; the old hash still works and is replaced next time.
		if (!(error instanceof PasswordWorkBusyError)) throw error;
	}
}

/** "Försök igen om 2 minuter": the lock in words a person reads. */
export function lockedMessage(retryAfterSeconds: number): string {
	const minutes = Math.ceil(retryAfterSeconds / 60);
	const wait =
		retryAfterSeconds < 60
			? `${retryAfterSeconds} sekunder`
			: minutes === 1
				? '1 minut'
				: `${minutes} minuter`;
	return `För många misslyckade inloggningsförsök. Försök igen om ${wait}.`;
}

/** 429 with the wait, in the body for the page and in Retry-After for anything else. */
export function lockedAnswer(retryAfterSeconds: number): ApiAnswer {
	return {
		status: 429,
		body: { error: lockedMessage(retryAfterSeconds), retryAfterSeconds },
		headers: { 'retry-after': String(retryAfterSeconds) }
	};
}

const BUSY_MESSAGE = 'Servern tar emot många inloggningar just nu. Försök igen om en stund.';

/** 503 when the server is too busy checking passwords to take this one now (checkPassword). */
export function busyAnswer(): ApiAnswer {
	return { status: 503, body: { error: BUSY_MESSAGE }, headers: { 'retry-after': '5' } };
}

/** The refusal for a failed check: 401 with `wrongMessage`, 429 while locked, 503 when busy. */
export function failedCheckAnswer(
	check: Exclude<PasswordCheck, { ok: true }>,
	wrongMessage = WRONG_CREDENTIALS
): ApiAnswer {
	if (check.reason === 'locked') return lockedAnswer(check.retryAfterSeconds);
	if (check.reason === 'busy') return busyAnswer();
	return { status: 401, body: { error: wrongMessage } };
}
