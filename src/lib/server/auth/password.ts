import { availableParallelism } from 'node:os';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with node:crypto's scrypt at OWASP's recommended cost
 * (N = 2^17, r = 8, p = 1). The stored string names its own parameters
 * ("scrypt$<log2 N>$<r>$<p>$<salt>$<hash>", base64url), so hashes made at an
 * older cost still verify, and sign-in rehashes them (needsRehash).
 */

export const PASSWORD_COST = { log2N: 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/**
 * scrypt needs 128·N·r bytes: 128 MiB at this cost, four times Node's
 * default ceiling (32 MiB), so the ceiling is raised for it; a stored hash
 * naming a larger cost than this is not read (parseHash) rather than allowed
 * to take more memory.
 */
const MAX_MEMORY = 2 * 128 * 2 ** PASSWORD_COST.log2N * PASSWORD_COST.r;

export type PasswordCost = { log2N: number; r: number; p: number };

/**
 * The cost new hashes get: PASSWORD_COST, except in the unit tests, which
 * hash and check hundreds of passwords and may lower N with
 * LAGESBILD_TEST_PASSWORD_LOG2N (vite.config.ts). Honoured only under vitest:
 * a production server ignores it. The tests that are about the cost itself
 * pass PASSWORD_COST explicitly; the production-install test and the e2e
 * tests run the built server at the real cost.
 */
export function costFromEnvironment(
	env: Record<string, string | undefined> = process.env
): PasswordCost {
	const log2N = Number(env.LAGESBILD_TEST_PASSWORD_LOG2N);
	const lowered =
		env.VITEST === 'true' && Number.isInteger(log2N) && log2N >= 10 && log2N < PASSWORD_COST.log2N;
	return lowered ? { ...PASSWORD_COST, log2N } : PASSWORD_COST;
}

const currentCost = costFromEnvironment();

export async function hashPassword(
	password: string,
	cost: PasswordCost = currentCost
): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, cost, KEY_LENGTH);
	return [
		'scrypt',
		cost.log2N,
		cost.r,
		cost.p,
		salt.toString('base64url'),
		key.toString('base64url')
	].join('$');
}

/** Whether the password matches the stored hash; false (not an error) for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed, parsed.hash.length);
	return timingSafeEqual(key, parsed.hash);
}

/** A hash made at a lower cost than today's: sign-in replaces it once it has the password in hand. */
export function needsRehash(stored: string, cost: PasswordCost = currentCost): boolean {
	const parsed = parseHash(stored);
	return !parsed || parsed.log2N < cost.log2N || parsed.r < cost.r || parsed.p < cost.p;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for an e-mail address
 * that has no user: the answer's timing must not tell who has an account.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
	const made = (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
	// A failed attempt to make it (the server was too busy) is not kept: the next call tries again.
	made.catch(() => {
		if (dummyHash === made) dummyHash = undefined;
	});
	await verifyPassword(password, await made);
	return false;
}

function parseHash(stored: string): (PasswordCost & { salt: Buffer; hash: Buffer }) | undefined {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
	const [log2N, r, p] = parts.slice(1, 4).map(Number);
	const salt = Buffer.from(parts[4], 'base64url');
	const hash = Buffer.from(parts[5], 'base64url');
	const sane =
		[log2N, r, p].every(Number.isInteger) &&
		log2N >= 10 &&
		log2N <= PASSWORD_COST.log2N &&
		r >= 1 &&
		r <= PASSWORD_COST.r &&
		p >= 1 &&
		p <= 16;
	return sane && salt.length > 0 && hash.length > 0 ? { log2N, r, p, salt, hash } : undefined;
}

// ---------------------------------------------------------------- scheduling

/**
 * Each hash is half a second of one core and 128 MiB. Run on libuv's thread
 * pool (the async scrypt), they do not block the event loop, but unbounded
 * they would fill the pool (which gzip and file reads share) and every core:
 * 300 anonymous sign-in attempts at once stalled another user's sync for
 * seconds. So at most SCRYPT_SLOTS hashes run at a time, leaving a core for
 * everything else, and at most MAX_WAITING wait; beyond that the attempt is
 * answered at once with PasswordWorkBusyError (503), which says nothing about
 * the address either.
 */
export const SCRYPT_SLOTS = Math.max(1, Math.min(4, availableParallelism() - 1));
export const MAX_WAITING = 32;

export class PasswordWorkBusyError extends Error {
	constructor() {
		super('Servern har för många lösenord att kontrollera just nu. Försök igen om en stund.');
		this.name = 'PasswordWorkBusyError';
	}
}

/** Whether a hash asked for now would be refused rather than wait. */
export function passwordWorkFull(): boolean {
	return running >= SCRYPT_SLOTS && waiting.length >= MAX_WAITING;
}

let running = 0;
let started = 0;
const waiting: (() => void)[] = [];

/** Numbers for tests: hashes running and waiting now, and how many have started since the process began. */
export function passwordWorkLoad(): { running: number; waiting: number; started: number } {
	return { running, waiting: waiting.length, started };
}

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
	if (running >= SCRYPT_SLOTS) {
		if (waiting.length >= MAX_WAITING) throw new PasswordWorkBusyError();
		await new Promise<void>((resume) => waiting.push(resume));
	} else running++;
	try {
		started++;
		return await work();
	} finally {
		// The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

function derive(
	password: string,
	salt: Buffer,
	parameters: PasswordCost,
	keyLength: number
): Promise<Buffer> {
	const options: ScryptOptions = {
		N: 2 ** parameters.log2N,
		r: parameters.r,
		p: parameters.p,
		maxmem: MAX_MEMORY
	};
	return inSlot(
		() =>
			new Promise((resolve, reject) => {
				scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
					error ? reject(error) : resolve(key)
				);
			})
	);
}
