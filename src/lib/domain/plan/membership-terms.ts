// The rules of a grouping's memberships over the years: which period holds a
// member's fee and role in a year, which periods may not overlap, and how a
// membership is ended or given a new fee or role from a year on. Pure, and
// apart from the Membership schema (membership.ts) like member-years.ts, so the
// grouping's page reads it without zod.
import { isMemberInYear } from './member-years';
import type { Membership } from './membership';

/** A membership period in words: "2025–", "2018–2024", "2026". */
export function periodText(m: Pick<Membership, 'fromYear' | 'toYear'>): string {
	if (m.toYear === undefined) return `${m.fromYear}–`;
	return m.toYear === m.fromYear ? String(m.fromYear) : `${m.fromYear}–${m.toYear}`;
}

/**
 * The period of a member's membership that covers `year`: it holds that
 * year's fee and role. A member whose fee changes from 2025 has one period
 * to 2024 and one from 2025; the first row found is not the year's row.
 */
export function membershipInYear(
	memberships: readonly Membership[],
	groupingId: string,
	memberId: string,
	year: number
): Membership | null {
	return (
		memberships.find(
			(m) => m.groupingId === groupingId && m.memberId === memberId && isMemberInYear(m, year)
		) ?? null
	);
}

/** The grouping's members in `year`, each with the period that holds the year's fee and role. */
export function membershipsOfYear(
	memberships: readonly Membership[],
	groupingId: string,
	year: number
): Membership[] {
	const byMember = new Map<string, Membership>();
	for (const m of memberships) {
		if (m.groupingId === groupingId && isMemberInYear(m, year) && !byMember.has(m.memberId))
			byMember.set(m.memberId, m);
	}
	return [...byMember.values()];
}

/** The sum of the year's member fees; null when no member has a fee that year. */
export function totalFee(ofYear: readonly Membership[]): number | null {
	const fees = ofYear.map((m) => m.feeSek).filter((fee): fee is number => fee !== undefined);
	return fees.length === 0 ? null : fees.reduce((sum, fee) => sum + fee, 0);
}

function overlaps(
	a: Pick<Membership, 'fromYear' | 'toYear'>,
	b: Pick<Membership, 'fromYear' | 'toYear'>
): boolean {
	const aEnd = a.toYear ?? Infinity;
	const bEnd = b.toYear ?? Infinity;
	return a.fromYear <= bEnd && b.fromYear <= aEnd;
}

/**
 * Why `row` cannot be stored beside the grouping's other memberships, or
 * null: two periods of one member in one grouping may not share a year,
 * or that year's fee and role would be two. `memberName` names the
 * municipality in the message.
 */
export function overlapProblem(
	memberships: readonly Membership[],
	row: Membership,
	memberName: string = 'Kommunen'
): string | null {
	const clash = memberships.find(
		(m) =>
			m.id !== row.id &&
			m.groupingId === row.groupingId &&
			m.memberId === row.memberId &&
			overlaps(m, row)
	);
	if (!clash) return null;
	return `${memberName} är redan medlem ${periodText(clash)}. Perioderna får inte överlappa: avsluta den andra perioden eller välj andra år.`;
}

export type MembershipChange = { ok: true; rows: Membership[] } | { ok: false; message: string };

/** The membership ended with `lastYear` as its last year (inclusive). */
export function endMembership(m: Membership, lastYear: number): MembershipChange {
	if (!Number.isInteger(lastYear))
		return { ok: false, message: 'Ange det sista året som ett heltal.' };
	if (lastYear < m.fromYear)
		return {
			ok: false,
			message: `Medlemskapet började ${m.fromYear} och kan inte sluta före det.`
		};
	if (m.toYear !== undefined && lastYear > m.toYear)
		return { ok: false, message: `Medlemskapet slutar redan ${m.toYear}.` };
	return { ok: true, rows: [{ ...m, toYear: lastYear }] };
}

/**
 * A new fee or role from `fromYear` on: the period covering that year ends
 * the year before, and a new period with the change starts, so earlier
 * years keep the fee and role they had. From the period's first year, the
 * period itself changes. `newId` names the new period (ids.ts membershipId).
 */
export function changeFromYear(
	m: Membership,
	fromYear: number,
	change: { feeSek?: number; role?: string },
	newId: string
): MembershipChange {
	if (!isMemberInYear(m, fromYear))
		return { ok: false, message: `Året ${fromYear} ligger utanför medlemskapet ${periodText(m)}.` };
	const changed = (row: Membership): Membership => {
		const next: Membership = { ...row, feeSek: change.feeSek, role: change.role };
		if (next.feeSek === undefined) delete next.feeSek;
		if (next.role === undefined || next.role.trim() === '') delete next.role;
		return next;
	};
	if (fromYear === m.fromYear) return { ok: true, rows: [changed(m)] };
	const { source: _source, ...rest } = m;
	return {
		ok: true,
		rows: [{ ...m, toYear: fromYear - 1 }, changed({ ...rest, id: newId, fromYear })]
	};
}
