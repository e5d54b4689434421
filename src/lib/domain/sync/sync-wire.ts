import type { Change, ConflictingValue, SyncResponse } from './sync-protocol';

/**
 * How a sync response travels (protocol 2): the same content as
 * SyncResponse, with the pulled rows stored column by column per entity
 * instead of as one JSON object per row. A page of 10 000 values is then a
 * few arrays of numbers and short dictionaries instead of 10 000 copies of
 * the same twelve keys, which is smaller to send, faster to parse and
 * compresses far better.
 *
 * Lossless and generic: every field a row has travels, whatever it is
 * called. A field every row of the batch has becomes a column; a field only
 * some rows have (a new optional field, say) travels in `rest` beside its
 * row. Decoding gives back exactly the rows that were encoded, which the
 * client then validates with the same zod schemas as before.
 */
export type WireColumn = unknown[] | { dict: unknown[]; index: number[] };

export type WireBatch = {
	/** Rows in the batch. */
	n: number;
	/** The rows' revisions, the first as is and each next as the difference to the one before. */
	revisions: number[];
	columns: Record<string, WireColumn>;
	/** [row, fields] for rows with fields that not every row of the batch has. */
	rest?: [number, Record<string, unknown>][];
	/** [row, open conflicts] for rows that have any. */
	conflicts?: [number, ConflictingValue[]][];
};

export type WireChanges = Partial<Record<Change['entity'], WireBatch>>;
export type WireSyncResponse = Omit<SyncResponse, 'changes'> & { changes: WireChanges };

type Row = Record<string, unknown>;

export function encodeSyncResponse(response: SyncResponse): WireSyncResponse {
	const changes: WireChanges = {};
	for (const entity of ['measurement', 'assessment'] as const) {
		const of = response.changes.filter((c) => c.entity === entity);
		if (of.length > 0) changes[entity] = encodeBatch(of);
	}
	return { ...response, changes };
}

function encodeBatch(changes: readonly Change[]): WireBatch {
	const rows = changes.map((c) => c.row as Row);
	const shared = keysOfEveryRow(rows);
	const columns: Record<string, WireColumn> = {};
	for (const key of shared) columns[key] = encodeColumn(rows.map((r) => r[key]));
	const rest: [number, Row][] = [];
	rows.forEach((row, i) => {
		const extra = Object.entries(row).filter(
			([key, value]) => value !== undefined && !shared.has(key)
		);
		if (extra.length > 0) rest.push([i, Object.fromEntries(extra)]);
	});
	const conflicts: [number, ConflictingValue[]][] = [];
	changes.forEach((c, i) => {
		if (c.conflicts.length > 0) conflicts.push([i, c.conflicts]);
	});
	return {
		n: changes.length,
		revisions: changes.map((c, i) => (i === 0 ? c.revision : c.revision - changes[i - 1].revision)),
		columns,
		...(rest.length > 0 ? { rest } : {}),
		...(conflicts.length > 0 ? { conflicts } : {})
	};
}

/** The fields (with a value) that every row has. */
function keysOfEveryRow(rows: readonly Row[]): Set<string> {
	const keys = new Set(Object.keys(rows[0]).filter((k) => rows[0][k] !== undefined));
	for (const row of rows) {
		for (const key of keys)
			if (!Object.hasOwn(row, key) || row[key] === undefined) keys.delete(key);
	}
	return keys;
}

const isPrimitive = (v: unknown) =>
	v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A column of few distinct simple values (indicator ids, years, status) goes as a dictionary and positions in it. */
function encodeColumn(values: unknown[]): WireColumn {
	if (values.length < 4 || !values.every(isPrimitive)) return values;
	const positions = new Map<unknown, number>();
	const index = values.map((v) => positions.get(v) ?? positions.set(v, positions.size).get(v)!);
	return positions.size * 2 <= values.length ? { dict: [...positions.keys()], index } : values;
}

/** Throws on anything that is not a batch this module wrote; the rows it gives back are validated by the caller. */
export function decodeSyncResponse(wire: unknown): SyncResponse {
	if (!isObject(wire) || !isObject(wire.changes)) throw new Error('Synksvaret har fel form.');
	const changes: Change[] = [];
	for (const [entity, batch] of Object.entries(wire.changes)) {
		if (entity !== 'measurement' && entity !== 'assessment')
			throw new Error(`Synksvaret har en okänd sorts rader: ${entity}`);
		changes.push(...decodeBatch(entity, batch));
	}
	changes.sort((a, b) => a.revision - b.revision);
	return { ...(wire as unknown as SyncResponse), changes };
}

function decodeBatch(entity: Change['entity'], batch: unknown): Change[] {
	if (
		!isObject(batch) ||
		!Number.isInteger(batch.n) ||
		!Array.isArray(batch.revisions) ||
		!isObject(batch.columns)
	)
		throw new Error('Synksvaret har fel form.');
	const n = batch.n as number;
	const revisions = batch.revisions as number[];
	if (revisions.length !== n) throw new Error('Synksvaret har fel antal revisioner.');
	const rows: Row[] = Array.from({ length: n }, () => ({}));
	for (const [key, column] of Object.entries(batch.columns)) {
		if (key === '__proto__') throw new Error('Synksvaret har ett otillåtet fältnamn.');
		const values = decodeColumn(column, n);
		for (let i = 0; i < n; i++) rows[i][key] = values[i];
	}
	for (const [i, fields] of pairs(batch.rest, n)) {
		if (Object.hasOwn(fields as object, '__proto__'))
			throw new Error('Synksvaret har ett otillåtet fältnamn.');
		Object.assign(rows[i], fields);
	}
	const conflicts = new Map(pairs(batch.conflicts, n));
	let revision = 0;
	return rows.map((row, i) => {
		revision = i === 0 ? revisions[0] : revision + revisions[i];
		return {
			entity,
			row,
			revision,
			conflicts: (conflicts.get(i) as ConflictingValue[] | undefined) ?? []
		} as Change;
	});
}

function decodeColumn(column: unknown, n: number): unknown[] {
	if (Array.isArray(column) && column.length === n) return column;
	if (
		isObject(column) &&
		Array.isArray(column.dict) &&
		Array.isArray(column.index) &&
		column.index.length === n
	) {
		const dict = column.dict;
		return column.index.map((i) => {
			if (!Number.isInteger(i) || i < 0 || i >= dict.length)
				throw new Error('Synksvaret har en ogiltig ordlisteposition.');
			return dict[i];
		});
	}
	throw new Error('Synksvaret har en kolumn av fel längd.');
}

function pairs(value: unknown, n: number): [number, unknown][] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) throw new Error('Synksvaret har fel form.');
	return value.map((pair) => {
		if (
			!Array.isArray(pair) ||
			!Number.isInteger(pair[0]) ||
			pair[0] < 0 ||
			pair[0] >= n ||
			(!isObject(pair[1]) && !Array.isArray(pair[1]))
		) {
			throw new Error('Synksvaret har fel form.');
		}
		return [pair[0], pair[1]];
	});
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
