import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { isFullySeeded, seedEverything } from '../db/seed-all';
import { digestDatabase } from '../db/test-support';
import { sessions, users } from '../db/schema';
import { DEMO } from '../testing/fixtures';
import { createAdmin } from './create-admin';
import { DEMO_PASSWORD } from './demo-users';
import { findSession } from './sessions';
import { signIn } from './sign-in';
import { createUser } from './users';

/** The first admin from the command line, and the demo users seeded beside the demo data. */

let opened: OpenedDatabase;
beforeAll(async () => {
	opened = await openDatabase({ dataDir: 'memory://' });
	await seedEverything(opened.db, buildDemoData(), { demoUsers: true });
}, 60_000);
afterAll(async () => opened?.close());

describe('seeding', () => {
	test('is idempotent: a second run changes nothing', async () => {
		const before = await digestDatabase(opened.db);
		await seedEverything(opened.db, buildDemoData(), { demoUsers: true });
		expect(await digestDatabase(opened.db)).toBe(before);
	});

	test('the five demo users sign in with the documented password', async () => {
		const emails = (await opened.db.select({ email: users.email }).from(users))
			.map((u) => u.email)
			.sort();
		expect(emails).toEqual([
			'ada.admin@lagesbild.example',
			'anna.admin@akademinorr.example',
			'dora.rapportor@akademinorr.example',
			'erik.redaktor@akademinorr.example',
			'vera.lasare@akademinorr.example'
		]);
		for (const email of emails)
			expect(
				(await signIn(opened.db, { email, password: DEMO_PASSWORD }, '192.0.2.90')).ok,
				email
			).toBe(true);
	});

	test('LAGESBILD_DEMO_USERS=false (demoUsers: false) seeds no users', async () => {
		const bare = await openDatabase({ dataDir: 'memory://' });
		try {
			await seedEverything(bare.db, buildDemoData(), { demoUsers: false });
			expect(await bare.db.select().from(users)).toEqual([]);
		} finally {
			await bare.close();
		}
	}, 60_000);
});

describe('demo users and an existing installation', () => {
	test('a restart of an existing database in demo mode adds no user', async () => {
		const real = await openDatabase({ dataDir: 'memory://' });
		try {
			// A real installation: first started with LAGESBILD_DEMO_USERS=false, its first admin made from the command line.
			await seedEverything(real.db, buildDemoData(), { demoUsers: false });
			await createAdmin(real.db, {
				email: 'admin@kommun.se',
				name: 'Riktig Admin',
				organisationId: 'akademi-norr',
				password: 'ett-riktigt-losenord',
				resetPassword: false
			});
			const before = await real.db.select({ email: users.email }).from(users);
			// Restarted once without the variable (demo mode is the default).
			await seedEverything(real.db, buildDemoData(), { demoUsers: true });
			expect(await real.db.select({ email: users.email }).from(users)).toEqual(before);
			expect(await isFullySeeded(real.db, { demoUsers: true })).toBe(true);
			expect(
				(await signIn(real.db, { email: DEMO.allAdmin, password: DEMO_PASSWORD }, '192.0.2.93')).ok
			).toBe(false);
		} finally {
			await real.close();
		}
	}, 60_000);

	test('a database that had data before its first demo-mode start gets no demo users either', async () => {
		const upgraded = await openDatabase({ dataDir: 'memory://' });
		try {
			await createUser(upgraded.db, {
				email: 'fanns@kommun.se',
				name: 'Fanns Redan',
				passwordHash: 'scrypt$15$8$1$x$y'
			});
			await seedEverything(upgraded.db, buildDemoData(), { demoUsers: true });
			expect(
				(await upgraded.db.select({ email: users.email }).from(users)).map((u) => u.email)
			).toEqual(['fanns@kommun.se']);
		} finally {
			await upgraded.close();
		}
	}, 60_000);
});

