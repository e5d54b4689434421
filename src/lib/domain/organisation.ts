import { z } from 'zod';
import { Id, SourceRef } from './common';

export const OrganisationKind = z.enum(['municipality', 'federation', 'partnership', 'project']);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const GROUPING_KINDS = ['federation', 'partnership', 'project'] as const;

export const Kommunkod = z.string().regex(/^\d{4}$/, 'Kommunkoden ska ha fyra siffror');
export const CountyCode = z.string().regex(/^\d{2}$/, 'Länskoden ska ha två siffror');

/**
 * A municipality (with kommunkod and county) or a grouping of municipalities
 * (kommunalförbund, partnership, time-limited project).
 */
export const Organisation = z
	.object({
		id: Id,
		kind: OrganisationKind,
		name: z.string().trim().min(1, 'Namn saknas').max(200),
		shortName: z.string().trim().max(80).optional(),
		kommunkod: Kommunkod.optional(),
		countyCode: CountyCode.optional(),
		countyName: z.string().max(100).optional(),
		description: z.string().max(5000).optional(),
		/** For projects: the period the project runs (ISO dates). */
		period: z.object({ from: z.string(), to: z.string() }).optional(),
		source: z.optional(SourceRef)
	})
	.superRefine((org, ctx) => {
		if (org.kind === 'municipality' && !org.kommunkod) {
			ctx.addIssue({ code: 'custom', path: ['kommunkod'], message: 'En kommun måste ha kommunkod' });
		}
		if (org.kind !== 'municipality' && org.kommunkod) {
			ctx.addIssue({ code: 'custom', path: ['kommunkod'], message: 'Bara kommuner har kommunkod' });
		}
	});
export type Organisation = z.infer<typeof Organisation>;

export function isGrouping(org: Pick<Organisation, 'kind'>): boolean {
	return org.kind !== 'municipality';
}
