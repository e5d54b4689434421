import type { Membership } from '$lib/domain/plan/membership';
import { overlapProblem } from '$lib/domain/plan/membership-terms';
import type { Transaction } from '../db/connection';
import { nameOf } from './ownership';
import { findReference, referencesOfGroupings } from './store';

/**
 * Why a membership row cannot be stored beside its grouping's others, or
 * null: two periods of one member may not share a year (that year's fee and
 * role would be two, and the member counted twice). Read inside the write's
 * transaction, under its grouping's lock, so two admins cannot each add one.
 */
export async function membershipProblem(tx: Transaction, row: Membership): Promise<string | null> {
	const others = (await referencesOfGroupings(tx, ['membership'], [row.groupingId])).map(
		(r) => r.row as Membership
	);
	if (!overlapProblem(others, row)) return null;
	return overlapProblem(
		others,
		row,
		nameOf(await findReference(tx, 'organisation', row.memberId), 'Kommunen')
	);
}
