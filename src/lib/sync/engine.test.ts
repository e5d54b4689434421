import { describe, it, expect, beforeEach } from 'vitest';
import { syncOnce, lastPulledRevision, clientIdOf, type SyncTransport } from './engine';
import { createTestDatabase } from '$lib/local-store/test-database';
import { saveMeasurement, type MeasurementEdit } from '$lib/local-store/edits';
import type { LagesbildDatabase } from '$lib/local-store/database';
import type { SyncRequest, SyncResponse, Change } from '$lib/domain/sync/sync-protocol';
import { PROTOCOL_VERSION } from '$lib/domain/sync/sync-protocol';

const editor = { name: 'Anna' };
const edit = (organisationId: string, value: number): MeasurementEdit => ({
	indicatorId: 'ind',
	organisationId,
	year: 2025,
	gender: 'T',
	value,
	status: 'preliminary'
});

/** Answers every mutation 'applied' with increasing revisions and echoes the rows back as changes. */
function acceptingServer(log: SyncRequest[] = []): SyncTransport {
	let revision = 0;
	return async (request) => {
		log.push(structuredClone(request));
		const changes: Change[] = request.mutations.map(
			(m) =>
				({
					entity: 'measurement',
					row: m.row as Change['row'],
					revision: ++revision,
					conflicts: []
				}) as Change
		);
		return {
			protocol: PROTOCOL_VERSION,
			serverEpoch: 'e1',
			outcomes: request.mutations.map((m, i) => ({
				mutationId: m.mutationId,
				result: 'applied',
				revision: changes[i].revision
			})),
			changes,
			lastRevision: revision,
			hasMore: false
		} satisfies SyncResponse;
	};
}

let db: LagesbildDatabase;
beforeEach(() => {
	db = createTestDatabase();
});

