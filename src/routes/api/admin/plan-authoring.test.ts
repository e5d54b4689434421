import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReferenceData } from '$lib/domain/sync/reference';
import { SessionInfo } from '$lib/domain/access/auth';
import { AdminLog } from '$lib/domain/plan/admin-log';
import { buildDemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { testBackends } from '$lib/server/db/test-support';
import { seedEverything } from '$lib/server/db/seed-all';
import { useDatabase } from '$lib/server/database';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { measurements } from '$lib/server/db/schema';
import { TestBrowser } from '$lib/server/testing/api-client';
import { addUser, DEMO, DEMO_PASSWORD } from '$lib/server/testing/fixtures';

/**
 * The plan editor's writes through the real endpoints, on PGlite and on
 * PostgreSQL: removing archives what has values and deletes what has none,
 * restoring, moving, copying a plan forward, creating a grouping, and the
 * change log they all leave. Invalid input is refused in Swedish.
 */

const demo = buildDemoData();
const PLAN = 'akademi-norr-vp-2025';
const headline = demo.indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)!;
const headlineGoal =
	demo.goals.find((g) => g.id === headline.goalId) ??
	demo.goals.find((g) => demo.subGoals.some((s) => s.id === headline.goalId && s.goalId === g.id))!;

for (const backend of await testBackends()) {
	describe.skipIf(!backend.available)(`planredigering (${backend.name})`, () => {
		let server: OpenedDatabase;
		const anna = new TestBrowser('192.0.2.80'); // admin of Akademi Norr
		const erik = new TestBrowser('192.0.2.81'); // editor of Akademi Norr
		const ulla = new TestBrowser('192.0.2.82'); // admin of Umeåregionen only

		beforeAll(async () => {
			server = await backend.open();
			await seedEverything(server.db, demo, { demoUsers: true });
			useDatabase(server.db);
			await addUser(server.db, 'ulla.plan@umearegionen.example', 'Ulla Umeå', [
				{ organisationId: 'umearegionen', role: 'admin' }
			]);
			expect((await anna.signIn(DEMO.admin, DEMO_PASSWORD)).status).toBe(200);
			expect((await erik.signIn(DEMO.editor, DEMO_PASSWORD)).status).toBe(200);
			expect((await ulla.signIn('ulla.plan@umearegionen.example', DEMO_PASSWORD)).status).toBe(200);
		}, 120_000);
		afterAll(async () => {
			useDatabase(undefined);
			await server?.close();
		});

		const reference = async (browser = anna) =>
			ReferenceData.parse((await browser.call('GET', '/api/reference')).body);
		const put = (path: string, row: { id: string }) =>
			anna.call('PUT', `/api/admin/${path}/${row.id}`, { body: row });

		test('removing a goal without values deletes it with what hangs below it', async () => {
			const goal = { id: 'tom-mal', planId: PLAN, name: 'Mål utan värden', order: 90 };
			const sub = { id: 'tom-mal-del', goalId: goal.id, name: 'Delmål utan värden', order: 0 };
			expect((await put('goals', goal)).status).toBe(200);
			expect((await put('sub-goals', sub)).status).toBe(200);
			expect(
				await anna.call('POST', `/api/admin/goals/${goal.id}/remove`, { body: { fromYear: 2026 } })
			).toMatchObject({ status: 200, body: { outcome: 'deleted' } });
			const seen = await reference();
			expect(seen.goals.map((g) => g.id)).not.toContain(goal.id);
			expect(seen.subGoals.map((s) => s.id)).not.toContain(sub.id);
		});

		test('removing a goal whose indicator has values archives it: kept, with its values, and restorable', async () => {
			const valuesBefore = await server.db.select().from(measurements);
			expect(
				await anna.call('POST', `/api/admin/goals/${headlineGoal.id}/remove`, {
					body: { fromYear: 2026 }
				})
			).toMatchObject({
				status: 200,
				body: { outcome: 'archived', archivedFromYear: 2026 }
			});
			const seen = await reference();
			expect(seen.goals.find((g) => g.id === headlineGoal.id)?.archivedFromYear).toBe(2026);
			expect(seen.indicators.map((i) => i.id)).toContain(HEADLINE_INDICATOR_ID);
			expect(await server.db.select().from(measurements)).toEqual(valuesBefore);
			// Archived twice is refused; restored, it is in force again.
			expect(
				(
					await anna.call('POST', `/api/admin/goals/${headlineGoal.id}/remove`, {
						body: { fromYear: 2027 }
					})
				).status
			).toBe(409);
			expect((await anna.call('POST', `/api/admin/goals/${headlineGoal.id}/restore`)).status).toBe(
				200
			);
			expect(
				(await reference()).goals.find((g) => g.id === headlineGoal.id)?.archivedFromYear
			).toBeUndefined();
			expect(await anna.call('POST', `/api/admin/goals/${headlineGoal.id}/restore`)).toMatchObject({
				status: 409,
				body: { error: expect.stringMatching(/inte arkiverat/) }
			});
		});

		test('an indicator with values is archived, never deleted, when removed', async () => {
			expect(
				await anna.call('POST', `/api/admin/indicators/${HEADLINE_INDICATOR_ID}/remove`, {
					body: { fromYear: 2030 }
				})
			).toMatchObject({ status: 200, body: { outcome: 'archived' } });
			expect(
				(await reference()).indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)?.archivedFromYear
			).toBe(2030);
			expect(
				(await anna.call('POST', `/api/admin/indicators/${HEADLINE_INDICATOR_ID}/restore`)).status
			).toBe(200);
		});

		test("moving a goal area down and up again, among its plan's areas", async () => {
			const areas = () =>
				reference().then((r) =>
					r.goalAreas
						.filter((a) => a.planId === PLAN)
						.sort((a, b) => a.order - b.order)
						.map((a) => a.id)
				);
			const before = await areas();
			expect(before.length).toBeGreaterThan(1);
			expect(
				(
					await anna.call('POST', `/api/admin/goal-areas/${before[0]}/move`, {
						body: { direction: 'down' }
					})
				).status
			).toBe(200);
			expect(await areas()).toEqual([before[1], before[0], ...before.slice(2)]);
			expect(
				(
					await anna.call('POST', `/api/admin/goal-areas/${before[0]}/move`, {
						body: { direction: 'up' }
					})
				).status
			).toBe(200);
			expect(await areas()).toEqual(before);
			expect(
				await anna.call('POST', `/api/admin/goal-areas/${before[0]}/move`, {
					body: { direction: 'up' }
				})
			).toMatchObject({ status: 409, body: { error: expect.stringMatching(/står redan först/) } });
		});

		test('copying a plan forward: a new plan with the tree, indicators following the old series and the targets; the old plan as it was; a retry adds nothing', async () => {
			const before = await reference();
			const oldRows = (r: ReferenceData) => ({
				plan: r.plans.find((p) => p.id === PLAN),
				goals: r.goals.filter((g) => g.planId === PLAN),
				indicators: r.indicators.filter((i) => !i.id.includes('.')),
				targets: r.targets.filter((t) => !t.id.includes('.'))
			});
			const request = { fromYear: 2026, toYear: 2026, name: 'Verksamhetsplan 2026' };
			const copied = await anna.call('POST', `/api/admin/plans/${PLAN}/copy`, { body: request });
			expect(copied).toMatchObject({
				status: 201,
				body: { planId: `${PLAN}.2026`, created: true }
			});
			const after = await reference();
			expect(oldRows(after)).toEqual(oldRows(before));
			expect(after.plans.find((p) => p.id === `${PLAN}.2026`)).toMatchObject({
				name: 'Verksamhetsplan 2026',
				fromYear: 2026,
				toYear: 2026
			});
			expect(after.goals.filter((g) => g.planId === `${PLAN}.2026`).length).toBe(
				before.goals.filter((g) => g.planId === PLAN).length
			);
			const copy = after.indicators.find((i) => i.id === `${HEADLINE_INDICATOR_ID}.2026`)!;
			expect(copy.seriesId).toBe(HEADLINE_INDICATOR_ID);
			const oldTargets = before.targets.filter((t) => t.indicatorId === HEADLINE_INDICATOR_ID);
			expect(after.targets.filter((t) => t.indicatorId === copy.id).map((t) => t.rule)).toEqual(
				oldTargets.map((t) => t.rule)
			);

			expect(
				await anna.call('POST', `/api/admin/plans/${PLAN}/copy`, { body: request })
			).toMatchObject({ status: 200, body: { created: false } });
			const again = await reference();
			expect(again.indicators.length).toBe(after.indicators.length);
			expect(again.plans.length).toBe(after.plans.length);
		});

		test('a copy onto years another plan has is refused in Swedish, next to the field', async () => {
			const reply = await anna.call('POST', `/api/admin/plans/${PLAN}/copy`, {
				body: { fromYear: 2025, toYear: 2027, name: 'Överlappande' }
			});
			expect(reply.status).toBe(409);
			expect(reply.body).toMatchObject({
				error: expect.stringMatching(
					/^Åren 2025–2027 överlappar planen »Verksamhetsplan 2025« \(2025\)/
				),
				fieldErrors: { fromYear: expect.any(String) }
			});
		});

		test('invalid input is 400 with Swedish sentences per field, and changes nothing', async () => {
			const log = async () =>
				AdminLog.parse((await anna.call('GET', '/api/admin/log?organisation=akademi-norr')).body)
					.entries.length;
			const entriesBefore = await log();
			const cases: [string, unknown, Record<string, RegExp>][] = [
				[
					`/api/admin/plans/${PLAN}/copy`,
					{ fromYear: 2041, toYear: 2040, name: 'Baklänges' },
					{ toYear: /^Planen kan inte sluta före den börjar$/ }
				],
				[
					`/api/admin/plans/${PLAN}/copy`,
					{ fromYear: 2041, toYear: 2041, name: '  ' },
					{ name: /^Ge den nya planen ett namn$/ }
				],
				[
					`/api/admin/goals/${headlineGoal.id}/remove`,
					{ fromYear: 'nästa år' },
					{ fromYear: /heltal/ }
				],
				[
					`/api/admin/goals/${headlineGoal.id}/move`,
					{ direction: 'sidled' },
					{ direction: /^Ange upp eller ned$/ }
				],
				[
					'/api/admin/groupings',
					{ name: '', kind: 'förening' },
					{ name: /^Ange ett namn$/, kind: /^Välj kommunalförbund, samverkan eller projekt$/ }
				]
			];
			for (const [path, body, fields] of cases) {
				const reply = await anna.call('POST', path, { body });
				expect(reply.status, path).toBe(400);
				const { error, fieldErrors } = reply.body as {
					error: string;
					fieldErrors: Record<string, string>;
				};
				expect(error).toBe('Uppgifterna är inte giltiga.');
				for (const [field, message] of Object.entries(fields))
					expect(fieldErrors[field], `${path} ${field}`).toMatch(message);
			}
			expect((await anna.call('POST', `/api/admin/plans/${PLAN}/fly`, { body: {} })).status).toBe(
				404
			);
			expect(await log()).toBe(entriesBefore);
		});

		test('a new grouping: its creator becomes its admin; the name is unique; an editor cannot create one', async () => {
			const made = await anna.call('POST', '/api/admin/groupings', {
				body: {
					name: 'Inlandets kompetensprojekt',
					kind: 'project',
					description: 'Ett nytt projekt'
				}
			});
			expect(made).toMatchObject({
				status: 201,
				body: {
					organisation: {
						id: 'inlandets-kompetensprojekt',
						kind: 'project',
						name: 'Inlandets kompetensprojekt'
					}
				}
			});
			const me = SessionInfo.parse((await anna.call('GET', '/api/auth/me')).body);
			expect(me.roles).toContainEqual({
				organisationId: 'inlandets-kompetensprojekt',
				role: 'admin'
			});
			expect((await reference()).organisations.map((o) => o.id)).toContain(
				'inlandets-kompetensprojekt'
			);
			// She can now build its plan.
			expect(
				(
					await put('plans', {
						id: 'ikp-plan',
						organisationId: 'inlandets-kompetensprojekt',
						name: 'Projektplan',
						fromYear: 2026,
						toYear: 2028
					} as never)
				).status
			).toBe(200);
			expect(
				await anna.call('POST', '/api/admin/groupings', {
					body: { name: 'inlandets kompetensprojekt', kind: 'project' }
				})
			).toMatchObject({
				status: 409,
				body: {
					fieldErrors: {
						name: 'Det finns redan en organisation som heter inlandets kompetensprojekt.'
					}
				}
			});
			expect(
				await erik.call('POST', '/api/admin/groupings', {
					body: { name: 'Eriks förbund', kind: 'federation' }
				})
			).toMatchObject({ status: 403, body: { error: expect.stringMatching(/^Bara den som/) } });
		});

		test("the change log: every write above, who made it and what, for the grouping's admins only", async () => {
			const reply = await anna.call('GET', '/api/admin/log?organisation=akademi-norr');
			expect(reply.status).toBe(200);
			const { entries } = AdminLog.parse(reply.body);
			expect(new Set(entries.map((e) => e.action))).toEqual(
				new Set(['create', 'delete', 'archive', 'restore', 'move', 'copy'])
			);
			expect(entries.every((e) => e.userEmail === DEMO.admin)).toBe(true);
			expect(entries.map((e) => e.summary)).toContain(
				'Målet »Mål utan värden« togs bort med 1 underliggande rader (inga värden eller bedömningar).'
			);
			expect(entries.filter((e) => e.action === 'archive').map((e) => e.summary)).toContainEqual(
				`Målet »${headlineGoal.name}« arkiverades från 2026; det finns kvar i historiken och i åren före.`
			);
			expect(entries.find((e) => e.action === 'copy')?.summary).toMatch(
				/^Planen »Verksamhetsplan 2025« kopierades till »Verksamhetsplan 2026« \(2026\)/
			);
			// Newest first.
			expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
			const own = AdminLog.parse(
				(await anna.call('GET', '/api/admin/log?organisation=inlandets-kompetensprojekt')).body
			).entries;
			expect(own.map((e) => e.action)).toEqual(['create', 'createGrouping']);
			expect(await erik.call('GET', '/api/admin/log?organisation=akademi-norr')).toMatchObject({
				status: 403,
				body: { error: 'Du är inte administratör för Akademi Norr.' }
			});
			expect((await ulla.call('GET', '/api/admin/log?organisation=akademi-norr')).status).toBe(403);
			expect((await anna.call('GET', '/api/admin/log')).status).toBe(400);
		});

		test('a whole plan goes with everything in it when none of it has values; one with values is refused, unchanged', async () => {
			const plan = {
				id: 'plan-av-misstag',
				organisationId: 'akademi-norr',
				name: 'Plan av misstag',
				fromYear: 2031,
				toYear: 2031
			};
			const area = { id: 'plan-av-misstag-omr', planId: plan.id, name: 'Område', order: 0 };
			const goal = {
				id: 'plan-av-misstag-mal',
				planId: plan.id,
				goalAreaId: area.id,
				name: 'Mål',
				order: 0
			};
			const indicator = {
				...headline,
				id: 'plan-av-misstag-ind',
				goalId: goal.id,
				seriesId: undefined,
				name: 'Indikator'
			};
			for (const [path, row] of [
				['plans', plan],
				['goal-areas', area],
				['goals', goal],
				['indicators', indicator]
			] as const)
				expect((await put(path, row)).status, path).toBe(200);
			expect(await anna.call('POST', `/api/admin/plans/${plan.id}/remove`)).toMatchObject({
				status: 200,
				body: { outcome: 'deleted' }
			});
			const seen = await reference();
			expect(seen.plans.map((p) => p.id)).not.toContain(plan.id);
			expect(seen.goalAreas.map((a) => a.id)).not.toContain(area.id);
			expect(seen.goals.map((g) => g.id)).not.toContain(goal.id);
			expect(seen.indicators.map((i) => i.id)).not.toContain(indicator.id);

			const before = await reference();
			expect(await anna.call('POST', `/api/admin/plans/${PLAN}/remove`)).toMatchObject({
				status: 409,
				body: {
					error: expect.stringMatching(
						/^Planen »Verksamhetsplan 2025« har värden eller bedömningar/
					)
				}
			});
			expect(await reference()).toEqual(before);
			expect((await erik.call('POST', `/api/admin/plans/${PLAN}/remove`)).status).toBe(403);
		});
	});
}
