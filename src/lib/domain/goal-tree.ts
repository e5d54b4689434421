import { z } from 'zod';
import { Id, Year, SourceRef } from './common';

/** A grouping's plan, e.g. "Verksamhetsplan 2025" or "Inriktning 2023–2026". */
export const Plan = z
	.object({
		id: Id,
		organisationId: Id,
		name: z.string().trim().min(1, 'Namn saknas').max(200),
		fromYear: Year,
		toYear: Year,
		vision: z.string().max(2000).optional(),
		description: z.string().max(10000).optional(),
		source: z.optional(SourceRef)
	})
	.refine((p) => p.toYear >= p.fromYear, { message: 'Planen kan inte sluta före den börjar', path: ['toYear'] });
export type Plan = z.infer<typeof Plan>;

/** A goal area (målområde / fokusområde) inside a plan. */
export const GoalArea = z.object({
	id: Id,
	planId: Id,
	name: z.string().trim().min(1, 'Namn saknas').max(300),
	description: z.string().max(10000).optional(),
	order: z.number().int().nonnegative()
});
export type GoalArea = z.infer<typeof GoalArea>;

/**
 * A goal. Goals with numeric indicators get a derived status; goals without
 * them are followed by a yearly assessment (see assessment.ts).
 */
export const Goal = z.object({
	id: Id,
	planId: Id,
	goalAreaId: z.optional(Id),
	/** "overall" = övergripande mål, "horizontal" = horisontellt mål, "financial" = finansiellt mål. */
	kind: z.enum(['overall', 'goal', 'horizontal', 'financial']).default('goal'),
	name: z.string().trim().min(1, 'Namn saknas').max(1000),
	description: z.string().max(10000).optional(),
	order: z.number().int().nonnegative()
});
export type Goal = z.infer<typeof Goal>;

/** A sub-goal (delmål) under a goal. */
export const SubGoal = z.object({
	id: Id,
	goalId: Id,
	name: z.string().trim().min(1, 'Namn saknas').max(1000),
	description: z.string().max(10000).optional(),
	order: z.number().int().nonnegative()
});
export type SubGoal = z.infer<typeof SubGoal>;
