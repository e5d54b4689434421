// What a role lets its holder do, decided the same way on the client (to hide
// controls) and the server (to enforce). Apart from the auth schemas (auth.ts) so
// that a page asking what its user may do does not build every schema of the
// auth API: the start page is one, and zod stays off it (docs/benchmarks.md).
import type { RoleAssignment } from './auth';

/** A value for this member: admins and editors for every member, a reporter for their own municipality. */
export function canEnterValue(
	roles: readonly RoleAssignment[],
	groupingId: string,
	organisationId: string
): boolean {
	return roles.some(
		(r) =>
			r.organisationId === groupingId &&
			(r.role === 'admin' ||
				r.role === 'editor' ||
				(r.role === 'reporter' && r.municipalityId === organisationId))
	);
}

/** Whether the person may enter any value at all in the grouping (every role but viewer). */
export function canEnterAnyValue(roles: readonly RoleAssignment[], groupingId: string): boolean {
	return roles.some((r) => r.organisationId === groupingId && r.role !== 'viewer');
}

/** Admins and editors enter values for every member at once (the whole grid, an import). */
export function canEnterForAllMembers(
	roles: readonly RoleAssignment[],
	groupingId: string
): boolean {
	return roles.some(
		(r) => r.organisationId === groupingId && (r.role === 'admin' || r.role === 'editor')
	);
}

/**
 * The national value (Riket, Kolada's kommun 0000) beside the members': the
 * grouping's comparison figure, imported with the members' values by those
 * who enter for all of them. A reporter enters her own municipality's only.
 */
export function canEnterNationalValue(
	roles: readonly RoleAssignment[],
	groupingId: string
): boolean {
	return canEnterForAllMembers(roles, groupingId);
}

/** Assessing a goal is the federation's judgement: the same people who enter for all members. */
export function canAssess(roles: readonly RoleAssignment[], groupingId: string): boolean {
	return canEnterForAllMembers(roles, groupingId);
}

export function canAdminister(roles: readonly RoleAssignment[], groupingId: string): boolean {
	return roles.some((r) => r.organisationId === groupingId && r.role === 'admin');
}

export function canRead(roles: readonly RoleAssignment[], groupingId: string): boolean {
	return roles.some((r) => r.organisationId === groupingId);
}

/**
 * Creating a new grouping: someone who already administers one (the
 * installation's first admin, made with `npm run create-admin`, does). The
 * creator becomes the new grouping's admin.
 */
export function canCreateGrouping(roles: readonly RoleAssignment[]): boolean {
	return roles.some((r) => r.role === 'admin');
}
