/**
 * Open conflicts on a device, through the real engine and the real server
 * apply logic (PGlite in memory): how the device finds and counts them, how
 * the entry grid's and the inbox's one resolution reaches the server, and how
 * a long pull reports its progress.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '$lib/local-store/test-database';
import { saveMeasurement, saveMeasurements } from '$lib/local-store/edits';
import { conflictedMeasurements, openConflictCount } from '$lib/local-store/conflict-queries';
import { resolveMeasurementConflict } from '$lib/local-store/conflicts';
import { hasPulledOnce } from '$lib/local-store/sync-meta';
import type { LagesbildDatabase } from '$lib/local-store/database';
import { syncOnce, type SyncProgress, type SyncTransport } from './engine';
import { SyncRequest, SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse, encodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { openDatabase, type OpenedDatabase } from '$lib/server/db/connection';
import { applySync } from '$lib/server/sync/apply-sync';
import { history, measurements } from '$lib/server/db/schema';
import { resetDatabase } from '$lib/server/db/test-support';
import { seedReferenceData } from '$lib/server/reference/seed';
import {
	TEST_INDICATORS,
	TEST_MEMBERS,
	testEditor,
	testReference
} from '$lib/server/sync/test-rows';

let server: OpenedDatabase;
beforeAll(async () => {
	server = await openDatabase({ dataDir: 'memory://' });
}, 60_000);
afterAll(async () => server?.close());
beforeEach(async () => {
	await resetDatabase(server.db);
	await seedReferenceData(server.db, testReference());
});

/** JSON both ways and the wire format, as the route and the browser's transport do; `pageSize` forces short pages. */
function transport(name: string, log: SyncRequest[] = [], pageSize?: number): SyncTransport {
	return async (request) => {
		const parsed = SyncRequest.parse(JSON.parse(JSON.stringify(request)));
		log.push(parsed);
		const response = await applySync(
			server.db,
			pageSize ? { ...parsed, pageSize } : parsed,
			testEditor(name)
		);
		return SyncResponse.parse(
			decodeSyncResponse(JSON.parse(JSON.stringify(encodeSyncResponse(response))))
		);
	};
}

const key = {
	indicatorId: 'ind-a',
	organisationId: 'kommun-2401',
	year: 2025,
	gender: 'T' as const
};

/** Anna's device and Erik's both change the same value from the same starting point; Anna's arrives first. */
async function conflictOnTwoDevices(): Promise<{
	anna: LagesbildDatabase;
	erik: LagesbildDatabase;
}> {
	const anna = createTestDatabase();
	const erik = createTestDatabase();
	await saveMeasurement(
		anna,
		{ ...key, value: 20, status: 'preliminary' },
		{ name: 'Anna Andersson' }
	);
	await syncOnce(anna, transport('Anna Andersson'));
	await syncOnce(erik, transport('Erik Ek'));
	await saveMeasurement(anna, { ...key, value: 30, status: 'final' }, { name: 'Anna Andersson' });
	await saveMeasurement(
		erik,
		{ ...key, value: 25, status: 'preliminary', note: 'SCB' },
		{ name: 'Erik Ek' }
	);
	await syncOnce(anna, transport('Anna Andersson'));
	await syncOnce(erik, transport('Erik Ek'));
	await syncOnce(anna, transport('Anna Andersson'));
	return { anna, erik };
}

describe('open conflicts on a device', () => {
	it('are found through their index and counted on both devices; rows without one carry no conflicts at all', async () => {
		const { anna, erik } = await conflictOnTwoDevices();
		for (const device of [anna, erik]) {
			expect(await openConflictCount(device)).toBe(1);
			const [row] = await conflictedMeasurements(device);
			expect(row).toMatchObject({ value: 30, conflicts: [{ value: 25, by: 'Erik Ek' }] });
		}
		await saveMeasurement(
			anna,
			{ ...key, organisationId: 'kommun-2403', value: 1, status: 'preliminary' },
			{ name: 'Anna Andersson' }
		);
		await syncOnce(anna, transport('Anna Andersson'));
		expect('conflicts' in (await anna.measurements.get('m:ind-a:kommun-2403:2025:t'))!).toBe(false);
		expect(await openConflictCount(anna)).toBe(1);
	});

	it('a row stored before the index with an empty list is not counted', async () => {
		const device = createTestDatabase();
		const [saved] = await saveMeasurements(device, [{ ...key, value: 1, status: 'preliminary' }], {
			name: 'x'
		});
		await device.measurements.put({ ...saved, serverRevision: 3, conflicts: [] });
		expect(await openConflictCount(device)).toBe(0);
	});

	it('choosing the other device’s value resolves the conflict on the server, in the history, and on both devices', async () => {
		const { anna, erik } = await conflictOnTwoDevices();
		const [row] = await conflictedMeasurements(anna);
		await resolveMeasurementConflict(
			anna,
			row.id,
			{ kind: 'candidate', mutationId: row.conflicts![0].mutationId },
			{ name: 'Anna Andersson' }
		);
		// Resolved on the device at once, and queued as an edit on the revision it saw.
		expect(await openConflictCount(anna)).toBe(0);
		const [entry] = await anna.outbox.toArray();
		expect(entry).toMatchObject({
			baseRevision: row.serverRevision,
			row: { value: 25, status: 'preliminary', note: 'SCB' }
		});

		await syncOnce(anna, transport('Anna Andersson'));
		const [stored] = await server.db.select().from(measurements).where(eq(measurements.id, row.id));
		expect(stored.row.value).toBe(25);
		expect(stored.conflicts).toEqual([]);
		const kinds = (
			await server.db.select({ kind: history.kind }).from(history).where(eq(history.rowId, row.id))
		).map((h) => h.kind);
		expect(kinds).toEqual(expect.arrayContaining(['conflict', 'resolution']));

		await syncOnce(erik, transport('Erik Ek'));
		expect(await openConflictCount(erik)).toBe(0);
		expect((await erik.measurements.get(row.id))?.value).toBe(25);
	});

	it('keeping the standing value also resolves it', async () => {
		const { anna, erik } = await conflictOnTwoDevices();
		const [row] = await conflictedMeasurements(erik);
		await resolveMeasurementConflict(erik, row.id, { kind: 'current' }, { name: 'Erik Ek' });
		await syncOnce(erik, transport('Erik Ek'));
		await syncOnce(anna, transport('Anna Andersson'));
		expect(await openConflictCount(anna)).toBe(0);
		expect((await anna.measurements.get(row.id))?.value).toBe(30);
	});
});

