/**
 * Concurrency: writers and pull-only readers, each running the real sync
 * engine on fake-indexeddb, sync at the same time for a fixed time through
 * two app instances on one PostgreSQL (two Database handles, each with its
 * own connection pool, as two server processes have) and through the one
 * instance PGlite allows. Edits collide on purpose (the same values and
 * assessments from several writers) and also go to rows no one else touches;
 * now and then a request is sent twice at once (a client that gave up
 * waiting and retried through the other instance), and half-way an admin
 * locks a year through one instance while writers keep editing it through
 * the other.
 *
 * Afterwards: every client holds exactly the server's rows; no pull skipped
 * a revision (each pull is checked against the server's history); every
 * edit reached the server once, each conflict is in the history once, and
 * duplicates got the same answer; nothing was applied to the locked year
 * after the lock. Seeded: a failure prints its seed; rerun with
 * CONCURRENCY_SEED=<seed> (CONCURRENCY_SECONDS sets the duration).
 */
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '$lib/local-store/test-database';
import { saveAssessment, saveMeasurement } from '$lib/local-store/edits';
import type { LagesbildDatabase } from '$lib/local-store/database';
import { lastPulledRevision, syncOnce, type SyncTransport } from './engine';
import { SyncRequest, SyncResponse, type MutationOutcome } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse, encodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { roundId } from '$lib/domain/entry/reporting-round';
import type { GoalStatus } from '$lib/domain/figures/assessment';
import { seededRandom } from '$lib/domain/seeded-random';
import type { Database } from '$lib/server/db/connection';
import { testBackends } from '$lib/server/db/test-support';
import {
	appliedMutations,
	assessments,
	history,
	measurements,
	referenceRows
} from '$lib/server/db/schema';
import { applySync } from '$lib/server/sync/apply-sync';
import type { SyncActor } from '$lib/server/sync/authorize';
import { seedReferenceData } from '$lib/server/reference/seed';
import { applyRoundRequest } from '$lib/server/rounds/round-actions';
import {
	TEST_GROUPING,
	TEST_INDICATORS,
	TEST_MEMBERS,
	testEditor,
	testReference
} from '$lib/server/sync/test-rows';

const SECONDS = Number(process.env.CONCURRENCY_SECONDS ?? 30);
const SEED = Number(process.env.CONCURRENCY_SEED ?? Date.now() % 2 ** 31);
const WRITERS = 5;
const READERS = 4;
const LOCKED_YEAR = 2023;
const YEARS = [2023, 2024, 2025];
/** Values every writer edits (conflicts) and values only one writer edits (never a conflict). */
const SHARED_INDICATOR = 'ind-a';
const OWN_INDICATOR = 'ind-b';
const SHARED_MEMBERS = TEST_MEMBERS.slice(0, 3);
const SHARED_GOAL = 'mal-kompetens';
const ownGoal = (writer: number) => `mal-egen-${writer}`;
const ADMIN: SyncActor = {
	name: 'Adam Admin',
	roles: [{ organisationId: TEST_GROUPING, role: 'admin' }]
};
const STATUSES: GoalStatus[] = ['onTrack', 'atRisk', 'offTrack', 'notAssessed'];

/** What one exchange brought a client: the revisions it covered and the rows in it. */
type Pull = { after: number; last: number; hasMore: boolean; got: Map<string, number> };
type Client = {
	name: string;
	writer: number | null;
	db: LagesbildDatabase;
	actor: SyncActor;
	pulls: Pull[];
};

const rowKey = (entity: string, id: string) => `${entity}:${id}`;

const backends = await testBackends();

for (const backend of backends) {
	const instanceCount = Math.min(2, backend.maxInstances);
	describe.skipIf(!backend.available)(
		`samtidig synk på ${backend.name} genom ${instanceCount} instans${instanceCount > 1 ? 'er' : ''} (seed ${SEED})`,
		() => {
			it(
				`${WRITERS} skrivare och ${READERS} läsare i ${SECONDS} s: alla får serverns rader, ingen hämtning hoppar över en revision`,
				{ timeout: (SECONDS + 240) * 1000 },
				async () => {
					const opened = await backend.openInstances(instanceCount);
					try {
						await run(opened.instances);
					} catch (error) {
						console.error(
							`\nSamtidighetstestet på ${backend.name} föll med seed ${SEED}: kör om med CONCURRENCY_SEED=${SEED}\n`
						);
						throw error;
					} finally {
						await opened.close();
					}
				}
			);
		}
	);
}

