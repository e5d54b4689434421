import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { buildDemoData } from '$lib/seed/demo-data';
import { closeDatabase, getDatabase } from '$lib/server/database';
import { digestDatabase } from '$lib/server/db/test-support';
import type { HistoryEntry } from '$lib/server/history/value-history';
import { CLIENT_A, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { TestBrowser } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD } from '$lib/server/testing/fixtures';

/**
 * The routes on the server's own database as it starts in production:
 * getDatabase() opens PGlite in a folder, migrates and seeds the demo data
 * (goal trees, values and demo users); requests go through hooks.server.ts.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-pglite-'));
const savedEnv = {
	DATABASE_URL: process.env.DATABASE_URL,
	PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR
};
const demo = buildDemoData();

beforeAll(() => {
	delete process.env.DATABASE_URL;
	process.env.PGLITE_DATA_DIR = dataDir;
});

afterAll(async () => {
	await closeDatabase();
	Object.assign(process.env, savedEnv);
	for (const [key, value] of Object.entries(savedEnv))
		if (value === undefined) delete process.env[key];
	rmSync(dataDir, { recursive: true, force: true });
});

/** Ada administers every grouping, so she sees every demo row; Anna administers Akademi Norr only. */
const ada = new TestBrowser();
const anna = new TestBrowser();

async function sync(body: unknown, as = ada): Promise<SyncResponse> {
	const response = await as.call('POST', '/api/sync', { body });
	expect(response.status).toBe(200);
	return SyncResponse.parse(decodeSyncResponse(response.body));
}

async function history(entity: string, id: string, as = ada) {
	return as.call('GET', `/api/history/${entity}/${id}`);
}

describe('the server database', () => {
	test('starts migrated and seeded with the demo measurements and assessments', async () => {
		expect((await ada.signIn(DEMO.allAdmin, DEMO_PASSWORD)).status).toBe(200);
		expect((await anna.signIn(DEMO.admin, DEMO_PASSWORD)).status).toBe(200);
		const { changes, hasMore } = await sync(syncRequest(CLIENT_A, [], 0, 5000));
		expect(hasMore).toBe(false);
		expect(changes.filter((c) => c.entity === 'measurement')).toHaveLength(
			demo.measurements.length
		);
		expect(changes.filter((c) => c.entity === 'assessment')).toHaveLength(demo.assessments.length);
		expect(changes.every((c) => c.conflicts.length === 0)).toBe(true);
	}, 60_000);

	test("a client's edit of a demo value it never synced applies, and shows in the row's history", async () => {
		const demoRow = demo.measurements[0];
		const edited = {
			...demoRow,
			value: typeof demoRow.value === 'number' ? demoRow.value + 1 : 1,
			updatedBy: 'Anna Andersson',
			updatedAt: new Date().toISOString(),
			exampleData: false
		};
		const mutation = mutationOf(edited, null);
		const { outcomes } = await sync(syncRequest(CLIENT_A, [mutation]), anna);
		expect(outcomes[0]).toMatchObject({ result: 'applied' });

		const response = await history('measurement', demoRow.id);
		expect(response.status).toBe(200);
		const body = response.body as { entity: string; id: string; entries: HistoryEntry[] };
		expect(body.entries.map((e) => e.kind)).toEqual(['update', 'seed']);
		expect(body.entries[0]).toMatchObject({
			by: 'Anna Andersson',
			oldValue: demoRow.value,
			newValue: edited.value
		});
		// People, not devices: no client or mutation id reaches any reader.
		for (const entry of body.entries)
			expect(Object.keys(entry)).not.toEqual(expect.arrayContaining(['clientId']));
		expect(JSON.stringify(body)).not.toContain(CLIENT_A);
		expect(JSON.stringify(body)).not.toContain(mutation.mutationId);
	});

	test('the history route answers 404 for an unknown entity or row and 400 for a bad id', async () => {
		expect((await history('user', 'x')).status).toBe(404);
		expect((await history('measurement', 'm:finns-inte:kommun-0000:2020:t')).status).toBe(404);
		expect((await history('measurement', 'Inte Ett Id!')).status).toBe(400);
	});

	test("the history route needs a session, and a role in the row's grouping", async () => {
		const umeaRow = demo.measurements.find((m) => m.indicatorId.startsWith('umearegionen-'))!;
		expect((await history('measurement', umeaRow.id, new TestBrowser())).status).toBe(401);
		const refused = await history('measurement', umeaRow.id, anna);
		expect(refused).toMatchObject({
			status: 403,
			body: { error: expect.stringContaining('roll') }
		});
		expect((await history('measurement', umeaRow.id, ada)).status).toBe(200);
	});

	test('a restart on the same folder migrates and seeds nothing twice', async () => {
		const before = await digestDatabase(await getDatabase());
		await closeDatabase();
		expect(await digestDatabase(await getDatabase())).toBe(before);
	}, 60_000);
});
