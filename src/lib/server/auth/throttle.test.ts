import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { loginThrottle } from '../db/schema';
import { hashPassword } from './password';
import { signIn } from './sign-in';
import { THROTTLE } from './throttle';
import { createUser } from './users';

/** The brake's timing, with the clock in the test's hand. */

let opened: OpenedDatabase;
const EMAIL = 'klara@example.se';
const PASSWORD = 'ett-riktigt-losenord';

beforeAll(async () => {
	opened = await openDatabase({ dataDir: 'memory://' });
	await createUser(opened.db, { email: EMAIL, name: 'Klara', passwordHash: await hashPassword(PASSWORD) });
}, 60_000);
afterAll(async () => opened?.close());
beforeEach(async () => {
	await opened.db.delete(loginThrottle);
});

const at = (start: number, seconds: number) => new Date(start + seconds * 1000);

async function attempt(password: string, now: Date, ip = '192.0.2.1') {
	return signIn(opened.db, { email: EMAIL, password }, ip, now);
}

test('the lock starts at a minute after the 5th failure and doubles with each further failure, up to an hour', async () => {
	const start = Date.parse('2026-01-01T08:00:00Z');
	let clock = 0;
	for (let i = 0; i < 4; i++) expect(await attempt('fel', at(start, clock++))).toEqual({ ok: false, reason: 'wrong-credentials' });
	const locks: number[] = [];
	for (let i = 0; i < 8; i++) {
		const result = await attempt('fel', at(start, clock));
		expect(result.ok).toBe(false);
		const seconds = (result as { retryAfterSeconds: number }).retryAfterSeconds;
		locks.push(seconds);
		// While locked, even the right password is refused without counting as a failure.
		expect(await attempt(PASSWORD, at(start, clock + seconds - 1))).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
		clock += seconds;
	}
	expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
	expect(THROTTLE.maxLockMs).toBe(3600 * 1000);
	// Once the lock has run out, the right password works and clears the address's failures.
	expect((await attempt(PASSWORD, at(start, clock))).ok).toBe(true);
	expect(await opened.db.select().from(loginThrottle).then((rows) => rows.map((r) => r.key))).toEqual(['ip:192.0.2.1']);
});

test('failures are forgotten after 15 quiet minutes', async () => {
	const start = Date.parse('2026-02-01T08:00:00Z');
	for (let i = 0; i < 4; i++) await attempt('fel', at(start, i));
	// 15 minutes and a second later the count starts over: four more failures lock nothing.
	for (let i = 0; i < 4; i++) expect(await attempt('fel', at(start, 3 + 15 * 60 + 1 + i))).toEqual({ ok: false, reason: 'wrong-credentials' });
	expect((await attempt('fel', at(start, 3 + 15 * 60 + 10))).ok).toBe(false);
	expect(await attempt(PASSWORD, at(start, 3 + 15 * 60 + 11))).toMatchObject({ reason: 'locked' });
});
