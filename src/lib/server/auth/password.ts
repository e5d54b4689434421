import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with node:crypto's scrypt. The stored string names its
 * own parameters ("scrypt$<log2 N>$<r>$<p>$<salt>$<hash>", base64url), so the
 * cost can be raised later without breaking the hashes already stored.
 */

const LOG2_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;
/** scrypt needs 128·N·r bytes (32 MiB here); Node's default ceiling is exactly 32 MiB, so leave room. */
const MAX_MEMORY = 256 * 1024 * 1024;

type Parameters = { log2N: number; r: number; p: number };

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const parameters = { log2N: LOG2_N, r: BLOCK_SIZE, p: PARALLELISM };
	const key = await derive(password, salt, parameters, KEY_LENGTH);
	return ['scrypt', LOG2_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; false (not an error) for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	const key = await derive(password, parsed.salt, parsed, parsed.hash.length);
	return timingSafeEqual(key, parsed.hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for an e-mail address
 * that has no user: the answer's timing must not tell who has an account.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
	dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
	await verifyPassword(password, await dummyHash);
	return false;
}

function parseHash(stored: string): (Parameters & { salt: Buffer; hash: Buffer }) | undefined {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
	const [log2N, r, p] = parts.slice(1, 4).map(Number);
	const salt = Buffer.from(parts[4], 'base64url');
	const hash = Buffer.from(parts[5], 'base64url');
	const sane = [log2N, r, p].every(Number.isInteger) && log2N >= 10 && log2N <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
	return sane && salt.length > 0 && hash.length > 0 ? { log2N, r, p, salt, hash } : undefined;
}

function derive(password: string, salt: Buffer, parameters: Parameters, keyLength: number): Promise<Buffer> {
	const options: ScryptOptions = { N: 2 ** parameters.log2N, r: parameters.r, p: parameters.p, maxmem: MAX_MEMORY };
	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
	});
}
