// Who is a member in which year. Apart from the Membership schema (membership.ts),
// so that a page counting members does not build the schemas (the start page
// does, and zod stays off it: docs/benchmarks.md).
import type { Membership } from './membership';

export function isMemberInYear(m: Pick<Membership, 'fromYear' | 'toYear'>, year: number): boolean {
	return m.fromYear <= year && (m.toYear === undefined || year <= m.toYear);
}

/** The member ids of a grouping in a given year, in a stable order. */
export function membersInYear(
	memberships: Membership[],
	groupingId: string,
	year: number
): string[] {
	return [
		...new Set(
			memberships
				.filter((m) => m.groupingId === groupingId && isMemberInYear(m, year))
				.map((m) => m.memberId)
		)
	].sort();
}

/**
 * membersInYear for each of `years`. Worked out again only where a
 * membership starts or ends between one year asked for and the next, which
 * over twenty years is seldom: the indicator page asks for every year of 290
 * members. Years with the same members share one array; callers do not change it.
 */
export function membersByYear(
	memberships: Membership[],
	groupingId: string,
	years: readonly number[]
): Map<number, string[]> {
	const own = memberships.filter((m) => m.groupingId === groupingId);
	// The first year a membership counts, and the first year it no longer does.
	const changes = [
		...new Set(
			own.flatMap((m) => (m.toYear === undefined ? [m.fromYear] : [m.fromYear, m.toYear + 1]))
		)
	];
	const byYear = new Map<number, string[]>();
	let ids: string[] = [];
	// Between two years the members differ exactly when a change falls after the earlier and by the later.
	const changedBetween = (a: number, b: number) =>
		changes.some((c) => c > Math.min(a, b) && c <= Math.max(a, b));
	years.forEach((year, i) => {
		if (i === 0 || changedBetween(years[i - 1], year)) ids = membersInYear(own, groupingId, year);
		byYear.set(year, ids);
	});
	return byYear;
}
