import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '$lib/domain/access/auth';
import type { Indicator } from '$lib/domain/plan/indicator';
import { testBackends } from '../db/test-support';
import { nextRevision } from '../db/revisions';
import { referenceRows } from '../db/schema';
import { TEST_GROUPING, testReference } from '../sync/test-rows';
import { referenceUnlessUnchanged } from './read';
import { seedReferenceData } from './seed';
import { bumpReferenceRevision, putReference } from './store';

/**
 * The reference data's revision when two writes commit in the opposite
 * order to the one they took their revisions in, on two app instances of
 * one PostgreSQL: write A takes its revision, write B takes a later one and
 * commits, a reader fetches (B's change, not A's), then A commits. The
 * reader's next GET /api/reference?since=<revision> (the route's own
 * function) must bring A's change: the revision it holds must no longer be
 * the current one, whichever of the two numbers is now stored.
 */

const ROLES: RoleAssignment[] = [{ organisationId: TEST_GROUPING, role: 'admin' }];
const postgres = (await testBackends()).find((b) => b.name === 'PostgreSQL')!;

describe.skipIf(!postgres.available)('referensdatans revision med två instanser', () => {
	it(
		'a reader who fetched between two writes committing out of order gets the earlier one next time',
		{ timeout: 60_000 },
		async () => {
			const { instances, close } = await postgres.openInstances(2);
			const [first, second] = instances;
			let finishA!: () => void;
			const aMayFinish = new Promise<void>((resolve) => (finishA = resolve));
			let writeA: Promise<void> | undefined;
			try {
				const reference = testReference();
				await seedReferenceData(first, reference);
				const [a, b] = reference.indicators as Indicator[];
				const renamed = (indicator: Indicator, name: string) => ({ ...indicator, name });

				// A takes its revision (the row is written; the reference revision not yet)…
				let aStarted!: () => void;
				const aHasRevision = new Promise<void>((resolve) => (aStarted = resolve));
				writeA = first.transaction(async (tx) => {
					const [{ revision }] = await tx
						.insert(referenceRows)
						.values({
							entity: 'indicator',
							id: a.id,
							row: renamed(a, 'A ändrad'),
							groupingId: TEST_GROUPING,
							revision: nextRevision()
						})
						.onConflictDoUpdate({
							target: [referenceRows.entity, referenceRows.id],
							set: { row: renamed(a, 'A ändrad'), revision: nextRevision() }
						})
						.returning({ revision: referenceRows.revision });
					aStarted();
					await aMayFinish;
					await bumpReferenceRevision(tx, revision);
				});
				await aHasRevision;
				// …B takes a later one and commits, on the other instance…
				await second.transaction((tx) =>
					putReference(tx, 'indicator', renamed(b, 'B ändrad'), TEST_GROUPING).then(() => undefined)
				);
				const seen = (await referenceUnlessUnchanged(second, ROLES, null))!;
				expect(seen.indicators.map((i) => i.name)).toEqual(
					expect.arrayContaining(['B ändrad', a.name])
				);
				// …and then A commits.
				finishA();
				await writeA;
				const next = await referenceUnlessUnchanged(first, ROLES, seen.revision);
				expect(next, 'the reader was told its set is current').not.toBeNull();
				expect(next!.indicators.map((i) => i.name)).toEqual(
					expect.arrayContaining(['A ändrad', 'B ändrad'])
				);
				expect(await referenceUnlessUnchanged(second, ROLES, next!.revision)).toBeNull();
			} finally {
				finishA();
				await writeA?.catch(() => {});
				await close();
			}
		}
	);
});
