import * as z from 'zod/mini';
import { Id, Year, SourceRef } from '../common';
import { AssessmentScale } from '../figures/assessment';

/**
 * Set when an item that has values or assessments was removed: it is kept
 * (history, the reports of earlier years) and in force only in the years
 * before this one; see archive.ts. Absent while the item is in use.
 */
export const ArchivedFromYear = z.optional(Year);

/** A grouping's plan, e.g. "Verksamhetsplan 2025" or "Inriktning 2023–2026". */
export const Plan = z
	.object({
		id: Id,
		organisationId: Id,
		name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(200)),
		fromYear: Year,
		toYear: Year,
		vision: z.optional(z.string().check(z.maxLength(2000))),
		description: z.optional(z.string().check(z.maxLength(10000))),
		source: z.optional(SourceRef),
		/** The scale the plan's goals are assessed on (assessment.ts). Plans stored before the choice existed use the status scale. */
		assessmentScale: z._default(AssessmentScale, 'status')
	})
	.check(
		z.refine((p) => p.toYear >= p.fromYear, {
			message: 'Planen kan inte sluta före den börjar',
			path: ['toYear']
		})
	);
export type Plan = z.infer<typeof Plan>;

/** A goal area (målområde / fokusområde) inside a plan. */
export const GoalArea = z.object({
	id: Id,
	planId: Id,
	name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(300)),
	description: z.optional(z.string().check(z.maxLength(10000))),
	order: z.int().check(z.nonnegative()),
	archivedFromYear: ArchivedFromYear
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
	kind: z._default(z.enum(['overall', 'goal', 'horizontal', 'financial']), 'goal'),
	name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(1000)),
	description: z.optional(z.string().check(z.maxLength(10000))),
	order: z.int().check(z.nonnegative()),
	archivedFromYear: ArchivedFromYear
});
export type Goal = z.infer<typeof Goal>;

/** A sub-goal (delmål) under a goal. */
export const SubGoal = z.object({
	id: Id,
	goalId: Id,
	name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(1000)),
	description: z.optional(z.string().check(z.maxLength(10000))),
	order: z.int().check(z.nonnegative()),
	archivedFromYear: ArchivedFromYear
});
export type SubGoal = z.infer<typeof SubGoal>;
