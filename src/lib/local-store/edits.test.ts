import { describe, it, expect, beforeEach } from 'vitest';
import {
	saveMeasurement,
	saveMeasurements,
	saveAssessment,
	saveReviews,
	type MeasurementEdit
} from './edits';
import { createTestDatabase } from './test-database';
import { InvalidRowError, StorageFullError } from './storage-errors';
import { Mutation } from '$lib/domain/sync/mutation';
import type { LagesbildDatabase } from './database';

const editor = { name: 'Anna Andersson' };
const edit: MeasurementEdit = {
	indicatorId: 'akademi-norr-eftergymnasial-3ar',
	organisationId: 'kommun-2421',
	year: 2025,
	gender: 'T',
	value: 17.2,
	status: 'preliminary',
	note: 'Från SCB:s preliminära tabell'
};

let db: LagesbildDatabase;
beforeEach(() => {
	db = createTestDatabase();
});

describe('saveMeasurement', () => {
	it('writes the row and one outbox entry holding a valid mutation', async () => {
		const saved = await saveMeasurement(db, edit, editor);
		expect(saved.id).toBe('m:akademi-norr-eftergymnasial-3ar:kommun-2421:2025:t');
		expect(await db.measurements.get(saved.id)).toMatchObject({
			value: 17.2,
			updatedBy: 'Anna Andersson',
			serverRevision: null
		});
		const outbox = await db.outbox.toArray();
		expect(outbox).toHaveLength(1);
		expect(Mutation.parse(outbox[0])).toMatchObject({
			entity: 'measurement',
			baseRevision: null,
			row: { id: saved.id, value: 17.2 }
		});
	});

	it('gives the same id to the same natural key, so a second edit updates instead of duplicating', async () => {
		await saveMeasurement(db, edit, editor);
		await saveMeasurement(db, { ...edit, value: 17.4 }, editor);
		expect(await db.measurements.count()).toBe(1);
		expect((await db.measurements.toArray())[0].value).toBe(17.4);
		expect(await db.outbox.count()).toBe(2);
	});

	it('names the server revision the edit was based on', async () => {
		const id = 'm:akademi-norr-eftergymnasial-3ar:kommun-2421:2025:t';
		await db.measurements.put({
			...(await saveMeasurement(db, edit, editor)),
			id,
			serverRevision: 41
		});
		await db.outbox.clear();
		await saveMeasurement(db, { ...edit, value: 18 }, editor);
		const [entry] = await db.outbox.toArray();
		expect(entry.baseRevision).toBe(41);
		expect((await db.measurements.get(id))?.serverRevision).toBe(41);
	});

	it('rejects an invalid row with a Swedish message and writes neither row nor outbox entry', async () => {
		await expect(saveMeasurement(db, { ...edit, year: 1800 }, editor)).rejects.toThrow(
			InvalidRowError
		);
		await expect(saveMeasurement(db, { ...edit, year: 1800 }, editor)).rejects.toThrow(
			/1960 eller senare/
		);
		expect(await db.measurements.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('leaves neither the row nor the outbox entry when the outbox write fails', async () => {
		await saveMeasurement(db, edit, editor);
		db.outbox.hook('creating', () => {
			throw new Error('disk error');
		});
		await expect(saveMeasurement(db, { ...edit, value: 99 }, editor)).rejects.toThrow('disk error');
		expect((await db.measurements.toArray()).map((m) => m.value)).toEqual([17.2]);
		expect(await db.outbox.count()).toBe(1);
	});

	it('turns a full disk into a clear message and keeps what was saved before', async () => {
		await saveMeasurement(db, edit, editor);
		db.measurements.hook('updating', () => {
			throw new DOMException('quota', 'QuotaExceededError');
		});
		const error = await saveMeasurement(db, { ...edit, value: 5 }, editor).catch((e) => e);
		expect(error).toBeInstanceOf(StorageFullError);
		expect(error.message).toMatch(/lagringsutrymme är fullt/);
		expect((await db.measurements.toArray()).map((m) => m.value)).toEqual([17.2]);
		expect(await db.outbox.count()).toBe(1);
	});

	it('stores a cleared value as null so that clearing syncs too', async () => {
		await saveMeasurement(db, edit, editor);
		await saveMeasurement(db, { ...edit, value: null }, editor);
		expect((await db.measurements.toArray())[0].value).toBeNull();
		expect(await db.outbox.count()).toBe(2);
	});
});

describe('saveAssessment', () => {
	it('writes the assessment and its outbox entry together', async () => {
		const saved = await saveAssessment(
			db,
			{
				goalId: 'nk-jamlik-valfard-1',
				year: 2025,
				status: 'atRisk',
				analysis: 'Arbetet har försenats.'
			},
			editor
		);
		expect(saved.id).toBe('a:nk-jamlik-valfard-1:2025');
		const [entry] = await db.outbox.toArray();
		expect(entry).toMatchObject({ entity: 'assessment', row: { status: 'atRisk' } });
	});

	it('rejects an unknown status without writing anything', async () => {
		await expect(
			saveAssessment(
				db,
				{ goalId: 'g', year: 2025, status: 'great' as never, analysis: '' },
				editor
			)
		).rejects.toThrow(InvalidRowError);
		expect(await db.assessments.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('saveMeasurements (bulk, for imports)', () => {
	const many: MeasurementEdit[] = ['kommun-2421', 'kommun-2422', 'kommun-2463'].map(
		(organisationId, i) => ({
			...edit,
			organisationId,
			value: 10 + i,
			status: 'final',
			note: undefined,
			source: 'SCB TAB3200 (fil test.csv)'
		})
	);

	it('writes every row and one outbox entry per row, with the import’s source', async () => {
		const saved = await saveMeasurements(db, many, editor);
		expect(saved.map((m) => m.value)).toEqual([10, 11, 12]);
		expect(
			(await db.measurements.toArray()).every((m) => m.source === 'SCB TAB3200 (fil test.csv)')
		).toBe(true);
		const outbox = await db.outbox.toArray();
		expect(outbox.map((e) => Mutation.parse(e).row.id)).toEqual(saved.map((m) => m.id));
	});

	it('keeps a stored note and names each stored row’s revision as the base', async () => {
		const first = await saveMeasurement(db, { ...many[0], note: 'kontrollerad' }, editor);
		await db.measurements.put({ ...first, serverRevision: 7 });
		await db.outbox.clear();
		await saveMeasurements(db, many, editor);
		expect((await db.measurements.get(first.id))?.note).toBe('kontrollerad');
		expect((await db.outbox.toArray()).map((e) => e.baseRevision)).toEqual([7, null, null]);
	});

	it('writes nothing at all when one row is invalid, and names the bad rows', async () => {
		const bad = [
			...many,
			{ ...many[0], organisationId: 'kommun-2506', year: 1800 },
			{ ...many[0], organisationId: 'kommun-2425', value: Number.NaN }
		];
		const error = await saveMeasurements(db, bad, editor).catch((e) => e);
		expect(error).toBeInstanceOf(InvalidRowError);
		expect(error.message).toMatch(
			/^2 värden kunde inte sparas, så inget sparades: rad 4: Året måste vara 1960 eller senare; rad 5: /
		);
		expect(await db.measurements.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses the same value twice in one call', async () => {
		await expect(saveMeasurements(db, [many[0], many[1], many[0]], editor)).rejects.toThrow(
			'rad 3 är samma värde som rad 1'
		);
		expect(await db.measurements.count()).toBe(0);
	});

	it('rolls back every row when the outbox write fails midway', async () => {
		let calls = 0;
		db.outbox.hook('creating', () => {
			if (++calls === 3) throw new Error('disk error');
		});
		await expect(saveMeasurements(db, many, editor)).rejects.toThrow('disk error');
		expect(await db.measurements.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('reporting round edits', () => {
	const lockedRound = (groupingId: string, locked: boolean) => ({
		id: `round:${groupingId}:2025`,
		groupingId,
		year: 2025,
		indicatorIds: ['ind'],
		memberIds: ['kommun-2421'],
		goalIds: [],
		deadline: '2026-03-15',
		reportedBy: 'reporters' as const,
		locked,
		log: [
			{
				action: 'locked' as const,
				by: 'Anna Andersson',
				at: '2026-03-20T09:00:00.000Z',
				reason: ''
			}
		]
	});

	beforeEach(async () => {
		await db.organisations.put({ id: 'forbund', kind: 'federation', name: 'Förbundet' });
		await db.indicators.put({
			id: 'ind',
			organisationId: 'forbund',
			name: 'Ind',
			unit: 'percent',
			decimals: 1,
			betterDirection: 'higher',
			source: { kind: 'manual' },
			aggregation: 'mean',
			scope: 'members',
			genderBreakdown: false,
			order: 0,
			exampleData: false
		});
		await db.memberships.put({
			id: 'ms:forbund:kommun-2421:2020',
			groupingId: 'forbund',
			memberId: 'kommun-2421',
			fromYear: 2020
		});
	});

	it('refuses a value for a year its municipality was not a member, as the server would, and takes the national value', async () => {
		await expect(
			saveMeasurement(db, { ...edit, indicatorId: 'ind', year: 2019 }, editor)
		).rejects.toThrow('Värdet kunde inte sparas: kommun-2421 var inte medlem i Förbundet år 2019.');
		await expect(
			saveMeasurements(
				db,
				[
					{ ...edit, indicatorId: 'ind' },
					{ ...edit, indicatorId: 'ind', year: 2018 }
				],
				editor
			)
		).rejects.toThrow(InvalidRowError);
		expect(await db.measurements.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
		await expect(
			saveMeasurement(
				db,
				{ ...edit, indicatorId: 'ind', organisationId: 'riket', year: 2019 },
				editor
			)
		).resolves.toMatchObject({ organisationId: 'riket' });
	});

	it('submits and returns values with their value untouched, and a changed value starts over as entered', async () => {
		const saved = await saveMeasurement(db, { ...edit, indicatorId: 'ind' }, editor);
		await saveReviews(db, [saved.id], { state: 'submitted' }, { name: 'Dora' });
		expect(await db.measurements.get(saved.id)).toMatchObject({
			value: 17.2,
			review: { state: 'submitted', by: 'Dora' }
		});
		await saveReviews(
			db,
			[saved.id],
			{ state: 'returned', comment: ' Kontrollera källan ' },
			{ name: 'Erik' }
		);
		expect((await db.measurements.get(saved.id))?.review).toMatchObject({
			state: 'returned',
			comment: 'Kontrollera källan',
			by: 'Erik'
		});
		await saveMeasurement(db, { ...edit, indicatorId: 'ind', value: 17.5 }, { name: 'Dora' });
		expect((await db.measurements.get(saved.id))?.review).toBeUndefined();
		expect(await db.outbox.count()).toBe(4);
	});

	it('refuses an edit of a locked year before writing anything, naming the lock', async () => {
		await db.reportingRounds.put(lockedRound('forbund', true));
		await expect(saveMeasurements(db, [{ ...edit, indicatorId: 'ind' }], editor)).rejects.toThrow(
			'År 2025 är godkänt och låst för Förbundet sedan 2026-03-20 (Anna Andersson).'
		);
		expect(await db.measurements.count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
		await db.reportingRounds.put(lockedRound('forbund', false));
		await expect(
			saveMeasurement(db, { ...edit, indicatorId: 'ind' }, editor)
		).resolves.toMatchObject({ value: 17.2 });
	});
});
