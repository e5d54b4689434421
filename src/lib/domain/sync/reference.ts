import * as z from 'zod/mini';
import { Organisation } from '../plan/organisation';
import { Membership } from '../plan/membership';
import { Plan, GoalArea, Goal, SubGoal } from '../plan/goal-tree';
import { Indicator } from '../plan/indicator';
import { Target } from '../plan/target';
import { ReportingRound } from '../entry/reporting-round';

/**
 * GET /api/reference: the goal trees of the groupings the signed-in user has
 * a role in (the demo data's shape without measurements and assessments,
 * which come through the sync). `revision` changes whenever any reference
 * row or any role changes; a client sends it back as `?since=<revision>` and
 * gets 304 Not Modified while it still holds, otherwise the full set again.
 */
export const ReferenceData = z.object({
	revision: z.int().check(z.nonnegative()),
	organisations: z.array(Organisation),
	memberships: z.array(Membership),
	plans: z.array(Plan),
	goalAreas: z.array(GoalArea),
	goals: z.array(Goal),
	subGoals: z.array(SubGoal),
	indicators: z.array(Indicator),
	targets: z.array(Target),
	/** The groupings' reporting rounds: who reports what for which year, and which years are locked. */
	reportingRounds: z.array(ReportingRound)
});
export type ReferenceData = z.infer<typeof ReferenceData>;

/** The tables of ReferenceData, and the tables of values beside them: named once for the store, the seed and backups. */
export const REFERENCE_TABLES = [
	'organisations',
	'memberships',
	'plans',
	'goalAreas',
	'goals',
	'subGoals',
	'indicators',
	'targets',
	'reportingRounds'
] as const;
export const VALUE_TABLES = ['measurements', 'assessments'] as const;
export const ALL_TABLES = [...REFERENCE_TABLES, ...VALUE_TABLES] as const;

/**
 * The reference entities an admin writes through PUT and DELETE
 * /api/admin/<path>/<id>, each with its one schema. Organisations are not
 * among them: municipalities are national facts and groupings are created
 * with the server.
 */
export const ADMIN_ENTITIES = {
	plans: { entity: 'plan', schema: Plan },
	'goal-areas': { entity: 'goalArea', schema: GoalArea },
	goals: { entity: 'goal', schema: Goal },
	'sub-goals': { entity: 'subGoal', schema: SubGoal },
	indicators: { entity: 'indicator', schema: Indicator },
	targets: { entity: 'target', schema: Target },
	memberships: { entity: 'membership', schema: Membership }
} as const;
export type AdminEntityPath = keyof typeof ADMIN_ENTITIES;
export type AdminEntity = (typeof ADMIN_ENTITIES)[AdminEntityPath]['entity'];

export function isAdminEntityPath(path: string): path is AdminEntityPath {
	return Object.hasOwn(ADMIN_ENTITIES, path);
}
