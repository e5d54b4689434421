import { describe, it, expect } from 'vitest';
import { storeReferenceData, storedReferenceRevision } from './reference-store';
import { createTestDatabase } from './test-database';
import { buildDemoData } from '$lib/seed/demo-data';
import type { ReferenceData } from '$lib/domain/sync/reference';

function reference(revision: number, groupingIds?: string[]): ReferenceData {
	const demo = buildDemoData();
	const keep = (id: string) => !groupingIds || groupingIds.includes(id);
	return {
		revision,
		organisations: demo.organisations,
		memberships: demo.memberships.filter((m) => keep(m.groupingId)),
		plans: demo.plans.filter((p) => keep(p.organisationId)),
		goalAreas: demo.goalAreas,
		goals: demo.goals,
		subGoals: demo.subGoals,
		indicators: demo.indicators.filter((i) => keep(i.organisationId)),
		targets: demo.targets,
		reportingRounds: demo.reportingRounds.filter((r) => keep(r.groupingId))
	};
}

describe('storeReferenceData', () => {
	it('stores every table and the revision', async () => {
		const db = createTestDatabase();
		await storeReferenceData(db, reference(7));
		expect(await db.indicators.count()).toBe(buildDemoData().indicators.length);
		expect(await storedReferenceRevision(db)).toBe(7);
	});

	it('drops what the server no longer sends, such as a grouping the user left', async () => {
		const db = createTestDatabase();
		await storeReferenceData(db, reference(1));
		await storeReferenceData(db, reference(2, ['akademi-norr']));
		const owners = new Set((await db.indicators.toArray()).map((i) => i.organisationId));
		expect([...owners]).toEqual(['akademi-norr']);
	});

	it('leaves values and the outbox alone', async () => {
		const db = createTestDatabase();
		await db.outbox.add({
			mutationId: crypto.randomUUID(),
			entity: 'assessment',
			row: {
				id: 'a:g:2025',
				goalId: 'g',
				year: 2025,
				status: 'onTrack',
				analysis: '',
				updatedBy: 'x',
				updatedAt: '2025-01-01T00:00:00.000Z',
				exampleData: false
			},
			baseRevision: null,
			createdAt: '2025-01-01T00:00:00.000Z'
		});
		await storeReferenceData(db, reference(1));
		expect(await db.outbox.count()).toBe(1);
	});
});
