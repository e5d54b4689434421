import type { DemoData } from '$lib/seed/demo-data';
import type { Table } from 'dexie';
import type { LagesbildDatabase, Synced } from './database';

const DEMO_VERSION_KEY = 'demoDataVersion';

/**
 * Puts the demo data from the source documents into the local store. Runs at
 * every start but writes only when the shipped demo data changed; reference
 * rows (organisations, goal trees, indicators, targets) are replaced, while a
 * measurement or assessment that already exists locally is left alone, so a
 * user's edit is never overwritten by the demo.
 */
export async function loadDemoData(db: LagesbildDatabase, data: DemoData, version: string): Promise<boolean> {
	const loaded = await db.meta.get(DEMO_VERSION_KEY);
	if (loaded?.value === version) return false;
	await db.transaction('rw', [db.organisations, db.memberships, db.plans, db.goalAreas, db.goals, db.subGoals, db.indicators, db.targets, db.measurements, db.assessments, db.meta], async () => {
		await db.organisations.bulkPut(data.organisations);
		await db.memberships.bulkPut(data.memberships);
		await db.plans.bulkPut(data.plans);
		await db.goalAreas.bulkPut(data.goalAreas);
		await db.goals.bulkPut(data.goals);
		await db.subGoals.bulkPut(data.subGoals);
		await db.indicators.bulkPut(data.indicators);
		await db.targets.bulkPut(data.targets);
		await addMissing(db.measurements, data.measurements);
		await addMissing(db.assessments, data.assessments);
		await db.meta.put({ key: DEMO_VERSION_KEY, value: version });
	});
	return true;
}

async function addMissing<T extends { id: string }>(table: Table<Synced<T>, string>, rows: T[]): Promise<void> {
	const present = new Set((await table.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])));
	await table.bulkAdd(rows.filter((r) => !present.has(r.id)).map((r) => ({ ...r, serverRevision: null })));
}
