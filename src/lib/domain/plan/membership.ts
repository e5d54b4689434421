import * as z from 'zod/mini';
import { Id, Year, SourceRef } from '../common';

/**
 * A municipality's membership of a grouping over time. A municipality can hold
 * several at once (Arjeplog is in Akademi Norr and Norrbottens Kommuner).
 */
export const Membership = z
	.object({
		id: Id,
		groupingId: Id,
		memberId: Id,
		fromYear: Year,
		/** Last year of membership, inclusive; absent while the membership lasts. */
		toYear: z.optional(Year),
		/** E.g. "värdkommun" (host) or a working-group assignment. */
		role: z.optional(z.string().check(z.maxLength(200))),
		/** Yearly member fee in SEK where the source documents give one. */
		feeSek: z.optional(z.number().check(z.nonnegative())),
		source: z.optional(SourceRef)
	})
	.check(
		z.refine((m) => m.toYear === undefined || m.toYear >= m.fromYear, {
			message: 'Medlemskapet kan inte sluta före det börjar',
			path: ['toYear']
		})
	);
export type Membership = z.infer<typeof Membership>;
