import { count, eq, sql } from 'drizzle-orm';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { Database, Transaction } from './connection';
import { assessments, history, measurements, serverMeta } from './schema';
import { lockForSeeding, nextRevision } from './revisions';
import { assessmentKeyColumns, measurementKeyColumns, valueOf } from '../sync/entities';

export type SeedData = { measurements: Measurement[]; assessments: Assessment[] };

const SEEDED_MARKER = 'demoDataSeeded';
/** Rows per insert statement: well below PostgreSQL's 65 535 parameters. */
const CHUNK_SIZE = 500;

/**
 * Puts the demo measurements and assessments into an empty database, once.
 * The marker makes it idempotent across restarts; the empty-table check keeps
 * a database that already holds real data from ever receiving demo rows.
 * Runs under the seeding lock, so two servers starting against one
 * PostgreSQL at the same time seed only once.
 */
export async function seedDemoData(db: Database, data: SeedData): Promise<boolean> {
	return db.transaction(async (tx) => {
		await lockForSeeding(tx);
		if (await hasMarker(tx)) return false;
		if (await measurementCount(tx)) {
			await setMarker(tx, { skipped: 'measurements fanns redan' });
			return false;
		}
		const seededMeasurements = await seedMeasurements(tx, data.measurements);
		const seededAssessments = await seedAssessments(tx, data.assessments);
		await markAllSeeded(tx);
		await setMarker(tx, {
			measurements: seededMeasurements,
			assessments: seededAssessments,
			at: new Date().toISOString()
		});
		return true;
	});
}

/** Whether the demo data has been seeded (or deliberately skipped); lets start-up avoid building it again. */
export async function isSeeded(db: Database | Transaction): Promise<boolean> {
	return hasMarker(db);
}

async function hasMarker(tx: Database | Transaction): Promise<boolean> {
	const rows = await tx
		.select({ key: serverMeta.key })
		.from(serverMeta)
		.where(eq(serverMeta.key, SEEDED_MARKER));
	return rows.length > 0;
}

async function setMarker(tx: Transaction, value: unknown): Promise<void> {
	await tx.insert(serverMeta).values({ key: SEEDED_MARKER, value });
}

async function measurementCount(tx: Transaction): Promise<number> {
	const [{ rows }] = await tx.select({ rows: count() }).from(measurements);
	return rows;
}

async function seedMeasurements(tx: Transaction, rows: Measurement[]): Promise<number> {
	for (const chunk of chunks(rows)) {
		const inserted = await tx
			.insert(measurements)
			.values(
				chunk.map((row) => ({
					id: row.id,
					row,
					...measurementKeyColumns(row),
					revision: nextRevision(),
					lastClientId: null
				}))
			)
			.returning({ id: measurements.id, revision: measurements.revision });
		await writeSeedHistory(tx, 'measurement', chunk, inserted);
	}
	return rows.length;
}

async function seedAssessments(tx: Transaction, rows: Assessment[]): Promise<number> {
	for (const chunk of chunks(rows)) {
		const inserted = await tx
			.insert(assessments)
			.values(
				chunk.map((row) => ({
					id: row.id,
					row,
					...assessmentKeyColumns(row),
					revision: nextRevision(),
					lastClientId: null
				}))
			)
			.returning({ id: assessments.id, revision: assessments.revision });
		await writeSeedHistory(tx, 'assessment', chunk, inserted);
	}
	return rows.length;
}

/**
 * seeded_revision = revision for every row, in one statement per table: the
 * revisions are known only after the insert, and before seeding both tables
 * were empty.
 */
async function markAllSeeded(tx: Transaction): Promise<void> {
	await tx.update(measurements).set({ seededRevision: sql`${measurements.revision}` });
	await tx.update(assessments).set({ seededRevision: sql`${assessments.revision}` });
}

async function writeSeedHistory(
	tx: Transaction,
	entity: 'measurement' | 'assessment',
	rows: (Measurement | Assessment)[],
	inserted: { id: string; revision: number }[]
): Promise<void> {
	if (rows.length === 0) return;
	const revisionOf = new Map(inserted.map((r) => [r.id, r.revision]));
	await tx.insert(history).values(
		rows.map((row) => ({
			entity,
			rowId: row.id,
			revision: revisionOf.get(row.id)!,
			kind: 'seed' as const,
			oldValue: null,
			newValue: valueOf(entity, row),
			row,
			by: row.updatedBy,
			at: row.updatedAt,
			clientId: null,
			mutationId: null
		}))
	);
}

function chunks<T>(rows: T[]): T[][] {
	const result: T[][] = [];
	for (let i = 0; i < rows.length; i += CHUNK_SIZE) result.push(rows.slice(i, i + CHUNK_SIZE));
	return result;
}