describe('sync progress', () => {
	it('a first pull over several pages reports how many rows it has of how many, asking the server to count once', async () => {
		const writer = createTestDatabase();
		const rows = TEST_INDICATORS.flatMap((indicatorId) =>
			TEST_MEMBERS.flatMap((organisationId) =>
				[2024, 2025].map((year) => ({
					indicatorId,
					organisationId,
					year,
					gender: 'T' as const,
					value: year - 2000,
					status: 'preliminary' as const
				}))
			)
		);
		await saveMeasurements(writer, rows, { name: 'Anna Andersson' });
		await syncOnce(writer, transport('Anna Andersson'));

		const reader = createTestDatabase();
		expect(await hasPulledOnce(reader)).toBe(false);
		const log: SyncRequest[] = [];
		const progress: SyncProgress[] = [];
		await syncOnce(reader, transport('Bo Berg', log, 10), undefined, (p) => progress.push(p));
		expect(rows.length).toBe(36);
		expect(progress).toEqual([
			{ phase: 'pull', done: 0, total: null, firstPull: true },
			{ phase: 'pull', done: 10, total: 36, firstPull: true },
			{ phase: 'pull', done: 20, total: 36, firstPull: true },
			{ phase: 'pull', done: 30, total: 36, firstPull: true },
			{ phase: 'pull', done: 36, total: 36, firstPull: true }
		]);
		expect(log.map((r) => r.countRemaining ?? false)).toEqual([true, false, false, false]);
		expect(await hasPulledOnce(reader)).toBe(true);

		// The next sync has nothing to pull: one request, no count made, not a first pull.
		const next: SyncProgress[] = [];
		const nextLog: SyncRequest[] = [];
		await syncOnce(reader, transport('Bo Berg', nextLog, 10), undefined, (p) => next.push(p));
		expect(next.at(-1)).toEqual({ phase: 'pull', done: 0, total: 0, firstPull: false });
	});

	it('a long push reports the edits sent of those waiting', async () => {
		const device = createTestDatabase();
		const rows = TEST_MEMBERS.map((organisationId) => ({
			...key,
			organisationId,
			value: 5,
			status: 'preliminary' as const
		}));
		for (const row of rows) await saveMeasurement(device, row, { name: 'Anna Andersson' });
		const progress: SyncProgress[] = [];
		await syncOnce(device, transport('Anna Andersson'), 4, (p) => progress.push(p));
		expect(progress.filter((p) => p.phase === 'push')).toEqual([
			{ phase: 'push', done: 0, total: 6, firstPull: true },
			{ phase: 'push', done: 4, total: 6, firstPull: true }
		]);
		expect(progress.at(-1)).toMatchObject({ phase: 'pull' });
	});

	it('the server counts only what the user may read', async () => {
		const writer = createTestDatabase();
		await saveMeasurements(
			writer,
			TEST_MEMBERS.map((organisationId) => ({
				...key,
				organisationId,
				value: 5,
				status: 'preliminary' as const
			})),
			{ name: 'Anna Andersson' }
		);
		await syncOnce(writer, transport('Anna Andersson'));
		const request = {
			protocol: 2,
			clientId: crypto.randomUUID(),
			lastRevision: 0,
			mutations: [],
			pageSize: 2,
			countRemaining: true
		} as SyncRequest;
		expect((await applySync(server.db, request, testEditor('Bo Berg'))).remaining).toBe(4);
		const outsider = {
			name: 'Utomstående',
			roles: [{ organisationId: 'annat-forbund', role: 'editor' as const }]
		};
		expect(await applySync(server.db, request, outsider)).toMatchObject({
			changes: [],
			hasMore: false
		});
		expect((await applySync(server.db, request, outsider)).remaining).toBeUndefined();
	});
});
