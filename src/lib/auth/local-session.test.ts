import { describe, it, expect } from 'vitest';
import { handOverRefusal, readLocalSession, writeLocalSession } from './local-session';
import { createTestDatabase } from '$lib/local-store/test-database';
import { saveMeasurement } from '$lib/local-store/edits';
import type { SessionInfo } from '$lib/domain/access/auth';

const disa: SessionInfo = {
	user: { id: 'u1', email: 'disa@dorotea.example', name: 'Disa Dorotea' },
	roles: [{ organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2425' }]
};
const erik: SessionInfo = {
	user: { id: 'u2', email: 'erik@akademinorr.example', name: 'Erik Editor' },
	roles: []
};

async function withPendingEdit() {
	const db = createTestDatabase();
	await writeLocalSession(db, disa);
	await saveMeasurement(
		db,
		{
			indicatorId: 'i',
			organisationId: 'kommun-2425',
			year: 2025,
			gender: 'T',
			value: 14.8,
			status: 'preliminary'
		},
		{ name: 'Disa Dorotea' }
	);
	return db;
}

describe('the session remembered on the device', () => {
	it('is read back as it was written', async () => {
		const db = createTestDatabase();
		await writeLocalSession(db, disa);
		expect(await readLocalSession(db)).toEqual(disa);
	});

	it('is checked against the schema when another build wrote it, and a copy that fails counts as none', async () => {
		const db = createTestDatabase();
		await db.meta.put({ key: 'session', value: { session: disa, writtenBy: 'an earlier build' } });
		expect(await readLocalSession(db)).toEqual(disa);
		await db.meta.put({
			key: 'session',
			value: { session: { user: { id: 'u1' }, roles: 'all' }, writtenBy: 'an earlier build' }
		});
		expect(await readLocalSession(db)).toBeNull();
	});

	it('reads a session stored before the build was noted with it', async () => {
		const db = createTestDatabase();
		await db.meta.put({ key: 'session', value: disa });
		expect(await readLocalSession(db)).toEqual(disa);
		await db.meta.put({ key: 'session', value: { user: disa.user } });
		expect(await readLocalSession(db)).toBeNull();
	});

	it('lets the same person sign in again after her session expired, unsynced edits and all', async () => {
		expect(await handOverRefusal(await withPendingEdit(), disa)).toBeNull();
	});

	it('refuses another person while the first one has unsynced edits, and says whose', async () => {
		const db = await withPendingEdit();
		expect(await handOverRefusal(db, erik)).toMatch(/1 osynkade ändringar från Disa Dorotea/);
		expect(await db.outbox.count()).toBe(1);
	});

	it('lets another person take over a device with nothing unsynced', async () => {
		const db = await withPendingEdit();
		await db.outbox.clear();
		expect(await handOverRefusal(db, erik)).toBeNull();
	});
});
