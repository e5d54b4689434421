import { afterAll, beforeAll, expect, test } from 'vitest';
import { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { history, measurements, assessments } from '../db/schema';
import { seedReferenceData } from '../reference/seed';
import { applySync } from './apply-sync';
import { stampedByServer } from './server-time';
import {
	CLIENT_A,
	CLIENT_B,
	assessment,
	measurement,
	mutationOf,
	syncRequest,
	testEditor,
	testReference
} from './test-rows';

/** The server sets every time it stores: a client's clock (or its claim) never is. */

let opened: OpenedDatabase;
beforeAll(async () => {
	opened = await openDatabase({ dataDir: 'memory://' });
	await seedReferenceData(opened.db, testReference());
}, 60_000);
afterAll(async () => opened?.close());

const FAR_FUTURE = '9999-12-31T23:59:59.999Z';

test('a client-chosen updatedAt of 9999-12-31 is not stored: rows, history and conflicts get the time the server accepted them', async () => {
	const before = Date.now();
	const value = mutationOf(measurement({ value: 1, updatedAt: FAR_FUTURE }), null);
	const judged = mutationOf(assessment({ updatedAt: FAR_FUTURE }), null);
	const first = SyncResponse.parse(
		await applySync(opened.db, syncRequest(CLIENT_A, [value, judged]), testEditor('Anna Andersson'))
	);
	// A second device's conflicting value, also from the far future.
	const conflicting = mutationOf(measurement({ value: 2, updatedAt: FAR_FUTURE }), null);
	await applySync(
		opened.db,
		syncRequest(CLIENT_B, [mutationOf(measurement({ value: 3 }), first.lastRevision)]),
		testEditor('Anna Andersson')
	);
	await applySync(opened.db, syncRequest(CLIENT_A, [conflicting]), testEditor('Bo Berg'));
	const after = Date.now();
	expect(
		(await opened.db.select({ conflicts: measurements.conflicts }).from(measurements))[0].conflicts
	).toHaveLength(1);

	const stored = [
		...(
			await opened.db
				.select({ row: measurements.row, conflicts: measurements.conflicts })
				.from(measurements)
		).flatMap(({ row, conflicts }) => [
			row.updatedAt,
			...conflicts.flatMap((c) => [c.at, c.row.updatedAt])
		]),
		...(await opened.db.select({ row: assessments.row }).from(assessments)).map(
			({ row }) => row.updatedAt
		),
		...(await opened.db.select({ at: history.at, row: history.row }).from(history)).flatMap(
			({ at, row }) => [at, row.updatedAt]
		)
	];
	expect(stored.length).toBeGreaterThanOrEqual(8);
	for (const at of stored) {
		expect(at).not.toBe(FAR_FUTURE);
		expect(Date.parse(at)).toBeGreaterThanOrEqual(before);
		expect(Date.parse(at)).toBeLessThanOrEqual(after);
	}
});

test("a value's review keeps the time it moved; an edit that does not move it cannot claim another time or reviewer", () => {
	const now = new Date('2026-04-01T10:00:00.000Z');
	const stored = measurement({
		review: {
			state: 'approved',
			comment: 'OK',
			by: 'Erik Eriksson',
			at: '2026-03-01T09:00:00.000Z'
		}
	});
	const sameReview = mutationOf(
		measurement({
			note: 'ny anteckning',
			review: { state: 'approved', comment: 'OK', by: 'Någon annan', at: FAR_FUTURE }
		}),
		1
	);
	expect(stampedByServer(sameReview, stored, now).row).toMatchObject({
		updatedAt: now.toISOString(),
		review: stored.review
	});
	const moved = mutationOf(
		measurement({
			review: { state: 'returned', comment: 'Kontrollera', by: 'Erik Eriksson', at: FAR_FUTURE }
		}),
		1
	);
	expect(stampedByServer(moved, stored, now).row).toMatchObject({
		review: { state: 'returned', at: now.toISOString() }
	});
	expect(
		stampedByServer(mutationOf(measurement({ updatedAt: FAR_FUTURE }), null), undefined, now).row
	).not.toHaveProperty('review');
});
