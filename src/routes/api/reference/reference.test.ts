import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReferenceData } from '$lib/domain/sync/reference';
import { buildDemoData } from '$lib/seed/demo-data';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { findUserByEmail } from '$lib/server/auth/users';
import { TestBrowser } from '$lib/server/testing/api-client';
import {
	addUser,
	DEMO,
	DEMO_PASSWORD,
	GROUPINGS,
	openDemoServer
} from '$lib/server/testing/fixtures';

/** GET /api/reference: each user gets the goal trees of their own groupings, and a revision to skip unchanged data. */

let server: OpenedDatabase;
const dora = new TestBrowser('192.0.2.80'); // reporter for Dorotea in Akademi Norr
const ada = new TestBrowser('192.0.2.81'); // admin of every grouping
const demo = buildDemoData();

beforeAll(async () => {
	server = await openDemoServer();
	expect((await dora.signIn(DEMO.reporter, DEMO_PASSWORD)).status).toBe(200);
	expect((await ada.signIn(DEMO.allAdmin, DEMO_PASSWORD)).status).toBe(200);
}, 60_000);
afterAll(async () => server?.close());

async function referenceOf(browser: TestBrowser, since?: number) {
	return browser.call(
		'GET',
		since === undefined ? '/api/reference' : `/api/reference?since=${since}`
	);
}

describe('what each user sees', () => {
	test("a reporter gets Akademi Norr's goal tree, members and targets, and nothing of the other groupings", async () => {
		const reply = await referenceOf(dora);
		expect(reply.status).toBe(200);
		expect(Object.keys(reply.body as object)).not.toContain('measurements');
		const data = ReferenceData.parse(reply.body);
		const members = new Set(
			demo.memberships.filter((m) => m.groupingId === 'akademi-norr').map((m) => m.memberId)
		);
		expect(data.organisations.map((o) => o.id).sort()).toEqual(['akademi-norr', ...members].sort());
		expect(data.memberships.every((m) => m.groupingId === 'akademi-norr')).toBe(true);
		expect(data.plans.map((p) => p.id)).toEqual(['akademi-norr-vp-2025']);
		expect(data.indicators).toEqual(
			demo.indicators.filter((i) => i.organisationId === 'akademi-norr')
		);
		expect(data.goals).toEqual(demo.goals.filter((g) => g.planId === 'akademi-norr-vp-2025'));
		const indicatorIds = new Set(data.indicators.map((i) => i.id));
		expect(data.targets).toEqual(demo.targets.filter((t) => indicatorIds.has(t.indicatorId)));
	});

	test('an admin of every grouping gets every goal tree, in the demo order, but not all 290 municipalities', async () => {
		const data = ReferenceData.parse((await referenceOf(ada)).body);
		for (const key of [
			'memberships',
			'plans',
			'goalAreas',
			'goals',
			'subGoals',
			'indicators',
			'targets'
		] as const)
			expect(data[key]).toEqual(demo[key]);
		expect(data.organisations.filter((o) => o.kind !== 'municipality').map((o) => o.id)).toEqual(
			GROUPINGS
		);
		expect(data.organisations.length).toBeLessThan(demo.organisations.length);
	});

	test('a user without roles gets empty lists', async () => {
		await addUser(server.db, 'ingen.roll@example.se', 'Ingen Roll', []);
		const nobody = new TestBrowser('192.0.2.82');
		await nobody.signIn('ingen.roll@example.se', DEMO_PASSWORD);
		const data = ReferenceData.parse((await referenceOf(nobody)).body);
		expect(Object.values(data).filter(Array.isArray).flat()).toEqual([]);
	});
});

describe('?since=<revision>', () => {
	test('answers 304 while nothing changed; a reference write or a role change gives a new revision and the full set', async () => {
		const { revision } = ReferenceData.parse((await referenceOf(dora)).body);
		expect(revision).toBeGreaterThan(0);
		const unchanged = await referenceOf(dora, revision);
		expect(unchanged.status).toBe(304);
		expect(unchanged.body).toBeNull();
		expect((await referenceOf(dora, revision - 1)).status).toBe(200);
		expect((await dora.call('GET', '/api/reference?since=inte-ett-tal')).status).toBe(200);

		const plan = {
			id: 'akademi-norr-vp-2026',
			organisationId: 'akademi-norr',
			name: 'Verksamhetsplan 2026',
			fromYear: 2026,
			toYear: 2026
		};
		expect((await ada.call('PUT', `/api/admin/plans/${plan.id}`, { body: plan })).status).toBe(200);
		const afterWrite = await referenceOf(dora, revision);
		expect(afterWrite.status).toBe(200);
		const changed = ReferenceData.parse(afterWrite.body);
		expect(changed.revision).toBeGreaterThan(revision);
		expect(changed.plans.map((p) => p.id)).toContain(plan.id);

		const doraId = (await findUserByEmail(server.db, DEMO.reporter))!.id;
		expect(
			(
				await ada.call('PUT', '/api/admin/roles', {
					body: {
						userId: doraId,
						assignment: { organisationId: 'kompetensmaklare', role: 'viewer' }
					}
				})
			).status
		).toBe(200);
		const afterRole = ReferenceData.parse((await referenceOf(dora, changed.revision)).body);
		expect(afterRole.revision).toBeGreaterThan(changed.revision);
		expect(afterRole.plans.map((p) => p.organisationId)).toContain('kompetensmaklare');
	});
});
