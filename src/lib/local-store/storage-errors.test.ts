import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { buildDemoData, type DemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { measurementId } from '$lib/domain/ids';
import type { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { PROTOCOL_VERSION } from '$lib/domain/sync/sync-protocol';
import { clientIdOf, syncOnce } from '$lib/sync/engine';
import { SyncScheduler } from '$lib/sync/scheduler';
import type { LagesbildDatabase } from './database';
import { saveMeasurement, saveMeasurements } from './edits';
import { applyImport } from './import';
import { createDemoTestDatabase } from './test-database';
import { StorageFailedError, StorageFullError, StorageOpenError } from './storage-errors';

/**
 * Every way the browser's database can fail a write (full disk, a
 * transaction the browser aborted or finished early, a disk error), forced
 * on fake-indexeddb, at each place the app writes: entry, import, sync. The
 * user gets Swedish saying what happened and what to do, and nothing is
 * half-written.
 */

const ENGLISH = /transaction|failed to execute|quota|objectstore|abort/i;

const FAILURES: Record<string, () => never> = {
	'a full disk (QuotaExceededError)': () => {
		throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	},
	'a transaction already finished (InvalidStateError)': () => {
		throw new DOMException(
			"Failed to execute 'objectStore' on 'IDBTransaction': The transaction has finished.",
			'InvalidStateError'
		);
	},
	'a disk error (UnknownError)': () => {
		throw new DOMException('Internal error.', 'UnknownError');
	},
	'a transaction aborted by the browser': () => {
		Dexie.currentTransaction!.abort();
		throw new DOMException('The transaction was aborted.', 'AbortError');
	}
};

let demo: DemoData;
let db: LagesbildDatabase;
beforeAll(() => {
	demo = buildDemoData();
});
beforeEach(async () => {
	db = await createDemoTestDatabase(demo);
});

async function snapshot() {
	return {
		measurements: await db.measurements.toArray(),
		outbox: await db.outbox.toArray(),
		meta: await db.meta.toArray()
	};
}

/** Breaks the n-th write of new rows to a table (every one from then on). */
function breakWrites(table: 'measurements' | 'outbox', fail: () => never, from = 1): void {
	let calls = 0;
	db[table].hook('creating', () => {
		if (++calls >= from) fail();
	});
}

function expectSwedish(error: unknown, full: boolean): void {
	expect(error).toBeInstanceOf(full ? StorageFullError : StorageFailedError);
	const message = (error as Error).message;
	expect(message).not.toMatch(ENGLISH);
	expect(message).toContain('Inget redan sparat har gått förlorat');
	// And what to do about it.
	expect(message).toMatch(full ? /Frigör utrymme/ : /Ladda om sidan/);
}

const value = (organisationId: string, year: number) => ({
	indicatorId: HEADLINE_INDICATOR_ID,
	organisationId,
	year,
	gender: 'T' as const,
	value: 21.5,
	status: 'preliminary' as const
});

for (const [failure, fail] of Object.entries(FAILURES)) {
	const full = failure.includes('full disk');

	describe(`${failure}`, () => {
		it('while a value is entered: a Swedish message, and neither the value nor its outbox entry is written', async () => {
			const before = await snapshot();
			breakWrites('outbox', fail);
			const error = await saveMeasurement(db, value('kommun-2425', 2026), { name: 'Erik' }).catch(
				(e) => e
			);
			expectSwedish(error, full);
			expect(error.message).toContain('värdet');
			expect(await snapshot()).toEqual(before);
		});

		it('halfway through an import: a Swedish message about the import, and nothing of it is written', async () => {
			const before = await snapshot();
			breakWrites('measurements', fail, 3);
			const values = ['kommun-2425', 'kommun-2421', 'kommun-2462', 'kommun-2463'].map((id) => ({
				...value(id, 2026),
				status: 'final' as const,
				source: 'SCB'
			}));
			const error = await applyImport(
				db,
				{ values, source: { kind: 'file', label: 'SCB' } as never, errorCount: 0 },
				{ confirmed: new Set() },
				{ name: 'Erik' }
			).catch((e) => e);
			expectSwedish(error, full);
			expect(error.message).toContain('importen');
			expect(await snapshot()).toEqual(before);
		});

		it('while a sync stores what it pulled: a Swedish message, the outbox and the last revision untouched, and the header says so', async () => {
			await saveMeasurement(db, value('kommun-2425', 2026), { name: 'Erik' });
			// The device's id is made at its first sync, in a transaction of its own.
			await clientIdOf(db);
			const before = await snapshot();
			const pulled = {
				...demo.measurements[0],
				id: measurementId(HEADLINE_INDICATOR_ID, 'kommun-2421', 2027, 'T'),
				organisationId: 'kommun-2421',
				indicatorId: HEADLINE_INDICATOR_ID,
				year: 2027,
				gender: 'T' as const,
				value: 3
			};
			const [entry] = await db.outbox.toArray();
			const answer: SyncResponse = {
				protocol: PROTOCOL_VERSION,
				serverEpoch: 'epoch',
				outcomes: [{ mutationId: entry.mutationId, result: 'applied', revision: 11 }],
				changes: [{ entity: 'measurement', row: pulled, revision: 12, conflicts: [] }],
				lastRevision: 12,
				hasMore: false
			};
			breakWrites('measurements', fail);
			const error = await syncOnce(db, async () => answer).catch((e) => e);
			expectSwedish(error, full);
			expect(await snapshot()).toEqual(before);

			// What the header shows: the store's problem, not "Kunde inte nå servern".
			let shown: string | null = null;
			const scheduler = new SyncScheduler(db, async () => answer, {
				isOnline: () => true,
				onChange: (s) => (shown = s.error),
				setTimer: () => 0,
				clearTimer: () => {},
				beforeSync: async () => {}
			});
			await scheduler.syncNow();
			expect(shown).toMatch(/^Enhetens lagring/);
			expect(shown).toContain('Ändringar gjorda på enheten ligger kvar');
		});
	});
}

it('values that are fine still save once the store works again', async () => {
	let broken = true;
	db.outbox.hook('creating', () => {
		if (broken) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
	});
	await expect(
		saveMeasurements(db, [value('kommun-2425', 2026)], { name: 'Erik' })
	).rejects.toBeInstanceOf(StorageFullError);
	broken = false;
	await expect(
		saveMeasurements(db, [value('kommun-2425', 2026)], { name: 'Erik' })
	).resolves.toHaveLength(1);
});

it('a store that cannot be opened is explained in Swedish', () => {
	for (const cause of [
		new DOMException('x', 'UnknownError'),
		new DOMException('x', 'QuotaExceededError')
	]) {
		const error = new StorageOpenError(cause);
		expect(error.message).not.toMatch(ENGLISH);
		expect(error.message).toMatch(/ladda om sidan/i);
	}
});
