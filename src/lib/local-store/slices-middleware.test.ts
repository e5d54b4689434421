import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Dexie, { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createTestDatabase } from './test-database';
import { LagesbildDatabase, type LocalMeasurement } from './database';
import { rowsOfSlice } from './measurement-slices';
import { measurementsOfIndicatorGender } from './queries';
import { measurementId } from '$lib/domain/ids';
import type { Gender } from '$lib/domain/figures/measurement';

function measurement(
	organisationId: string,
	year: number,
	value: number | null,
	gender: Gender = 'T',
	indicatorId = 'ind'
): LocalMeasurement {
	return {
		id: measurementId(indicatorId, organisationId, year, gender),
		indicatorId,
		organisationId,
		year,
		gender,
		value,
		status: 'final',
		note: '',
		source: '',
		updatedBy: 'test',
		updatedAt: '2026-01-01T00:00:00.000Z',
		exampleData: false,
		serverRevision: null
	};
}

/** The dashboards' fields of every row, and of every slice entry: these must always agree. */
async function rowsAndSlices(db: LagesbildDatabase) {
	const project = (r: {
		indicatorId: string;
		gender: string;
		year: number;
		organisationId: string;
		value: unknown;
		updatedAt: string;
		exampleData: boolean;
	}) =>
		`${r.indicatorId}|${r.gender}|${r.year}|${r.organisationId}=${JSON.stringify(r.value)}|${r.updatedAt}|${r.exampleData}`;
	const rows = (await db.measurements.toArray()).map(project).sort();
	const sliced = (await db.measurementSlices.toArray()).flatMap(rowsOfSlice).map(project).sort();
	return { rows, sliced };
}

describe('measurement slices in the local store', () => {
	it('follow every kind of write the app and Dexie make (property: random sequences of operations)', async () => {
		const organisation = fc.constantFrom('a', 'b', 'c');
		const year = fc.integer({ min: 2023, max: 2025 });
		const gender = fc.constantFrom<Gender>('T', 'K');
		const value = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
		const one = fc
			.tuple(organisation, year, value, gender)
			.map(([o, y, v, g]) => measurement(o, y, v, g));
		const operation = fc.oneof(
			fc.record({
				kind: fc.constant('put' as const),
				rows: fc.array(one, { minLength: 1, maxLength: 6 })
			}),
			fc.record({
				kind: fc.constant('add' as const),
				rows: fc.array(one, { minLength: 1, maxLength: 3 })
			}),
			fc.record({
				kind: fc.constant('parallelPuts' as const),
				rows: fc.array(one, { minLength: 2, maxLength: 4 })
			}),
			fc.record({
				kind: fc.constant('delete' as const),
				rows: fc.array(one, { minLength: 1, maxLength: 3 })
			}),
			fc.record({ kind: fc.constant('deleteYear' as const), year }),
			fc.record({ kind: fc.constant('modify' as const), year, value }),
			fc.record({
				kind: fc.constant('failedTransaction' as const),
				rows: fc.array(one, { minLength: 1, maxLength: 3 })
			}),
			fc.record({ kind: fc.constant('clear' as const) })
		);
		await fc.assert(
			fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
				const db = createTestDatabase();
				for (const op of operations) {
					if (op.kind === 'put') await db.measurements.bulkPut(op.rows);
					if (op.kind === 'add') {
						// Rows already there fail one by one; the rest are added (Dexie's BulkError).
						await db.measurements.bulkAdd(op.rows).catch((e) => {
							if (!(e instanceof Dexie.BulkError) && !(e instanceof Dexie.ConstraintError)) throw e;
						});
					}
					if (op.kind === 'parallelPuts')
						await db.transaction('rw', db.measurements, () =>
							Promise.all(op.rows.map((r) => db.measurements.put(r)))
						);
					if (op.kind === 'delete') await db.measurements.bulkDelete(op.rows.map((r) => r.id));
					if (op.kind === 'deleteYear')
						await db.measurements.filter((m) => m.year === op.year).delete();
					if (op.kind === 'modify')
						await db.measurements
							.where('[indicatorId+year]')
							.equals(['ind', op.year])
							.modify({ value: op.value, updatedAt: '2026-05-05T00:00:00.000Z' });
					if (op.kind === 'failedTransaction') {
						await db
							.transaction('rw', db.measurements, async () => {
								await db.measurements.bulkPut(op.rows.map((r) => ({ ...r, value: 999 })));
								throw new Error('avbruten');
							})
							.catch(() => {});
					}
					if (op.kind === 'clear') await db.measurements.clear();
				}
				const { rows, sliced } = await rowsAndSlices(db);
				expect(sliced).toEqual(rows);
				db.close();
			}),
			{ numRuns: 40 }
		);
	});

	it('refuse a row whose id is not the one its key gives, and store nothing of the write', async () => {
		const db = createTestDatabase();
		await db.measurements.put(measurement('a', 2024, 1));
		const bad = { ...measurement('b', 2024, 2), id: 'm:egen' };
		await expect(db.measurements.bulkPut([measurement('c', 2024, 3), bad])).rejects.toThrow(
			/har inte det id/
		);
		expect((await db.measurements.toArray()).map((m) => m.organisationId)).toEqual(['a']);
		const { rows, sliced } = await rowsAndSlices(db);
		expect(sliced).toEqual(rows);
	});

	it('are what the indicator page reads, and a live query over them sees a new value', async () => {
		// liveQuery runs only where Dexie sees an IndexedDB (in Node: none until given one).
		Dexie.dependencies.indexedDB ??= new IDBFactory();
		const db = createTestDatabase();
		await db.measurements.bulkPut([
			measurement('a', 2024, 1),
			measurement('b', 2024, 2),
			measurement('a', 2024, 5, 'K'),
			measurement('a', 2023, 3, 'T', 'other')
		]);
		const seen: number[][] = [];
		const subscription = liveQuery(() => measurementsOfIndicatorGender(db, 'ind', 'T')).subscribe(
			(rows) => seen.push(rows.map((r) => r.value as number).sort())
		);
		await expect.poll(() => seen.length).toBe(1);
		await db.measurements.put(measurement('c', 2025, 7));
		await expect.poll(() => seen.at(-1)).toEqual([1, 2, 7]);
		subscription.unsubscribe();
		expect(seen[0]).toEqual([1, 2]);
	});

	it('are built from the rows a device already holds when the store is upgraded from version 2', async () => {
		const indexedDB = new IDBFactory();
		const name = `upgrade-${crypto.randomUUID()}`;
		const old = new Dexie(name, { indexedDB, IDBKeyRange });
		old.version(2).stores({
			measurements:
				'id, [indicatorId+year], [indicatorId+organisationId], organisationId, [indicatorId+gender+year]'
		});
		const held = Array.from({ length: 12_000 }, (_, i) =>
			measurement(`o${i % 300}`, 2000 + Math.floor(i / 300), i)
		);
		await old.table('measurements').bulkPut(held);
		old.close();
		const db = new LagesbildDatabase(name, { indexedDB, IDBKeyRange });
		const { rows, sliced } = await rowsAndSlices(db);
		expect(rows).toHaveLength(12_000);
		expect(sliced).toEqual(rows);
		expect(await db.measurementSlices.count()).toBe(40);
	});
});