describe('syncOnce', () => {
	it('sends the outbox, empties it once acknowledged and records the server revisions', async () => {
		await saveMeasurement(db, edit('a', 1), editor);
		await saveMeasurement(db, edit('b', 2), editor);
		const log: SyncRequest[] = [];
		const report = await syncOnce(db, acceptingServer(log));
		expect(report).toMatchObject({ sent: 2, applied: 2, conflicts: 0, rejected: 0 });
		expect(log[0].mutations.map((m) => m.row.id)).toEqual(['m:ind:a:2025:t', 'm:ind:b:2025:t']);
		expect(log[0].clientId).toBe(await clientIdOf(db));
		expect(await db.outbox.count()).toBe(0);
		expect((await db.measurements.toArray()).map((m) => m.serverRevision).sort()).toEqual([1, 2]);
		expect(await lastPulledRevision(db)).toBe(2);
	});

	it('keeps the outbox when the response is lost, and sends the same mutations again', async () => {
		await saveMeasurement(db, edit('a', 1), editor);
		const log: SyncRequest[] = [];
		const server = acceptingServer(log);
		const losing: SyncTransport = async (request) => {
			await server(request);
			throw new Error('connection reset');
		};
		await expect(syncOnce(db, losing)).rejects.toThrow('connection reset');
		expect(await db.outbox.count()).toBe(1);
		await syncOnce(db, server);
		expect(log[1].mutations[0].mutationId).toBe(log[0].mutations[0].mutationId);
		expect(await db.outbox.count()).toBe(0);
	});

	it('sends a large outbox in batches', async () => {
		for (let i = 0; i < 7; i++) await saveMeasurement(db, edit(`m${i}`, i), editor);
		const log: SyncRequest[] = [];
		await syncOnce(db, acceptingServer(log), 3);
		expect(log.map((r) => r.mutations.length)).toEqual([3, 3, 1]);
		expect(await db.outbox.count()).toBe(0);
	});

	it('pulls page after page while the server says there is more', async () => {
		const pages = [1, 2, 3].map((n) => ({ revision: n, hasMore: n < 3 }));
		const transport: SyncTransport = async (request) => {
			const page = pages.find((p) => p.revision === request.lastRevision + 1)!;
			const row = {
				id: `m:ind:o${page.revision}:2024:t`,
				indicatorId: 'ind',
				organisationId: `o${page.revision}`,
				year: 2024,
				gender: 'T',
				value: page.revision,
				status: 'final',
				note: '',
				source: '',
				updatedBy: 'x',
				updatedAt: '2025-01-01T00:00:00.000Z',
				exampleData: false
			} as const;
			return {
				protocol: PROTOCOL_VERSION,
				serverEpoch: 'e1',
				outcomes: [],
				changes: [{ entity: 'measurement', row, revision: page.revision, conflicts: [] }],
				lastRevision: page.revision,
				hasMore: page.hasMore
			};
		};
		const report = await syncOnce(db, transport);
		expect(report.received).toBe(3);
		expect(await db.measurements.count()).toBe(3);
		expect(await lastPulledRevision(db)).toBe(3);
	});

	it('asks for the next page while storing one, but stores pages strictly in order', async () => {
		const row = (n: number) =>
			({
				id: `m:ind:o${n}:2024:t`,
				indicatorId: 'ind',
				organisationId: `o${n}`,
				year: 2024,
				gender: 'T',
				value: n,
				status: 'final',
				note: '',
				source: '',
				updatedBy: 'x',
				updatedAt: '2025-01-01T00:00:00.000Z',
				exampleData: false
			}) as const;
		const asked: number[] = [];
		let inFlight = 0;
		let overlapped = false;
		const transport: SyncTransport = async (request) => {
			asked.push(request.lastRevision);
			inFlight++;
			overlapped ||=
				inFlight > 1 || (await db.meta.get('lastRevision'))?.value !== request.lastRevision;
			await new Promise((r) => setTimeout(r, 5));
			inFlight--;
			const n = request.lastRevision + 1;
			return {
				protocol: PROTOCOL_VERSION,
				serverEpoch: 'e1',
				outcomes: [],
				changes: [{ entity: 'measurement', row: row(n), revision: n, conflicts: [] }],
				lastRevision: n,
				hasMore: n < 5
			};
		};
		await syncOnce(db, transport);
		expect(asked).toEqual([0, 1, 2, 3, 4]);
		expect(overlapped).toBe(true);
		expect((await db.measurements.toArray()).map((m) => m.value)).toEqual([1, 2, 3, 4, 5]);
		expect(await lastPulledRevision(db)).toBe(5);
	});

	it('drops the page asked for in advance when an edit must go out first', async () => {
		const server = acceptingServer();
		const log: SyncRequest[] = [];
		let pulls = 0;
		const transport: SyncTransport = async (request) => {
			log.push(structuredClone(request));
			if (request.mutations.length > 0) return server(request);
			pulls++;
			// The user types while the first page is on its way.
			if (pulls === 1) await saveMeasurement(db, edit('typed', 9), editor);
			return {
				protocol: PROTOCOL_VERSION,
				serverEpoch: 'e1',
				outcomes: [],
				changes: [],
				lastRevision: request.lastRevision + 1,
				hasMore: pulls < 3
			};
		};
		await db.meta.put({ key: 'lastRevision', value: 100 });
		await syncOnce(db, transport);
		expect(await db.outbox.count()).toBe(0);
		expect(log.some((r) => r.mutations.some((m) => m.row.id.includes(':typed:')))).toBe(true);
	});

	it('does not overwrite a value edited while the sync was under way', async () => {
		await saveMeasurement(db, edit('a', 1), editor);
		const server = acceptingServer();
		let typedDuringSync = false;
		const slow: SyncTransport = async (request) => {
			const response = await server(request);
			if (!typedDuringSync) {
				typedDuringSync = true;
				await saveMeasurement(db, edit('a', 5), editor);
			}
			return response;
		};
		// Stop before the edit made during the sync goes out, to see the state in between.
		const firstExchangeOnly: SyncTransport = async (request) => {
			if (typedDuringSync) throw new Error('offline again');
			return slow(request);
		};
		await expect(syncOnce(db, firstExchangeOnly)).rejects.toThrow('offline again');
		const [row] = await db.measurements.toArray();
		expect(row.value).toBe(5);
		// The edit made during the sync is still waiting, and goes in the next one.
		expect(
			(await db.outbox.toArray()).map((e) => (e.entity === 'measurement' ? e.row.value : null))
		).toEqual([5]);
	});

	it('keeps a refused edit, with what was typed and why, until the user dismisses it', async () => {
		await saveMeasurement(db, edit('a', 1), editor);
		const transport: SyncTransport = async (request) => ({
			protocol: PROTOCOL_VERSION,
			serverEpoch: 'e1',
			outcomes: [
				{ mutationId: request.mutations[0].mutationId, result: 'rejected', reason: 'Året är låst' }
			],
			changes: [],
			lastRevision: 0,
			hasMore: false
		});
		const report = await syncOnce(db, transport);
		expect(report.rejected).toBe(1);
		expect(await db.outbox.count()).toBe(0);
		const [rejection] = await db.rejections.toArray();
		expect(rejection).toMatchObject({ reason: 'Året är låst', row: { value: 1 } });
	});

	it('pulls everything again when the server’s database was replaced', async () => {
		const requests: SyncRequest[] = [];
		let epoch = 'e1';
		const transport: SyncTransport = async (request) => {
			requests.push(request);
			return {
				protocol: PROTOCOL_VERSION,
				serverEpoch: epoch,
				outcomes: [],
				changes: [],
				lastRevision: request.lastRevision === 0 && epoch === 'e1' ? 90 : 3,
				hasMore: false
			};
		};
		await syncOnce(db, transport);
		expect(await lastPulledRevision(db)).toBe(90);
		epoch = 'e2';
		await syncOnce(db, transport);
		// The first answer from the new database told us to start over; the next request pulled from 0.
		expect(requests.map((r) => r.lastRevision)).toEqual([0, 90, 0]);
		expect(await lastPulledRevision(db)).toBe(3);
	});

	it('splits a large outbox by size so a request stays under the server’s limit', async () => {
		const long = 'x'.repeat(1900);
		for (let i = 0; i < 800; i++)
			await saveMeasurement(db, { ...edit(`m${i}`, i), note: long }, editor);
		const log: SyncRequest[] = [];
		await syncOnce(db, acceptingServer(log));
		expect(log.length).toBeGreaterThan(1);
		for (const request of log) expect(JSON.stringify(request).length).toBeLessThan(1_100_000);
		expect(await db.outbox.count()).toBe(0);
	});
});

