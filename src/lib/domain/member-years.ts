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

/**
 * membersInYear for each of `years`. Sorted again only when the memberships
 * in force change from one year to the next, which over twenty years is
 * seldom: the indicator page asks for every year of 290 members. Years with
 * the same members share one array; callers do not change it.
 */
export function membersByYear(memberships: Membership[], groupingId: string, years: readonly number[]): Map<number, string[]> {
	const own = memberships.filter((m) => m.groupingId === groupingId);
	const byYear = new Map<number, string[]>();
	let inForce: Membership[] = [];
	let ids: string[] = [];
	for (const [i, year] of years.entries()) {
		const now = own.filter((m) => isMemberInYear(m, year));
		if (i === 0 || now.length !== inForce.length || now.some((m, k) => m !== inForce[k])) ids = [...new Set(now.map((m) => m.memberId))].sort();
		inForce = now;
		byYear.set(year, ids);
	}
	return byYear;
}
