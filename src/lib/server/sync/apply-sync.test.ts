import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SyncResponse, type Change, type SyncRequest } from '$lib/domain/sync/sync-protocol';
import type { OpenedDatabase, Database } from '../db/connection';
import { measurements } from '../db/schema';
import { seedDemoData } from '../db/seed';
import { digestDatabase, resetDatabase, testBackends } from '../db/test-support';
import { applySync } from './apply-sync';
import { historyOf } from '../history/value-history';
import { writeStamped } from './stamped-writes';
import { ROW_LOCK_LIMIT } from '../db/locks';
import {
	CLIENT_A,
	CLIENT_B,
	CLIENT_C,
	TEST_GROUPING,
	assessment,
	measurement,
	mutationOf,
	syncRequest,
	testEditor,
	testReference
} from './test-rows';
import { putReference } from '../reference/store';
import { seedReferenceData } from '../reference/seed';
import type { SyncActor } from './authorize';

/** Two editors of the test federation; the server writes the signed-in user's name into every row. */
const ANNA = testEditor('Anna Andersson');
const BO = testEditor('Bo Berg');

/**
 * One suite, run against the embedded PGlite and a real PostgreSQL: the same
 * Drizzle code and migrations must behave the same on both.
 */
const backends = await testBackends();

for (const backend of backends) {
	describe.skipIf(!backend.available)(`applySync på ${backend.name}`, () => {
		let opened: OpenedDatabase;
		let db: Database;

		beforeAll(async () => {
			opened = await backend.open();
			db = opened.db;
		}, 60_000);
		afterAll(async () => opened?.close());
		beforeEach(async () => {
			await resetDatabase(db);
			await seedReferenceData(db, testReference());
		});

		/** Sends a request and checks the answer against the wire schema, as a client would. */
		async function sync(request: SyncRequest, actor: SyncActor = ANNA): Promise<SyncResponse> {
			const response = await applySync(db, request, actor);
			return SyncResponse.parse(response);
		}

		async function rowOf(id: string): Promise<Change | undefined> {
			const { changes } = await sync(syncRequest(CLIENT_C, [], 0, 5000));
			return changes.find((c) => c.row.id === id);
		}

		test('a row the server has never seen is inserted with a new revision', async () => {
			const row = measurement({ value: 12.5 });
			const mutation = mutationOf(row, null);
			const response = await sync(syncRequest(CLIENT_A, [mutation]));
			expect(response.outcomes).toEqual([
				{ mutationId: mutation.mutationId, result: 'applied', revision: expect.any(Number) }
			]);
			const revision = (response.outcomes[0] as { revision: number }).revision;
			// The server stamps the time it accepted the change (server-time.ts).
			expect(response.changes).toEqual([
				{
					entity: 'measurement',
					row: { ...row, updatedAt: expect.any(String) },
					revision,
					conflicts: []
				}
			]);
			expect(response.lastRevision).toBe(revision);
			expect(response.hasMore).toBe(false);
		});

		test('the row is stored as a jsonb object, not as a JSON string (both drivers)', async () => {
			const row = measurement();
			await sync(syncRequest(CLIENT_A, [mutationOf(row, null)]));
			const [stored] = await db
				.select({
					type: sql<string>`jsonb_typeof(${measurements.row})`,
					id: sql<string>`${measurements.row}->>'id'`
				})
				.from(measurements);
			expect(stored).toEqual({ type: 'object', id: row.id });
		});

		test('an edit based on the current revision updates the row', async () => {
			const first = await sync(
				syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10 }), null)])
			);
			const base = first.lastRevision;
			const edited = measurement({ value: 11, updatedBy: 'Bo Berg' });
			const second = await sync(syncRequest(CLIENT_B, [mutationOf(edited, base)], base), BO);
			expect(second.outcomes[0]).toMatchObject({ result: 'applied' });
			expect(second.changes).toHaveLength(1);
			expect(second.changes[0].row).toEqual({ ...edited, updatedAt: expect.any(String) });
			expect(second.changes[0].revision).toBeGreaterThan(base);
		});

		test('a replayed mutation is a no-op with the same outcome', async () => {
			const request = syncRequest(CLIENT_A, [
				mutationOf(measurement({ value: 3 }), null),
				mutationOf(assessment(), null)
			]);
			const first = await sync(request);
			const before = await digestDatabase(db);
			const replay = await sync(request);
			expect(replay.outcomes).toEqual(first.outcomes);
			expect(await digestDatabase(db)).toBe(before);
		});

		test('a mutation id repeated inside one batch is applied once', async () => {
			const mutation = mutationOf(measurement({ value: 3 }), null);
			const response = await sync(syncRequest(CLIENT_A, [mutation, mutation]));
			expect(response.outcomes[1]).toEqual(response.outcomes[0]);
			expect(await historyOf(db, 'measurement', mutation.row.id)).toHaveLength(1);
		});

		test("the same client's second edit on a stale base is applied, not a conflict", async () => {
			const inserted = await sync(
				syncRequest(CLIENT_A, [mutationOf(measurement({ value: 1 }), null)])
			);
			const base = inserted.lastRevision;
			// Offline, the client edits twice; both edits name the revision it last pulled.
			await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 2 }), base)]));
			const third = await sync(
				syncRequest(CLIENT_A, [mutationOf(measurement({ value: 3 }), base)])
			);
			expect(third.outcomes[0]).toMatchObject({ result: 'applied' });
			const row = await rowOf(measurement().id);
			expect(row?.row).toMatchObject({ value: 3 });
			expect(row?.conflicts).toEqual([]);
		});

		test('several edits of one row in one batch from one client never conflict', async () => {
			const mutations = [1, 2, 3].map((value) => mutationOf(measurement({ value }), null));
			const response = await sync(syncRequest(CLIENT_A, mutations));
			expect(response.outcomes.map((o) => o.result)).toEqual(['applied', 'applied', 'applied']);
			expect(response.changes).toHaveLength(1);
			expect(response.changes[0]).toMatchObject({ row: { value: 3 }, conflicts: [] });
		});

		test('two clients editing from the same base: the second is a conflict, the first value stays', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10 }), null)]))
			).lastRevision;
			const fromB = mutationOf(
				measurement({ value: 12, updatedBy: 'Bo Berg', updatedAt: '2025-03-02T09:00:00.000Z' }),
				base
			);
			const a = await sync(
				syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10.5 }), base)], base)
			);
			expect(a.outcomes[0]).toMatchObject({ result: 'applied' });
			const aRevision = a.lastRevision;
			// B did not see A's edit: its base is older than the row now.
			const b = await sync(syncRequest(CLIENT_B, [fromB], base), BO);
			expect(b.outcomes[0]).toMatchObject({ result: 'conflict' });
			const conflictRevision = (b.outcomes[0] as { revision: number }).revision;
			expect(conflictRevision).toBeGreaterThan(aRevision);

			// The value is A's; B's value is the open conflict, and every client pulls it.
			const pulledByA = await sync(syncRequest(CLIENT_A, [], aRevision));
			expect(pulledByA.changes).toHaveLength(1);
			expect(pulledByA.changes[0]).toMatchObject({
				revision: conflictRevision,
				row: { value: 10.5 }
			});
			expect(pulledByA.changes[0].conflicts).toEqual([
				{
					mutationId: fromB.mutationId,
					value: 12,
					row: { ...fromB.row, updatedAt: expect.any(String) },
					by: 'Bo Berg',
					at: expect.any(String)
				}
			]);
			expect(b.changes.find((c) => c.row.id === fromB.row.id)?.conflicts).toHaveLength(1);

			// Both values are in the history.
			const entries = await historyOf(db, 'measurement', fromB.row.id);
			expect(entries.map((e) => [e.kind, e.newValue])).toEqual([
				['conflict', 12],
				['update', 10.5],
				['update', 10]
			]);
			expect(entries[0]).toMatchObject({
				oldValue: 10.5,
				by: 'Bo Berg',
				clientId: CLIENT_B,
				mutationId: fromB.mutationId
			});
		});

		test('editing the row at its current revision resolves the conflict', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10 }), null)]))
			).lastRevision;
			await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 11 }), base)], base));
			const conflict = await sync(
				syncRequest(
					CLIENT_B,
					[mutationOf(measurement({ value: 12, updatedBy: 'Bo Berg' }), base)],
					base
				),
				BO
			);
			const current = (conflict.outcomes[0] as { revision: number }).revision;
			expect((await rowOf(measurement().id))?.conflicts).toHaveLength(1);

			// B saw the conflict (it pulled `current`) and picks 12 after talking to A.
			const resolution = mutationOf(
				measurement({ value: 12, updatedBy: 'Bo Berg', note: 'Enligt årsredovisningen' }),
				current
			);
			const resolved = await sync(syncRequest(CLIENT_B, [resolution], current), BO);
			expect(resolved.outcomes[0]).toMatchObject({ result: 'applied' });
			expect(resolved.changes).toEqual([
				{
					entity: 'measurement',
					row: { ...resolution.row, updatedAt: expect.any(String) },
					revision: resolved.lastRevision,
					conflicts: []
				}
			]);
			const [latest] = await historyOf(db, 'measurement', resolution.row.id);
			expect(latest).toMatchObject({
				kind: 'resolution',
				oldValue: 11,
				newValue: 12,
				by: 'Bo Berg'
			});
		});

		test('a client never gets its own change as a conflict', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10 }), null)]))
			).lastRevision;
			await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 11 }), base)]));
			// A conflicting edit from B, then B changes its mind offline, still on the old base.
			await sync(syncRequest(CLIENT_B, [mutationOf(measurement({ value: 20 }), base)]));
			const again = await sync(
				syncRequest(CLIENT_B, [mutationOf(measurement({ value: 21 }), base)])
			);
			expect(again.outcomes[0]).toMatchObject({ result: 'conflict' });
			const row = await rowOf(measurement().id);
			// B's newer value replaced its own earlier one instead of conflicting with it.
			expect(row?.conflicts.map((c) => c.value)).toEqual([21]);
			// A, whose value is current, keeps editing on its stale base without conflict.
			const fromA = await sync(
				syncRequest(CLIENT_A, [mutationOf(measurement({ value: 12 }), base)])
			);
			expect(fromA.outcomes[0]).toMatchObject({ result: 'applied' });
			expect((await rowOf(measurement().id))?.row).toMatchObject({ value: 12 });
		});

		test('another client sending the very same content is applied without a new revision', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 10 }), null)]))
			).lastRevision;
			const changed = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 11 }), base)]))
			).lastRevision;
			const same = await sync(
				syncRequest(
					CLIENT_B,
					[mutationOf(measurement({ value: 11, updatedBy: 'Bo Berg' }), base)],
					changed
				),
				BO
			);
			expect(same.outcomes[0]).toEqual({
				mutationId: expect.any(String),
				result: 'applied',
				revision: changed
			});
			expect(same.changes).toEqual([]);
			expect((await rowOf(measurement().id))?.conflicts).toEqual([]);
		});

		test('assessments conflict on their status and analysis', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(assessment({ status: 'onTrack' }), null)]))
			).lastRevision;
			await sync(syncRequest(CLIENT_A, [mutationOf(assessment({ status: 'atRisk' }), base)]));
			const b = await sync(
				syncRequest(CLIENT_B, [
					mutationOf(assessment({ status: 'offTrack', updatedBy: 'Cecilia' }), base)
				]),
				testEditor('Cecilia')
			);
			expect(b.outcomes[0]).toMatchObject({ result: 'conflict' });
			const row = await rowOf(assessment().id);
			expect(row).toMatchObject({ entity: 'assessment', row: { status: 'atRisk' } });
			expect(row?.conflicts).toMatchObject([{ value: 'offTrack', by: 'Cecilia' }]);
		});

		test('a row whose id does not match its key is rejected, with a Swedish reason, and replays the same', async () => {
			const bad = mutationOf(measurement({ id: 'm:something-else:kommun-2401:2024:t' }), null);
			const response = await sync(syncRequest(CLIENT_A, [bad]));
			expect(response.outcomes[0]).toMatchObject({
				result: 'rejected',
				reason: expect.stringContaining('id')
			});
			expect(response.changes).toEqual([]);
			expect((await sync(syncRequest(CLIENT_A, [bad]))).outcomes).toEqual(response.outcomes);
		});

		test('pull pages by revision with hasMore and lastRevision, across both entities', async () => {
			const rows = Array.from({ length: 20 }, (_, i) =>
				mutationOf(measurement({ year: 2000 + i }), null)
			);
			const more = Array.from({ length: 5 }, (_, i) =>
				mutationOf(assessment({ year: 2000 + i }), null)
			);
			await sync(syncRequest(CLIENT_A, [...rows.slice(0, 10), ...more, ...rows.slice(10)]));
			const pages: SyncResponse[] = [];
			let lastRevision = 0;
			for (let guard = 0; guard < 10; guard++) {
				const page = await sync(syncRequest(CLIENT_B, [], lastRevision, 10));
				pages.push(page);
				lastRevision = page.lastRevision;
				if (!page.hasMore) break;
			}
			expect(pages.map((p) => p.changes.length)).toEqual([10, 10, 5]);
			expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
			const revisions = pages.flatMap((p) => p.changes.map((c) => c.revision));
			expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
			expect(new Set(revisions).size).toBe(25);
			expect(pages.map((p) => p.lastRevision)).toEqual([
				revisions[9],
				revisions[19],
				revisions[24]
			]);
			expect(new Set(pages.flatMap((p) => p.changes.map((c) => c.entity)))).toEqual(
				new Set(['measurement', 'assessment'])
			);
			// Nothing new: the same revision comes back.
			expect(await sync(syncRequest(CLIENT_B, [], lastRevision, 10))).toMatchObject({
				changes: [],
				lastRevision,
				hasMore: false
			});
		});

		test('a page exactly as large as what remains says hasMore: false', async () => {
			await sync(
				syncRequest(
					CLIENT_A,
					Array.from({ length: 4 }, (_, i) => mutationOf(measurement({ year: 2010 + i }), null))
				)
			);
			const page = await sync(syncRequest(CLIENT_B, [], 0, 4));
			expect(page.changes).toHaveLength(4);
			expect(page.hasMore).toBe(false);
		});

		test('history has who, when, old and new value, newest first', async () => {
			const first = mutationOf(
				measurement({
					value: 1,
					updatedBy: 'Anna Andersson',
					updatedAt: '2025-01-01T09:00:00.000Z'
				}),
				null
			);
			const base = (await sync(syncRequest(CLIENT_A, [first]))).lastRevision;
			const second = mutationOf(
				measurement({ value: 2, updatedBy: 'Bo Berg', updatedAt: '2025-02-01T09:00:00+01:00' }),
				base
			);
			await sync(syncRequest(CLIENT_B, [second]), BO);
			const entries = await historyOf(db, 'measurement', first.row.id);
			expect(entries).toHaveLength(2);
			expect(entries[0]).toMatchObject({
				kind: 'update',
				oldValue: 1,
				newValue: 2,
				by: 'Bo Berg',
				at: expect.any(String),
				clientId: CLIENT_B,
				mutationId: second.mutationId,
				row: { ...second.row, updatedAt: expect.any(String) }
			});
			expect(entries[1]).toMatchObject({
				kind: 'update',
				oldValue: null,
				newValue: 1,
				by: 'Anna Andersson',
				clientId: CLIENT_A
			});
			expect(entries[0].revision).toBeGreaterThan(entries[1].revision);
			expect(Date.parse(entries[0].recordedAt)).not.toBeNaN();
			expect(await historyOf(db, 'assessment', first.row.id)).toEqual([]);
		});

		test('concurrent syncs from one base: exactly one applies, the rest are conflicts, revisions stay unique', async () => {
			const base = (
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ value: 0 }), null)]))
			).lastRevision;
			const clients = Array.from(
				{ length: 8 },
				(_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`
			);
			const responses = await Promise.all(
				clients.map((clientId, i) =>
					sync(syncRequest(clientId, [mutationOf(measurement({ value: i + 1 }), base)], base))
				)
			);
			const results = responses.map((r) => r.outcomes[0].result).sort();
			expect(results).toEqual(['applied', ...Array(7).fill('conflict')]);
			const revisions = responses.map((r) => (r.outcomes[0] as { revision: number }).revision);
			expect(new Set(revisions).size).toBe(8);
			expect((await rowOf(measurement().id))?.conflicts).toHaveLength(7);
			expect(await historyOf(db, 'measurement', measurement().id)).toHaveLength(9);
		});

		test('syncs creating the same new row at once: one inserts it, the rest are conflicts, none fails', async () => {
			const clients = Array.from(
				{ length: 8 },
				(_, i) => `00000000-0000-4000-8000-0000000002${String(i).padStart(2, '0')}`
			);
			const responses = await Promise.all(
				clients.map((clientId, i) =>
					sync(syncRequest(clientId, [mutationOf(measurement({ value: i + 1 }), null)]))
				)
			);
			expect(responses.map((r) => r.outcomes[0].result).sort()).toEqual([
				'applied',
				...Array(7).fill('conflict')
			]);
			expect((await rowOf(measurement().id))?.conflicts).toHaveLength(7);
			expect(await historyOf(db, 'measurement', measurement().id)).toHaveLength(8);
		});

		test(`a batch of more than ${ROW_LOCK_LIMIT} rows and small syncs of the same values at once: each edit applies or conflicts, none fails`, async () => {
			const years = Array.from({ length: ROW_LOCK_LIMIT + 8 }, (_, i) => 1980 + i);
			const large = syncRequest(
				CLIENT_A,
				years.map((year) => mutationOf(measurement({ year, value: 1 }), null))
			);
			const small = years
				.slice(0, 8)
				.map((year, i) =>
					syncRequest(`00000000-0000-4000-8000-0000000003${String(i).padStart(2, '0')}`, [
						mutationOf(measurement({ year, value: 2 }), null)
					])
				);
			const responses = await Promise.all([
				sync(large),
				...small.map((request) => sync(request, BO))
			]);
			const outcomes = responses.flatMap((r) => r.outcomes);
			expect(outcomes).toHaveLength(years.length + 8);
			expect(outcomes.every((o) => o.result === 'applied' || o.result === 'conflict')).toBe(true);
			// Each of the eight values was written by both; exactly one of the two writes created it.
			expect(outcomes.filter((o) => o.result === 'conflict')).toHaveLength(8);
			expect((await sync(syncRequest(CLIENT_C, [], 0, 5000))).changes).toHaveLength(years.length);
		});

		// Only where two transactions can be open at once: PGlite runs one at a time, so nothing is ever in flight beside a pull.
		if (backend.maxInstances > 1)
			test('a pull never passes a revision that a transaction still in flight may commit', async () => {
				// One push stops just before its commit, holding the lowest new revision…
				let commit!: () => void;
				const held = new Promise<void>((resolve) => (commit = resolve));
				const slow = measurement({ organisationId: 'kommun-2403', value: 1 });
				let reachedCommit!: () => void;
				const atCommit = new Promise<void>((resolve) => (reachedCommit = resolve));
				const slowPush = db.transaction(async (tx) => {
					await writeStamped(tx, CLIENT_A, {
						revisionsTaken: 1,
						rows: [
							{
								entity: 'measurement',
								row: slow,
								revision: { pending: 0 },
								seededRevision: null,
								lastClientId: CLIENT_A,
								conflicts: []
							}
						],
						history: [],
						answers: []
					});
					reachedCommit();
					await held;
				});
				await atCommit;
				let fastRevision: number;
				let reader: SyncResponse;
				try {
					// …while another commits a higher one.
					const fast = await sync(
						syncRequest(CLIENT_B, [
							mutationOf(measurement({ organisationId: 'kommun-2404', value: 2 }), null)
						]),
						BO
					);
					fastRevision = (fast.outcomes[0] as { revision: number }).revision;
					expect(fast.lastRevision).toBeLessThan(fastRevision);
					reader = await sync(syncRequest(CLIENT_C, [], 0));
					expect(reader.changes).toEqual([]);
					expect(reader.lastRevision).toBe(0);
				} finally {
					commit();
					await slowPush;
				}
				const after = await sync(syncRequest(CLIENT_C, [], reader.lastRevision));
				expect(after.changes.map((c) => c.row.id)).toEqual([
					measurement({ organisationId: 'kommun-2403' }).id,
					measurement({ organisationId: 'kommun-2404' }).id
				]);
				expect(after.lastRevision).toBe(fastRevision);
			});

		test('a batch that fails half-way leaves nothing applied', async () => {
			const good = mutationOf(measurement({ value: 1 }), null);
			// The route refuses NUL characters before this point; here one reaches the database and fails there.
			const broken = mutationOf(measurement({ year: 2023, note: 'tr\u0000asig' }), null);
			const before = await digestDatabase(db);
			await expect(applySync(db, syncRequest(CLIENT_A, [good, broken]), ANNA)).rejects.toThrow();
			expect(await digestDatabase(db)).toBe(before);
		});

		describe('as the signed-in user', () => {
			const reporter: SyncActor = {
				name: 'Rut Rapportör',
				roles: [{ organisationId: TEST_GROUPING, role: 'reporter', municipalityId: 'kommun-2401' }]
			};

			/** A second federation, with one indicator, beside the test federation. */
			async function addOtherGrouping(): Promise<void> {
				await db.transaction(async (tx) => {
					await putReference(
						tx,
						'organisation',
						{ id: 'andra-forbundet', kind: 'federation', name: 'Andra förbundet' },
						'andra-forbundet'
					);
					await putReference(
						tx,
						'membership',
						{
							id: 'ms:andra:2401',
							groupingId: 'andra-forbundet',
							memberId: 'kommun-2401',
							fromYear: 2000
						},
						'andra-forbundet'
					);
					await putReference(
						tx,
						'indicator',
						{ id: 'ind-andra', organisationId: 'andra-forbundet' },
						'andra-forbundet'
					);
				});
			}

			test('the row says who made the change as the server knows them, not as the client wrote it', async () => {
				const forged = mutationOf(measurement({ value: 3, updatedBy: 'Någon annan' }), null);
				const response = await sync(syncRequest(CLIENT_A, [forged]), BO);
				expect(response.changes[0].row.updatedBy).toBe('Bo Berg');
				expect((await historyOf(db, 'measurement', forged.row.id))[0]).toMatchObject({
					by: 'Bo Berg',
					row: { updatedBy: 'Bo Berg' }
				});
			});

			test('a refused mutation comes back rejected with its reason, the rest of the batch applies, and a replay answers the same', async () => {
				const own = mutationOf(measurement({ organisationId: 'kommun-2401', value: 1 }), null);
				const other = mutationOf(measurement({ organisationId: 'kommun-2403', value: 2 }), null);
				const judged = mutationOf(assessment(), null);
				const ownLater = mutationOf(
					measurement({ organisationId: 'kommun-2401', year: 2023, value: 3 }),
					null
				);
				const request = syncRequest(CLIENT_A, [own, other, judged, ownLater]);
				const response = await sync(request, reporter);
				expect(response.outcomes.map((o) => o.result)).toEqual([
					'applied',
					'rejected',
					'rejected',
					'applied'
				]);
				expect(response.outcomes[1]).toMatchObject({
					reason: 'Du är rapportör för Kommun 2401 och kan inte ändra värden för Kommun 2403.'
				});
				expect(response.outcomes[2]).toMatchObject({
					reason: 'Du är rapportör i Testförbundet och kan ange värden men inte bedöma mål.'
				});
				expect(response.changes.map((c) => c.row.id).sort()).toEqual(
					[own.row.id, ownLater.row.id].sort()
				);
				expect(await historyOf(db, 'measurement', other.row.id)).toEqual([]);
				const before = await digestDatabase(db);
				expect((await sync(request, reporter)).outcomes).toEqual(response.outcomes);
				expect(await digestDatabase(db)).toBe(before);
			});

			test('values for a non-member, an unknown indicator, or a grouping the user has no role in are rejected', async () => {
				const outsider: SyncActor = {
					name: 'Olle',
					roles: [{ organisationId: 'andra-forbundet', role: 'admin' }]
				};
				const cases: [SyncActor, ReturnType<typeof mutationOf>, string][] = [
					[
						ANNA,
						mutationOf(measurement({ organisationId: 'kommun-2480' }), null),
						'kommun-2480 är inte medlem i Testförbundet år 2024.'
					],
					[
						ANNA,
						mutationOf(measurement({ indicatorId: 'ind-okand' }), null),
						'Indikatorn finns inte på servern, så värdet kan inte sparas.'
					],
					[
						ANNA,
						mutationOf(assessment({ goalId: 'mal-okant' }), null),
						'Målet finns inte på servern, så bedömningen kan inte sparas.'
					],
					[
						outsider,
						mutationOf(measurement(), null),
						'Du har ingen roll i Testförbundet och kan inte ändra dess värden.'
					],
					[
						{ name: 'Vera', roles: [{ organisationId: TEST_GROUPING, role: 'viewer' }] },
						mutationOf(measurement(), null),
						'Du är läsare i Testförbundet och kan inte ändra värden.'
					]
				];
				for (const [actor, mutation, reason] of cases) {
					const { outcomes } = await sync(syncRequest(CLIENT_A, [mutation]), actor);
					expect(outcomes[0]).toEqual({
						mutationId: mutation.mutationId,
						result: 'rejected',
						reason
					});
				}
				expect((await sync(syncRequest(CLIENT_C, [], 0), ANNA)).changes).toEqual([]);
			});

			test('a value for a year its indicator is archived from is rejected with the reason, earlier years still apply, and a copy that follows the series takes it', async () => {
				const founder = testReference().indicators.find((i) => i.id === 'ind-sjukfranvaro')!;
				await db.transaction((tx) =>
					putReference(tx, 'indicator', { ...founder, archivedFromYear: 2025 }, TEST_GROUPING)
				);
				const before = mutationOf(measurement({ year: 2024 }), null);
				const after = mutationOf(measurement({ year: 2025 }), null);
				const { outcomes } = await sync(syncRequest(CLIENT_A, [before, after]));
				expect(outcomes[0]).toMatchObject({ result: 'applied' });
				expect(outcomes[1]).toEqual({
					mutationId: after.mutationId,
					result: 'rejected',
					reason:
						'ind-sjukfranvaro följs inte längre av Testförbundet år 2025 (den är arkiverad), så värdet kan inte sparas.'
				});
				await db.transaction((tx) =>
					putReference(
						tx,
						'indicator',
						{ ...founder, id: 'ind-sjukfranvaro-2025', seriesId: founder.id },
						TEST_GROUPING
					)
				);
				const again = mutationOf(measurement({ year: 2025 }), null);
				expect((await sync(syncRequest(CLIENT_A, [again]))).outcomes[0]).toMatchObject({
					result: 'applied'
				});
			});

			test("a goal's assessment: the editor writes it, only an admin approves or returns it (with a comment), and an approved one changes only by an admin", async () => {
				const ADMIN: SyncActor = {
					name: 'Ada Admin',
					roles: [{ organisationId: TEST_GROUPING, role: 'admin' }]
				};
				const review = (state: 'approved' | 'returned', comment = '') => ({
					state,
					comment,
					by: 'Ada Admin',
					at: '2026-03-01T10:00:00.000Z'
				});
				const outcome = async (row: ReturnType<typeof assessment>, actor: SyncActor) => {
					const current = await rowOf(row.id);
					const mutation = mutationOf(row, current?.revision ?? null);
					return (await sync(syncRequest(CLIENT_A, [mutation]), actor)).outcomes[0];
				};
				const written = assessment();
				expect(await outcome(written, ANNA)).toMatchObject({ result: 'applied' });
				const writtenAt = (await rowOf(written.id))!.row.updatedAt;
				expect(await outcome({ ...written, review: review('approved') }, ANNA)).toMatchObject({
					result: 'rejected',
					reason: 'Bara förbundets administratörer kan godkänna eller återsända bedömningar.'
				});
				expect(await outcome({ ...written, review: review('returned') }, ADMIN)).toMatchObject({
					result: 'rejected',
					reason: 'Skriv en kommentar som säger varför bedömningen återsänds.'
				});
				expect(await outcome({ ...written, review: review('approved') }, ADMIN)).toMatchObject({
					result: 'applied'
				});
				expect((await rowOf(written.id))?.row).toMatchObject({
					review: { state: 'approved', by: 'Ada Admin' },
					updatedBy: 'Anna Andersson',
					updatedAt: writtenAt
				});
				expect(await outcome({ ...written, analysis: 'Ändrad i efterhand.' }, ANNA)).toMatchObject({
					result: 'rejected',
					reason: 'Bedömningen är godkänd. Be en administratör återsända den om den behöver ändras.'
				});
				expect(
					await outcome({ ...written, review: review('returned', 'Ta med 2024.') }, ADMIN)
				).toMatchObject({ result: 'applied' });
				expect(await outcome({ ...written, analysis: 'Med 2024.' }, ANNA)).toMatchObject({
					result: 'applied'
				});
				expect((await rowOf(written.id))?.row).not.toHaveProperty('review');
			});

			test("the pull sends only the user's groupings' rows, and its keyset pages skip none of them between hidden ones", async () => {
				await addOtherGrouping();
				const both: SyncActor = {
					name: 'Ada',
					roles: [
						{ organisationId: TEST_GROUPING, role: 'editor' },
						{ organisationId: 'andra-forbundet', role: 'editor' }
					]
				};
				const mutations = Array.from({ length: 24 }, (_, i) =>
					mutationOf(
						measurement({
							indicatorId: i % 3 === 0 ? 'ind-sjukfranvaro' : 'ind-andra',
							year: 2000 + i
						}),
						null
					)
				);
				mutations.push(mutationOf(assessment(), null));
				await sync(syncRequest(CLIENT_A, mutations), both);
				const visible = new Set([
					...mutations
						.filter((m) => m.entity === 'assessment' || m.row.indicatorId === 'ind-sjukfranvaro')
						.map((m) => m.row.id)
				]);

				const pages: SyncResponse[] = [];
				let lastRevision = 0;
				for (let guard = 0; guard < 20; guard++) {
					const page = await sync(syncRequest(CLIENT_B, [], lastRevision, 2), {
						name: 'Vera',
						roles: [{ organisationId: TEST_GROUPING, role: 'viewer' }]
					});
					pages.push(page);
					lastRevision = page.lastRevision;
					if (!page.hasMore) break;
				}
				const pulled = pages.flatMap((p) => p.changes.map((c) => c.row.id));
				expect(pulled).toHaveLength(visible.size);
				expect(new Set(pulled)).toEqual(visible);
				const revisions = pages.flatMap((p) => p.changes.map((c) => c.revision));
				expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
				expect(pages.at(-1)?.hasMore).toBe(false);
				expect(pages.slice(0, -1).every((p) => p.changes.length === 2 && p.hasMore)).toBe(true);
				// Someone with no role anywhere pulls nothing.
				expect(
					(await sync(syncRequest(CLIENT_C, [], 0), { name: 'Ingen', roles: [] })).changes
				).toEqual([]);
			});

			test('the epoch a client sees changes with the groupings the user may read, so a new role starts a full pull', async () => {
				const epochOf = async (actor: SyncActor) =>
					(await sync(syncRequest(CLIENT_A, [], 0), actor)).serverEpoch;
				expect(await epochOf(ANNA)).toBe(await epochOf(BO));
				expect(await epochOf(ANNA)).toBe(await epochOf(reporter));
				const withMore: SyncActor = {
					name: 'Anna Andersson',
					roles: [...ANNA.roles, { organisationId: 'andra-forbundet', role: 'viewer' }]
				};
				expect(await epochOf(withMore)).not.toBe(await epochOf(ANNA));
			});
		});

		describe('seeded demo rows', () => {
			const demo = {
				measurements: [measurement({ value: 5, exampleData: true, updatedBy: 'Demodata' })],
				assessments: [assessment({ exampleData: true })]
			};

			test('are seeded once, with revisions and seed history, and no client', async () => {
				expect(await seedDemoData(db, demo)).toBe(true);
				const digest = await digestDatabase(db);
				expect(await seedDemoData(db, demo)).toBe(false);
				expect(await digestDatabase(db)).toBe(digest);
				const pulled = await sync(syncRequest(CLIENT_A, [], 0));
				expect(pulled.changes.map((c) => c.row)).toEqual([
					demo.measurements[0],
					demo.assessments[0]
				]);
				const [stored] = await db
					.select()
					.from(measurements)
					.where(eq(measurements.id, demo.measurements[0].id));
				expect(stored).toMatchObject({
					lastClientId: null,
					seededRevision: stored.revision,
					conflicts: []
				});
				expect(await historyOf(db, 'measurement', stored.id)).toMatchObject([
					{ kind: 'seed', oldValue: null, newValue: 5, by: 'Demodata', clientId: null }
				]);
			});

			test('are not seeded into a database that already has measurements', async () => {
				await sync(syncRequest(CLIENT_A, [mutationOf(measurement({ year: 2001 }), null)]));
				expect(await seedDemoData(db, demo)).toBe(false);
				expect((await sync(syncRequest(CLIENT_A, [], 0))).changes).toHaveLength(1);
			});

			test('an edit with no base (the client has only its demo copy) applies while the row is unchanged since seeding', async () => {
				await seedDemoData(db, demo);
				const fromA = await sync(
					syncRequest(CLIENT_A, [mutationOf(measurement({ value: 6 }), null)])
				);
				expect(fromA.outcomes[0]).toMatchObject({ result: 'applied' });
				// B also edited its demo copy offline: the row has moved on, so that is a conflict.
				const fromB = await sync(
					syncRequest(CLIENT_B, [mutationOf(measurement({ value: 7 }), null)])
				);
				expect(fromB.outcomes[0]).toMatchObject({ result: 'conflict' });
			});
		});
	});
}
