import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import type { OpenedDatabase } from '../db/connection';
import { loginThrottle, users } from '../db/schema';
import { resetDatabase, testBackends } from '../db/test-support';
import { hashPassword, passwordWorkLoad } from './password';
import { signIn, type SignInResult } from './sign-in';
import { THROTTLE } from './throttle';
import { createUser } from './users';

/** The brake's rules, with the clock in the test's hand, on PGlite and on PostgreSQL (real parallel transactions). */

const EMAIL = 'klara@example.se';
const PASSWORD = 'ett-riktigt-losenord';
const at = (start: number, seconds: number) => new Date(start + seconds * 1000);
const reasons = (results: SignInResult[]) => results.map((r) => (r.ok ? 'ok' : r.reason));
const count = (list: string[], value: string) => list.filter((x) => x === value).length;

for (const backend of await testBackends()) {
	describe.skipIf(!backend.available)(`inloggningsspärren på ${backend.name}`, () => {
		let opened: OpenedDatabase;
		beforeAll(async () => {
			opened = await backend.open();
		}, 60_000);
		afterAll(async () => opened?.close());
		beforeEach(async () => {
			await resetDatabase(opened.db);
			await createUser(opened.db, {
				email: EMAIL,
				name: 'Klara',
				passwordHash: await hashPassword(PASSWORD)
			});
		});

		const attempt = (password: string, now: Date, ip = '192.0.2.1', email = EMAIL) =>
			signIn(opened.db, { email, password }, ip, now);

		test('from one IP: the lock starts at a minute after the 5th failure and doubles with each further failure, up to an hour', async () => {
			const start = Date.parse('2026-01-01T08:00:00Z');
			let clock = 0;
			for (let i = 0; i < 4; i++)
				expect(await attempt('fel', at(start, clock++))).toEqual({
					ok: false,
					reason: 'wrong-credentials'
				});
			const locks: number[] = [];
			for (let i = 0; i < 8; i++) {
				const result = await attempt('fel', at(start, clock));
				expect(result.ok).toBe(false);
				const seconds = (result as { retryAfterSeconds: number }).retryAfterSeconds;
				locks.push(seconds);
				// While locked, even the right password is refused without counting as a failure.
				expect(await attempt(PASSWORD, at(start, clock + seconds - 1))).toEqual({
					ok: false,
					reason: 'locked',
					retryAfterSeconds: 1
				});
				clock += seconds;
			}
			expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
			expect(THROTTLE.maxLockMs).toBe(3600 * 1000);
			// Once the lock has run out, the right password works and clears the address's failures.
			expect((await attempt(PASSWORD, at(start, clock))).ok).toBe(true);
			const left = await opened.db.select().from(loginThrottle);
			expect(left.filter((r) => r.key.startsWith('address'))).toEqual([]);
		});

		test('failures are forgotten after 15 quiet minutes', async () => {
			const start = Date.parse('2026-02-01T08:00:00Z');
			for (let i = 0; i < 4; i++) await attempt('fel', at(start, i));
			// 15 minutes and a second later the count starts over: four more failures lock nothing.
			for (let i = 0; i < 4; i++)
				expect(await attempt('fel', at(start, 3 + 15 * 60 + 1 + i))).toEqual({
					ok: false,
					reason: 'wrong-credentials'
				});
			expect((await attempt('fel', at(start, 3 + 15 * 60 + 10))).ok).toBe(false);
			expect(await attempt(PASSWORD, at(start, 3 + 15 * 60 + 11))).toMatchObject({
				reason: 'locked'
			});
		});

		test('20 failures on unknown addresses do not block a known user from the same IP (a shared proxy), nor do 60', async () => {
			const now = new Date('2026-03-01T08:00:00Z');
			const ip = '198.51.100.7';
			for (let i = 0; i < 60; i++)
				expect(await attempt('fel-losenord', now, ip, `okand${i}@example.se`)).toEqual({
					ok: false,
					reason: 'wrong-credentials'
				});
			expect((await attempt(PASSWORD, now, ip)).ok).toBe(true);
		});

		test('an unknown address gets the same answers as a known one: 401, then the lock at the 5th failure', async () => {
			const now = new Date('2026-03-02T08:00:00Z');
			const answers = async (email: string, ip: string) =>
				reasons(await sequential(6, () => attempt('fel', now, ip, email)));
			expect(await answers('ingen@example.se', '192.0.2.60')).toEqual(
				await answers(EMAIL, '192.0.2.61')
			);
		});

		test('the per-address lock holds across IPs: 20 failures from 20 IPs lock the address everywhere, for everyone', async () => {
			const now = new Date('2026-03-03T08:00:00Z');
			for (let i = 0; i < 19; i++)
				expect(await attempt('fel', now, `203.0.113.${i}`)).toEqual({
					ok: false,
					reason: 'wrong-credentials'
				});
			expect(await attempt('fel', now, '203.0.113.19')).toEqual({
				ok: false,
				reason: 'locked',
				retryAfterSeconds: 60
			});
			expect(await attempt(PASSWORD, now, '203.0.113.200')).toEqual({
				ok: false,
				reason: 'locked',
				retryAfterSeconds: 60
			});
			expect((await attempt(PASSWORD, at(now.getTime(), 60), '203.0.113.200')).ok).toBe(true);
		});

		test('five failures from one IP do not lock the owner out from another', async () => {
			const now = new Date('2026-03-04T08:00:00Z');
			for (let i = 0; i < 5; i++) await attempt('fel', now, '192.0.2.70');
			expect(await attempt(PASSWORD, now, '192.0.2.70')).toMatchObject({
				ok: false,
				reason: 'locked'
			});
			expect((await attempt(PASSWORD, now, '192.0.2.71')).ok).toBe(true);
		});

		test('100 failures on existing accounts from one IP lock that IP, for known and unknown addresses alike; unknown addresses never count', async () => {
			const now = new Date('2026-03-05T08:00:00Z');
			const ip = '198.51.100.9';
			const ipFailures = async () =>
				(
					await opened.db
						.select()
						.from(loginThrottle)
						.where(eq(loginThrottle.key, `ip:${ip}`))
				)[0].failures;
			const hash = await hashPassword(PASSWORD);
			const accounts = Array.from({ length: 25 }, (_, i) => `anvandare${i}@example.se`);
			for (const email of accounts)
				await createUser(opened.db, { email, name: email, passwordHash: hash });
			// Four failures per account stay under each account's own limits.
			for (const email of accounts.slice(0, 20))
				for (let i = 0; i < 4; i++)
					expect(await attempt('fel', now, ip, email)).toEqual({
						ok: false,
						reason: 'wrong-credentials'
					});
			for (let i = 0; i < 50; i++)
				expect(await attempt('fel', now, ip, `okand${i}@example.se`)).toEqual({
					ok: false,
					reason: 'wrong-credentials'
				});
			expect(await ipFailures()).toBe(80);
			// A success takes back its own count and no other.
			expect((await attempt(PASSWORD, now, ip)).ok).toBe(true);
			expect(await ipFailures()).toBe(80);
			for (const email of accounts.slice(20))
				for (let i = 0; i < 4; i++) await attempt('fel', now, ip, email);
			expect(await ipFailures()).toBe(THROTTLE.limits.ip);
			expect(await attempt(PASSWORD, now, ip)).toEqual({
				ok: false,
				reason: 'locked',
				retryAfterSeconds: 60
			});
			expect(await attempt('fel', now, ip, 'okand-till@example.se')).toEqual({
				ok: false,
				reason: 'locked',
				retryAfterSeconds: 60
			});
			expect((await attempt(PASSWORD, now, '198.51.100.10')).ok).toBe(true);
		});

		test('200 parallel guesses from one IP get no more tries than the limit; the right password, sent last, is refused', async () => {
			const now = new Date('2026-03-06T08:00:00Z');
			const guesses = Array.from({ length: 200 }, (_, i) =>
				i === 199 ? PASSWORD : `gissning-${i}`
			);
			const checksBefore = passwordWorkLoad().started;
			const results = reasons(
				await Promise.all(guesses.map((password) => attempt(password, now, '192.0.2.80')))
			);
			expect(results.at(-1)).not.toBe('ok');
			expect(count(results, 'ok')).toBe(0);
			// At most the limit was checked: the rest were refused before any password work.
			expect(passwordWorkLoad().started - checksBefore).toBeLessThanOrEqual(
				THROTTLE.limits.addressIp
			);
			expect(count(results, 'wrong-credentials')).toBeLessThanOrEqual(
				THROTTLE.limits.addressIp - 1
			);
			const [row] = await opened.db
				.select()
				.from(loginThrottle)
				.where(eq(loginThrottle.key, `address-ip:${EMAIL}|192.0.2.80`));
			expect(row.failures).toBeLessThanOrEqual(THROTTLE.limits.addressIp);
		});

		test('200 parallel guesses from 200 IPs get no more tries than the per-address limit', async () => {
			const now = new Date('2026-03-07T08:00:00Z');
			const guesses = Array.from({ length: 200 }, (_, i) =>
				i === 199 ? PASSWORD : `gissning-${i}`
			);
			const checksBefore = passwordWorkLoad().started;
			const results = reasons(
				await Promise.all(
					guesses.map((password, i) =>
						attempt(password, now, `10.0.${Math.floor(i / 250)}.${i % 250}`)
					)
				)
			);
			expect(count(results, 'ok')).toBe(0);
			expect(passwordWorkLoad().started - checksBefore).toBeLessThanOrEqual(
				THROTTLE.limits.address
			);
			expect(count(results, 'wrong-credentials')).toBeLessThanOrEqual(THROTTLE.limits.address - 1);
			const [row] = await opened.db
				.select()
				.from(loginThrottle)
				.where(eq(loginThrottle.key, `address:${EMAIL}`));
			expect(row.failures).toBe(THROTTLE.limits.address);
		});

		test('a sign-in with a hash of an older, lower cost replaces it; the password keeps working', async () => {
			const old = await hashPassword(PASSWORD, { log2N: 10, r: 8, p: 1 });
			await opened.db.update(users).set({ passwordHash: old }).where(eq(users.email, EMAIL));
			const now = new Date('2026-03-08T08:00:00Z');
			expect((await attempt('fel', now)).ok).toBe(false);
			expect(
				(await opened.db.select().from(users).where(eq(users.email, EMAIL)))[0].passwordHash
			).toBe(old);
			expect((await attempt(PASSWORD, now)).ok).toBe(true);
			const [{ passwordHash }] = await opened.db.select().from(users).where(eq(users.email, EMAIL));
			expect(passwordHash).not.toBe(old);
			expect(passwordHash).toMatch(
				new RegExp(`^scrypt\\$${process.env.LAGESBILD_TEST_PASSWORD_LOG2N}\\$8\\$1\\$`)
			);
			expect((await attempt(PASSWORD, now)).ok).toBe(true);
		});
	});
}

async function sequential<T>(times: number, run: () => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let i = 0; i < times; i++) results.push(await run());
	return results;
}
