import type { Gender, Measurement } from '$lib/domain/figures/measurement';

/**
 * The local store keeps, beside the measurement rows, a derived copy of what
 * the dashboards read: one record per indicator, gender and year holding
 * every organisation's value column by column. An indicator across 290
 * municipalities and 20 years is then 20 records instead of 5 800 rows,
 * and reading those rows alone took longer than the page may take
 * (npm run bench, indicator page). The slices are never written by hand:
 * the measurements table's middleware (slices-middleware.ts) updates them in
 * the same transaction as every write of a row, so they cannot drift.
 *
 * Pure functions over plain objects, so the maintenance rule is tested
 * without a browser.
 */

/** The fields of a row a slice keeps: what the dashboards read. */
export type SlicedMeasurement = Pick<
	Measurement,
	'indicatorId' | 'organisationId' | 'year' | 'gender' | 'value' | 'updatedAt' | 'exampleData'
>;

export type MeasurementSlice = {
	indicatorId: string;
	gender: Gender;
	year: number;
	/** Parallel columns, one entry per organisation with a row. */
	organisationIds: string[];
	values: Measurement['value'][];
	updatedAt: string[];
	exampleData: boolean[];
};

/** The slice key, in the order of the table's compound primary key [indicatorId+gender+year]. */
export type SliceKey = [indicatorId: string, gender: Gender, year: number];

export function sliceKeyOf(row: Pick<Measurement, 'indicatorId' | 'gender' | 'year'>): SliceKey {
	return [row.indicatorId, row.gender, row.year];
}

function keyString([indicatorId, gender, year]: SliceKey): string {
	return `${year}\u0000${gender}\u0000${indicatorId}`;
}

export function emptySlice([indicatorId, gender, year]: SliceKey): MeasurementSlice {
	return {
		indicatorId,
		gender,
		year,
		organisationIds: [],
		values: [],
		updatedAt: [],
		exampleData: []
	};
}

/** The distinct slices a set of rows falls in. */
export function sliceKeysOf(rows: readonly SlicedMeasurement[]): SliceKey[] {
	const keys = new Map<string, SliceKey>();
	for (const row of rows) {
		const key = sliceKeyOf(row);
		keys.set(keyString(key), key);
	}
	return [...keys.values()];
}

export type SliceChanges = {
	/** Slices to write as they now are. */
	put: MeasurementSlice[];
	/** Slices left with no organisation: to delete. */
	deleted: SliceKey[];
};

/**
 * Applies written and deleted rows to the slices they fall in. `existing`
 * holds the current slice of every key the rows touch (absent ones are new).
 * Deletions are applied first, then writes in order, so a row deleted and
 * written again in one call stays. Slices are copied, never changed in place.
 */
export function applyToSlices(
	existing: ReadonlyMap<string, MeasurementSlice>,
	written: readonly SlicedMeasurement[],
	removed: readonly SlicedMeasurement[]
): SliceChanges {
	const working = new Map<string, { slice: MeasurementSlice; position: Map<string, number> }>();
	const open = (row: SlicedMeasurement) => {
		const key = sliceKeyOf(row);
		const id = keyString(key);
		let entry = working.get(id);
		if (!entry) {
			const stored = existing.get(id);
			const slice = stored ? copySlice(stored) : emptySlice(key);
			entry = { slice, position: new Map(slice.organisationIds.map((org, i) => [org, i])) };
			working.set(id, entry);
		}
		return entry;
	};
	for (const row of removed) {
		const { slice, position } = open(row);
		const at = position.get(row.organisationId);
		if (at === undefined) continue;
		// The last entry moves into the gap: order within a slice carries no meaning.
		const last = slice.organisationIds.length - 1;
		for (const column of [
			slice.organisationIds,
			slice.values,
			slice.updatedAt,
			slice.exampleData
		] as unknown[][]) {
			column[at] = column[last];
			column.pop();
		}
		position.delete(row.organisationId);
		if (at !== last) position.set(slice.organisationIds[at], at);
	}
	for (const row of written) {
		const { slice, position } = open(row);
		let at = position.get(row.organisationId);
		if (at === undefined) {
			at = slice.organisationIds.length;
			position.set(row.organisationId, at);
			slice.organisationIds.push(row.organisationId);
		}
		slice.values[at] = row.value;
		slice.updatedAt[at] = row.updatedAt;
		slice.exampleData[at] = row.exampleData === true;
	}
	const changes: SliceChanges = { put: [], deleted: [] };
	for (const { slice } of working.values()) {
		if (slice.organisationIds.length > 0) changes.put.push(slice);
		else if (existing.has(keyString(sliceKeyOf(slice)))) changes.deleted.push(sliceKeyOf(slice));
	}
	return changes;
}

function copySlice(slice: MeasurementSlice): MeasurementSlice {
	return {
		...slice,
		organisationIds: [...slice.organisationIds],
		values: [...slice.values],
		updatedAt: [...slice.updatedAt],
		exampleData: [...slice.exampleData]
	};
}

/** Indexes stored slices by key, as applyToSlices takes them. */
export function slicesByKey(
	slices: readonly (MeasurementSlice | undefined)[]
): Map<string, MeasurementSlice> {
	return new Map(slices.flatMap((s) => (s ? [[keyString(sliceKeyOf(s)), s] as const] : [])));
}

/** The rows a slice holds, in the shape the dashboards take. */
export function rowsOfSlice(slice: MeasurementSlice): SlicedMeasurement[] {
	const { indicatorId, gender, year } = slice;
	return slice.organisationIds.map((organisationId, i) => ({
		indicatorId,
		gender,
		year,
		organisationId,
		value: slice.values[i],
		updatedAt: slice.updatedAt[i],
		exampleData: slice.exampleData[i]
	}));
}
