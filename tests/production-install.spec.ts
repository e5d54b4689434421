import { test, expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * What the container image holds, without Docker: scripts/production-install.sh
 * (the Dockerfile's install step) puts the build and `npm ci --omit=dev` in a
 * folder of its own; the first admin is made there with `npm run create-admin`'s
 * script (no Vite), the server is started as the image starts it, and a person
 * signs in over HTTP. Then the same server behind a proxy: the proxy's
 * X-Forwarded-For counts only when ADDRESS_HEADER says to trust it.
 * No browser: plain HTTP, on a port of its own (E2E_PORT + 300).
 */

const PORT = Number(process.env.PRODUCTION_TEST_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 300);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'forsta.admin@kommun.example', password: 'ett-riktigt-losenord' };

type Server = { stop: () => Promise<number | null>; output: () => string };

function startServer(dir: string, env: Record<string, string>): Server {
	let output = '';
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		cwd: dir,
		env: {
			PATH: process.env.PATH ?? '',
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN: BASE,
			PGLITE_DATA_DIR: join(dir, 'data'),
			LAGESBILD_DEMO_USERS: 'false',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
	return {
		output: () => output,
		stop: async () => {
			child.kill('SIGTERM');
			return exited;
		}
	};
}

async function waitUntilHealthy(server: Server): Promise<void> {
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		const healthy = await fetch(`${BASE}/api/health`).then(
			(r) => r.ok,
			() => false
		);
		if (healthy) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`The server did not start:\n${server.output()}`);
}

function signIn(email: string, password: string, forwardedFor?: string) {
	return fetch(`${BASE}/api/auth/login`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: BASE,
			...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {})
		},
		body: JSON.stringify({ email, password })
	});
}

async function statusesOf(attempts: (() => Promise<Response>)[]): Promise<number[]> {
	const statuses: number[] = [];
	for (const attempt of attempts) statuses.push((await attempt()).status);
	return statuses;
}

test('a production install (npm ci --omit=dev of the build) starts, serves a sign-in, and trusts a proxy header only when told to', async () => {
	test.setTimeout(600_000);
	const dir = mkdtempSync(join(tmpdir(), 'lagesbild-produktion-'));
	try {
		execFileSync('bash', [resolve('scripts/production-install.sh'), dir], {
			stdio: 'pipe',
			timeout: 300_000
		});
		for (const runtime of ['@electric-sql/pglite', 'drizzle-orm', 'postgres'])
			expect(existsSync(join(dir, 'node_modules', runtime)), runtime).toBe(true);
		for (const dev of ['vite', 'svelte', '@sveltejs/kit', 'typescript', 'zod', 'dexie'])
			expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);
		expect(existsSync(join(dir, 'src'))).toBe(false);

		// The first admin, from the command line, with no Vite to load the sources: the bundled command.
		const created = execFileSync(
			process.execPath,
			[
				'scripts/create-admin.js',
				'--email',
				ADMIN.email,
				'--name',
				'Första Admin',
				'--organisation',
				'akademi-norr',
				'--password-stdin'
			],
			{
				cwd: dir,
				input: ADMIN.password,
				env: {
					PATH: process.env.PATH ?? '',
					PGLITE_DATA_DIR: join(dir, 'data'),
					LAGESBILD_DEMO_USERS: 'false'
				},
				timeout: 300_000
			}
		).toString();
		expect(created).toContain(`Skapade ${ADMIN.email} som administratör för akademi-norr.`);

		// ---- directly on the network: X-Forwarded-For is anyone's to write, so it is ignored
		let server = startServer(dir, {});
		await waitUntilHealthy(server);
		const start = await fetch(`${BASE}/`);
		expect(start.status).toBe(200);
		expect(start.headers.get('x-frame-options')).toBe('DENY');
		expect(start.headers.get('x-content-type-options')).toBe('nosniff');
		expect(start.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

		const signedIn = await signIn(ADMIN.email, ADMIN.password);
		expect(signedIn.status).toBe(200);
		const cookie = signedIn.headers.get('set-cookie')!.split(';')[0];
		const me = await fetch(`${BASE}/api/auth/me`, { headers: { cookie } });
		expect(await me.json()).toMatchObject({
			user: { email: ADMIN.email },
			roles: [{ organisationId: 'akademi-norr', role: 'admin' }]
		});
		// A real installation has no demo users.
		expect((await signIn('ada.admin@lagesbild.example', 'lagesbild-demo')).status).toBe(401);
		// SvelteKit's own CSRF check would answer this in English plain text.
		const crossSite = await fetch(`${BASE}/api/sync`, {
			method: 'POST',
			headers: { origin: 'https://elak.example', 'content-type': 'text/plain' },
			body: 'x'
		});
		expect(crossSite.status).toBe(403);
		expect(await crossSite.json()).toEqual({
			error: 'Anrop från en annan webbplats tas inte emot.'
		});

		const wrong = Array.from(
			{ length: 5 },
			() => () => signIn(ADMIN.email, 'fel-losenord', '203.0.113.1')
		);
		expect(await statusesOf(wrong)).toEqual([401, 401, 401, 401, 429]);
		expect(
			(await signIn(ADMIN.email, ADMIN.password, '203.0.113.2')).status,
			'a forged X-Forwarded-For must not lift the lock'
		).toBe(429);
		expect(await server.stop(), `the server stops cleanly on SIGTERM:\n${server.output()}`).toBe(0);

		// ---- behind a proxy that sets X-Forwarded-For, and ADDRESS_HEADER saying so: each caller is their own address
		server = startServer(dir, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
		await waitUntilHealthy(server);
		expect((await signIn(ADMIN.email, ADMIN.password, '203.0.113.2')).status).toBe(200);
		const guesses = Array.from(
			{ length: 5 },
			() => () => signIn(ADMIN.email, 'fel-losenord', '203.0.113.3')
		);
		expect(await statusesOf(guesses)).toEqual([401, 401, 401, 401, 429]);
		expect((await signIn(ADMIN.email, ADMIN.password, '203.0.113.3')).status).toBe(429);
		expect(
			(await signIn(ADMIN.email, ADMIN.password, '203.0.113.4')).status,
			'the owner, elsewhere, still signs in'
		).toBe(200);
		expect(await server.stop()).toBe(0);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
