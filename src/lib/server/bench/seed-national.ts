import { eq, sql } from 'drizzle-orm';
import { allMunicipalities } from '$lib/seed/municipalities';
import type { Database } from '../db/connection';
import { lockForSeeding, nextRevision } from '../db/revisions';
import { referenceRows, serverMeta } from '../db/schema';
import { bumpReferenceRevision } from '../reference/store';
import { createAdmin } from '../auth/create-admin';
import {
	BENCH_GROUPING_ID,
	benchMeasurements,
	benchReference,
	valueCount,
	type BenchScale
} from './national-dataset';

const MARKER = 'benchDatasetSeeded';

export type BenchUser = { email: string; name: string; password: string };

/**
 * Puts the benchmark dataset into a database that already has the demo data
 * (once: a marker, as for the demo seed), and makes `user` the admin of the
 * benchmark grouping and of nothing else, so what that user pulls is exactly
 * the generated values.
 *
 * The values go in as the demo values do (a revision each, seeded_revision =
 * revision, so an edit based on no revision is an update, not a conflict),
 * but with no history rows: the bench reads only the current rows, and
 * 1.7 million history rows would double the seeding time. Each chunk is one
 * statement with the rows as one jsonb parameter, which PGlite and
 * PostgreSQL both take at about the speed of COPY.
 */
export async function seedNationalDataset(
	db: Database,
	scale: BenchScale,
	user: BenchUser,
	log: (line: string) => void = () => {}
): Promise<{ seeded: boolean; values: number }> {
	const [done] = await db
		.select({ value: serverMeta.value })
		.from(serverMeta)
		.where(eq(serverMeta.key, MARKER));
	if (done) return { seeded: false, values: valueCount(scale) };
	const { grouping, memberships, indicators, memberIds } = benchReference(
		allMunicipalities(),
		scale
	);
	await db.transaction(async (tx) => {
		await lockForSeeding(tx);
		const reference = [
			{ entity: 'organisation' as const, row: grouping },
			...memberships.map((row) => ({ entity: 'membership' as const, row })),
			...indicators.map((row) => ({ entity: 'indicator' as const, row }))
		];
		await tx.insert(referenceRows).values(
			reference.map(({ entity, row }) => ({
				entity,
				id: row.id,
				row,
				groupingId: BENCH_GROUPING_ID,
				revision: nextRevision()
			}))
		);
		await bumpReferenceRevision(tx);
		let written = 0;
		for (const rows of benchMeasurements(memberIds, scale)) {
			await tx.execute(sql`
				insert into measurements (id, revision, seeded_revision, row, indicator_id, organisation_id, year, gender)
				select e->>'id', r, r, e, e->>'indicatorId', e->>'organisationId', (e->>'year')::int, e->>'gender'
				from (select e, nextval('revision_seq') as r from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as e) as numbered`);
			written += rows.length;
			if (written % 100_000 < rows.length) log(`  ${written} av ${valueCount(scale)} värden`);
		}
		await tx
			.insert(serverMeta)
			.values({ key: MARKER, value: { scale, at: new Date().toISOString() } });
	});
	const admin = await createAdmin(db, {
		...user,
		organisationId: BENCH_GROUPING_ID,
		resetPassword: false
	});
	if (!admin.ok) throw new Error(admin.error);
	return { seeded: true, values: valueCount(scale) };
}
