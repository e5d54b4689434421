import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { loginThrottle } from '../db/schema';

/**
 * Brute-force brake for sign-in, in the database (a restart does not lift
 * it, and several servers on one PostgreSQL share it). Failures are counted
 * under three keys, each with its own limit:
 *
 * - the address from this IP ("address+ip"): 5, the brake a guesser meets;
 * - the address from anywhere ("address"): 20, for guessing one account
 *   from many IPs, high enough that a stranger's five guesses from
 *   elsewhere do not lock its owner out;
 * - the IP ("ip"): 100, counting only failures on addresses that have an
 *   account, so many people behind one proxy mistyping their addresses, or
 *   someone trying unknown addresses, never lock anyone else out.
 *
 * At a key's limit sign-in is locked for a minute, and each further failure
 * doubles the lock, up to an hour; failures are forgotten after 15 quiet
 * minutes. A lock on any key refuses the attempt, known address or not, so
 * the answer does not tell whether an address has an account.
 *
 * An attempt is counted as a failure before its password is checked
 * (reserveAttempt, one transaction with the keys' rows locked), and the
 * count is taken back when the password proves right (settleAttempt): so
 * parallel guesses cannot all pass the check before the first failure is
 * counted.
 */
export const THROTTLE = {
	limits: { addressIp: 5, address: 20, ip: 100 },
	/** Failures are forgotten after this long without one (counted from the end of any lock). */
	quietMs: 15 * 60 * 1000,
	firstLockMs: 60 * 1000,
	maxLockMs: 60 * 60 * 1000
} as const;

export type ThrottleKeys = {
	email: string;
	ip: string;
	/** Whether the address has an account: only then does a failure count toward the IP's limit. */
	knownAddress: boolean;
};
type Db = Database | Transaction;
type KeyRule = { key: string; limit: number; counts: boolean };
type ThrottleRow = typeof loginThrottle.$inferSelect;

function rulesFor({ email, ip, knownAddress }: ThrottleKeys): KeyRule[] {
	return [
		{ key: `address-ip:${email}|${ip}`, limit: THROTTLE.limits.addressIp, counts: true },
		{ key: `address:${email}`, limit: THROTTLE.limits.address, counts: true },
		// Checked for every attempt (a locked IP is locked for all), counted only for known addresses.
		{ key: `ip:${ip}`, limit: THROTTLE.limits.ip, counts: knownAddress }
	];
}

/** What was counted for one attempt, to take back if the password was right. */
export type Reservation = {
	keys: ThrottleKeys;
	counted: { key: string; before: ThrottleRow; lockedUntil: Date | null }[];
	lockSeconds: number | null;
};

export type ReserveResult =
	{ ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number };

/**
 * Before a password is checked: refuses while any key is locked; otherwise
 * counts this attempt as a failure on every counting key (locking those it
 * brings to their limit) and lets it through. The keys' rows are locked for
 * the transaction, so parallel attempts are counted one after the other.
 */
export async function reserveAttempt(
	db: Database,
	keys: ThrottleKeys,
	now = new Date()
): Promise<ReserveResult> {
	const rules = rulesFor(keys);
	const result = await db.transaction(async (tx) => {
		const rows = await lockRows(tx, rules, now);
		const lockedUntil = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
		if (lockedUntil > now.getTime())
			return {
				ok: false as const,
				retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000)
			};
		const counted: Reservation['counted'] = [];
		let lockMs = 0;
		for (const rule of rules.filter((r) => r.counts)) {
			const row = rows.find((r) => r.key === rule.key)!;
			const failures = isForgotten(row, now) ? 1 : row.failures + 1;
			const ruleLockMs =
				failures >= rule.limit
					? Math.min(THROTTLE.firstLockMs * 2 ** (failures - rule.limit), THROTTLE.maxLockMs)
					: 0;
			const lockedUntil = ruleLockMs > 0 ? new Date(now.getTime() + ruleLockMs) : null;
			await tx
				.update(loginThrottle)
				.set({ failures, lastFailureAt: now, lockedUntil: lockedUntil ?? row.lockedUntil })
				.where(eq(loginThrottle.key, rule.key));
			counted.push({ key: rule.key, before: row, lockedUntil });
			lockMs = Math.max(lockMs, ruleLockMs);
		}
		return {
			ok: true as const,
			reservation: { keys, counted, lockSeconds: lockMs > 0 ? Math.ceil(lockMs / 1000) : null }
		};
	});
	await forgetOldFailures(db, now);
	return result;
}

