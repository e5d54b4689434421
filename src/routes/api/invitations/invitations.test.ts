import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InvitationCreated, InvitationInfo, SessionInfo } from '$lib/domain/auth';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { invitations } from '$lib/server/db/schema';
import { createInvitation } from '$lib/server/auth/invitations';
import { findUserByEmail } from '$lib/server/auth/users';
import { TestBrowser, callApi } from '$lib/server/testing/api-client';
import { addUser, DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';

/** An admin invites; the invited person opens the link, sets a password and is signed in. */

let server: OpenedDatabase;
const anna = new TestBrowser('192.0.2.60');

beforeAll(async () => {
	server = await openDemoServer();
	await addUser(server.db, 'ulla.admin@umearegionen.example', 'Ulla Umeå', [{ organisationId: 'umearegionen', role: 'admin' }]);
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
		const reply = await invite({ email: 'Stina.Storuman@Example.se', name: 'Stina Sundin', assignment: { organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2421' } });
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
		const reply = await callApi('POST', `/api/invitations/${token}`, { body: { password: 'kort' } });
		expect(reply).toMatchObject({ status: 400, body: { error: expect.any(String), issues: [expect.stringContaining('10 tecken')] } });
		expect(await findUserByEmail(server.db, 'stina.storuman@example.se')).toBeUndefined();
	});

	test('accepting creates the user with that password and signs them in; the link then is used up', async () => {
		const browser = new TestBrowser('192.0.2.61');
		const reply = await browser.call('POST', `/api/invitations/${token}`, { body: { password: 'stinas-eget-losenord', name: 'Stina S.' } });
		expect(reply.status).toBe(200);
		expect(SessionInfo.parse(reply.body)).toMatchObject({
			user: { email: 'stina.storuman@example.se', name: 'Stina S.' },
			roles: [{ organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2421' }]
		});
		expect(reply.setCookies[0]).toMatch(/^lagesbild_session=.+HttpOnly; SameSite=Lax$/);
		expect((await browser.call('GET', '/api/auth/me')).status).toBe(200);
		expect((await new TestBrowser('192.0.2.62').signIn('stina.storuman@example.se', 'stinas-eget-losenord')).status).toBe(200);

		expect((await callApi('GET', `/api/invitations/${token}`)).status).toBe(410);
		expect((await callApi('POST', `/api/invitations/${token}`, { body: { password: 'ett-annat-losenord' } })).status).toBe(410);
	});
});

describe('an invitation to someone who already has an account', () => {
	let token: string;

	beforeAll(async () => {
		const reply = await invite({ email: 'ulla.admin@umearegionen.example', name: 'Ulla', assignment: { organisationId: 'akademi-norr', role: 'viewer' } });
		token = tokenOf(InvitationCreated.parse(reply.body).url);
	});

	test('says so, and does not let the link holder set a new password', async () => {
		expect((await callApi('GET', `/api/invitations/${token}`)).body).toMatchObject({ existingUser: true });
		const takeover = await callApi('POST', `/api/invitations/${token}`, { body: { password: 'inkraktarens-losenord' }, ip: '192.0.2.63' });
		expect(takeover.status).toBe(401);
		expect(takeover.setCookies).toEqual([]);
		expect((await new TestBrowser('192.0.2.64').signIn('ulla.admin@umearegionen.example', 'inkraktarens-losenord')).status).toBe(401);
	});

	test('with the current password the role is added beside the ones the user has', async () => {
		const reply = await callApi('POST', `/api/invitations/${token}`, { body: { password: DEMO_PASSWORD }, ip: '192.0.2.65' });
		expect(reply.status).toBe(200);
		expect(SessionInfo.parse(reply.body).roles).toEqual([
			{ organisationId: 'umearegionen', role: 'admin' },
			{ organisationId: 'akademi-norr', role: 'viewer' }
		]);
	});
});

describe('two invitations to one new address, accepted at the same moment', () => {
	test('make one account; the other answer is 409 and sets no password', async () => {
		const body = (role: string) => ({ email: 'samtidig@example.se', name: 'Samtidig', assignment: { organisationId: 'akademi-norr', role } });
		const first = tokenOf(InvitationCreated.parse((await invite(body('viewer'))).body).url);
		const second = tokenOf(InvitationCreated.parse((await invite(body('editor'))).body).url);
		const replies = await Promise.all([
			callApi('POST', `/api/invitations/${first}`, { body: { password: 'forsta-losenordet' }, ip: '192.0.2.66' }),
			callApi('POST', `/api/invitations/${second}`, { body: { password: 'andra-losenordet' }, ip: '192.0.2.67' })
		]);
		expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
		const winner = replies[0].status === 200 ? 'forsta-losenordet' : 'andra-losenordet';
		expect((await new TestBrowser('192.0.2.68').signIn('samtidig@example.se', winner)).status).toBe(200);
	});
});

describe('refused invitations', () => {
	test('unknown, malformed and expired links are 404, 404 and 410', async () => {
		expect((await callApi('GET', `/api/invitations/${'A'.repeat(43)}`)).status).toBe(404);
		expect((await callApi('GET', '/api/invitations/inte-en-token')).status).toBe(404);
		const old = await createInvitation(server.db, { id: (await findUserByEmail(server.db, DEMO.admin))!.id, roles: [{ organisationId: 'akademi-norr', role: 'admin' }] }, { email: 'sen@example.se', name: 'Sen', assignment: { organisationId: 'akademi-norr', role: 'viewer' } }, new Date(Date.now() - 8 * 86_400_000));
		const token = tokenOf((old.body as { url: string }).url);
		expect(await callApi('GET', `/api/invitations/${token}`)).toMatchObject({ status: 410, body: { error: 'Inbjudan har gått ut. Be administratören om en ny.' } });
		expect((await callApi('POST', `/api/invitations/${token}`, { body: { password: 'ett-bra-losenord' } })).status).toBe(410);
	});

	test('an admin cannot invite to another grouping, nor a reporter for a municipality outside the grouping', async () => {
		const before = await server.db.select().from(invitations);
		expect((await invite({ email: 'x@example.se', name: 'X', assignment: { organisationId: 'umearegionen', role: 'viewer' } })).status).toBe(403);
		expect(await invite({ email: 'x@example.se', name: 'X', assignment: { organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2480' } })).toMatchObject({
			status: 400,
			body: { error: 'Umeå är inte medlem i Akademi Norr.' }
		});
		expect((await invite({ email: 'x@example.se', name: 'X', assignment: { organisationId: 'akademi-norr', role: 'reporter' } })).status).toBe(400);
		expect((await invite({ email: 'inte en adress', name: 'X', assignment: { organisationId: 'akademi-norr', role: 'viewer' } })).status).toBe(400);
		expect(await server.db.select().from(invitations)).toEqual(before);
	});
});
