import { REFERENCE_TABLES, type ReferenceData } from '$lib/domain/sync/reference';
import type { LagesbildDatabase } from './database';
import { REFERENCE_REVISION_KEY, storedReferenceRevision } from './sync-meta';

export { storedReferenceRevision };

/**
 * Replaces the reference tables with what the server sent, in one
 * transaction: the server's answer is the whole set for this user, so a
 * grouping the user lost access to disappears from the device too.
 */
export async function storeReferenceData(
	db: LagesbildDatabase,
	data: ReferenceData
): Promise<void> {
	await db.transaction('rw', [...REFERENCE_TABLES, 'meta'], async () => {
		for (const table of REFERENCE_TABLES) {
			await db.table(table).clear();
			await db.table(table).bulkPut(data[table]);
		}
		await db.meta.put({ key: REFERENCE_REVISION_KEY, value: data.revision });
	});
}