/**
 * The keys' rows, made if missing and locked until the transaction ends, in
 * one statement that takes them in the same order in every attempt
 * (address+IP, address, IP: their keys sort that way too), so two attempts
 * that share a key wait for each other instead of deadlocking.
 */
async function lockRows(
	tx: Transaction,
	rules: readonly KeyRule[],
	now: Date
): Promise<ThrottleRow[]> {
	return tx
		.insert(loginThrottle)
		.values(rules.map(({ key }) => ({ key, failures: 0, lastFailureAt: now })))
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: { failures: sql.raw('"login_throttle"."failures"') }
		})
		.returning();
}

export type AttemptOutcome = 'failed' | 'succeeded' | 'unchecked';

/**
 * After the password was checked. A failure stays counted: returns the lock
 * it started, if any. A success clears the address's failures (from this IP
 * and from anywhere) and takes back its count on the IP, lifting a lock this
 * attempt set there; it does not clear the IP's other failures: one good
 * account must not reset guessing at others. An attempt whose password was
 * never checked (the server was too busy) takes back all it counted.
 */
export async function settleAttempt(
	db: Database,
	reservation: Reservation,
	outcome: AttemptOutcome
): Promise<number | null> {
	if (outcome === 'failed') return reservation.lockSeconds;
	const [addressIp, address] = rulesFor(reservation.keys);
	// One key per statement, in the order reserveAttempt takes them (see lockRows).
	await db.transaction(async (tx) => {
		if (outcome === 'succeeded') {
			await tx.delete(loginThrottle).where(eq(loginThrottle.key, addressIp.key));
			await tx.delete(loginThrottle).where(eq(loginThrottle.key, address.key));
		}
		for (const counted of reservation.counted) {
			if (outcome === 'unchecked' || counted.key.startsWith('ip:')) await takeBack(tx, counted);
		}
	});
	return null;
}

/** One attempt's count off a key, and the lock it set there, if no other attempt has set a later one since. */
async function takeBack(
	tx: Transaction,
	{ key, before, lockedUntil }: Reservation['counted'][number]
): Promise<void> {
	const ownLockLifted = lockedUntil
		? {
				lockedUntil: sql`case when ${loginThrottle.lockedUntil} = ${lockedUntil.toISOString()}::timestamptz then ${before.lockedUntil?.toISOString() ?? null}::timestamptz else ${loginThrottle.lockedUntil} end`
			}
		: {};
	await tx
		.update(loginThrottle)
		.set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)`, ...ownLockLifted })
		.where(eq(loginThrottle.key, key));
}

function isForgotten(
	row: Pick<ThrottleRow, 'failures' | 'lastFailureAt' | 'lockedUntil'>,
	now: Date
): boolean {
	const lastActivity = Math.max(row.lastFailureAt.getTime(), row.lockedUntil?.getTime() ?? 0);
	return row.failures === 0 || now.getTime() - lastActivity > THROTTLE.quietMs;
}

/**
 * Rows for keys nobody has tried for a while go, so guessing many addresses
 * does not fill the table for ever. Rows another attempt holds are skipped,
 * never waited for: this delete takes rows in no particular order.
 */
async function forgetOldFailures(db: Db, now: Date): Promise<void> {
	const cutoff = new Date(now.getTime() - THROTTLE.quietMs).toISOString();
	await db.execute(sql`
		delete from login_throttle where key in (
			select key from login_throttle
			where greatest(last_failure_at, coalesce(locked_until, last_failure_at)) < ${cutoff}::timestamptz
			for update skip locked
		)`);
}
