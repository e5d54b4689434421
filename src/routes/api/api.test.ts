import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncResponse } from '$lib/domain/sync-protocol';
import { buildDemoData } from '$lib/seed/demo-data';
import { closeDatabase, getDatabase } from '$lib/server/database';
import { digestDatabase } from '$lib/server/db/test-support';
import type { HistoryEntry } from '$lib/server/sync/apply-sync';
import { CLIENT_A, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { POST } from './sync/+server';
import { GET } from './history/[entity]/[id]/+server';

/**
 * The routes on the server's own database as it starts in production:
 * getDatabase() opens PGlite in a folder, migrates and seeds the demo data.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-pglite-'));
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
const demo = buildDemoData();

beforeAll(() => {
	delete process.env.DATABASE_URL;
	process.env.PGLITE_DATA_DIR = dataDir;
});

afterAll(async () => {
	await closeDatabase();
	Object.assign(process.env, savedEnv);
	for (const [key, value] of Object.entries(savedEnv)) if (value === undefined) delete process.env[key];
	rmSync(dataDir, { recursive: true, force: true });
});

async function sync(body: unknown): Promise<SyncResponse> {
	const response = await POST({ request: new Request('http://localhost/api/sync', { method: 'POST', body: JSON.stringify(body) }) } as never);
	expect(response.status).toBe(200);
	return SyncResponse.parse(await response.json());
}

async function history(entity: string, id: string): Promise<Response> {
	return GET({ params: { entity, id } } as never);
}

describe('the server database', () => {
	test('starts migrated and seeded with the demo measurements and assessments', async () => {
		const { changes, hasMore } = await sync(syncRequest(CLIENT_A, [], 0, 5000));
		expect(hasMore).toBe(false);
		expect(changes.filter((c) => c.entity === 'measurement')).toHaveLength(demo.measurements.length);
		expect(changes.filter((c) => c.entity === 'assessment')).toHaveLength(demo.assessments.length);
		expect(changes.every((c) => c.conflicts.length === 0)).toBe(true);
	}, 60_000);

	test("a client's edit of a demo value it never synced applies, and shows in the row's history", async () => {
		const demoRow = demo.measurements[0];
		const edited = { ...demoRow, value: typeof demoRow.value === 'number' ? demoRow.value + 1 : 1, updatedBy: 'Anna Andersson', updatedAt: new Date().toISOString(), exampleData: false };
		const mutation = mutationOf(edited, null);
		const { outcomes } = await sync(syncRequest(CLIENT_A, [mutation]));
		expect(outcomes[0]).toMatchObject({ result: 'applied' });

		const response = await history('measurement', demoRow.id);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { entity: string; id: string; entries: HistoryEntry[] };
		expect(body.entries.map((e) => e.kind)).toEqual(['update', 'seed']);
		expect(body.entries[0]).toMatchObject({ by: 'Anna Andersson', oldValue: demoRow.value, newValue: edited.value, mutationId: mutation.mutationId });
	});

	test('the history route answers 404 for an unknown entity or row and 400 for a bad id', async () => {
		expect((await history('user', 'x')).status).toBe(404);
		expect((await history('measurement', 'm:finns-inte:kommun-0000:2020:t')).status).toBe(404);
		expect((await history('measurement', 'Inte Ett Id!')).status).toBe(400);
	});

	test('a restart on the same folder migrates and seeds nothing twice', async () => {
		const before = await digestDatabase(await getDatabase());
		await closeDatabase();
		expect(await digestDatabase(await getDatabase())).toBe(before);
	}, 60_000);
});
