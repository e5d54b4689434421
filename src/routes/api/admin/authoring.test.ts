import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReferenceData } from '$lib/domain/sync/reference';
import { membershipId } from '$lib/domain/ids';
import type { RoleAssignment } from '$lib/domain/access/auth';
import { buildDemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { seedEverything } from '$lib/server/db/seed-all';
import { digestDatabase, testBackends } from '$lib/server/db/test-support';
import { useDatabase } from '$lib/server/database';
import { findUserByEmail } from '$lib/server/auth/users';
import { TestBrowser } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD } from '$lib/server/testing/fixtures';

/**
 * What the indicator, target, members and users pages write, through the
 * real endpoints, on PGlite and on PostgreSQL: memberships by year (no two
 * periods of a member overlap), Swedish messages per field for invalid
 * indicators, targets and memberships, and the last admin kept.
 */

const ENGLISH = /\b(invalid|expected|required|received|must be|string|number|too small|too big)\b/i;
const demo = buildDemoData();
const headline = demo.indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)!;
const KIRUNA = 'kommun-2584';

for (const backend of await testBackends()) {
	describe.skipIf(!backend.available)(`authoring on ${backend.name}`, () => {
		let server: OpenedDatabase;
		const anna = new TestBrowser('192.0.2.80'); // admin of Akademi Norr
		const erik = new TestBrowser('192.0.2.81'); // editor of Akademi Norr
		const ada = new TestBrowser('192.0.2.82'); // admin of every grouping

		beforeAll(async () => {
			server = await backend.open();
			await seedEverything(server.db, demo, { demoUsers: true });
			useDatabase(server.db);
			for (const [browser, email] of [
				[anna, DEMO.admin],
				[erik, DEMO.editor],
				[ada, DEMO.allAdmin]
			] as const) {
				expect((await browser.signIn(email, DEMO_PASSWORD)).status).toBe(200);
			}
		}, 120_000);
		afterAll(async () => {
			useDatabase(undefined);
			await server?.close();
		});

		const reference = async () =>
			ReferenceData.parse((await anna.call('GET', '/api/reference')).body);

		test('an admin adds a municipality from the national list with a fee, gives it a new fee from a later year and ends it', async () => {
			const joined = {
				id: membershipId('akademi-norr', KIRUNA, 2026),
				groupingId: 'akademi-norr',
				memberId: KIRUNA,
				fromYear: 2026,
				feeSek: 120_000
			};
			expect(
				(
					await anna.call('PUT', `/api/admin/memberships/${encodeURIComponent(joined.id)}`, {
						body: joined
					})
				).status
			).toBe(200);
			let seen = await reference();
			expect(seen.memberships.find((m) => m.id === joined.id)).toEqual(joined);
			// The new member's organisation row reaches the devices with it.
			expect(seen.organisations.find((o) => o.id === KIRUNA)?.name).toMatch(/Kiruna/);

			const later = {
				...joined,
				id: membershipId('akademi-norr', KIRUNA, 2028),
				fromYear: 2028,
				feeSek: 130_000,
				role: 'värdkommun'
			};
			expect(
				(
					await anna.call('PUT', `/api/admin/memberships/${encodeURIComponent(joined.id)}`, {
						body: { ...joined, toYear: 2027 }
					})
				).status
			).toBe(200);
			expect(
				(
					await anna.call('PUT', `/api/admin/memberships/${encodeURIComponent(later.id)}`, {
						body: later
					})
				).status
			).toBe(200);
			expect(
				(
					await anna.call('PUT', `/api/admin/memberships/${encodeURIComponent(later.id)}`, {
						body: { ...later, toYear: 2029 }
					})
				).status
			).toBe(200);
			seen = await reference();
			expect(
				seen.memberships
					.filter((m) => m.memberId === KIRUNA && m.groupingId === 'akademi-norr')
					.map((m) => [m.fromYear, m.toYear, m.feeSek])
			).toEqual([
				[2026, 2027, 120_000],
				[2028, 2029, 130_000]
			]);
		});

		test('a period overlapping another of the same member is refused in Swedish, next to its first year, and changes nothing', async () => {
			const before = await digestDatabase(server.db);
			const overlapping = {
				id: 'ms-overlap',
				groupingId: 'akademi-norr',
				memberId: KIRUNA,
				fromYear: 2027,
				toYear: 2030
			};
			const reply = await anna.call('PUT', `/api/admin/memberships/${overlapping.id}`, {
				body: overlapping
			});
			expect(reply).toMatchObject({
				status: 409,
				body: {
					error:
						'Kiruna är redan medlem 2026–2027. Perioderna får inte överlappa: avsluta den andra perioden eller välj andra år.',
					fieldErrors: { fromYear: expect.stringMatching(/^Kiruna är redan medlem/) }
				}
			});
			// Another grouping's period of the same municipality is no overlap (Arjeplog is in two).
			expect(await digestDatabase(server.db)).toBe(before);
		});

		test('invalid indicators, targets and memberships: 400, a Swedish sentence per field, nothing stored', async () => {
			const before = await digestDatabase(server.db);
			const cases: [string, unknown, Record<string, RegExp>][] = [
				[
					'indicators/ny-ind',
					{ ...headline, id: 'ny-ind', name: ' ', decimals: 7, sourceUrl: 'www.scb.se' },
					{ name: /^Namn saknas$/, decimals: /högst 4/, sourceUrl: /webbadress/ }
				],
				[
					'indicators/ny-ind',
					{ ...headline, id: 'ny-ind', source: { kind: 'kolada', kpiId: '1951' } },
					{ 'source.kpiId': /^Kolada-id ska se ut som N01951$/ }
				],
				[
					'indicators/ny-ind',
					{ ...headline, id: 'ny-ind', unit: 'text' },
					{ aggregation: /^Textvärden kan inte läggas samman$/ }
				],
				[
					'indicators/ny-ind',
					{ ...headline, id: 'ny-ind', unit: 'metre' },
					{ unit: /^Välj ett av alternativen\.$/ }
				],
				[
					'targets/nytt-mal',
					{
						id: 'nytt-mal',
						indicatorId: headline.id,
						organisationId: 'akademi-norr',
						rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
					},
					{ baseline: /^Årlig förändring kräver ett utgångsvärde$/ }
				],
				[
					'targets/nytt-mal',
					{
						id: 'nytt-mal',
						indicatorId: headline.id,
						organisationId: 'akademi-norr',
						rule: { kind: 'perYear', values: [] }
					},
					{ 'rule.values': /^Ange minst ett årsvärde$/ }
				],
				[
					'targets/nytt-mal',
					{
						id: 'nytt-mal',
						indicatorId: headline.id,
						organisationId: 'akademi-norr',
						rule: { kind: 'threshold', operator: '>=', value: 'mycket' }
					},
					{ 'rule.value': /^Ange ett tal\.$/ }
				],
				[
					'memberships/ms-ny',
					{
						id: 'ms-ny',
						groupingId: 'akademi-norr',
						memberId: KIRUNA,
						fromYear: 2040,
						toYear: 2039
					},
					{ toYear: /^Medlemskapet kan inte sluta före det börjar$/ }
				],
				[
					'memberships/ms-ny',
					{ id: 'ms-ny', groupingId: 'akademi-norr', memberId: KIRUNA, fromYear: 1800, feeSek: -1 },
					{ fromYear: /1960 eller senare/, feeSek: /negativt/ }
				]
			];
			for (const [path, body, expected] of cases) {
				const reply = await anna.call('PUT', `/api/admin/${path}`, { body });
				expect(reply.status, path).toBe(400);
				const { error, fieldErrors } = reply.body as {
					error: string;
					fieldErrors: Record<string, string>;
				};
				expect(error).toBe('Uppgifterna är inte giltiga.');
				for (const [field, message] of Object.entries(expected))
					expect(fieldErrors[field], `${path} ${field}`).toMatch(message);
				for (const message of Object.values(fieldErrors))
					expect(message, path).not.toMatch(ENGLISH);
			}
			expect(await digestDatabase(server.db)).toBe(before);
		});

		test('an indicator keeps its source link; an editor or another grouping’s admin may not write it', async () => {
			const linked = {
				...headline,
				sourceUrl: 'https://www.statistikdatabasen.scb.se/pxweb/sv/ssd/START__UF__UF0506/'
			};
			expect(
				(await erik.call('PUT', `/api/admin/indicators/${headline.id}`, { body: linked })).status
			).toBe(403);
			expect(
				(await anna.call('PUT', `/api/admin/indicators/${headline.id}`, { body: linked })).status
			).toBe(200);
			expect((await reference()).indicators.find((i) => i.id === headline.id)?.sourceUrl).toBe(
				linked.sourceUrl
			);
		});

		test('the last admin of a grouping cannot remove their own admin role', async () => {
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
				await anna.call('DELETE', '/api/admin/roles', {
					body: { userId: annaId, assignment: admin }
				})
			).toMatchObject({
				status: 409,
				body: {
					error:
						'Akademi Norr måste ha minst en administratör. Utse en ny innan du tar bort den sista.'
				}
			});
			// With a second admin again, Anna may step down.
			expect(
				(await anna.call('PUT', '/api/admin/roles', { body: { userId: adaId, assignment: admin } }))
					.status
			).toBe(200);
			expect(
				(
					await anna.call('DELETE', '/api/admin/roles', {
						body: { userId: annaId, assignment: admin }
					})
				).status
			).toBe(200);
		});
	});
}
