import { LagesbildDatabase } from './database';

let instance: LagesbildDatabase | undefined;

/** The browser's local store. Only call this in the browser (onMount, effects, event handlers). */
export function database(): LagesbildDatabase {
	// No query cache: Dexie's default deep-clones every live query's result for each reader,
	// which for an indicator across 290 municipalities (5 800 rows) cost more than drawing them.
	instance ??= new LagesbildDatabase(undefined, { cache: 'disabled' });
	return instance;
}

/** After the database was deleted (sign-out), the next call opens a fresh, empty one. */
export function forgetDatabase(): void {
	instance?.close();
	instance = undefined;
}

/**
 * Asks the browser not to evict our data under storage pressure. Browsers may
 * say no (Chrome grants it to installed or often-used sites); we report the
 * answer so the UI can say whether data is at risk.
 */
export async function requestPersistentStorage(): Promise<'granted' | 'denied' | 'unsupported'> {
	if (!navigator.storage?.persist) return 'unsupported';
	if (await navigator.storage.persisted()) return 'granted';
	return (await navigator.storage.persist()) ? 'granted' : 'denied';
}
