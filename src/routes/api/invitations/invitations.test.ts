import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	InvitationCreated,
	InvitationInfo,
	InvitationList,
	SessionInfo
} from '$lib/domain/access/auth';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { invitations } from '$lib/server/db/schema';
import { createInvitation } from '$lib/server/auth/invitations';
import { findUserByEmail } from '$lib/server/auth/users';
import { AdminLog } from '$lib/domain/plan/admin-log';
import { TestBrowser, callApi } from '$lib/server/testing/api-client';
import { addUser, DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';

/** An admin invites; the invited person opens the link, sets a password and is signed in. */

let server: OpenedDatabase;
const anna = new TestBrowser('192.0.2.60');

beforeAll(async () => {
	server = await openDemoServer();
	await addUser(server.db, 'ulla.admin@umearegionen.example', 'Ulla Umeå', [
		{ organisationId: 'umearegionen', role: 'admin' }
	]);
	expect((await anna.signIn(DEMO.admin, DEMO_PASSWORD)).status).toBe(200);
}, 60_000);
afterAll(async () => server?.close());

async function invite(body: unknown) {
	return anna.call('POST', '/api/invitations', { body });
}

function tokenOf(url: string): string {
	return url.replace('/inbjudan/', '');
}

describe('an invitation to a new user', () => {
	let token: string;

	test('an admin gets a link valid for 7 days; only the token hash is stored', async () => {
		const reply = await invite({
			email: 'Stina.Storuman@Example.se',
			name: 'Stina Sundin',
			assignment: {
				organisationId: 'akademi-norr',
				role: 'reporter',
				municipalityId: 'kommun-2421'
			}
		});
		expect(reply.status).toBe(201);
		const created = InvitationCreated.parse(reply.body);
		expect(created.url).toMatch(/^\/inbjudan\/[A-Za-z0-9_-]{43}$/);
		const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(6.99);
		expect(days).toBeLessThanOrEqual(7);
		token = tokenOf(created.url);
		expect(JSON.stringify(await server.db.select().from(invitations))).not.toContain(token);
	});

	test('anyone holding the link sees what it is for', async () => {
		const reply = await callApi('GET', `/api/invitations/${token}`);
		expect(reply.status).toBe(200);
		expect(InvitationInfo.parse(reply.body)).toEqual({
			email: 'stina.storuman@example.se',
			name: 'Stina Sundin',
			organisationName: 'Akademi Norr',
			role: 'reporter',
			municipalityName: 'Storuman',
			existingUser: false
		});
	});

	test('accepting with a short password is refused and changes nothing', async () => {
		const reply = await callApi('POST', `/api/invitations/${token}`, {
			body: { password: 'kort' }
		});
		expect(reply).toMatchObject({
			status: 400,
			body: { error: expect.any(String), issues: [expect.stringContaining('10 tecken')] }
		});
		expect(await findUserByEmail(server.db, 'stina.storuman@example.se')).toBeUndefined();
	});

	test('accepting creates the user with that password and signs them in; the link then is used up', async () => {
		const browser = new TestBrowser('192.0.2.61');
		const reply = await browser.call('POST', `/api/invitations/${token}`, {
			body: { password: 'stinas-eget-losenord', name: 'Stina S.' }
		});
		expect(reply.status).toBe(200);
		expect(SessionInfo.parse(reply.body)).toMatchObject({
			user: { email: 'stina.storuman@example.se', name: 'Stina S.' },
			roles: [{ organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2421' }]
		});
		expect(reply.setCookies[0]).toMatch(/^lagesbild_session=.+HttpOnly; SameSite=Lax$/);
		expect((await browser.call('GET', '/api/auth/me')).status).toBe(200);
		expect(
			(
				await new TestBrowser('192.0.2.62').signIn(
					'stina.storuman@example.se',
					'stinas-eget-losenord'
				)
			).status
		).toBe(200);

		expect((await callApi('GET', `/api/invitations/${token}`)).status).toBe(410);
		expect(
			(
				await callApi('POST', `/api/invitations/${token}`, {
					body: { password: 'ett-annat-losenord' }
				})
			).status
		).toBe(410);
	});
});

describe('an invitation to someone who already has an account', () => {
	let token: string;

	beforeAll(async () => {
		const reply = await invite({
			email: 'ulla.admin@umearegionen.example',
			name: 'Ulla',
			assignment: { organisationId: 'akademi-norr', role: 'viewer' }
		});
		token = tokenOf(InvitationCreated.parse(reply.body).url);
	});

	test('says so, and does not let the link holder set a new password', async () => {
		expect((await callApi('GET', `/api/invitations/${token}`)).body).toMatchObject({
			existingUser: true
		});
		const takeover = await callApi('POST', `/api/invitations/${token}`, {
			body: { password: 'inkraktarens-losenord' },
			ip: '192.0.2.63'
		});
		expect(takeover.status).toBe(401);
		expect(takeover.setCookies).toEqual([]);
		expect(
			(
				await new TestBrowser('192.0.2.64').signIn(
					'ulla.admin@umearegionen.example',
					'inkraktarens-losenord'
				)
			).status
		).toBe(401);
	});

	test('with the current password the role is added beside the ones the user has', async () => {
		const reply = await callApi('POST', `/api/invitations/${token}`, {
			body: { password: DEMO_PASSWORD },
			ip: '192.0.2.65'
		});
		expect(reply.status).toBe(200);
		expect(SessionInfo.parse(reply.body).roles).toEqual([
			{ organisationId: 'umearegionen', role: 'admin' },
			{ organisationId: 'akademi-norr', role: 'viewer' }
		]);
	});
});

describe('two invitations to one new address, accepted at the same moment', () => {
	test('make one account; the other answer is 409 and sets no password', async () => {
		const body = (role: string) => ({
			email: 'samtidig@example.se',
			name: 'Samtidig',
			assignment: { organisationId: 'akademi-norr', role }
		});
		const first = tokenOf(InvitationCreated.parse((await invite(body('viewer'))).body).url);
		const second = tokenOf(InvitationCreated.parse((await invite(body('editor'))).body).url);
		const replies = await Promise.all([
			callApi('POST', `/api/invitations/${first}`, {
				body: { password: 'forsta-losenordet' },
				ip: '192.0.2.66'
			}),
			callApi('POST', `/api/invitations/${second}`, {
				body: { password: 'andra-losenordet' },
				ip: '192.0.2.67'
			})
		]);
		expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
		const winner = replies[0].status === 200 ? 'forsta-losenordet' : 'andra-losenordet';
		expect((await new TestBrowser('192.0.2.68').signIn('samtidig@example.se', winner)).status).toBe(
			200
		);
	});
});

describe('refused invitations', () => {
	test('unknown, malformed and expired links are 404, 404 and 410', async () => {
		expect((await callApi('GET', `/api/invitations/${'A'.repeat(43)}`)).status).toBe(404);
		expect((await callApi('GET', '/api/invitations/inte-en-token')).status).toBe(404);
		const old = await createInvitation(
			server.db,
			{
				user: (await findUserByEmail(server.db, DEMO.admin))!,
				roles: [{ organisationId: 'akademi-norr', role: 'admin' }]
			},
			{
				email: 'sen@example.se',
				name: 'Sen',
				assignment: { organisationId: 'akademi-norr', role: 'viewer' }
			},
			new Date(Date.now() - 8 * 86_400_000)
		);
		const token = tokenOf((old.body as { url: string }).url);
		expect(await callApi('GET', `/api/invitations/${token}`)).toMatchObject({
			status: 410,
			body: { error: 'Inbjudan har gått ut. Be administratören om en ny.' }
		});
		expect(
			(
				await callApi('POST', `/api/invitations/${token}`, {
					body: { password: 'ett-bra-losenord' }
				})
			).status
		).toBe(410);
	});

	test('an admin cannot invite to another grouping, nor a reporter for a municipality outside the grouping', async () => {
		const before = await server.db.select().from(invitations);
		expect(
			(
				await invite({
					email: 'x@example.se',
					name: 'X',
					assignment: { organisationId: 'umearegionen', role: 'viewer' }
				})
			).status
		).toBe(403);
		expect(
			await invite({
				email: 'x@example.se',
				name: 'X',
				assignment: {
					organisationId: 'akademi-norr',
					role: 'reporter',
					municipalityId: 'kommun-2480'
				}
			})
		).toMatchObject({
			status: 400,
			body: { error: 'Umeå är inte medlem i Akademi Norr.' }
		});
		expect(
			(
				await invite({
					email: 'x@example.se',
					name: 'X',
					assignment: { organisationId: 'akademi-norr', role: 'reporter' }
				})
			).status
		).toBe(400);
		expect(
			(
				await invite({
					email: 'inte en adress',
					name: 'X',
					assignment: { organisationId: 'akademi-norr', role: 'viewer' }
				})
			).status
		).toBe(400);
		expect(await server.db.select().from(invitations)).toEqual(before);
	});
});

describe('an invitation from a former admin', () => {
	test('is refused once its inviter is no longer an admin of the grouping, and shows as void', async () => {
		const ids = await Promise.all([
			addUser(server.db, 'tidigare.admin@akademinorr.example', 'Tidigare Admin', [
				{ organisationId: 'akademi-norr', role: 'admin' }
			]),
			addUser(server.db, 'kvar.admin@akademinorr.example', 'Kvar Admin', [
				{ organisationId: 'akademi-norr', role: 'admin' }
			])
		]);
		const former = new TestBrowser('192.0.2.140');
		expect((await former.signIn('tidigare.admin@akademinorr.example', DEMO_PASSWORD)).status).toBe(
			200
		);
		const made = await former.call('POST', '/api/invitations', {
			body: {
				email: 'via.tidigare@example.se',
				name: 'Via Tidigare',
				assignment: { organisationId: 'akademi-norr', role: 'editor' }
			}
		});
		const token = tokenOf(InvitationCreated.parse(made.body).url);
		expect((await callApi('GET', `/api/invitations/${token}`)).status).toBe(200);

		// Another admin takes the role away from the one who invited.
		const kept = new TestBrowser('192.0.2.141');
		await kept.signIn('kvar.admin@akademinorr.example', DEMO_PASSWORD);
		expect(
			(
				await kept.call('DELETE', '/api/admin/roles', {
					body: { userId: ids[0], assignment: { organisationId: 'akademi-norr', role: 'admin' } }
				})
			).status
		).toBe(200);

		expect(await callApi('GET', `/api/invitations/${token}`)).toMatchObject({
			status: 410,
			body: { error: expect.stringContaining('inte längre administratör') }
		});
		const accepted = await callApi('POST', `/api/invitations/${token}`, {
			body: { password: 'ett-bra-losenord' },
			ip: '192.0.2.142'
		});
		expect(accepted.status).toBe(410);
		expect(await findUserByEmail(server.db, 'via.tidigare@example.se')).toBeUndefined();
		const listed = InvitationList.parse(
			(await kept.call('GET', '/api/invitations?organisation=akademi-norr')).body
		).invitations;
		expect(listed.find((i) => i.email === 'via.tidigare@example.se')).toMatchObject({
			state: 'void',
			invitedBy: { name: 'Tidigare Admin', email: 'tidigare.admin@akademinorr.example' }
		});
	});
});

describe('listing and revoking invitations', () => {
	test("an admin lists the grouping's invitations, newest first, with ids and states and never a token", async () => {
		const made = await invite({
			email: 'lista@example.se',
			name: 'Lista Listsson',
			assignment: {
				organisationId: 'akademi-norr',
				role: 'reporter',
				municipalityId: 'kommun-2425'
			}
		});
		const token = tokenOf(InvitationCreated.parse(made.body).url);
		const reply = await anna.call('GET', '/api/invitations?organisation=akademi-norr');
		expect(reply.status).toBe(200);
		const listed = InvitationList.parse(reply.body).invitations;
		expect(listed[0]).toEqual({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			email: 'lista@example.se',
			name: 'Lista Listsson',
			assignment: {
				organisationId: 'akademi-norr',
				role: 'reporter',
				municipalityId: 'kommun-2425'
			},
			invitedBy: { name: 'Anna Andersson', email: DEMO.admin },
			createdAt: expect.any(String),
			expiresAt: expect.any(String),
			state: 'pending'
		});
		const states = new Set(listed.map((i) => i.state));
		for (const state of ['pending', 'accepted', 'expired'] as const)
			expect(states.has(state), state).toBe(true);
		expect(listed.map((i) => i.createdAt)).toEqual(
			listed
				.map((i) => i.createdAt)
				.sort()
				.reverse()
		);
		// No token, no hash of one, no other grouping's invitations.
		const stored = await server.db.select().from(invitations);
		for (const secret of [token, ...stored.map((i) => i.tokenHash)])
			expect(JSON.stringify(reply.body)).not.toContain(secret);
		expect(listed.every((i) => i.assignment.organisationId === 'akademi-norr')).toBe(true);
	});

	test('revoking makes the link stop working; revoking again changes nothing; a used one cannot be revoked', async () => {
		const made = await invite({
			email: 'aterkallad@example.se',
			name: 'Åter Kallad',
			assignment: { organisationId: 'akademi-norr', role: 'viewer' }
		});
		const token = tokenOf(InvitationCreated.parse(made.body).url);
		const listed = () =>
			anna
				.call('GET', '/api/invitations?organisation=akademi-norr')
				.then((r) => InvitationList.parse(r.body).invitations);
		const { id } = (await listed()).find((i) => i.email === 'aterkallad@example.se')!;
		expect((await anna.call('DELETE', `/api/invitations/id/${id}`)).status).toBe(204);
		expect(await callApi('GET', `/api/invitations/${token}`)).toMatchObject({
			status: 410,
			body: { error: expect.stringContaining('återkallats') }
		});
		expect(
			(
				await callApi('POST', `/api/invitations/${token}`, {
					body: { password: 'ett-bra-losenord' },
					ip: '192.0.2.143'
				})
			).status
		).toBe(410);
		expect((await listed()).find((i) => i.id === id)!.state).toBe('revoked');
		expect((await anna.call('DELETE', `/api/invitations/id/${id}`)).status).toBe(204);
		const used = (await listed()).find((i) => i.state === 'accepted')!;
		expect(await anna.call('DELETE', `/api/invitations/id/${used.id}`)).toMatchObject({
			status: 409,
			body: { error: expect.any(String) }
		});
		expect(
			(await anna.call('DELETE', '/api/invitations/id/00000000-0000-0000-0000-000000000000')).status
		).toBe(404);
	});

	test("others may neither list nor revoke a grouping's invitations", async () => {
		await invite({
			email: 'orord@example.se',
			name: 'Orörd',
			assignment: { organisationId: 'akademi-norr', role: 'viewer' }
		});
		const { id } = InvitationList.parse(
			(await anna.call('GET', '/api/invitations?organisation=akademi-norr')).body
		).invitations[0];
		for (const email of [
			DEMO.editor,
			DEMO.reporter,
			DEMO.viewer,
			'ulla.admin@umearegionen.example'
		]) {
			const browser = new TestBrowser('192.0.2.144');
			expect((await browser.signIn(email, DEMO_PASSWORD)).status).toBe(200);
			expect(
				(await browser.call('GET', '/api/invitations?organisation=akademi-norr')).status,
				email
			).toBe(403);
			expect((await browser.call('DELETE', `/api/invitations/id/${id}`)).status, email).toBe(403);
		}
		expect((await anna.call('GET', '/api/invitations')).status).toBe(400);
		expect(
			InvitationList.parse(
				(await anna.call('GET', '/api/invitations?organisation=akademi-norr')).body
			).invitations[0]
		).toMatchObject({ id, state: 'pending' });
	});
});

describe('the change log', () => {
	test("inviting, accepting, revoking and changing roles go into the grouping's change log, once each", async () => {
		const log = async () =>
			AdminLog.parse((await anna.call('GET', '/api/admin/log?organisation=akademi-norr')).body)
				.entries;
		const before = (await log()).length;
		const made = await invite({
			email: 'loggad@example.se',
			name: 'Logg Loggsson',
			assignment: {
				organisationId: 'akademi-norr',
				role: 'reporter',
				municipalityId: 'kommun-2425'
			}
		});
		const token = tokenOf(InvitationCreated.parse(made.body).url);
		expect(
			(
				await callApi('POST', `/api/invitations/${token}`, {
					body: { password: 'ett-bra-losenord' },
					ip: '192.0.2.144'
				})
			).status
		).toBe(200);
		const userId = (await findUserByEmail(server.db, 'loggad@example.se'))!.id;
		const viewer = { organisationId: 'akademi-norr', role: 'viewer' };
		expect(
			(await anna.call('PUT', '/api/admin/roles', { body: { userId, assignment: viewer } })).status
		).toBe(200);
		// Giving a role the user already has changes nothing, and logs nothing.
		expect(
			(await anna.call('PUT', '/api/admin/roles', { body: { userId, assignment: viewer } })).status
		).toBe(200);
		expect(
			(await anna.call('DELETE', '/api/admin/roles', { body: { userId, assignment: viewer } }))
				.status
		).toBe(200);
		const other = await invite({
			email: 'aldrig@example.se',
			name: 'Aldrig Använd',
			assignment: viewer
		});
		const { id } = InvitationList.parse(
			(await anna.call('GET', '/api/invitations?organisation=akademi-norr')).body
		).invitations.find((i) => i.email === 'aldrig@example.se')!;
		expect(other.status).toBe(201);
		expect((await anna.call('DELETE', `/api/invitations/id/${id}`)).status).toBe(204);
		expect((await anna.call('DELETE', `/api/invitations/id/${id}`)).status).toBe(204);

		const added = (await log()).slice(0, (await log()).length - before);
		expect(added.map((e) => [e.userName, e.entity, e.action, e.summary]).reverse()).toEqual([
			[
				'Anna Andersson',
				'invitation',
				'create',
				'Bjöd in Logg Loggsson (loggad@example.se) som rapportör för Dorotea.'
			],
			[
				'Logg Loggsson',
				'invitation',
				'update',
				'Logg Loggsson (loggad@example.se) tog emot inbjudan och blev rapportör för Dorotea.'
			],
			['Anna Andersson', 'role', 'create', 'Gav Logg Loggsson (loggad@example.se) rollen läsare.'],
			[
				'Anna Andersson',
				'role',
				'delete',
				'Tog bort rollen läsare från Logg Loggsson (loggad@example.se).'
			],
			[
				'Anna Andersson',
				'invitation',
				'create',
				'Bjöd in Aldrig Använd (aldrig@example.se) som läsare.'
			],
			[
				'Anna Andersson',
				'invitation',
				'delete',
				'Återkallade inbjudan till Aldrig Använd (aldrig@example.se).'
			]
		]);
	});
});
