import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LagesbildDatabase } from './database';

/** A fresh, isolated database on fake-indexeddb, for tests. */
export function createTestDatabase(): LagesbildDatabase {
	return new LagesbildDatabase(`test-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}