async function run(instances: Database[]) {
	const rand = seededRandom(SEED);
	const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
	const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
	const reference = testReference();
	reference.goals.push(
		...Array.from({ length: WRITERS }, (_, i) => ({
			id: ownGoal(i),
			planId: 'test-plan',
			kind: 'goal' as const,
			name: `Eget mål ${i}`,
			order: i + 1
		}))
	);
	await seedReferenceData(instances[0], reference);

	const clients: Client[] = [
		...Array.from({ length: WRITERS }, (_, i) => ({
			name: `Skrivare ${i + 1}`,
			writer: i,
			actor: testEditor(`Skrivare ${i + 1}`)
		})),
		...Array.from({ length: READERS }, (_, i) => ({
			name: `Läsare ${i + 1}`,
			writer: null,
			actor: {
				name: `Läsare ${i + 1}`,
				roles: [{ organisationId: TEST_GROUPING, role: 'viewer' as const }]
			}
		}))
	].map((c) => ({ ...c, db: createTestDatabase(), pulls: [] }));

	const answers = new Map<string, MutationOutcome[]>();
	const created = new Set<string>();
	const errors: string[] = [];

	/** The wire as the route has it (JSON in, the compact format out), through an instance picked per request as a load balancer would. */
	const transport =
		(client: Client): SyncTransport =>
		async (request) => {
			const parsed = SyncRequest.parse(JSON.parse(JSON.stringify(request)));
			const serve = async (db: Database) => {
				const response = await applySync(db, parsed, client.actor);
				client.pulls.push({
					after: parsed.lastRevision,
					last: response.lastRevision,
					hasMore: response.hasMore,
					got: new Map(response.changes.map((c) => [rowKey(c.entity, c.row.id), c.revision]))
				});
				for (const o of response.outcomes)
					answers.set(o.mutationId, [...(answers.get(o.mutationId) ?? []), o]);
				return response;
			};
			// Now and then the same request twice at once: a client that gave up waiting and retried elsewhere.
			const twice = parsed.mutations.length > 0 && rand() < 0.05;
			const [response] = await Promise.all(
				twice ? [serve(pick(instances)), serve(pick(instances))] : [serve(pick(instances))]
			);
			return SyncResponse.parse(
				decodeSyncResponse(JSON.parse(JSON.stringify(encodeSyncResponse(response))))
			);
		};

	async function edit(client: Client, writer: number) {
		const editor = { name: client.name };
		const choice = rand();
		const conflicted = [
			...(await client.db.measurements.toArray()),
			...(await client.db.assessments.toArray())
		].filter((r) => (r.conflicts?.length ?? 0) > 0);
		if (choice < 0.1 && conflicted.length > 0) {
			// Someone resolves a conflict they see by choosing one of the competing values.
			const row = pick(conflicted);
			const chosen = pick(row.conflicts!);
			if ('indicatorId' in row)
				await saveMeasurement(client.db, { ...row, value: chosen.value as number }, editor);
			else await saveAssessment(client.db, { ...row, status: chosen.value as GoalStatus }, editor);
		} else if (choice < 0.4) {
			await saveMeasurement(
				client.db,
				{
					indicatorId: SHARED_INDICATOR,
					organisationId: pick(SHARED_MEMBERS),
					year: pick(YEARS),
					gender: 'T',
					value: Math.round(rand() * 1000) / 10,
					status: 'preliminary'
				},
				editor
			);
		} else if (choice < 0.65) {
			await saveMeasurement(
				client.db,
				{
					indicatorId: OWN_INDICATOR,
					organisationId: TEST_MEMBERS[writer],
					year: pick(YEARS),
					gender: 'T',
					value: Math.round(rand() * 1000) / 10,
					status: 'preliminary'
				},
				editor
			);
		} else if (choice < 0.85) {
			await saveAssessment(
				client.db,
				{
					goalId: SHARED_GOAL,
					year: pick(YEARS),
					status: pick(STATUSES),
					analysis: `Analys ${Math.floor(rand() * 4)}`
				},
				editor
			);
		} else {
			await saveAssessment(
				client.db,
				{
					goalId: ownGoal(writer),
					year: pick(YEARS),
					status: pick(STATUSES),
					analysis: `Analys ${Math.floor(rand() * 4)}`
				},
				editor
			);
		}
		const newest = await client.db.outbox.orderBy('seq').last();
		if (newest) created.add(newest.mutationId);
	}

	const deadline = Date.now() + SECONDS * 1000;
	const loop = async (client: Client) => {
		while (Date.now() < deadline) {
			if (client.writer !== null) {
				const edits = 1 + Math.floor(rand() * 5);
				for (let i = 0; i < edits; i++) await edit(client, client.writer);
			}
			await syncOnce(client.db, transport(client)).catch((error) =>
				errors.push(`${client.name}: ${error instanceof Error ? error.message : String(error)}`)
			);
			await pause(rand() * (client.writer === null ? 5 : 20));
		}
	};

	/** Half-way, an admin opens a round for one year through one instance and locks it through the other. */
	let lockRevision = 0;
	const admin = async () => {
		await pause(SECONDS * 400);
		const open = await applyRoundRequest(instances[0], ADMIN, {
			action: 'open',
			groupingId: TEST_GROUPING,
			year: LOCKED_YEAR,
			indicatorIds: TEST_INDICATORS,
			memberIds: TEST_MEMBERS,
			goalIds: reference.goals.map((g) => g.id),
			deadline: '2026-12-15',
			reportedBy: 'editors'
		});
		expect(open.status, JSON.stringify(open.body)).toBe(200);
		await pause(SECONDS * 100);
		const lock = await applyRoundRequest(instances.at(-1)!, ADMIN, {
			action: 'lock',
			roundId: roundId(TEST_GROUPING, LOCKED_YEAR)
		});
		expect(lock.status, JSON.stringify(lock.body)).toBe(200);
		const [round] = await instances[0]
			.select({ revision: referenceRows.revision })
			.from(referenceRows)
			.where(
				and(
					eq(referenceRows.entity, 'reportingRound'),
					eq(referenceRows.id, roundId(TEST_GROUPING, LOCKED_YEAR))
				)
			);
		lockRevision = round.revision;
	};

	await Promise.all([...clients.map(loop), admin()]);

	// Quiet: everyone syncs until nothing is left to send, then pulls once more.
	for (
		let round = 0;
		round < 10 && (await Promise.all(clients.map((c) => c.db.outbox.count()))).some((n) => n > 0);
		round++
	) {
		for (const c of clients)
			await syncOnce(c.db, transport(c)).catch((error) =>
				errors.push(
					`${c.name} (efteråt): ${error instanceof Error ? error.message : String(error)}`
				)
			);
	}
	for (const c of clients) await syncOnce(c.db, transport(c));
	expect(errors, 'synkar som föll').toEqual([]);
	for (const c of clients)
		expect(await c.db.outbox.count(), `${c.name} har ändringar kvar`).toBe(0);

	const db = instances[0];
	const serverMeasurements = await db.select().from(measurements).orderBy(asc(measurements.id));
	const serverAssessments = await db.select().from(assessments).orderBy(asc(assessments.id));
	const entries = await db.select().from(history).orderBy(asc(history.revision));
	const applied = await db.select().from(appliedMutations);

	// 1. No pull skipped a revision: every change in the span a pull covered came with it, or was
	// overtaken by a later change of its row above that span, which a later pull brings (a page cut
	// short, or a row changed again above the revision the pull could answer up to).
	const revisionsOf = new Map<string, number[]>();
	for (const e of entries)
		revisionsOf.set(rowKey(e.entity, e.rowId), [
			...(revisionsOf.get(rowKey(e.entity, e.rowId)) ?? []),
			e.revision
		]);
	const skipped: string[] = [];
	let pullCount = 0;
	for (const c of clients) {
		for (const pull of c.pulls) {
			pullCount++;
			for (const e of entriesBetween(entries, pull.after, pull.last)) {
				const key = rowKey(e.entity, e.rowId);
				if ((pull.got.get(key) ?? -1) >= e.revision) continue;
				if (revisionsOf.get(key)!.some((r) => r > pull.last)) continue;
				skipped.push(
					`${c.name}: hämtningen efter ${pull.after} gav lastRevision ${pull.last} utan ${key} (revision ${e.revision})`
				);
			}
		}
	}
	expect(skipped.slice(0, 10), `${skipped.length} överhoppade revisioner`).toEqual([]);

	// 2. Every client holds exactly the server's rows: values, revisions and open conflicts.
	const expectedMeasurements = serverMeasurements.map((r) => ({
		id: r.id,
		value: r.row.value,
		revision: r.revision,
		conflicts: r.conflicts.map((x) => x.mutationId).sort()
	}));
	const expectedAssessments = serverAssessments.map((r) => ({
		id: r.id,
		status: r.row.status,
		analysis: r.row.analysis,
		revision: r.revision,
		conflicts: r.conflicts.map((x) => x.mutationId).sort()
	}));
	const newest = Math.max(
		...serverMeasurements.map((r) => r.revision),
		...serverAssessments.map((r) => r.revision)
	);
	for (const c of clients) {
		const local = (await c.db.measurements.orderBy('id').toArray()).map((m) => ({
			id: m.id,
			value: m.value,
			revision: m.serverRevision,
			conflicts: (m.conflicts ?? []).map((x) => x.mutationId).sort()
		}));
		expect(local, `${c.name}: värdena skiljer sig från serverns`).toEqual(expectedMeasurements);
		const localAssessments = (await c.db.assessments.orderBy('id').toArray()).map((a) => ({
			id: a.id,
			status: a.status,
			analysis: a.analysis,
			revision: a.serverRevision,
			conflicts: (a.conflicts ?? []).map((x) => x.mutationId).sort()
		}));
		expect(localAssessments, `${c.name}: bedömningarna skiljer sig från serverns`).toEqual(
			expectedAssessments
		);
		expect(await lastPulledRevision(c.db), `${c.name}: senaste hämtade revision`).toBe(newest);
	}

	// 3. Every edit reached the server exactly once and every answer to it was the stored one.
	const stored = new Map(applied.map((a) => [a.mutationId, a.outcome]));
	for (const id of created)
		expect(stored.has(id), `ändringen ${id} nådde aldrig servern`).toBe(true);
	expect(stored.size).toBe(created.size);
	for (const [id, given] of answers)
		for (const outcome of given) expect(outcome, `svaret på ${id}`).toEqual(stored.get(id));
	const perMutation = new Map<string, number>();
	for (const e of entries)
		if (e.mutationId) perMutation.set(e.mutationId, (perMutation.get(e.mutationId) ?? 0) + 1);
	for (const [id, count] of perMutation)
		expect(count, `ändringen ${id} finns ${count} gånger i historiken`).toBe(1);
	const conflicts = applied.filter((a) => a.outcome.result === 'conflict');
	for (const c of conflicts)
		expect(
			entries.filter((e) => e.mutationId === c.mutationId && e.kind === 'conflict'),
			`konflikten ${c.mutationId}`
		).toHaveLength(1);
	for (const a of applied) {
		if (a.outcome.result === 'rejected') expect(perMutation.has(a.mutationId)).toBe(false);
		else if (perMutation.has(a.mutationId))
			expect(entries.find((e) => e.mutationId === a.mutationId)!.revision).toBe(a.outcome.revision);
	}

	// 4. The locked year: nothing applied after the lock, and edits did arrive after it (and were refused).
	expect(lockRevision).toBeGreaterThan(0);
	const lockedYearChanges = entries.filter(
		(e) => e.row.year === LOCKED_YEAR && e.revision > lockRevision
	);
	expect(
		lockedYearChanges.map((e) => `${e.kind} ${e.rowId} ${e.revision}`),
		`ändringar av ${LOCKED_YEAR} efter låsningen (revision ${lockRevision})`
	).toEqual([]);
	const refused = applied.filter((a) => a.outcome.result === 'rejected');
	expect(refused.length).toBeGreaterThan(0);

	// The run did what it is meant to: collisions, resolutions, both kinds of rows, and many pulls.
	expect(conflicts.length).toBeGreaterThan(0);
	expect(entries.some((e) => e.kind === 'resolution')).toBe(true);
	expect(serverAssessments.length).toBeGreaterThan(0);
	console.info(
		`Samtidig synk (seed ${SEED}, ${instances.length} instans${instances.length > 1 ? 'er' : ''}): ${created.size} ändringar, ${conflicts.length} konflikter, ${refused.length} avvisade, ${pullCount} anrop, ${serverMeasurements.length + serverAssessments.length} rader.`
	);
}

/** History entries with after < revision ≤ last, from entries sorted by revision. */
function entriesBetween<T extends { revision: number }>(
	sorted: readonly T[],
	after: number,
	last: number
): T[] {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (sorted[mid].revision <= after) low = mid + 1;
		else high = mid;
	}
	const found: T[] = [];
	for (let i = low; i < sorted.length && sorted[i].revision <= last; i++) found.push(sorted[i]);
	return found;
}