/** Refuses every mutation whose value is in `refused`, accepts the rest (echoing nothing back for refused rows). */
function refusingServer(refused: ReadonlySet<unknown>): SyncTransport {
	let revision = 10;
	return async (request) => {
		const outcomes = request.mutations.map((m) =>
			refused.has((m.row as { value: unknown }).value)
				? {
						mutationId: m.mutationId,
						result: 'rejected' as const,
						reason: 'År 2025 är godkänt och låst.'
					}
				: { mutationId: m.mutationId, result: 'applied' as const, revision: ++revision }
		);
		return {
			protocol: PROTOCOL_VERSION,
			serverEpoch: 'e1',
			outcomes,
			changes: [],
			lastRevision: revision,
			hasMore: false
		} satisfies SyncResponse;
	};
}

describe('syncOnce with refused edits', () => {
	it('puts the server’s value back on the device and keeps the refused one, as typed, among the rejections', async () => {
		const saved = await saveMeasurement(db, edit('a', 1), editor);
		await db.measurements.put({ ...saved, serverRevision: 5 });
		await db.outbox.clear();
		await saveMeasurement(db, edit('a', 2), editor);
		const report = await syncOnce(db, refusingServer(new Set([2])));
		expect(report.rejected).toBe(1);
		expect(await db.measurements.get('m:ind:a:2025:t')).toMatchObject({
			value: 1,
			serverRevision: 5
		});
		const [rejection] = await db.rejections.toArray();
		expect(rejection).toMatchObject({
			reason: 'År 2025 är godkänt och låst.',
			row: { id: 'm:ind:a:2025:t', value: 2 }
		});
		expect(await db.outbox.count()).toBe(0);
	});

	it('puts back the newest server value when the refused edit was waiting while that value arrived', async () => {
		const saved = await saveMeasurement(db, edit('a', 1), editor);
		await db.measurements.put({ ...saved, serverRevision: 5 });
		await db.outbox.clear();
		await saveMeasurement(db, edit('a', 2), editor);
		// While 2 is being sent, 3 is typed; the server takes 2 (revision 6) and then another
		// device's 40 (revision 9), which arrives while 3 still waits. Then the link drops.
		let exchanges = 0;
		const firstExchange: SyncTransport = async (request) => {
			if (exchanges++ > 0) throw new Error('offline again');
			await saveMeasurement(db, edit('a', 3), editor);
			const other = {
				...(request.mutations[0].row as Change['row']),
				value: 40,
				updatedBy: 'Berit'
			};
			return {
				protocol: PROTOCOL_VERSION,
				serverEpoch: 'e1',
				outcomes: [{ mutationId: request.mutations[0].mutationId, result: 'applied', revision: 6 }],
				changes: [{ entity: 'measurement', row: other, revision: 9, conflicts: [] } as Change],
				lastRevision: 9,
				hasMore: false
			} satisfies SyncResponse;
		};
		await expect(syncOnce(db, firstExchange)).rejects.toThrow('offline again');
		expect(await db.measurements.get('m:ind:a:2025:t')).toMatchObject({ value: 3 });
		// 3 is refused: the device must hold what the server holds now, 40, not the 2 it sent itself.
		const refusing: SyncTransport = async (request) => ({
			protocol: PROTOCOL_VERSION,
			serverEpoch: 'e1',
			outcomes: request.mutations.map((m) => ({
				mutationId: m.mutationId,
				result: 'rejected' as const,
				reason: 'År 2025 är godkänt och låst.'
			})),
			changes: [],
			lastRevision: 9,
			hasMore: false
		});
		await syncOnce(db, refusing);
		expect(await db.measurements.get('m:ind:a:2025:t')).toMatchObject({
			value: 40,
			serverRevision: 9
		});
	});

	it('removes a refused new row, and keeps an accepted edit made before a refused one', async () => {
		await saveMeasurement(db, edit('new', 7), editor);
		await saveMeasurement(db, edit('b', 3), editor);
		await syncOnce(db, refusingServer(new Set([7])));
		expect(await db.measurements.get('m:ind:new:2025:t')).toBeUndefined();
		await saveMeasurement(db, edit('b', 4), editor);
		await saveMeasurement(db, edit('b', 8), editor).catch(() => undefined);
		await syncOnce(db, refusingServer(new Set([8])));
		expect(await db.measurements.get('m:ind:b:2025:t')).toMatchObject({ value: 4 });
		expect(
			(await db.rejections.toArray()).map((r) => (r.row as { value: unknown }).value).sort()
		).toEqual([7, 8]);
	});
});
