import type { LagesbildDatabase } from '$lib/local-store/database';
import { DEFAULT_KOLADA_BASE_URL, normaliseKoladaBaseUrl } from './kolada-client';

/** Import settings kept on the device, in the local store's key–value table. */

const KOLADA_BASE_URL_KEY = 'koladaBaseUrl';

/** Kolada's base URL: the user's setting, or https://api.kolada.se/v3. */
export async function koladaBaseUrl(db: LagesbildDatabase): Promise<string> {
	const stored = await db.meta.get(KOLADA_BASE_URL_KEY);
	return typeof stored?.value === 'string' ? stored.value : DEFAULT_KOLADA_BASE_URL;
}

/** Saves the base URL; an empty text restores the default. Resolves to a Swedish error, or null. */
export async function setKoladaBaseUrl(
	db: LagesbildDatabase,
	text: string
): Promise<string | null> {
	const result = normaliseKoladaBaseUrl(text);
	if (!result.ok) return result.error;
	if (result.url === DEFAULT_KOLADA_BASE_URL) await db.meta.delete(KOLADA_BASE_URL_KEY);
	else await db.meta.put({ key: KOLADA_BASE_URL_KEY, value: result.url });
	return null;
}
