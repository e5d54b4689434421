import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LagesbildDatabase } from './database';
import { storeReferenceData } from './reference-store';
import type { DemoData } from '$lib/seed/demo-data';

/** A fresh, isolated database on fake-indexeddb, for tests. */
export function createTestDatabase(): LagesbildDatabase {
	return new LagesbildDatabase(`test-${crypto.randomUUID()}`, {
		indexedDB: new IDBFactory(),
		IDBKeyRange
	});
}

/** A test database holding the demo data as a device has it after its first sign-in and sync. */
export async function createDemoTestDatabase(demo: DemoData): Promise<LagesbildDatabase> {
	const db = createTestDatabase();
	const { measurements, assessments, ...reference } = demo;
	await storeReferenceData(db, { revision: 0, ...reference });
	await db.measurements.bulkAdd(measurements.map((m) => ({ ...m, serverRevision: 0 })));
	await db.assessments.bulkAdd(assessments.map((a) => ({ ...a, serverRevision: 0 })));
	return db;
}
