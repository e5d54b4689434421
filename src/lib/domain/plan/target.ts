import * as z from 'zod/mini';
import { Id, Year, SourceRef } from '../common';

const TargetValue = z.number();

export const TargetRule = z.discriminatedUnion('kind', [
	/** An explicit value per year. */
	z.object({
		kind: z.literal('perYear'),
		values: z.array(z.object({ year: Year, value: TargetValue })).check(
			z.minLength(1, 'Ange minst ett årsvärde'),
			z.refine(
				(values) => new Set(values.map((v) => v.year)).size === values.length,
				'Varje år får ha ett enda målvärde'
			)
		)
	}),
	/** Baseline plus a yearly change: percentage points (additive) or percent (compound). */
	z.object({
		kind: z.literal('yearlyChange'),
		change: TargetValue,
		changeUnit: z.enum(['pp', 'percent']),
		/** Last year the target path runs to; absent = open-ended. */
		untilYear: z.optional(Year)
	}),
	/** A level that must hold every year: ≥, ≤ or = (yes/no indicators use = 1 for "yes"). */
	z.object({
		kind: z.literal('threshold'),
		operator: z.enum(['>=', '<=', '=']),
		value: TargetValue
	})
]);
export type TargetRule = z.infer<typeof TargetRule>;

/**
 * A target for one indicator and one scope: the grouping as a whole, or one member.
 */
export const Target = z
	.object({
		id: Id,
		indicatorId: Id,
		/** The grouping itself, or one member municipality. */
		organisationId: Id,
		baseline: z.optional(z.object({ year: Year, value: TargetValue })),
		rule: TargetRule,
		description: z.optional(z.string().check(z.maxLength(2000))),
		source: z.optional(SourceRef)
	})
	.check(
		z.superRefine((t, ctx) => {
			if (t.rule.kind === 'yearlyChange' && !t.baseline) {
				ctx.addIssue({
					code: 'custom',
					path: ['baseline'],
					message: 'Årlig förändring kräver ett utgångsvärde'
				});
			}
		})
	);
export type Target = z.infer<typeof Target>;
