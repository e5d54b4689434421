import { describe, it, expect, beforeAll } from 'vitest';
import { createDemoTestDatabase } from './test-database';
import type { LagesbildDatabase } from './database';
import { groupingTallySince, loadGroupingTally } from './tally-queries';
import { loadGroupingTotals } from './queries';
import { buildDemoData } from '$lib/seed/demo-data';
import { AKADEMI_NORR_ID } from '$lib/seed/akademi-norr';
import { buildGroupingOverview } from '$lib/domain/views/overview';

let db: LagesbildDatabase;
beforeAll(async () => {
	db = await createDemoTestDatabase(buildDemoData());
});

describe('loadGroupingTally', () => {
	it("counts each of the grouping's goals once, by the status its overview shows", async () => {
		const tally = await loadGroupingTally(db, AKADEMI_NORR_ID);
		const data = await loadGroupingTotals(db, AKADEMI_NORR_ID);
		const goals = buildGroupingOverview({ groupingId: AKADEMI_NORR_ID, ...data! }).plans.flatMap(
			(p) => p.areas.flatMap((a) => a.goals)
		);
		expect(tally?.reduce((sum, t) => sum + t.count, 0)).toBe(goals.length);
		for (const t of tally!) expect(t.count).toBe(goals.filter((g) => g.status === t.status).length);
		// The demo's Akademi Norr: four goals on track on example values, the fifth without a value or an assessment.
		expect(tally).toEqual([
			{ status: 'onTrack', count: 4, onExampleData: 4 },
			{ status: 'notAssessed', count: 1, onExampleData: 0 }
		]);
	});

	it('counts the plan in force only, once the plan has been copied to a new year', async () => {
		const copied = await createDemoTestDatabase(buildDemoData());
		const thisYear = new Date().getFullYear();
		await copied.plans.add({
			id: 'akademi-norr-ny-plan',
			organisationId: AKADEMI_NORR_ID,
			name: `Verksamhetsplan ${thisYear}`,
			fromYear: thisYear,
			toYear: thisYear,
			assessmentScale: 'status'
		});
		await copied.goals.add({
			id: 'akademi-norr-ny-plan-mal',
			planId: 'akademi-norr-ny-plan',
			kind: 'goal',
			name: 'Ett nytt mål',
			order: 0
		});
		expect(await loadGroupingTally(copied, AKADEMI_NORR_ID)).toEqual([
			{ status: 'notAssessed', count: 1, onExampleData: 0 }
		]);
	});

	it('answers null for a grouping not on the device', async () => {
		expect(await loadGroupingTally(db, 'finns-inte')).toBeNull();
	});

	it('counts again after a sync or an edit on the device, and not otherwise', async () => {
		const first = await groupingTallySince(db, AKADEMI_NORR_ID, '2026-01-01T00:00:00.000Z');
		expect(await groupingTallySince(db, AKADEMI_NORR_ID, '2026-01-01T00:00:00.000Z')).toBe(first);
		expect(await groupingTallySince(db, AKADEMI_NORR_ID, '2026-01-02T00:00:00.000Z')).not.toBe(
			first
		);
		const synced = await groupingTallySince(db, AKADEMI_NORR_ID, '2026-01-02T00:00:00.000Z');
		await db.outbox.add({ mutationId: 'edit-1', row: { id: 'x' } } as never);
		expect(await groupingTallySince(db, AKADEMI_NORR_ID, '2026-01-02T00:00:00.000Z')).not.toBe(
			synced
		);
	});
});
