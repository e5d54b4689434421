// Who is a member in which year. Apart from the Membership schema (membership.ts),
// so that a page counting members does not build the schemas (the start page
// does, and zod stays off it: README "Benchmark").
import type { Membership } from './membership';

export function isMemberInYear(m: Pick<Membership, 'fromYear' | 'toYear'>, year: number): boolean {
	return m.fromYear <= year && (m.toYear === undefined || year <= m.toYear);
}

/** The member ids of a grouping in a given year, in a stable order. */
export function membersInYear(memberships: Membership[], groupingId: string, year: number): string[] {
	return [
		...new Set(
			memberships
				.filter((m) => m.groupingId === groupingId && isMemberInYear(m, year))
				.map((m) => m.memberId)
		)
	].sort();
}
