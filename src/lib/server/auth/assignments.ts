import { ROLE_LABELS, type RoleAssignment } from '$lib/domain/access/auth';
import type { Database, Transaction } from '../db/connection';
import { databaseLookup, nameOf } from '../reference/ownership';

/**
 * Whether a role can be given at all: the grouping exists (and is a
 * grouping), and a reporter's municipality is, or has been, one of its
 * members. Returns a Swedish reason, or null when the assignment is fine.
 */
export async function assignmentProblem(
	db: Database | Transaction,
	assignment: RoleAssignment
): Promise<string | null> {
	const lookup = databaseLookup(db);
	const grouping = await lookup.find('organisation', assignment.organisationId);
	if (!grouping) return `Organisationen ${assignment.organisationId} finns inte.`;
	if (grouping.groupingId === null)
		return `${nameOf(grouping)} är en kommun; roller ges i ett förbund, en samverkan eller ett projekt.`;
	if (
		assignment.municipalityId !== undefined &&
		!(await lookup.hasMember(assignment.organisationId, assignment.municipalityId))
	) {
		const municipality = await lookup.find('organisation', assignment.municipalityId);
		return `${nameOf(municipality, assignment.municipalityId)} är inte medlem i ${nameOf(grouping)}.`;
	}
	return null;
}

/** "Dorotea", "Akademi Norr": the name to use in a message, or the id when the organisation is unknown. */
export async function organisationName(db: Database | Transaction, id: string): Promise<string> {
	return nameOf(await databaseLookup(db).find('organisation', id), id);
}

/** "rapportör för Dorotea", "administratör": a role as the change log words it. */
export async function roleText(
	db: Database | Transaction,
	assignment: RoleAssignment
): Promise<string> {
	const role = ROLE_LABELS[assignment.role].toLowerCase();
	return assignment.municipalityId === undefined
		? role
		: `${role} för ${await organisationName(db, assignment.municipalityId)}`;
}
