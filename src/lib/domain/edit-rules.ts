import type { RoleAssignment } from './auth';
import { canEnterForAllMembers, canEnterValue } from './permissions';
import type { Measurement } from './measurement';
import { lockedYearReason, type ReportingRound } from './reporting-round';
import { reviewChangeRefusal, type ReviewRights } from './review';

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

export function reviewRights(roles: readonly RoleAssignment[], groupingId: string, organisationId: string): ReviewRights {
	return { mayEnter: canEnterValue(roles, groupingId, organisationId), mayReview: canEnterForAllMembers(roles, groupingId) };
}

/** A locked year refuses everyone, admins included: reopening the year is the one way to change it. */
export function valueEditRefusal(edit: ValueEdit): string | null {
	if (edit.lockedRound) return lockedYearReason(edit.lockedRound, edit.groupingName);
	return reviewChangeRefusal(edit.current, edit.next, reviewRights(edit.roles, edit.groupingId, edit.next.organisationId));
}
