import * as z from 'zod/mini';
import { Id, SourceRef, Year } from '../common';

export const Unit = z.enum(['percent', 'count', 'sek', 'persons', 'yesno', 'scale5', 'text']);
export type Unit = z.infer<typeof Unit>;

/**
 * How members' values combine into the grouping's value: 'mean' unweighted;
 * 'weightedMean' weighted by another series of the grouping (weightSeriesId);
 * 'ratio' Σ numerators / Σ denominators (Indicator.ratio), a pooled share;
 * 'sum'; 'shareYes' the share of members answering yes; 'none' no combined value.
 */
export const Aggregation = z.enum(['mean', 'weightedMean', 'ratio', 'sum', 'shareYes', 'none']);
export type Aggregation = z.infer<typeof Aggregation>;

export const BetterDirection = z.enum(['higher', 'lower', 'none']);
export type BetterDirection = z.infer<typeof BetterDirection>;

export const IndicatorSource = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('manual'), description: z.optional(SourceRef) }),
	z.object({
		kind: z.literal('scb'),
		table: z.string().check(z.minLength(1), z.maxLength(100)),
		description: z.optional(SourceRef)
	}),
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
		/**
		 * The series the indicator's values belong to: the id of the indicator
		 * that founded it. Absent for a founder, whose values are its own. A
		 * plan copied forward gets new indicators (its own names, goals and
		 * targets) that follow the old ones' series, so the years before the
		 * copy stay on its charts and the old plan is left as it was.
		 */
		seriesId: z.optional(Id),
		name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(500)),
		description: z.optional(z.string().check(z.maxLength(5000))),
		unit: Unit,
		decimals: z.int().check(z.gte(0), z.lte(4)),
		betterDirection: BetterDirection,
		source: IndicatorSource,
		/** A web page where the figures or their definition can be read (SCB's table, Kolada's KPI page). */
		sourceUrl: z.optional(
			z
				.url({ protocol: /^https?$/, message: 'Ange en fullständig webbadress (https://…)' })
				.check(z.maxLength(1000))
		),
		aggregation: Aggregation,
		scope: z._default(IndicatorScope, 'members'),
		genderBreakdown: z._default(z.boolean(), false),
		/**
		 * 'weightedMean': the indicator of the same grouping whose values weigh
		 * each member's value in each year, e.g. population 16–74 (Kolada N01951).
		 */
		weightSeriesId: z.optional(Id),
		/**
		 * 'ratio': the grouping's value is Σ numerator / Σ denominator over the
		 * members (× 100 for percent), each member's value its own ratio. Both are
		 * indicators of the same grouping whose values are stored; the ratio's own
		 * values are never entered.
		 */
		ratio: z.optional(z.object({ numeratorId: Id, denominatorId: Id })),
		/** E.g. "25–64 år"; shown next to the method. */
		population: z.optional(z.string().check(z.maxLength(200))),
		order: z._default(z.int().check(z.nonnegative()), 0),
		/** Removed while it had values: in force only before this year (archive.ts). */
		archivedFromYear: z.optional(Year),
		/** True when the indicator's values in the demo data are examples, not from a document. */
		exampleData: z._default(z.boolean(), false)
	})
	.check(
		z.superRefine((ind, ctx) => {
			if (ind.aggregation === 'shareYes' && ind.unit !== 'yesno') {
				ctx.addIssue({
					code: 'custom',
					path: ['aggregation'],
					message: 'Andel ja kräver enheten ja/nej'
				});
			}
			if (ind.unit === 'text' && ind.aggregation !== 'none') {
				ctx.addIssue({
					code: 'custom',
					path: ['aggregation'],
					message: 'Textvärden kan inte läggas samman'
				});
			}
			for (const issue of methodIssues(ind)) ctx.addIssue({ code: 'custom', ...issue });
		})
	);
export type Indicator = z.infer<typeof Indicator>;

/** Units a ratio of sums can have: a share (× 100), or an amount per unit of the denominator (kronor per invånare). */
const RATIO_UNITS: readonly Unit[] = ['percent', 'count', 'sek'];

/** What is wrong with an indicator's weight series or ratio, as issues for the schema (Swedish messages). */
function methodIssues(ind: {
	id: string;
	aggregation: Aggregation;
	unit: Unit;
	scope?: 'members' | 'grouping';
	weightSeriesId?: string;
	ratio?: { numeratorId: string; denominatorId: string };
}): { path: string[]; message: string }[] {
	const issues: { path: string[]; message: string }[] = [];
	if (ind.weightSeriesId !== undefined) {
		if (ind.aggregation !== 'weightedMean')
			issues.push({
				path: ['weightSeriesId'],
				message: 'En viktserie anges bara för viktat medelvärde'
			});
		if (ind.weightSeriesId === ind.id)
			issues.push({
				path: ['weightSeriesId'],
				message: 'En indikator kan inte vara sin egen vikt'
			});
	}
	if (ind.aggregation === 'ratio') {
		if (!ind.ratio)
			issues.push({ path: ['ratio'], message: 'Kvot av summor behöver en täljare och en nämnare' });
		if (!RATIO_UNITS.includes(ind.unit))
			issues.push({
				path: ['unit'],
				message: 'Kvot av summor kräver enheten procent, antal eller kronor'
			});
		if (ind.scope === 'grouping')
			issues.push({ path: ['scope'], message: 'Kvot av summor räknas ur medlemmarnas värden' });
	} else if (ind.ratio) {
		issues.push({ path: ['ratio'], message: 'Täljare och nämnare anges bara för kvot av summor' });
	}
	if (ind.ratio) {
		if (ind.ratio.numeratorId === ind.ratio.denominatorId)
			issues.push({
				path: ['ratio'],
				message: 'Täljaren och nämnaren måste vara olika indikatorer'
			});
		if (ind.ratio.numeratorId === ind.id || ind.ratio.denominatorId === ind.id)
			issues.push({ path: ['ratio'], message: 'En kvot kan inte räknas ur sig själv' });
	}
	return issues;
}

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
	mean: 'oviktat medelvärde',
	weightedMean: 'viktat medelvärde',
	ratio: 'kvot av summor',
	sum: 'summa',
	shareYes: 'andel ja',
	none: 'läggs inte samman'
};

export { seriesOf } from '../figures/indicator-series';

export function isNumericUnit(unit: Unit): boolean {
	return unit !== 'text';
}
