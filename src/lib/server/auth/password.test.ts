import { expect, test } from 'vitest';
import {
	costFromEnvironment,
	hashPassword,
	MAX_WAITING,
	needsRehash,
	PASSWORD_COST,
	passwordWorkLoad,
	PasswordWorkBusyError,
	SCRYPT_SLOTS,
	verifyAgainstNobody,
	verifyPassword
} from './password';

test("new hashes use OWASP's scrypt cost (N = 2^17, r = 8, p = 1) and verify", async () => {
	expect(PASSWORD_COST).toEqual({ log2N: 17, r: 8, p: 1 });
	const hash = await hashPassword('ett-riktigt-losenord', PASSWORD_COST);
	expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
	expect(await verifyPassword('ett-riktigt-losenord', hash)).toBe(true);
	expect(await verifyPassword('ett-annat-losenord', hash)).toBe(false);
	expect(needsRehash(hash, PASSWORD_COST)).toBe(false);
	expect(needsRehash(hash.replace('scrypt$17$', 'scrypt$15$'), PASSWORD_COST)).toBe(true);
}, 30_000);

test('only the unit tests may lower the cost: a server ignores the variable', () => {
	expect(costFromEnvironment({})).toEqual(PASSWORD_COST);
	expect(costFromEnvironment({ LAGESBILD_TEST_PASSWORD_LOG2N: '12' })).toEqual(PASSWORD_COST);
	expect(costFromEnvironment({ LAGESBILD_TEST_PASSWORD_LOG2N: '12', VITEST: 'true' })).toEqual({
		...PASSWORD_COST,
		log2N: 12
	});
	// Never below 2^10, never above the real cost.
	expect(costFromEnvironment({ LAGESBILD_TEST_PASSWORD_LOG2N: '4', VITEST: 'true' })).toEqual(
		PASSWORD_COST
	);
	expect(costFromEnvironment({ LAGESBILD_TEST_PASSWORD_LOG2N: '20', VITEST: 'true' })).toEqual(
		PASSWORD_COST
	);
});

test('a stored hash naming more memory than the real cost is not read (no 1 GiB scrypt from a bad row)', async () => {
	const hash = await hashPassword('losenordet', { log2N: 10, r: 8, p: 1 });
	expect(await verifyPassword('losenordet', hash)).toBe(true);
	expect(await verifyPassword('losenordet', hash.replace('scrypt$10$', 'scrypt$20$'))).toBe(false);
});

test(`300 password checks at once: at most ${SCRYPT_SLOTS} hash at a time, ${MAX_WAITING} wait, the rest are refused at once`, async () => {
	let highest = 0;
	const sampler = setInterval(() => (highest = Math.max(highest, passwordWorkLoad().running)), 1);
	const outcomes = await Promise.allSettled(
		Array.from({ length: 300 }, (_, i) => verifyAgainstNobody(`gissning-${i}`))
	);
	clearInterval(sampler);
	const refused = outcomes.filter((o) => o.status === 'rejected');
	expect(refused.every((o) => o.reason instanceof PasswordWorkBusyError)).toBe(true);
	expect(outcomes.length - refused.length).toBeGreaterThanOrEqual(MAX_WAITING);
	expect(outcomes.length - refused.length).toBeLessThanOrEqual(MAX_WAITING + SCRYPT_SLOTS + 1);
	expect(highest).toBeGreaterThan(0);
	expect(highest).toBeLessThanOrEqual(SCRYPT_SLOTS);
	expect(passwordWorkLoad()).toMatchObject({ running: 0, waiting: 0 });
});
