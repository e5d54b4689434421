import { database } from '$lib/local-store/client';
import { fetchReference } from '$lib/api/reference';

let refreshing: Promise<void> | null = null;

/**
 * Brings the reference data (goal trees, indicators, targets, members,
 * rounds) up to date; calls made while one is under way share it, so
 * start-up and the first sync do not both fetch and rewrite every table.
 * Called after every admin write too, so the page shows what was saved.
 */
export function refreshReferenceData(): Promise<void> {
	refreshing ??= fetchAndStore().finally(() => (refreshing = null));
	return refreshing;
}

async function fetchAndStore(): Promise<void> {
	// Loaded, not imported: the store's writer brings the reference schemas, which the first page does without.
	const { storeReferenceData, storedReferenceRevision } =
		await import('$lib/local-store/reference-store');
	const db = database();
	const answer = await fetchReference(await storedReferenceRevision(db));
	if (answer.state === 'changed') await storeReferenceData(db, answer.data);
}

/**
 * After an admin write: a refresh already under way may have read the server
 * before the write, and sharing it would show the page without the change.
 * One more refresh follows it, started after the write.
 */
export async function refreshAfterWrite(): Promise<void> {
	await refreshReferenceData();
	await refreshReferenceData();
}
