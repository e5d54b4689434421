import type { RoleAssignment } from '$lib/domain/access/auth';
import type { ReferenceData } from '$lib/domain/sync/reference';
import type { Database } from '../db/connection';
import type { ReferenceEntity } from '../db/schema';
import { REFERENCE_TABLES } from './seed';
import { referenceRevision, referencesByIds, referencesOfGroupings } from './store';

/** The groupings a user may read: every grouping they hold any role in. */
export function readableGroupings(roles: readonly RoleAssignment[]): string[] {
	return [...new Set(roles.map((r) => r.organisationId))].sort();
}

/**
 * The reference data one user may see: the goal trees, indicators, targets
 * and memberships of their groupings, and of the organisations only those
 * groupings and their members (not all 290 municipalities, nor other
 * federations). Read in one transaction, so the revision matches the rows.
 */
export async function referenceDataFor(
	db: Database,
	roles: readonly RoleAssignment[]
): Promise<ReferenceData> {
	const groupings = readableGroupings(roles);
	return db.transaction(async (tx) => {
		const revision = await referenceRevision(tx);
		const owned = await referencesOfGroupings(
			tx,
			REFERENCE_TABLES.map(([, entity]) => entity).filter((entity) => entity !== 'organisation'),
			groupings
		);
		const byEntity = (entity: ReferenceEntity) =>
			owned.filter((r) => r.entity === entity).map((r) => r.row);
		const memberships = byEntity('membership');
		const organisationIds = [...groupings, ...memberships.map((m) => String(m.memberId))];
		const organisations = (await referencesByIds(tx, 'organisation', organisationIds)).map(
			(r) => r.row
		);
		return {
			revision,
			organisations,
			memberships,
			plans: byEntity('plan'),
			goalAreas: byEntity('goalArea'),
			goals: byEntity('goal'),
			subGoals: byEntity('subGoal'),
			indicators: byEntity('indicator'),
			targets: byEntity('target'),
			reportingRounds: byEntity('reportingRound')
		} as unknown as ReferenceData;
	});
}

/**
 * GET /api/reference[?since=<revision>]: null (304) while `since` is still
 * the revision, else the full set. The revision is compared for equality
 * only: every write sets a number never used before (store.ts), so whatever
 * order concurrent writes commit in, a client holding an older set always
 * sees a different number. The set read after the revision can only be newer
 * than it, which costs at most one fetch too many.
 */
export async function referenceUnlessUnchanged(
	db: Database,
	roles: readonly RoleAssignment[],
	since: number | null
): Promise<ReferenceData | null> {
	if (since !== null && since === (await referenceRevision(db))) return null;
	return referenceDataFor(db, roles);
}
