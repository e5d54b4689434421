import * as z from 'zod/mini';
import { Id, SourceRef } from './common';

export const Unit = z.enum(['percent', 'count', 'sek', 'persons', 'yesno', 'scale5', 'text']);
export type Unit = z.infer<typeof Unit>;

/** How members' values combine into the grouping's value. */
export const Aggregation = z.enum(['mean', 'weightedMean', 'sum', 'shareYes', 'none']);
export type Aggregation = z.infer<typeof Aggregation>;

export const BetterDirection = z.enum(['higher', 'lower', 'none']);
export type BetterDirection = z.infer<typeof BetterDirection>;

export const IndicatorSource = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('manual'), description: z.optional(SourceRef) }),
	z.object({ kind: z.literal('scb'), table: z.string().check(z.minLength(1), z.maxLength(100)), description: z.optional(SourceRef) }),
	z.object({
		kind: z.literal('kolada'),
		kpiId: z.string().check(z.regex(/^[A-Z]\d{5}$/, 'Kolada-id ska se ut som N01951')),
		description: z.optional(SourceRef)
	}),
	z.object({ kind: z.literal('document'), description: SourceRef })
]);
export type IndicatorSource = z.infer<typeof IndicatorSource>;

/**
 * Who values are recorded for: every member municipality (aggregated to the
 * grouping), or only the grouping itself (financial goals, project targets).
 */
export const IndicatorScope = z.enum(['members', 'grouping']);

export const Indicator = z
	.object({
		id: Id,
		/** The grouping that follows this indicator. */
		organisationId: Id,
		/** The goal or sub-goal the indicator measures. */
		goalId: z.optional(Id),
		name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(500)),
		description: z.optional(z.string().check(z.maxLength(5000))),
		unit: Unit,
		decimals: z.int().check(z.gte(0), z.lte(4)),
		betterDirection: BetterDirection,
		source: IndicatorSource,
		aggregation: Aggregation,
		scope: z._default(IndicatorScope, 'members'),
		genderBreakdown: z._default(z.boolean(), false),
		/** E.g. "25–64 år"; shown next to the method. */
		population: z.optional(z.string().check(z.maxLength(200))),
		order: z._default(z.int().check(z.nonnegative()), 0),
		/** True when the indicator's values in the demo data are examples, not from a document. */
		exampleData: z._default(z.boolean(), false)
	})
	.check(
		z.superRefine((ind, ctx) => {
			if (ind.aggregation === 'shareYes' && ind.unit !== 'yesno') {
				ctx.addIssue({ code: 'custom', path: ['aggregation'], message: 'Andel ja kräver enheten ja/nej' });
			}
			if (ind.unit === 'text' && ind.aggregation !== 'none') {
				ctx.addIssue({ code: 'custom', path: ['aggregation'], message: 'Textvärden kan inte läggas samman' });
			}
		})
	);
export type Indicator = z.infer<typeof Indicator>;

export const UNIT_LABELS: Record<Unit, string> = {
	percent: 'procent',
	count: 'antal',
	sek: 'kronor',
	persons: 'personer',
	yesno: 'ja/nej',
	scale5: 'skala 1–5',
	text: 'text'
};

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
	mean: 'medelvärde',
	weightedMean: 'befolkningsviktat medelvärde',
	sum: 'summa',
	shareYes: 'andel ja',
	none: 'läggs inte samman'
};

export function isNumericUnit(unit: Unit): boolean {
	return unit !== 'text';
}
