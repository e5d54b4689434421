import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { seedEverything } from '../db/seed-all';
import { digestDatabase } from '../db/test-support';
import { users } from '../db/schema';
import { createAdmin } from './create-admin';
import { DEMO_PASSWORD } from './demo-users';
import { signIn } from './sign-in';

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
		const emails = (await opened.db.select({ email: users.email }).from(users)).map((u) => u.email).sort();
		expect(emails).toEqual([
			'ada.admin@lagesbild.example',
			'anna.admin@akademinorr.example',
			'dora.rapportor@akademinorr.example',
			'erik.redaktor@akademinorr.example',
			'vera.lasare@akademinorr.example'
		]);
		for (const email of emails) expect((await signIn(opened.db, { email, password: DEMO_PASSWORD }, '192.0.2.90')).ok, email).toBe(true);
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

describe('createAdmin (npm run create-admin)', () => {
	const input = { email: 'forsta.admin@example.se', name: 'Första Admin', organisationId: 'norrbottens-kommuner', password: 'ett-forsta-losenord' };

	test('makes a new user admin of an existing grouping, able to sign in', async () => {
		expect(await createAdmin(opened.db, input)).toMatchObject({ ok: true, created: true });
		const session = await signIn(opened.db, { email: input.email, password: input.password }, '192.0.2.91');
		expect(session).toMatchObject({ ok: true, session: { roles: [{ organisationId: 'norrbottens-kommuner', role: 'admin' }] } });
	});

	test('for an existing address sets the new password and keeps one role', async () => {
		expect(await createAdmin(opened.db, { ...input, password: 'ett-nytt-losenord' })).toMatchObject({ ok: true, created: false });
		expect((await signIn(opened.db, { email: input.email, password: input.password }, '192.0.2.92')).ok).toBe(false);
		const session = await signIn(opened.db, { email: input.email, password: 'ett-nytt-losenord' }, '192.0.2.92');
		expect(session).toMatchObject({ ok: true, session: { roles: [{ organisationId: 'norrbottens-kommuner', role: 'admin' }] } });
	});

	test('refuses a municipality or an unknown id', async () => {
		expect(await createAdmin(opened.db, { ...input, organisationId: 'kommun-2425' })).toMatchObject({ ok: false });
		expect(await createAdmin(opened.db, { ...input, organisationId: 'finns-inte' })).toMatchObject({ ok: false, error: expect.stringContaining('finns-inte') });
	});
});
