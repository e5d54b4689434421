import { database, requestPersistentStorage } from './client';
import { loadDemoData } from './demo-loader';

export type StartupResult = { persisted: 'granted' | 'denied' | 'unsupported'; error: string | null };

/**
 * Opens the local store and brings in the demo data if it is missing or
 * newer. Offline both files come from the service worker's precache; if they
 * cannot be had at all, the app still opens with what the store already holds.
 */
export async function startLocalStore(): Promise<StartupResult> {
	const db = database();
	const persisted = await requestPersistentStorage().catch(() => 'unsupported' as const);
	try {
		await db.open();
		const { version } = await fetchJson<{ version: string }>('/demo-data/version.json');
		const current = await db.meta.get('demoDataVersion');
		if (current?.value !== version) {
			await loadDemoData(db, await fetchJson('/demo-data/data.json'), version);
		}
		return { persisted, error: null };
	} catch (error) {
		const empty = (await db.organisations.count().catch(() => 0)) === 0;
		const reason = error instanceof Error ? error.message : String(error);
		return {
			persisted,
			error: empty ? `Demodata kunde inte läsas in (${reason}). Anslut till nätet och ladda om sidan.` : null
		};
	}
}

async function fetchJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url} svarade ${response.status}`);
	return (await response.json()) as T;
}
