import type { RoleAssignment } from '../access/auth';
import { canEnterForAllMembers, canEnterValue } from '../access/permissions';
import type { Measurement } from '../figures/measurement';
import { lockedYearReason, type ReportingRound } from './reporting-round';
import { APPROVED_VALUE_REASON, reviewChangeRefusal, type ReviewRights } from './review';

/**
 * Whether a person may change a value as proposed, given the value as it
 * stands, the year's lock and the round's review rules. The server decides
 * every value edit with this (sync/authorize.ts: the lock first, then, for
 * those who may enter the value, the review rules), and the property tests
 * beside it run the same function.
 */
export type ValueEdit = {
	current: Measurement | undefined;
	next: Measurement;
	roles: readonly RoleAssignment[];
	groupingId: string;
	groupingName: string;
	/** The grouping's locked round for the value's year, if the year is locked. */
	lockedRound: ReportingRound | undefined;
};

export function reviewRights(
	roles: readonly RoleAssignment[],
	groupingId: string,
	organisationId: string
): ReviewRights {
	return {
		mayEnter: canEnterValue(roles, groupingId, organisationId),
		mayReview: canEnterForAllMembers(roles, groupingId)
	};
}

/** A locked year refuses everyone, admins included: reopening the year is the one way to change it. */
export function valueEditRefusal(edit: ValueEdit): string | null {
	if (edit.lockedRound) return lockedYearReason(edit.lockedRound, edit.groupingName);
	return reviewChangeRefusal(
		edit.current,
		edit.next,
		reviewRights(edit.roles, edit.groupingId, edit.next.organisationId)
	);
}

/**
 * Why the entry form shows a value as read-only, or null when the person may
 * change it: a locked year is closed to everyone, an approved value to all
 * but the reviewers (a reporter asks for it to be returned). The form offers
 * only what the server will accept (valueEditRefusal).
 */
export function valueReadOnlyReason(input: {
	lockedRound: ReportingRound | undefined;
	groupingName: string;
	measurement: Pick<Measurement, 'review'> | undefined;
	mayReview: boolean;
}): string | null {
	if (input.lockedRound) return lockedYearReason(input.lockedRound, input.groupingName);
	if (input.measurement?.review?.state === 'approved' && !input.mayReview)
		return APPROVED_VALUE_REASON;
	return null;
}

/**
 * Whether "Skicka in" is this person's step for a member's values in a
 * round: a reporter's for her municipality, and an editor's only where the
 * federation's editors report (or for the grouping's own values); in a round
 * the reporters report, an editor approves instead.
 */
export function maySubmit(
	roles: readonly RoleAssignment[],
	round: Pick<ReportingRound, 'groupingId' | 'reportedBy'>,
	organisationId: string
): boolean {
	if (!canEnterValue(roles, round.groupingId, organisationId)) return false;
	return (
		!canEnterForAllMembers(roles, round.groupingId) ||
		organisationId === round.groupingId ||
		round.reportedBy === 'editors'
	);
}
