import { z } from 'zod';
import { Organisation } from './organisation';
import { Membership } from './membership';
import { Plan, GoalArea, Goal, SubGoal } from './goal-tree';
import { Indicator } from './indicator';
import { Target } from './target';

/**
 * The definitions a user's groupings are made of (members, goal trees,
 * indicators, targets), as GET /api/reference sends them: only the
 * groupings the user has a role in. Values and assessments come by sync.
 */
export const ReferenceData = z.object({
	revision: z.number().int().nonnegative(),
	organisations: z.array(Organisation),
	memberships: z.array(Membership),
	plans: z.array(Plan),
	goalAreas: z.array(GoalArea),
	goals: z.array(Goal),
	subGoals: z.array(SubGoal),
	indicators: z.array(Indicator),
	targets: z.array(Target)
});
export type ReferenceData = z.infer<typeof ReferenceData>;
