import { describe, it, expect, beforeAll, beforeEach } from 'vitest';
import { createDemoTestDatabase } from './test-database';
import { saveMeasurement } from './edits';
import {
	applyImport,
	ImplausibleNotConfirmedError,
	ImportBlockedError,
	previewImport
} from './import';
import { findImplausibleValues } from '$lib/domain/files/import-plausibility';
import { measurementsOfIndicator } from './queries';
import type { LagesbildDatabase } from './database';
import { buildDemoData, type DemoData } from '$lib/seed/demo-data';
import { parseCsv } from '$lib/domain/files/csv';
import { readMeasurementTable, type ImportTarget } from '$lib/domain/files/measurement-import';
import { fileSource, idsNeedingConfirmation } from '$lib/domain/files/import-diff';
import { measurementId } from '$lib/domain/ids';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import meanAgeCsv from '$lib/seed/sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv?raw';

const FILE = 'scb_TAB637_medelalder_lan22-25_1998-2025.csv';
const INDICATOR = 'umearegionen-medelalder';
const UMEA = 'kommun-2480';
const editor = { name: 'Test' };

let demo: DemoData;
let db: LagesbildDatabase;
beforeAll(() => {
	demo = buildDemoData();
});
beforeEach(async () => {
	db = await createDemoTestDatabase(demo);
});

async function readFile(
	text: string
): Promise<{ target: ImportTarget; table: ReturnType<typeof readMeasurementTable> }> {
	const indicator = (await db.indicators.get(INDICATOR))!;
	const memberships = await db.memberships.where('groupingId').equals('umearegionen').toArray();
	const target: ImportTarget = {
		indicator,
		grouping: (await db.organisations.get('umearegionen'))!,
		memberIds: new Set(memberships.map((m) => m.memberId)),
		memberInYear: (id, year) =>
			memberships.some((m) => m.memberId === id && isMemberInYear(m, year)),
		municipalities: await db.organisations.where('kind').equals('municipality').toArray(),
		source: fileSource(FILE, indicator.source),
		years: { min: 1960, max: 2027 }
	};
	return { target, table: readMeasurementTable(parseCsv(text), target) };
}

async function snapshot() {
	return { measurements: await db.measurements.toArray(), outbox: await db.outbox.count() };
}