describe('createAdmin (npm run create-admin)', () => {
	const input = {
		email: 'forsta.admin@example.se',
		name: 'Första Admin',
		organisationId: 'norrbottens-kommuner',
		password: 'ett-forsta-losenord',
		resetPassword: false
	};

	test('makes a new user admin of an existing grouping, able to sign in', async () => {
		expect(await createAdmin(opened.db, input)).toMatchObject({
			ok: true,
			created: true,
			adminOf: 'norrbottens-kommuner'
		});
		const session = await signIn(
			opened.db,
			{ email: input.email, password: input.password },
			'192.0.2.91'
		);
		expect(session).toMatchObject({
			ok: true,
			session: { roles: [{ organisationId: 'norrbottens-kommuner', role: 'admin' }] }
		});
	});

	test('never touches an existing account without --reset-password, nor creates one for a reset', async () => {
		const before = await digestDatabase(opened.db);
		expect(
			await createAdmin(opened.db, { ...input, password: 'ett-annat-losenord' })
		).toMatchObject({ ok: false, error: expect.stringContaining('--reset-password') });
		expect(
			await createAdmin(opened.db, {
				email: 'ingen.alls@example.se',
				password: 'ett-annat-losenord',
				resetPassword: true
			})
		).toMatchObject({ ok: false });
		expect(await digestDatabase(opened.db)).toBe(before);
	});

	test('a password reset ends every session of the account and adds no role', async () => {
		// Signed in on two devices, one of them perhaps by whoever learnt the old password.
		const devices = [
			await signIn(opened.db, { email: DEMO.viewer, password: DEMO_PASSWORD }, '192.0.2.94'),
			await signIn(opened.db, { email: DEMO.viewer, password: DEMO_PASSWORD }, '192.0.2.95')
		];
		const tokens = devices.map((d) => (d.ok ? d.token : ''));
		for (const token of tokens) expect(await findSession(opened.db, token)).not.toBeNull();
		const everyone = await opened.db.select().from(sessions);
		const viewerId = devices[0].ok ? devices[0].session.user.id : '';
		const viewers = everyone.filter((s) => s.userId === viewerId);

		const reset = await createAdmin(opened.db, {
			email: DEMO.viewer,
			password: 'ett-nytt-losenord',
			resetPassword: true
		});
		expect(reset).toMatchObject({
			ok: true,
			created: false,
			sessionsEnded: viewers.length,
			adminOf: null
		});
		for (const token of tokens) expect(await findSession(opened.db, token)).toBeNull();
		// Nobody else is signed out.
		expect((await opened.db.select().from(sessions)).length).toBe(everyone.length - viewers.length);
		expect(
			(await signIn(opened.db, { email: DEMO.viewer, password: DEMO_PASSWORD }, '192.0.2.96')).ok
		).toBe(false);
		const session = await signIn(
			opened.db,
			{ email: DEMO.viewer, password: 'ett-nytt-losenord' },
			'192.0.2.96'
		);
		expect(session).toMatchObject({
			ok: true,
			session: { roles: [{ organisationId: 'akademi-norr', role: 'viewer' }] }
		});
	});

	test('a reset that names a grouping makes the account its admin as well, as asked', async () => {
		expect(
			await createAdmin(opened.db, {
				...input,
				name: undefined,
				password: 'ett-tredje-losenord',
				organisationId: 'swpp',
				resetPassword: true
			})
		).toMatchObject({ ok: true, adminOf: 'swpp' });
		const session = await signIn(
			opened.db,
			{ email: input.email, password: 'ett-tredje-losenord' },
			'192.0.2.97'
		);
		expect(session).toMatchObject({
			ok: true,
			session: {
				roles: [
					{ organisationId: 'norrbottens-kommuner', role: 'admin' },
					{ organisationId: 'swpp', role: 'admin' }
				]
			}
		});
	});

	test('refuses a municipality or an unknown id', async () => {
		expect(
			await createAdmin(opened.db, {
				...input,
				email: 'ny@example.se',
				organisationId: 'kommun-2425'
			})
		).toMatchObject({ ok: false });
		expect(
			await createAdmin(opened.db, {
				...input,
				email: 'ny@example.se',
				organisationId: 'finns-inte'
			})
		).toMatchObject({ ok: false, error: expect.stringContaining('finns-inte') });
	});
});
