import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData, type DemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { parseCsv } from '$lib/domain/files/csv';
import { fileSource } from '$lib/domain/files/import-diff';
import { measurementId, NATIONAL_ID } from '$lib/domain/ids';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import { readMeasurementTable } from '$lib/domain/files/measurement-import';
import { SyncRequest, SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse, encodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { createDemoTestDatabase } from '$lib/local-store/test-database';
import { applyImport } from '$lib/local-store/import';
import { listRejections } from '$lib/local-store/rejections';
import { openDatabase, type OpenedDatabase } from '$lib/server/db/connection';
import { seedEverything } from '$lib/server/db/seed-all';
import { applySync } from '$lib/server/sync/apply-sync';
import type { SyncActor } from '$lib/server/sync/authorize';
import { syncOnce, type SyncTransport } from './engine';

/**
 * The import page takes values "för medlemskommunerna och riket": a file with
 * a Riket row must reach the server and stay on the device, as the
 * comparison value the indicator page shows.
 */

let demo: DemoData;
let server: OpenedDatabase;
beforeAll(async () => {
	demo = buildDemoData();
	server = await openDatabase({ dataDir: 'memory://' });
	await seedEverything(server.db, demo, { demoUsers: false });
}, 60_000);
afterAll(async () => server?.close());

const transport =
	(actor: SyncActor): SyncTransport =>
	async (request) => {
		const response = await applySync(
			server.db,
			SyncRequest.parse(JSON.parse(JSON.stringify(request))),
			actor
		);
		return SyncResponse.parse(
			decodeSyncResponse(JSON.parse(JSON.stringify(encodeSyncResponse(response))))
		);
	};

async function importCsv(text: string, editorName: string) {
	const device = await createDemoTestDatabase(demo);
	const indicator = (await device.indicators.get(HEADLINE_INDICATOR_ID))!;
	const grouping = (await device.organisations.get(indicator.organisationId))!;
	const memberships = await device.memberships.where('groupingId').equals(grouping.id).toArray();
	const source = fileSource('riket.csv', indicator.source);
	const table = readMeasurementTable(parseCsv(text), {
		indicator,
		grouping,
		memberIds: new Set(memberships.map((m) => m.memberId)),
		memberInYear: (id, year) =>
			memberships.some((m) => m.memberId === id && isMemberInYear(m, year)),
		municipalities: await device.organisations.where('kind').equals('municipality').toArray(),
		source,
		years: { min: 1990, max: 2030 }
	});
	expect(table.errors).toEqual([]);
	await applyImport(
		device,
		{ values: table.values, source, errorCount: 0 },
		{ confirmed: new Set() },
		{ name: editorName }
	);
	return { device, values: table.values };
}

describe('a CSV file with a Riket row', () => {
	it('loses no value: every imported value, the national one too, is on the server and still on the device after the sync', async () => {
		const { device, values } = await importCsv(
			'Kommun;År;Värde\nRiket;2021;55,5\nStoruman;2021;12,3\nDorotea;2021;9,8\n',
			'Erik Eriksson'
		);
		expect(values.map((v) => v.organisationId)).toContain(NATIONAL_ID);
		const report = await syncOnce(
			device,
			transport({
				name: 'Erik Eriksson',
				roles: [{ organisationId: 'akademi-norr', role: 'editor' }]
			})
		);
		expect(report).toMatchObject({ sent: 3, applied: 3, rejected: 0 });
		expect(await listRejections(device)).toEqual([]);
		const national = measurementId(HEADLINE_INDICATOR_ID, NATIONAL_ID, 2021, 'T');
		expect(await device.measurements.get(national)).toMatchObject({
			value: 55.5,
			serverRevision: expect.any(Number)
		});
		for (const v of values)
			expect(
				await device.measurements.get(
					measurementId(v.indicatorId, v.organisationId, v.year, v.gender)
				),
				v.organisationId
			).toMatchObject({ value: v.value });
		// Another device of the grouping pulls it as the national comparison value.
		const other = await createDemoTestDatabase(demo);
		await syncOnce(
			other,
			transport({
				name: 'Vera Viklund',
				roles: [{ organisationId: 'akademi-norr', role: 'viewer' }]
			})
		);
		expect(await other.measurements.get(national)).toMatchObject({ value: 55.5 });
	});

	it("a reporter's national value is refused by the server with the reason, and kept on the device as refused, not dropped silently", async () => {
		const device = await createDemoTestDatabase(demo);
		const { saveMeasurement } = await import('$lib/local-store/edits');
		await saveMeasurement(
			device,
			{
				indicatorId: HEADLINE_INDICATOR_ID,
				organisationId: NATIONAL_ID,
				year: 2022,
				gender: 'T',
				value: 40,
				status: 'final'
			},
			{ name: 'Dora Dahlberg' }
		);
		const report = await syncOnce(
			device,
			transport({
				name: 'Dora Dahlberg',
				roles: [{ organisationId: 'akademi-norr', role: 'reporter', municipalityId: 'kommun-2425' }]
			})
		);
		expect(report).toMatchObject({ rejected: 1 });
		const [rejection] = await listRejections(device);
		expect(rejection).toMatchObject({
			reason: 'Du är rapportör för Dorotea och kan inte ändra värden för riket.',
			row: { value: 40 }
		});
		expect(rejection.subject).toContain('Riket, 2022');
	});
});
