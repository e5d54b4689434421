import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { DEMO_ROUND_YEAR, HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { measurementId } from '$lib/domain/ids';
import type { Measurement } from '$lib/domain/figures/measurement';
import { roundId } from '$lib/domain/entry/reporting-round';
import { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import type { Database } from '$lib/server/db/connection';
import { seedEverything } from '$lib/server/db/seed-all';
import { testBackends, type OpenedInstances } from '$lib/server/db/test-support';
import { useDatabase } from '$lib/server/database';
import { THROTTLE } from '$lib/server/auth/throttle';
import { CLIENT_A, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { TestBrowser, callApi } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD } from '$lib/server/testing/fixtures';

/**
 * Two app instances on one PostgreSQL (two handles, each with its own
 * connection pool), the requests of one person landing on either, as behind
 * a load balancer: sessions, the sign-in brake and reporting rounds live in
 * the database, so each instance sees what the other did.
 */

const postgres = (await testBackends()).find((b) => b.name === 'PostgreSQL')!;

describe.skipIf(!postgres.available)('två appinstanser på samma PostgreSQL', () => {
	let opened: OpenedInstances;
	let first: Database;
	let second: Database;
	/** Runs one request on the given instance, as the load balancer sent it there. */
	async function on<T>(instance: Database, request: () => Promise<T>): Promise<T> {
		useDatabase(instance);
		return request();
	}

	beforeAll(async () => {
		opened = await postgres.openInstances(2);
		[first, second] = opened.instances;
		await seedEverything(first, buildDemoData(), { demoUsers: true });
	}, 120_000);
	afterAll(async () => {
		useDatabase(undefined);
		await opened?.close();
	});

	test('a session started on one instance works on the other, and signing out on either ends it on both', async () => {
		const browser = new TestBrowser('192.0.2.60');
		expect((await on(first, () => browser.signIn(DEMO.editor, DEMO_PASSWORD))).status).toBe(200);
		const cookie = `lagesbild_session=${browser.cookie}`;
		expect((await on(second, () => browser.call('GET', '/api/auth/me'))).status).toBe(200);
		expect((await on(second, () => browser.call('POST', '/api/auth/logout'))).status).toBeLessThan(
			300
		);
		expect((await on(first, () => callApi('GET', '/api/auth/me', { cookie }))).status).toBe(401);
	});

	test('failed sign-ins counted on both instances lock the address on both', async () => {
		const ip = '192.0.2.61';
		const attempt = (instance: Database, password: string) =>
			on(instance, () =>
				callApi('POST', '/api/auth/login', { body: { email: DEMO.viewer, password }, ip })
			);
		for (let i = 1; i < THROTTLE.limits.addressIp; i++)
			expect((await attempt(i % 2 ? first : second, `fel-${i}`)).status).toBe(401);
		expect(
			(await attempt(THROTTLE.limits.addressIp % 2 ? first : second, 'fel-sista')).status
		).toBe(429);
		expect((await attempt(first, DEMO_PASSWORD)).status).toBe(429);
		expect((await attempt(second, DEMO_PASSWORD)).status).toBe(429);
	});

	test('a year locked through one instance refuses an edit synced through the other', async () => {
		const admin = new TestBrowser('192.0.2.62');
		const editor = new TestBrowser('192.0.2.63');
		expect((await on(first, () => admin.signIn(DEMO.admin, DEMO_PASSWORD))).status).toBe(200);
		expect((await on(second, () => editor.signIn(DEMO.editor, DEMO_PASSWORD))).status).toBe(200);
		const row: Measurement = {
			id: measurementId(HEADLINE_INDICATOR_ID, 'kommun-2425', DEMO_ROUND_YEAR, 'T'),
			indicatorId: HEADLINE_INDICATOR_ID,
			organisationId: 'kommun-2425',
			year: DEMO_ROUND_YEAR,
			gender: 'T',
			value: 12.5,
			status: 'preliminary',
			note: '',
			source: '',
			updatedBy: 'klienten',
			updatedAt: new Date().toISOString(),
			exampleData: false
		};
		const locked = await on(first, () =>
			admin.call('POST', '/api/rounds', {
				body: { action: 'lock', roundId: roundId('akademi-norr', DEMO_ROUND_YEAR) }
			})
		);
		expect(locked.status, JSON.stringify(locked.body)).toBe(200);
		const reply = await on(second, () =>
			editor.call('POST', '/api/sync', { body: syncRequest(CLIENT_A, [mutationOf(row, null)]) })
		);
		expect(reply.status).toBe(200);
		const [outcome] = SyncResponse.parse(decodeSyncResponse(reply.body)).outcomes;
		expect(outcome).toMatchObject({ result: 'rejected', reason: expect.stringContaining('låst') });
	});
});
