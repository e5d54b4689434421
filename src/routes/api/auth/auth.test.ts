import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionInfo, LoginThrottled } from '$lib/domain/access/auth';
import { buildDemoData } from '$lib/seed/demo-data';
import { openDatabase, type OpenedDatabase } from '$lib/server/db/connection';
import { seedEverything } from '$lib/server/db/seed-all';
import { loginThrottle, sessions, users } from '$lib/server/db/schema';
import { useDatabase } from '$lib/server/database';
import { digestDatabase } from '$lib/server/db/test-support';
import { hashToken } from '$lib/server/auth/tokens';
import { API_ROUTES, TestBrowser, callApi } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';

/** Sign-in, the session cookie, sign-out, the brute-force brake and the guard on every API route. */

let server: OpenedDatabase;
beforeAll(async () => {
	server = await openDemoServer();
}, 60_000);
afterAll(async () => server?.close());

function attributesOf(setCookie: string): Map<string, string> {
	const [, ...parts] = setCookie.split(';').map((p) => p.trim());
	return new Map(parts.map((p) => [p.split('=')[0].toLowerCase(), p.split('=')[1] ?? '']));
}

describe('signing in', () => {
	test('answers SessionInfo with the roles, and sets an HttpOnly, SameSite=Lax, 30-day cookie on Path=/ (not Secure over http)', async () => {
		const browser = new TestBrowser('192.0.2.20');
		const reply = await browser.signIn('  Dora.Rapportor@AkademiNorr.example ', DEMO_PASSWORD);
		expect(reply.status).toBe(200);
		expect(SessionInfo.parse(reply.body)).toMatchObject({
			user: { email: DEMO.reporter, name: 'Dora Dahlberg' },
			roles: [{ organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2425' }]
		});
		expect(reply.setCookies).toHaveLength(1);
		const [cookie] = reply.setCookies;
		expect(cookie).toMatch(/^lagesbild_session=[A-Za-z0-9_-]{43};/);
		const attributes = attributesOf(cookie);
		expect(attributes.has('httponly')).toBe(true);
		expect(attributes.get('samesite')).toBe('Lax');
		expect(attributes.get('path')).toBe('/');
		expect(attributes.get('max-age')).toBe(String(30 * 24 * 60 * 60));
		expect(attributes.has('secure')).toBe(false);
		expect((await browser.call('GET', '/api/auth/me')).body).toEqual(reply.body);
	});

	test('over https the cookie is also Secure, and HSTS is sent', async () => {
		const browser = new TestBrowser('192.0.2.21', true);
		const reply = await browser.signIn(DEMO.viewer, DEMO_PASSWORD);
		expect(reply.status).toBe(200);
		expect(attributesOf(reply.setCookies[0]).has('secure')).toBe(true);
		expect(reply.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
	});

	test('keeps only the SHA-256 of the session token in the database', async () => {
		const browser = new TestBrowser('192.0.2.22');
		await browser.signIn(DEMO.editor, DEMO_PASSWORD);
		const stored = await server.db.select().from(sessions);
		expect(stored.map((s) => s.tokenHash)).toContain(hashToken(browser.cookie!));
		expect(JSON.stringify(stored)).not.toContain(browser.cookie!);
	});

	test('a wrong password and an unknown address get the same 401 and message', async () => {
		const wrong = await callApi('POST', '/api/auth/login', {
			body: { email: DEMO.admin, password: 'fel-losenord' },
			ip: '192.0.2.23'
		});
		const unknown = await callApi('POST', '/api/auth/login', {
			body: { email: 'ingen@example.se', password: 'fel-losenord' },
			ip: '192.0.2.23'
		});
		for (const reply of [wrong, unknown]) {
			expect(reply.status).toBe(401);
			expect(reply.body).toEqual({ error: 'Fel e-postadress eller lösenord.' });
			expect(reply.setCookies).toEqual([]);
		}
	});

	test('a malformed body is a 400 with a Swedish message, never a 500', async () => {
		const bodies: unknown[] = [
			'',
			'{',
			'null',
			[],
			{ email: 'inte-en-adress', password: 'x' },
			{ email: DEMO.admin },
			{ email: DEMO.admin, password: 'x', extra: 1 },
			{ email: DEMO.admin, password: 'a\u0000b' }
		];
		for (const body of bodies) {
			const reply = await callApi('POST', '/api/auth/login', {
				body: typeof body === 'string' ? body : JSON.stringify(body),
				ip: '192.0.2.24'
			});
			expect(reply.status, JSON.stringify(body)).toBe(400);
			expect((reply.body as { error: string }).error.length).toBeGreaterThan(0);
		}
	});

	test('stores passwords only as scrypt hashes: the demo password appears nowhere in the database', async () => {
		const stored = await server.db
			.select({ email: users.email, passwordHash: users.passwordHash })
			.from(users);
		expect(stored.length).toBeGreaterThanOrEqual(5);
		// At the unit tests' lowered cost (vite.config.ts); password.test.ts checks the real one.
		for (const user of stored)
			expect(user.passwordHash).toMatch(
				/^scrypt\$\d+\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/
			);
		// Per-user salt: the same password, different hashes.
		expect(new Set(stored.map((u) => u.passwordHash)).size).toBe(stored.length);
		const everything = JSON.stringify(
			await server.db.execute('select * from users, user_roles' as never)
		);
		expect(everything).not.toContain(DEMO_PASSWORD);
	});
});

describe('signing out', () => {
	test('deletes the session on the server: the old cookie no longer works, even if kept', async () => {
		const browser = new TestBrowser('192.0.2.30');
		await browser.signIn(DEMO.editor, DEMO_PASSWORD);
		const token = browser.cookie!;
		expect((await browser.call('GET', '/api/auth/me')).status).toBe(200);
		const reply = await browser.call('POST', '/api/auth/logout');
		expect(reply.status).toBe(204);
		expect(reply.setCookies).toHaveLength(1);
		expect(attributesOf(reply.setCookies[0]).get('max-age')).toBe('0');
		expect(browser.cookie).toBeUndefined();
		expect(await server.db.select().from(sessions)).not.toContainEqual(
			expect.objectContaining({ tokenHash: hashToken(token) })
		);
		// Someone who copied the cookie before sign-out gets nothing.
		const replayed = await callApi('GET', '/api/auth/me', { cookie: `lagesbild_session=${token}` });
		expect(replayed.status).toBe(401);
		expect(replayed.setCookies[0]).toMatch(/^lagesbild_session=; Max-Age=0/);
	});
});

describe('every API route', () => {
	const PUBLIC = new Set([
		'POST /api/auth/login',
		'GET /api/health',
		'GET /api/invitations/[token]',
		'POST /api/invitations/[token]'
	]);
	const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

	test('answers 401 with a Swedish message to anonymous callers, except sign-in and invitations', async () => {
		const before = await digestDatabase(server.db);
		let checked = 0;
		for (const route of API_ROUTES) {
			const path = route.id.replace(/\[entity\]/, 'goals').replace(/\[[^\]]+\]/g, 'x');
			for (const method of METHODS) {
				if (PUBLIC.has(`${method} ${route.id}`)) continue;
				const reply = await callApi(method, path, {
					body: method === 'GET' ? undefined : { anything: true }
				});
				expect(reply.status, `${method} ${path}`).toBe(401);
				expect(reply.body).toEqual({ error: 'Du är inte inloggad. Logga in och försök igen.' });
				checked++;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(50);
		expect(await digestDatabase(server.db)).toBe(before);
	});

	test('the health check answers anyone, and says nothing but that the server and its database answer', async () => {
		expect(await callApi('GET', '/api/health')).toMatchObject({
			status: 200,
			body: { status: 'ok' }
		});
	});

	test('a method a route does not offer is 405 in Swedish; an unknown API path is 404', async () => {
		const browser = new TestBrowser('192.0.2.31');
		await browser.signIn(DEMO.viewer, DEMO_PASSWORD);
		expect(await browser.call('GET', '/api/sync')).toMatchObject({
			status: 405,
			body: { error: 'Metoden GET stöds inte här.' }
		});
		expect(await browser.call('GET', '/api/finns-inte')).toMatchObject({
			status: 404,
			body: { error: expect.any(String) }
		});
	});

	test('refuses writes from another site (Origin), and carries the security headers', async () => {
		const reply = await callApi('POST', '/api/auth/login', {
			body: { email: DEMO.admin, password: DEMO_PASSWORD },
			headers: { origin: 'https://elak.example' }
		});
		expect(reply.status).toBe(403);
		expect(reply.setCookies).toEqual([]);
		const fetchedCrossSite = await callApi('POST', '/api/auth/login', {
			body: { email: DEMO.admin, password: DEMO_PASSWORD },
			headers: { 'sec-fetch-site': 'cross-site' }
		});
		expect(fetchedCrossSite.status).toBe(403);
		expect(
			(
				await callApi('POST', '/api/auth/login', {
					body: { email: DEMO.admin, password: DEMO_PASSWORD },
					headers: { origin: 'null' }
				})
			).status
		).toBe(403);
		const same = await callApi('POST', '/api/auth/login', {
			body: { email: DEMO.admin, password: DEMO_PASSWORD },
			headers: { origin: 'http://localhost' },
			ip: '192.0.2.32'
		});
		expect(same.status).toBe(200);
		// adapter-node without ORIGIN takes requests for https; a browser on http on the same host is still same-site.
		const https = await callApi('POST', '/api/auth/login', {
			body: { email: DEMO.admin, password: DEMO_PASSWORD },
			headers: { origin: 'http://lagesbild.example' },
			https: true,
			ip: '192.0.2.33'
		});
		expect(https.status).toBe(200);
		// What a plain HTML form on another site can send, to any path: refused in Swedish JSON, as is such a form without an Origin.
		for (const [path, headers] of [
			['/api/sync', { origin: 'https://elak.example', 'content-type': 'text/plain' }],
			[
				'/',
				{ origin: 'https://elak.example', 'content-type': 'application/x-www-form-urlencoded' }
			],
			['/api/auth/logout', { 'content-type': 'multipart/form-data; boundary=x' }]
		] as const) {
			const form = await callApi('POST', path, { body: 'a=1', headers });
			expect(form.status, path).toBe(403);
			expect(form.headers.get('content-type')).toBe('application/json');
			expect(form.body).toEqual({ error: 'Anrop från en annan webbplats tas inte emot.' });
		}
		for (const r of [reply, same, await callApi('GET', '/inte-api')]) {
			expect(r.headers.get('x-content-type-options')).toBe('nosniff');
			expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(r.headers.get('x-frame-options')).toBe('DENY');
			expect(r.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
			expect(r.headers.get('strict-transport-security')).toBeNull();
		}
	});
});

describe('the brute-force brake', () => {
	test('after 5 failures for one address: 429 with Retry-After, even with the right password; other addresses are not affected', async () => {
		const ip = '192.0.2.40';
		const attempt = (email: string, password: string) =>
			callApi('POST', '/api/auth/login', { body: { email, password }, ip });
		for (let i = 1; i <= 4; i++) expect((await attempt(DEMO.viewer, `fel-${i}`)).status).toBe(401);
		const fifth = await attempt(DEMO.viewer, 'fel-5');
		expect(fifth.status).toBe(429);
		const body = LoginThrottled.parse(fifth.body);
		expect(body.retryAfterSeconds).toBe(60);
		expect(fifth.headers.get('retry-after')).toBe('60');
		expect(body.error).toBe('För många misslyckade inloggningsförsök. Försök igen om 1 minut.');
		const right = await attempt(DEMO.viewer, DEMO_PASSWORD);
		expect(right.status).toBe(429);
		expect(right.setCookies).toEqual([]);
		expect((await attempt(DEMO.editor, DEMO_PASSWORD)).status).toBe(200);
	});

	test('20 failures on unknown addresses from one IP do not block a known user there (everyone behind one proxy)', async () => {
		const ip = '192.0.2.41';
		for (let i = 0; i < 20; i++) {
			expect(
				(
					await callApi('POST', '/api/auth/login', {
						body: { email: `gissning${i}@example.se`, password: 'fel-losenord' },
						ip
					})
				).status
			).toBe(401);
		}
		expect(
			(
				await callApi('POST', '/api/auth/login', {
					body: { email: DEMO.admin, password: DEMO_PASSWORD },
					ip
				})
			).status
		).toBe(200);
	});

	test('a flood from one IP is answered 503 in Swedish beyond a few checks at a time, and does not hold up anyone else', async () => {
		const flood = Array.from({ length: 30 }, (_, i) =>
			callApi('POST', '/api/auth/login', {
				body: { email: `flod${i}@example.se`, password: 'fel-losenord' },
				ip: '198.51.100.30'
			})
		);
		const other = callApi('POST', '/api/auth/login', {
			body: { email: DEMO.viewer, password: DEMO_PASSWORD },
			ip: '198.51.100.31'
		});
		const replies = await Promise.all(flood);
		const busy = replies.filter((r) => r.status === 503);
		expect(busy.length).toBeGreaterThanOrEqual(30 - 8);
		expect(busy[0]).toMatchObject({
			body: { error: 'Servern tar emot många inloggningar just nu. Försök igen om en stund.' }
		});
		expect(busy[0].headers.get('retry-after')).toBe('5');
		expect(replies.filter((r) => r.status !== 503).every((r) => r.status === 401)).toBe(true);
		expect((await other).status).toBe(200);
	});

	test('an unknown address takes about as long as a known one with a wrong password', async () => {
		const times = { known: [] as number[], unknown: [] as number[] };
		for (let i = 0; i < 15; i++) {
			for (const kind of ['known', 'unknown'] as const) {
				const started = performance.now();
				const reply = await callApi('POST', '/api/auth/login', {
					body: {
						email: kind === 'known' ? DEMO.editor : `ingen${i}@example.se`,
						password: `fel-${i}`
					},
					ip: `192.0.2.${100 + i}`
				});
				times[kind].push(performance.now() - started);
				expect(reply.status).toBe(401);
			}
		}
		const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
		const ratio = median(times.unknown) / median(times.known);
		// A wide band for a busy machine; skipping the dummy hash for unknown addresses gives about 0.3.
		expect(
			ratio,
			JSON.stringify({ known: median(times.known), unknown: median(times.unknown) })
		).toBeGreaterThan(0.5);
		expect(ratio).toBeLessThan(2);
	});
});

describe('the lockout after a restart', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-lockout-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	test('is kept in the database, so restarting the server does not lift it', async () => {
		let opened = await openDatabase({ dataDir });
		await seedEverything(opened.db, buildDemoData(), { demoUsers: true });
		useDatabase(opened.db);
		for (let i = 0; i < 5; i++)
			await callApi('POST', '/api/auth/login', {
				body: { email: DEMO.admin, password: 'fel-losenord' },
				ip: '192.0.2.50'
			});
		expect(await opened.db.select().from(loginThrottle)).toContainEqual(
			expect.objectContaining({
				key: `address-ip:${DEMO.admin}|192.0.2.50`,
				failures: 5,
				lockedUntil: expect.any(Date)
			})
		);
		await opened.close();

		opened = await openDatabase({ dataDir });
		useDatabase(opened.db);
		try {
			const reply = await callApi('POST', '/api/auth/login', {
				body: { email: DEMO.admin, password: DEMO_PASSWORD },
				ip: '192.0.2.50'
			});
			expect(reply.status).toBe(429);
			expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
		} finally {
			useDatabase(server.db);
			await opened.close();
		}
	}, 60_000);
});
