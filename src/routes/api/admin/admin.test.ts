import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReferenceData } from '$lib/domain/sync/reference';
import { UserList, type RoleAssignment } from '$lib/domain/access/auth';
import { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { measurementId } from '$lib/domain/ids';
import { buildDemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { digestDatabase } from '$lib/server/db/test-support';
import { findUserByEmail } from '$lib/server/auth/users';
import { CLIENT_A, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { TestBrowser } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';

/** The admin API: goal trees, indicators, targets, memberships, users and roles. */

let server: OpenedDatabase;
const anna = new TestBrowser('192.0.2.70'); // admin of Akademi Norr
const ada = new TestBrowser('192.0.2.71'); // admin of every grouping
const erik = new TestBrowser('192.0.2.72'); // editor of Akademi Norr
const vera = new TestBrowser('192.0.2.73'); // viewer of Akademi Norr
const demo = buildDemoData();

beforeAll(async () => {
	server = await openDemoServer();
	for (const [browser, email] of [
		[anna, DEMO.admin],
		[ada, DEMO.allAdmin],
		[erik, DEMO.editor],
		[vera, DEMO.viewer]
	] as const) {
		expect((await browser.signIn(email, DEMO_PASSWORD)).status).toBe(200);
	}
}, 60_000);
afterAll(async () => server?.close());

const plan = {
	id: 'akademi-norr-vp-2026',
	organisationId: 'akademi-norr',
	name: 'Verksamhetsplan 2026',
	fromYear: 2026,
	toYear: 2026
};
const goal = {
	id: 'akademi-norr-vp-2026-mal-1',
	planId: plan.id,
	name: 'Fler utbildningar',
	order: 0
};
const indicator = {
	id: 'akademi-norr-ny-indikator',
	organisationId: 'akademi-norr',
	name: 'Antal nya utbildningar',
	unit: 'count',
	decimals: 0,
	betterDirection: 'higher',
	source: { kind: 'manual' },
	aggregation: 'sum'
};

async function reference(browser: TestBrowser): Promise<ReferenceData> {
	return ReferenceData.parse((await browser.call('GET', '/api/reference')).body);
}

describe('writing the goal tree', () => {
	test('an admin creates a plan, a goal and an indicator; they appear in the reference data', async () => {
		expect(await anna.call('PUT', `/api/admin/plans/${plan.id}`, { body: plan })).toMatchObject({
			status: 200,
			body: { entity: 'plan', row: plan, revision: expect.any(Number) }
		});
		expect((await anna.call('PUT', `/api/admin/goals/${goal.id}`, { body: goal })).status).toBe(
			200
		);
		expect(
			(
				await anna.call('PUT', `/api/admin/indicators/${indicator.id}`, {
					body: { ...indicator, goalId: goal.id }
				})
			).status
		).toBe(200);
		const seen = await reference(vera);
		expect(seen.plans.map((p) => p.id)).toContain(plan.id);
		// Defaults are filled in by the entity's schema, as on the client.
		expect(seen.goals.find((g) => g.id === goal.id)).toEqual({ ...goal, kind: 'goal' });
		expect(seen.indicators.find((i) => i.id === indicator.id)).toMatchObject({
			scope: 'members',
			genderBreakdown: false,
			order: 0
		});
	});

	test('invalid writes are 400 with a Swedish message and change nothing', async () => {
		const before = await digestDatabase(server.db);
		const cases: [string, string, unknown, RegExp][] = [
			['/api/admin/plans/annat-id', 'PUT', plan, /Id i adressen/],
			[`/api/admin/plans/${plan.id}`, 'PUT', { ...plan, toYear: 2020 }, /giltiga/],
			[`/api/admin/plans/${plan.id}`, 'PUT', '{inte json', /JSON/],
			[`/api/admin/plans/${plan.id}`, 'PUT', { ...plan, name: 'noll\u0000tecken' }, /tecken/],
			['/api/admin/plans/Ogiltigt%20Id', 'PUT', plan, /Ogiltigt id/],
			[
				'/api/admin/goals/nytt-mal',
				'PUT',
				{ ...goal, id: 'nytt-mal', planId: 'plan-finns-inte' },
				/Planen plan-finns-inte finns inte/
			],
			[
				'/api/admin/goals/nytt-mal',
				'PUT',
				{ ...goal, id: 'nytt-mal', goalAreaId: 'akademi-norr-vp-2025-verksamhetens-mal' },
				/annan plan/
			],
			[
				'/api/admin/indicators/ny',
				'PUT',
				{ ...indicator, id: 'ny', organisationId: 'kommun-2425' },
				/kommun/
			],
			[
				'/api/admin/targets/nytt-mal',
				'PUT',
				{
					id: 'nytt-mal',
					indicatorId: indicator.id,
					organisationId: 'kommun-2480',
					rule: { kind: 'threshold', operator: '>=', value: 1 }
				},
				/^Målvärdet gäller Umeå, som inte är medlem i Akademi Norr\.$/
			],
			[
				'/api/admin/memberships/ms-ny',
				'PUT',
				{ id: 'ms-ny', groupingId: 'akademi-norr', memberId: 'swpp', fromYear: 2026 },
				/ingen kommun/
			]
		];
		for (const [path, method, body, message] of cases) {
			const reply = await anna.call(method, path, { body });
			expect(reply.status, path).toBe(400);
			expect((reply.body as { error: string }).error, path).toMatch(message);
		}
		expect((await anna.call('PUT', '/api/admin/users-and-more/x', { body: plan })).status).toBe(
			404
		);
		expect(await digestDatabase(server.db)).toBe(before);
	});

	test('a row moving to another grouping needs an admin of both, and may not leave its dependants behind', async () => {
		const moved = { ...indicator, id: 'flyttbar-indikator', organisationId: 'umearegionen' };
		expect(
			(
				await anna.call('PUT', `/api/admin/indicators/${moved.id}`, {
					body: { ...moved, organisationId: 'akademi-norr' }
				})
			).status
		).toBe(200);
		expect(
			(await anna.call('PUT', `/api/admin/indicators/${moved.id}`, { body: moved })).status
		).toBe(403);
		expect(
			(await ada.call('PUT', `/api/admin/indicators/${moved.id}`, { body: moved })).status
		).toBe(200);
		// Now in Umeåregionen: Anna can no longer touch it.
		expect((await anna.call('DELETE', `/api/admin/indicators/${moved.id}`)).status).toBe(403);
		const headline = demo.indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)!;
		// Its goal stays in Akademi Norr, so that alone refuses the move; without the goal, its targets do.
		expect(
			(
				await ada.call('PUT', `/api/admin/indicators/${headline.id}`, {
					body: { ...headline, organisationId: 'umearegionen' }
				})
			).status
		).toBe(400);
		expect(
			await ada.call('PUT', `/api/admin/indicators/${headline.id}`, {
				body: { ...headline, goalId: undefined, organisationId: 'umearegionen' }
			})
		).toMatchObject({
			status: 409,
			body: { error: 'Indikatorn har målvärden och kan inte flyttas till en annan gruppering.' }
		});
	});

	test('deleting: a row with dependants is 409, a leaf goes (204), then it is 404', async () => {
		expect(await anna.call('DELETE', `/api/admin/plans/${plan.id}`)).toMatchObject({
			status: 409,
			body: { error: 'Planen har mål. Ta bort dem först.' }
		});
		expect((await anna.call('DELETE', `/api/admin/goals/${goal.id}`)).status).toBe(409);
		expect((await erik.call('DELETE', `/api/admin/indicators/${indicator.id}`)).status).toBe(403);
		expect((await anna.call('DELETE', `/api/admin/indicators/${indicator.id}`)).status).toBe(204);
		expect((await anna.call('DELETE', `/api/admin/goals/${goal.id}`)).status).toBe(204);
		expect((await anna.call('DELETE', `/api/admin/plans/${plan.id}`)).status).toBe(204);
		expect((await anna.call('DELETE', `/api/admin/plans/${plan.id}`)).status).toBe(404);
		const indicatorWithValues = demo.measurements[0].indicatorId;
		const withValues = demo.indicators.find((i) => i.id === indicatorWithValues)!;
		const targets = demo.targets.filter((t) => t.indicatorId === withValues.id);
		for (const t of targets)
			expect((await anna.call('DELETE', `/api/admin/targets/${t.id}`)).status).toBe(204);
		expect(await anna.call('DELETE', `/api/admin/indicators/${withValues.id}`)).toMatchObject({
			status: 409,
			body: { error: 'Indikatorn har mätvärden. Ta bort dem först.' }
		});
	});
});

describe("an indicator following another indicator's series (a plan copied forward)", () => {
	const headline = demo.indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)!;
	const copy = {
		...headline,
		id: 'akademi-norr-eftergymnasial-2026',
		goalId: undefined,
		seriesId: HEADLINE_INDICATOR_ID,
		name: 'Eftergymnasial utbildning (plan 2026)'
	};

	test('follows a founder of its own grouping, which then cannot be deleted', async () => {
		expect(
			(await anna.call('PUT', `/api/admin/indicators/${copy.id}`, { body: copy })).status
		).toBe(200);
		expect((await reference(vera)).indicators.find((i) => i.id === copy.id)?.seriesId).toBe(
			HEADLINE_INDICATOR_ID
		);
		for (const t of demo.targets.filter((t) => t.indicatorId === HEADLINE_INDICATOR_ID))
			await ada.call('DELETE', `/api/admin/targets/${t.id}`);
		const refused = await ada.call('DELETE', `/api/admin/indicators/${HEADLINE_INDICATOR_ID}`);
		expect(refused.status).toBe(409);
		expect((refused.body as { error: string }).error).toMatch(/följer dess serie|mätvärden/);
	});

	test('refused with a Swedish reason: a chain, another grouping, itself, an unknown one, a founder with values', async () => {
		const before = await digestDatabase(server.db);
		const cases: [unknown, RegExp][] = [
			[{ ...copy, id: 'kedja', seriesId: copy.id }, /följer själv en annan indikators serie/],
			[
				{
					...copy,
					id: 'annan-grupp',
					seriesId: demo.indicators.find((i) => i.organisationId === 'umearegionen')!.id
				},
				/sin egen gruppering/
			],
			[{ ...copy, id: 'sig-sjalv', seriesId: 'sig-sjalv' }, /sin egen serie/],
			[{ ...copy, id: 'okand', seriesId: 'finns-inte' }, /finns inte/]
		];
		for (const [body, message] of cases) {
			const reply = await ada.call('PUT', `/api/admin/indicators/${(body as { id: string }).id}`, {
				body
			});
			expect(reply.status).toBe(400);
			expect((reply.body as { error: string }).error).toMatch(message);
		}
		const founderWithValues = demo.indicators.find(
			(i) =>
				i.organisationId === 'akademi-norr' &&
				i.id !== HEADLINE_INDICATOR_ID &&
				demo.measurements.some((m) => m.indicatorId === i.id)
		)!;
		expect(
			await ada.call('PUT', `/api/admin/indicators/${founderWithValues.id}`, {
				body: { ...founderWithValues, seriesId: HEADLINE_INDICATOR_ID }
			})
		).toMatchObject({
			status: 409,
			body: {
				error:
					'Indikatorn har egna värden eller följs av andra indikatorer och kan inte börja följa en annan serie.'
			}
		});
		expect(await digestDatabase(server.db)).toBe(before);
	});
});

describe('a weighted mean and a ratio of sums name indicators of their own grouping', () => {
	const base = demo.indicators.find((i) => i.id === 'akademi-norr-arbetsloshet')!;
	const population = 'akademi-norr-folkmangd';

	test('accepted with a weight series or a numerator and denominator of the grouping; a part in use cannot be deleted', async () => {
		const weighted = {
			...base,
			id: 'arbetsloshet-viktad',
			aggregation: 'weightedMean',
			weightSeriesId: population
		};
		expect(
			(await anna.call('PUT', `/api/admin/indicators/${weighted.id}`, { body: weighted })).status
		).toBe(200);
		const ratio = {
			...base,
			id: 'andel-av-folkmangd',
			aggregation: 'ratio',
			ratio: { numeratorId: 'akademi-norr-invanare-25-64', denominatorId: population }
		};
		expect(
			(await anna.call('PUT', `/api/admin/indicators/${ratio.id}`, { body: ratio })).status
		).toBe(200);
		const stored = (await reference(vera)).indicators;
		expect(stored.find((i) => i.id === weighted.id)?.weightSeriesId).toBe(population);
		expect(stored.find((i) => i.id === ratio.id)?.ratio).toEqual(ratio.ratio);
		const refused = await ada.call(
			'DELETE',
			`/api/admin/indicators/${'akademi-norr-invanare-25-64'}`
		);
		expect(refused.status).toBe(409);
		expect((refused.body as { error: string }).error).toMatch(/täljare|mätvärden/);
	});

	test('refused with a Swedish reason, changing nothing', async () => {
		const before = await digestDatabase(server.db);
		const umea = demo.indicators.find(
			(i) => i.organisationId === 'umearegionen' && i.unit !== 'text'
		)!.id;
		const cases: [unknown, RegExp][] = [
			[
				{ ...base, id: 'utan-vikt-falt', aggregation: 'mean', weightSeriesId: population },
				/bara för viktat medelvärde/
			],
			[
				{ ...base, id: 'vikt-annan-grupp', aggregation: 'weightedMean', weightSeriesId: umea },
				/samma gruppering/
			],
			[
				{ ...base, id: 'vikt-okand', aggregation: 'weightedMean', weightSeriesId: 'finns-inte' },
				/finns inte/
			],
			[{ ...base, id: 'kvot-utan-delar', aggregation: 'ratio' }, /täljare och en nämnare/],
			[
				{
					...base,
					id: 'kvot-av-kvot',
					aggregation: 'ratio',
					ratio: {
						numeratorId: 'akademi-norr-eftergymnasial-3-ar-regionen',
						denominatorId: population
					}
				},
				/själv en kvot/
			],
			[
				{
					...base,
					id: 'kvot-text',
					aggregation: 'ratio',
					ratio: { numeratorId: 'akademi-norr-naturlig-samverkanspart', denominatorId: population }
				},
				/inga tal/
			],
			[
				{
					...base,
					id: 'kvot-samma',
					aggregation: 'ratio',
					ratio: { numeratorId: population, denominatorId: population }
				},
				/olika indikatorer/
			]
		];
		for (const [body, message] of cases) {
			const reply = await anna.call('PUT', `/api/admin/indicators/${(body as { id: string }).id}`, {
				body
			});
			expect(reply.status, JSON.stringify(reply.body)).toBe(400);
			// Schema rules answer with their issues, ownership rules with the error itself.
			const { error, issues = [] } = reply.body as { error: string; issues?: string[] };
			expect([error, ...issues].join(' ')).toMatch(message);
		}
		expect(await digestDatabase(server.db)).toBe(before);
	});
});

describe('users and roles', () => {
	test("an admin lists the grouping's users with their roles there; others may not", async () => {
		const reply = await anna.call('GET', '/api/admin/users?organisation=akademi-norr');
		expect(reply.status).toBe(200);
		const { users } = UserList.parse(reply.body);
		expect(users.map((u) => u.email).sort()).toEqual(
			[DEMO.allAdmin, DEMO.admin, DEMO.reporter, DEMO.editor, DEMO.viewer].sort()
		);
		// Only roles in this grouping, not Ada's in the four others.
		expect(users.find((u) => u.email === DEMO.allAdmin)?.roles).toEqual([
			{ organisationId: 'akademi-norr', role: 'admin' }
		]);
		expect((await erik.call('GET', '/api/admin/users?organisation=akademi-norr')).status).toBe(403);
		expect((await anna.call('GET', '/api/admin/users?organisation=umearegionen')).status).toBe(403);
		expect((await anna.call('GET', '/api/admin/users')).status).toBe(400);
	});

	test('a role given or taken takes effect on the next request, without signing in again', async () => {
		const veraId = (await findUserByEmail(server.db, DEMO.viewer))!.id;
		const editorRole: RoleAssignment = { organisationId: 'akademi-norr', role: 'editor' };
		const write = async (year: number) => {
			const row = {
				id: measurementId(HEADLINE_INDICATOR_ID, 'kommun-2421', year, 'T'),
				indicatorId: HEADLINE_INDICATOR_ID,
				organisationId: 'kommun-2421',
				year,
				gender: 'T' as const,
				value: 1,
				status: 'final' as const,
				note: '',
				source: '',
				updatedBy: 'x',
				updatedAt: '2030-01-01T00:00:00Z',
				exampleData: false
			};
			return SyncResponse.parse(
				decodeSyncResponse(
					(
						await vera.call('POST', '/api/sync', {
							body: syncRequest(CLIENT_A, [mutationOf(row, null)])
						})
					).body
				)
			).outcomes[0].result;
		};
		expect(await write(2050)).toBe('rejected');
		expect(
			await anna.call('PUT', '/api/admin/roles', {
				body: { userId: veraId, assignment: editorRole }
			})
		).toMatchObject({
			status: 200,
			body: {
				user: {
					email: DEMO.viewer,
					roles: [{ organisationId: 'akademi-norr', role: 'viewer' }, editorRole]
				}
			}
		});
		expect(await write(2051)).toBe('applied');
		expect(
			(
				await anna.call('DELETE', '/api/admin/roles', {
					body: { userId: veraId, assignment: editorRole }
				})
			).status
		).toBe(200);
		expect(await write(2052)).toBe('rejected');
		expect(
			(
				await anna.call('DELETE', '/api/admin/roles', {
					body: { userId: veraId, assignment: editorRole }
				})
			).status
		).toBe(404);
	});

	test('roles are checked like invitations: a known user, a real member municipality, an admin of that grouping', async () => {
		const veraId = (await findUserByEmail(server.db, DEMO.viewer))!.id;
		expect(
			(
				await anna.call('PUT', '/api/admin/roles', {
					body: {
						userId: 'finns-inte',
						assignment: { organisationId: 'akademi-norr', role: 'viewer' }
					}
				})
			).status
		).toBe(404);
		expect(
			(
				await anna.call('PUT', '/api/admin/roles', {
					body: {
						userId: veraId,
						assignment: {
							organisationId: 'akademi-norr',
							role: 'reporter',
							municipalityId: 'kommun-2480'
						}
					}
				})
			).status
		).toBe(400);
		expect(
			(
				await anna.call('PUT', '/api/admin/roles', {
					body: { userId: veraId, assignment: { organisationId: 'umearegionen', role: 'viewer' } }
				})
			).status
		).toBe(403);
		expect(
			(
				await erik.call('PUT', '/api/admin/roles', {
					body: { userId: veraId, assignment: { organisationId: 'akademi-norr', role: 'admin' } }
				})
			).status
		).toBe(403);
	});

	test('the last admin of a grouping cannot be removed', async () => {
		const annaId = (await findUserByEmail(server.db, DEMO.admin))!.id;
		const adaId = (await findUserByEmail(server.db, DEMO.allAdmin))!.id;
		const admin: RoleAssignment = { organisationId: 'akademi-norr', role: 'admin' };
		expect(
			(
				await anna.call('DELETE', '/api/admin/roles', {
					body: { userId: adaId, assignment: admin }
				})
			).status
		).toBe(200);
		expect(
			await anna.call('DELETE', '/api/admin/roles', { body: { userId: annaId, assignment: admin } })
		).toMatchObject({
			status: 409,
			body: {
				error:
					'Akademi Norr måste ha minst en administratör. Utse en ny innan du tar bort den sista.'
			}
		});
		expect((await anna.call('GET', '/api/auth/me')).body).toMatchObject({ roles: [admin] });
	});
});
