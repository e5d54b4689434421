import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	applyToSlices,
	rowsOfSlice,
	sliceKeysOf,
	slicesByKey,
	type MeasurementSlice,
	type SlicedMeasurement
} from './measurement-slices';

const row = (
	organisationId: string,
	year: number,
	value: SlicedMeasurement['value'],
	extra: Partial<SlicedMeasurement> = {}
): SlicedMeasurement => ({
	indicatorId: 'ind',
	gender: 'T',
	organisationId,
	year,
	value,
	updatedAt: '2026-01-01T00:00:00.000Z',
	exampleData: false,
	...extra
});

const naturalKey = (r: SlicedMeasurement) =>
	`${r.indicatorId}|${r.gender}|${r.year}|${r.organisationId}`;
const sorted = (rows: SlicedMeasurement[]) =>
	[...rows].sort((a, b) => naturalKey(a).localeCompare(naturalKey(b)));

/** Applies changes to a map of stored slices as the middleware does. */
function store(
	slices: Map<string, MeasurementSlice>,
	written: SlicedMeasurement[],
	removed: SlicedMeasurement[]
) {
	const touched = slicesByKey(
		sliceKeysOf([...written, ...removed]).map((k) =>
			[...slices.values()].find(
				(s) => s.indicatorId === k[0] && s.gender === k[1] && s.year === k[2]
			)
		)
	);
	const changes = applyToSlices(touched, written, removed);
	const id = (s: Pick<MeasurementSlice, 'indicatorId' | 'gender' | 'year'>) =>
		`${s.indicatorId}|${s.gender}|${s.year}`;
	for (const s of changes.put) slices.set(id(s), s);
	for (const [indicatorId, gender, year] of changes.deleted)
		slices.delete(id({ indicatorId, gender, year }));
	return changes;
}

describe('measurement slices', () => {
	it('hold one entry per organisation, and a later write of the same value replaces it', () => {
		const slices = new Map<string, MeasurementSlice>();
		store(slices, [row('a', 2024, 1), row('b', 2024, 2), row('a', 2025, 3)], []);
		store(
			slices,
			[row('a', 2024, 10, { exampleData: true, updatedAt: '2026-02-01T00:00:00.000Z' })],
			[]
		);
		expect(slices.size).toBe(2);
		expect(sorted([...slices.values()].flatMap(rowsOfSlice))).toEqual(
			sorted([
				row('a', 2024, 10, { exampleData: true, updatedAt: '2026-02-01T00:00:00.000Z' }),
				row('b', 2024, 2),
				row('a', 2025, 3)
			])
		);
	});

	it('keep text values and known-missing values (null) as they are', () => {
		const slices = new Map<string, MeasurementSlice>();
		store(slices, [row('a', 2024, 'Beskrivning'), row('b', 2024, null)], []);
		expect(sorted([...slices.values()].flatMap(rowsOfSlice)).map((r) => r.value)).toEqual([
			'Beskrivning',
			null
		]);
	});

	it('go away when their last row is deleted, and say so', () => {
		const slices = new Map<string, MeasurementSlice>();
		store(slices, [row('a', 2024, 1), row('b', 2024, 2)], []);
		expect(store(slices, [], [row('a', 2024, 1)]).deleted).toEqual([]);
		expect(store(slices, [], [row('b', 2024, 2)]).deleted).toEqual([['ind', 'T', 2024]]);
		expect(slices.size).toBe(0);
		// Deleting a row that is not there changes nothing.
		expect(store(slices, [], [row('c', 2024, 2)])).toEqual({ put: [], deleted: [] });
	});

	it('never change the stored slice objects they are given', () => {
		const stored = applyToSlices(new Map(), [row('a', 2024, 1), row('b', 2024, 2)], []).put[0];
		const before = structuredClone(stored);
		applyToSlices(slicesByKey([stored]), [row('c', 2024, 3)], [row('a', 2024, 1)]);
		expect(stored).toEqual(before);
	});

	it('always hold exactly the rows written and not deleted since (any sequence of writes and deletions)', () => {
		const key = fc.record({
			indicatorId: fc.constantFrom('i1', 'i2'),
			gender: fc.constantFrom('T' as const, 'K' as const),
			organisationId: fc.constantFrom('a', 'b', 'c', 'd', 'riket'),
			year: fc.integer({ min: 2020, max: 2023 })
		});
		const value = fc.oneof(
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.constant(null),
			fc.string({ maxLength: 5 })
		);
		const written = fc.record({
			key,
			value,
			exampleData: fc.boolean(),
			updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')
		});
		const step = fc.record({
			writes: fc.array(written, { maxLength: 8 }),
			deletes: fc.array(key, { maxLength: 4 })
		});
		fc.assert(
			fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
				const rows = new Map<string, SlicedMeasurement>();
				const slices = new Map<string, MeasurementSlice>();
				for (const { writes, deletes } of steps) {
					const removed = deletes.flatMap((k) => {
						const existing = rows.get(
							naturalKey({ ...k, value: null, updatedAt: '', exampleData: false })
						);
						return existing ? [existing] : [];
					});
					for (const r of removed) rows.delete(naturalKey(r));
					// One call is either writes or deletions, as one DBCore request is.
					store(slices, [], removed);
					const batch = writes.map((w) => ({
						...w.key,
						value: w.value,
						exampleData: w.exampleData,
						updatedAt: w.updatedAt
					}));
					for (const r of batch) rows.set(naturalKey(r), r);
					store(slices, batch, []);
				}
				expect(sorted([...slices.values()].flatMap(rowsOfSlice))).toEqual(
					sorted([...rows.values()])
				);
				expect(
					[...slices.values()].every(
						(s) =>
							s.organisationIds.length > 0 &&
							new Set(s.organisationIds).size === s.organisationIds.length
					)
				).toBe(true);
			})
		);
	});
});
