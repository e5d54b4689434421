import * as z from 'zod/mini';
import { Id, SourceRef } from '../common';

export const OrganisationKind = z.enum(['municipality', 'federation', 'partnership', 'project']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const GROUPING_KINDS = ['federation', 'partnership', 'project'] as const;

export const Kommunkod = z.string().check(z.regex(/^\d{4}$/, 'Kommunkoden ska ha fyra siffror'));
export const CountyCode = z.string().check(z.regex(/^\d{2}$/, 'Länskoden ska ha två siffror'));

/**
 * A municipality (with kommunkod and county) or a grouping of municipalities
 * (kommunalförbund, partnership, time-limited project).
 */
export const Organisation = z
	.object({
		id: Id,
		kind: OrganisationKind,
		name: z.string().check(z.trim(), z.minLength(1, 'Namn saknas'), z.maxLength(200)),
		shortName: z.optional(z.string().check(z.trim(), z.maxLength(80))),
		kommunkod: z.optional(Kommunkod),
		countyCode: z.optional(CountyCode),
		countyName: z.optional(z.string().check(z.maxLength(100))),
		description: z.optional(z.string().check(z.maxLength(5000))),
		/** For projects: the period the project runs (ISO dates). */
		period: z.optional(z.object({ from: z.string(), to: z.string() })),
		source: z.optional(SourceRef)
	})
	.check(
		z.superRefine((org, ctx) => {
			if (org.kind === 'municipality' && !org.kommunkod) {
				ctx.addIssue({
					code: 'custom',
					path: ['kommunkod'],
					message: 'En kommun måste ha kommunkod'
				});
			}
			if (org.kind !== 'municipality' && org.kommunkod) {
				ctx.addIssue({
					code: 'custom',
					path: ['kommunkod'],
					message: 'Bara kommuner har kommunkod'
				});
			}
		})
	);
export type Organisation = z.infer<typeof Organisation>;

export function isGrouping(org: Pick<Organisation, 'kind'>): boolean {
	return org.kind !== 'municipality';
}
