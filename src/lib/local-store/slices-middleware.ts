import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreMutateResponse,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import { measurementId } from '$lib/domain/ids';
import {
	applyToSlices,
	sliceKeysOf,
	slicesByKey,
	type MeasurementSlice,
	type SlicedMeasurement
} from './measurement-slices';

export const MEASUREMENTS_TABLE = 'measurements';
export const SLICES_TABLE = 'measurementSlices';

/** Dexie's DBCoreRangeType.Any (a const enum Dexie's types do not export as a value): the whole table, as clear() sends it. */
const WHOLE_TABLE = 3;

/**
 * Keeps the measurement slices (measurement-slices.ts) in step with the
 * measurements table. It sits in Dexie's DBCore stack, under every write
 * path the app has (edits, the sync's bulk stores, imports, restores, a
 * refused edit put back), and writes the slices inside the same IndexedDB
 * transaction as the rows, so both commit or neither does. It sits above
 * Dexie's observability layer, so live queries over slices see the change.
 */
export const slicesMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'MeasurementSlices',
	create: (down) => ({
		...down,
		transaction(stores, mode, options) {
			// A transaction that may write rows also holds the slices, or it could not update them.
			const widened =
				mode === 'readwrite' &&
				stores.includes(MEASUREMENTS_TABLE) &&
				!stores.includes(SLICES_TABLE)
					? [...stores, SLICES_TABLE]
					: stores;
			return down.transaction(widened, mode, options);
		},
		table(name) {
			const table = down.table(name);
			if (name !== MEASUREMENTS_TABLE) return table;
			// Looked up when a write comes: while the store is being upgraded, the slices table is made after the middleware.
			return {
				...table,
				mutate: (request) => mutateWithSlices(table, down.table(SLICES_TABLE), request)
			};
		}
	})
};

async function mutateWithSlices(
	rows: DBCoreTable,
	slices: DBCoreTable,
	request: DBCoreMutateRequest
): Promise<DBCoreMutateResponse> {
	const { trans } = request;
	if (request.type === 'add' || request.type === 'put') {
		refuseNonCanonicalIds(request.values);
		const response = await rows.mutate(request);
		const written = request.values.filter((_, i) => !(i in response.failures));
		await inOrder(trans, () => updateSlices(slices, trans, written, []));
		return response;
	}
	if (request.type === 'deleteRange' && request.range.type === WHOLE_TABLE) {
		const response = await rows.mutate(request);
		await inOrder(trans, () =>
			slices.mutate({ trans, type: 'deleteRange', range: request.range }).then(() => undefined)
		);
		return response;
	}
	// Deletions name keys or a key range: the rows are read first to know which slices they leave.
	const removed =
		request.type === 'delete'
			? (await rows.getMany({ trans, keys: request.keys })).filter(
					(row): row is SlicedMeasurement => row !== undefined
				)
			: ((
					await rows.query({
						trans,
						query: { index: rows.schema.primaryKey, range: request.range },
						values: true
					})
				).result as SlicedMeasurement[]);
	const response = await rows.mutate(request);
	await inOrder(trans, () => updateSlices(slices, trans, [], removed));
	return response;
}

/**
 * A slice holds one entry per organisation, which is exact because a row's
 * id is derived from its natural key (ids.ts): the server refuses any other,
 * and every local write path derives it. A row that breaks that would make
 * the slices wrong, so its write is refused and the transaction changes nothing.
 */
function refuseNonCanonicalIds(values: readonly (SlicedMeasurement & { id?: unknown })[]): void {
	for (const row of values) {
		if (row.id !== measurementId(row.indicatorId, row.organisationId, row.year, row.gender)) {
			throw new Error(
				`Värdet ${String(row.id)} har inte det id som indikator, organisation, år och kön ger och sparas inte.`
			);
		}
	}
}

async function updateSlices(
	slices: DBCoreTable,
	trans: DBCoreTransaction,
	written: readonly SlicedMeasurement[],
	removed: readonly SlicedMeasurement[]
): Promise<void> {
	const keys = sliceKeysOf([...removed, ...written]);
	if (keys.length === 0) return;
	const stored = (await slices.getMany({ trans, keys })) as (MeasurementSlice | undefined)[];
	const changes = applyToSlices(slicesByKey(stored), written, removed);
	if (changes.put.length > 0)
		await check(slices.mutate({ trans, type: 'put', values: changes.put }));
	if (changes.deleted.length > 0)
		await check(slices.mutate({ trans, type: 'delete', keys: changes.deleted }));
}

async function check(response: Promise<DBCoreMutateResponse>): Promise<void> {
	const { numFailures, failures } = await response;
	if (numFailures > 0) throw Object.values(failures)[0];
}

/**
 * Two writes in one transaction (Promise.all of two puts) must not both read
 * a slice before either has written it, or one would be lost: the slice
 * updates of a transaction run one after the other. One that fails aborts
 * the transaction, so rows never commit without their slices, even when the
 * caller catches the error and goes on.
 */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function inOrder(trans: DBCoreTransaction, update: () => Promise<void>): Promise<void> {
	const next = (queues.get(trans) ?? Promise.resolve()).then(update).catch((error) => {
		abortQuietly(trans);
		throw error;
	});
	queues.set(
		trans,
		next.catch(() => {})
	);
	return next;
}

function abortQuietly(trans: DBCoreTransaction): void {
	try {
		trans.abort();
	} catch {
		// Already over: nothing left to undo.
	}
}
