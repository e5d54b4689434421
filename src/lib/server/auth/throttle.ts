import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { loginThrottle } from '../db/schema';

/**
 * Brute-force brake for sign-in, per e-mail address and per IP address:
 * after 5 failures for one address (or 20 from one IP) without a 15-minute
 * pause, sign-in is locked for a minute, and each further failure doubles the
 * lock, up to an hour. Kept in the database, so a restart does not lift it,
 * and several servers on one PostgreSQL share it.
 */
export const THROTTLE = {
	emailLimit: 5,
	ipLimit: 20,
	/** Failures are forgotten after this long without one (counted from the end of any lock). */
	quietMs: 15 * 60 * 1000,
	firstLockMs: 60 * 1000,
	maxLockMs: 60 * 60 * 1000
} as const;

export type ThrottleKeys = { email: string; ip: string };
type Db = Database | Transaction;

function keysOf({ email, ip }: ThrottleKeys): { key: string; limit: number }[] {
	return [
		{ key: `email:${email}`, limit: THROTTLE.emailLimit },
		{ key: `ip:${ip}`, limit: THROTTLE.ipLimit }
	];
}

/** Seconds until sign-in is allowed again for this address or IP, or null when it is allowed now. */
export async function lockedForSeconds(db: Db, keys: ThrottleKeys, now = new Date()): Promise<number | null> {
	const rows = await db
		.select({ lockedUntil: loginThrottle.lockedUntil })
		.from(loginThrottle)
		.where(
			inArray(
				loginThrottle.key,
				keysOf(keys).map((k) => k.key)
			)
		);
	const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
	return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : null;
}

/** Counts a failed sign-in; returns the lock in seconds when this failure started or lengthened one. */
export async function recordFailure(db: Database, keys: ThrottleKeys, now = new Date()): Promise<number | null> {
	return db.transaction(async (tx) => {
		let lockMs = 0;
		for (const { key, limit } of keysOf(keys)) lockMs = Math.max(lockMs, await countFailure(tx, key, limit, now));
		await forgetOldFailures(tx, now);
		return lockMs > 0 ? Math.ceil(lockMs / 1000) : null;
	});
}

/** A successful sign-in clears its e-mail address's failures. The IP's stay: one good account must not reset guessing at others. */
export async function recordSuccess(db: Db, email: string): Promise<void> {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, `email:${email}`));
}

async function countFailure(tx: Transaction, key: string, limit: number, now: Date): Promise<number> {
	// Make sure the row exists, then lock it: two failures at once both count.
	await tx.insert(loginThrottle).values({ key, failures: 0, lastFailureAt: now }).onConflictDoNothing();
	const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
	const failures = isForgotten(row, now) ? 1 : row.failures + 1;
	const lockMs = failures >= limit ? Math.min(THROTTLE.firstLockMs * 2 ** (failures - limit), THROTTLE.maxLockMs) : 0;
	await tx
		.update(loginThrottle)
		.set({ failures, lastFailureAt: now, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : row.lockedUntil })
		.where(eq(loginThrottle.key, key));
	return lockMs;
}

function isForgotten(row: { failures: number; lastFailureAt: Date; lockedUntil: Date | null }, now: Date): boolean {
	const lastActivity = Math.max(row.lastFailureAt.getTime(), row.lockedUntil?.getTime() ?? 0);
	return row.failures === 0 || now.getTime() - lastActivity > THROTTLE.quietMs;
}

/** Rows for addresses nobody has tried for a while go, so guessing many addresses does not fill the table for ever. */
async function forgetOldFailures(tx: Transaction, now: Date): Promise<void> {
	const cutoff = new Date(now.getTime() - THROTTLE.quietMs).toISOString();
	await tx
		.delete(loginThrottle)
		.where(sql`greatest(${loginThrottle.lastFailureAt}, coalesce(${loginThrottle.lockedUntil}, ${loginThrottle.lastFailureAt})) < ${cutoff}::timestamptz`);
}
