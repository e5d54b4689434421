import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a link: 32 random bytes, URL-safe. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a token: its SHA-256. A token has 256 random
 * bits, so a fast hash is enough (no salt or stretching needed), and a stolen
 * copy of the table cannot be turned back into working cookies or links.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Tokens we hand out are 43 base64url characters; anything else is not worth a database look-up. */
export function looksLikeToken(value: string | undefined): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
