import type { LagesbildDatabase } from './database';

/**
 * What the device has fetched from the server, as the meta table records
 * it: the revision the sync engine's pull got to, and the revision of the
 * reference data (groupings, goal trees, indicators). Apart from the engine
 * and the reference store, which bring schemas, so that the header and the
 * pages can tell a new device still fetching from one that has it all.
 */
export const LAST_REVISION_KEY = 'lastRevision';
export const REFERENCE_REVISION_KEY = 'referenceRevision';

export async function lastPulledRevision(db: LagesbildDatabase): Promise<number> {
	const entry = await db.meta.get(LAST_REVISION_KEY);
	return typeof entry?.value === 'number' ? entry.value : 0;
}

/** Whether the device has pulled from the server at least once (a new device has not). */
export async function hasPulledOnce(db: LagesbildDatabase): Promise<boolean> {
	return (await db.meta.get(LAST_REVISION_KEY)) !== undefined;
}

/** The revision of the reference data on the device; null before the first fetch. */
export async function storedReferenceRevision(db: LagesbildDatabase): Promise<number | null> {
	const value = (await db.meta.get(REFERENCE_REVISION_KEY))?.value;
	return typeof value === 'number' ? value : null;
}
