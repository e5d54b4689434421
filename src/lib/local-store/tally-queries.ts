import type { LagesbildDatabase } from './database';
import { loadGroupingTotals } from './queries';
import { buildGroupingOverview, statusTally, type StatusCount } from '$lib/domain/views/overview';
import { shownPlan, withOnlyPlan } from '$lib/domain/plan/plan-in-force';

/**
 * A grouping's goals per status, as its overview counts them (the same
 * function builds both, so the start page and the overview never disagree);
 * null when the grouping is not on this device. The start page loads this
 * module once its list is drawn and asks for one grouping at a time.
 */
export async function loadGroupingTally(
	db: LagesbildDatabase,
	groupingId: string
): Promise<StatusCount[] | null> {
	const data = await loadGroupingTotals(db, groupingId);
	if (!data) return null;
	// The start page counts the plan in force, as the overview shows it by default.
	const plan = shownPlan(data.plans, new Date().getFullYear());
	const overview = buildGroupingOverview({
		groupingId: data.grouping.id,
		...withOnlyPlan(data, plan)
	});
	return statusTally(overview.plans.flatMap((plan) => plan.areas.flatMap((area) => area.goals)));
}

/**
 * The tallies counted since the device's last sync, by grouping: coming back
 * to the start page shows them at once instead of counting again (a grouping
 * of 290 members and 100 indicators takes most of a second to count).
 */
const counted = new Map<string, { stamp: string; tally: StatusCount[] | null }>();

/** loadGroupingTally, remembered until the last sync's time changes or an edit is made on the device (the outbox grows). */
export async function groupingTallySince(
	db: LagesbildDatabase,
	groupingId: string,
	lastSyncAt: string | null
): Promise<StatusCount[] | null> {
	const stamp = `${lastSyncAt ?? ''}|${await db.outbox.count()}`;
	const known = counted.get(groupingId);
	if (known && known.stamp === stamp) return known.tally;
	const tally = await loadGroupingTally(db, groupingId);
	counted.set(groupingId, { stamp, tally });
	return tally;
}