describe('importing a CSV file into the local store', () => {
	it('imports the real SCB mean-age extract: new years are added, the demo’s identical values are left alone', async () => {
		const { target, table } = await readFile(meanAgeCsv);
		expect(table.errors).toEqual([]);
		// Örnsköldsvik joined in 2013: its 15 earlier years are skipped, as the server would not keep them.
		expect(table.skipped.notMemberThatYear).toBe(15);
		const diff = await previewImport(db, table.values, target.source);
		// Seven members × 1998–2019 are new, less Örnsköldsvik's 15 years before it joined; 2020–2025 are in the demo already.
		expect(diff.counts).toEqual({
			new: 7 * 22 - 15,
			changed: 0,
			unchanged: 7 * 6,
			needsConfirmation: 0
		});

		const result = await applyImport(
			db,
			{ values: table.values, source: target.source, errorCount: 0 },
			{ confirmed: new Set() },
			editor
		);
		expect(result).toEqual({ written: 139, unchanged: 42, kept: 0 });
		expect(await db.outbox.count()).toBe(139);
		const umea2010 = await db.measurements.get(measurementId(INDICATOR, UMEA, 2010, 'T'));
		expect(umea2010).toMatchObject({
			value: 38.2,
			status: 'final',
			source: `SCB TAB637 (fil ${FILE})`,
			updatedBy: 'Test',
			serverRevision: null
		});

		// Importing the same file again changes nothing.
		const again = await applyImport(
			db,
			{ values: table.values, source: target.source, errorCount: 0 },
			{ confirmed: new Set() },
			editor
		);
		expect(again.written).toBe(0);
		expect(await db.outbox.count()).toBe(139);
	});

	it('never overwrites a value typed by a person unless the user confirmed that value', async () => {
		await saveMeasurement(
			db,
			{
				indicatorId: INDICATOR,
				organisationId: UMEA,
				year: 2024,
				gender: 'T',
				value: 40,
				status: 'preliminary'
			},
			editor
		);
		const { target, table } = await readFile(meanAgeCsv);
		const diff = await previewImport(db, table.values, target.source);
		expect(diff.counts.needsConfirmation).toBe(1);
		const plan = { values: table.values, source: target.source, errorCount: 0 };

		const kept = await applyImport(db, plan, { confirmed: new Set() }, editor);
		expect(kept).toMatchObject({ written: 139, kept: 1 });
		expect((await db.measurements.get(measurementId(INDICATOR, UMEA, 2024, 'T')))?.value).toBe(40);

		await applyImport(db, plan, { confirmed: idsNeedingConfirmation(diff) }, editor);
		expect((await db.measurements.get(measurementId(INDICATOR, UMEA, 2024, 'T')))?.value).not.toBe(
			40
		);
	});

	it('a malformed file gives row-level errors and changes nothing in the store', async () => {
		const before = await snapshot();
		const broken = [
			'kommun;år;värde',
			'Umeå;2010;38,9',
			'Umeåå;2011;39',
			'Vindeln;20x1;44',
			'Vännäs;2012;"44',
			''
		].join('\r\n');
		const { target, table } = await readFile(broken);
		expect(table.errors.map((e) => e.message)).toEqual([
			'Rad 3: okänd kommun "Umeåå"',
			'Rad 4: "20x1" är inte ett år',
			'Rad 5: Raden kan inte läsas: citattecknet som börjar på rad 5 avslutas aldrig'
		]);
		await expect(
			applyImport(
				db,
				{ values: table.values, source: target.source, errorCount: table.errors.length },
				{ confirmed: new Set() },
				editor
			)
		).rejects.toThrow(ImportBlockedError);
		await expect(
			applyImport(
				db,
				{ values: table.values, source: target.source, errorCount: table.errors.length },
				{ confirmed: new Set() },
				editor
			)
		).rejects.toThrow(
			'3 rader kan inte importeras. Rätta filen och läs in den igen; inget har sparats.'
		);
		expect(await snapshot()).toEqual(before);
	});

	it('values a thousand times off the stored ones are written only once the user has confirmed them', async () => {
		// Mean age in a file that lost its decimal comma: "382" for 38,2 years, next to the demo's 2020 values.
		const { target, table } = await readFile(
			'kommun;år;värde\r\nUmeå;2019;382\r\nVindeln;2019;47,1\r\n'
		);
		const stored = await measurementsOfIndicator(db, INDICATOR);
		expect(findImplausibleValues(table.values, stored, 'count')).toHaveLength(0); // ten times: not the misreading looked for
		const { table: thousandfold } = await readFile(
			'kommun;år;värde\r\nUmeå;2019;38200\r\nVindeln;2019;47,1\r\n'
		);
		const implausible = findImplausibleValues(thousandfold.values, stored, 'count');
		expect(implausible.map((i) => i.value.organisationId)).toEqual([UMEA]);
		const before = await snapshot();
		const plan = {
			values: thousandfold.values,
			source: target.source,
			errorCount: 0,
			implausibleCount: implausible.length
		};
		await expect(applyImport(db, plan, { confirmed: new Set() }, editor)).rejects.toThrow(
			ImplausibleNotConfirmedError
		);
		expect(await snapshot()).toEqual(before);
		expect(
			await applyImport(db, plan, { confirmed: new Set(), implausibleConfirmed: true }, editor)
		).toMatchObject({ written: 2 });
	});

	it('a value the store refuses leaves every other value unwritten too', async () => {
		const before = await snapshot();
		const { target, table } = await readFile(meanAgeCsv);
		const values = [
			...table.values,
			{ ...table.values[0], organisationId: 'Ogiltigt id!', year: 1999 }
		];
		await expect(
			applyImport(
				db,
				{ values, source: target.source, errorCount: 0 },
				{ confirmed: new Set() },
				editor
			)
		).rejects.toThrow(/inget sparades/);
		expect(await snapshot()).toEqual(before);
	});
});
