import * as z from 'zod/mini';
import { Year } from '../common';
import { GROUPING_KINDS } from './organisation';

/**
 * The bodies of the plan editor's actions besides PUT and DELETE:
 * POST /api/admin/<entity>/<id>/<action> and POST /api/admin/groupings.
 */

/** remove: the item is archived from this year when it has values or assessments, deleted otherwise. */
export const RemoveRequest = z.strictObject({ fromYear: Year });
export type RemoveRequest = z.infer<typeof RemoveRequest>;

/** move: one step up or down among its siblings (the same plan, area, goal). */
export const MoveRequest = z.strictObject({
	direction: z.enum(['up', 'down'], 'Ange upp eller ned')
});
export type MoveRequest = z.infer<typeof MoveRequest>;

/** copy (plans): the new plan's years and name. */
export const CopyPlanRequest = z
	.strictObject({
		fromYear: Year,
		toYear: Year,
		name: z
			.string()
			.check(
				z.trim(),
				z.minLength(1, 'Ge den nya planen ett namn'),
				z.maxLength(200, 'Namnet får vara högst 200 tecken')
			)
	})
	.check(
		z.refine((r) => r.toYear >= r.fromYear, {
			message: 'Planen kan inte sluta före den börjar',
			path: ['toYear']
		})
	);
export type CopyPlanRequest = z.infer<typeof CopyPlanRequest>;

export const GROUPING_KIND_LABELS: Record<(typeof GROUPING_KINDS)[number], string> = {
	federation: 'Kommunalförbund',
	partnership: 'Samverkan',
	project: 'Projekt'
};

/** A new, empty grouping; its creator becomes its admin. */
export const NewGroupingRequest = z.strictObject({
	name: z
		.string()
		.check(
			z.trim(),
			z.minLength(1, 'Ange ett namn'),
			z.maxLength(200, 'Namnet får vara högst 200 tecken')
		),
	kind: z.enum(GROUPING_KINDS, 'Välj kommunalförbund, samverkan eller projekt'),
	shortName: z.optional(
		z.string().check(z.trim(), z.maxLength(80, 'Kortnamnet får vara högst 80 tecken'))
	),
	description: z.optional(
		z.string().check(z.maxLength(5000, 'Beskrivningen får vara högst 5000 tecken'))
	)
});
export type NewGroupingRequest = z.infer<typeof NewGroupingRequest>;

/** The action answers: what a removal did, and where a copy landed. */
export type RemoveOutcome = { outcome: 'archived' | 'deleted'; archivedFromYear?: number };
export type CopyOutcome = { planId: string; created: boolean };
