import * as z from 'zod/mini';
import { Id, IsoDate, Timestamp, Year } from './common';
import type { Membership } from './membership';
import { membersInYear } from './member-years';

/**
 * A reporting round: one grouping's yearly collection of its members'
 * values. An admin opens it (which indicators, which members, a deadline,
 * who reports), reporters submit, editors review, and the admin approves
 * the round, which locks the year: no value of the grouping's indicators for
 * that year can then change, for anyone, until an admin reopens it with a
 * reason. Rounds are reference data: written online by admins through
 * POST /api/rounds, read offline by everyone in the grouping.
 */

/** Who enters the values: each member's reporter, or the federation's editors for all members. */
export const RoundReporting = z.enum(['reporters', 'editors']);
export type RoundReporting = z.infer<typeof RoundReporting>;

export const ROUND_REPORTING_LABELS: Record<RoundReporting, string> = {
	reporters: 'Kommunernas rapportörer, var och en för sin kommun',
	editors: 'Förbundets redaktörer, för alla medlemmar'
};

export const RoundLogAction = z.enum(['opened', 'changed', 'locked', 'reopened']);
export type RoundLogAction = z.infer<typeof RoundLogAction>;

export const ROUND_LOG_LABELS: Record<RoundLogAction, string> = {
	opened: 'Omgången öppnades',
	changed: 'Omgången ändrades',
	locked: 'Godkänd och året låst',
	reopened: 'Året öppnades igen'
};

export const RoundLogEntry = z.object({
	action: RoundLogAction,
	by: z.string().check(z.maxLength(200)),
	at: Timestamp,
	reason: z._default(z.string().check(z.maxLength(2000)), '')
});
export type RoundLogEntry = z.infer<typeof RoundLogEntry>;

const RoundContent = {
	indicatorIds: z.array(Id).check(z.minLength(1, 'Välj minst en indikator'), z.maxLength(1000)),
	memberIds: z.array(Id).check(z.minLength(1, 'Välj minst en medlem'), z.maxLength(400)),
	/** Goals assessed in the round (status and analysis text), typically those without numeric indicators. */
	goalIds: z._default(z.array(Id).check(z.maxLength(1000)), []),
	/** The last day to submit (inclusive). */
	deadline: IsoDate,
	reportedBy: RoundReporting
};

export const ReportingRound = z.object({
	id: Id,
	groupingId: Id,
	year: Year,
	...RoundContent,
	/** Approved and locked: the year's values cannot change. */
	locked: z.boolean(),
	/** Opened, changed, locked, reopened: who, when and (for reopening) why. */
	log: z.array(RoundLogEntry)
});
export type ReportingRound = z.infer<typeof ReportingRound>;

export function roundId(groupingId: string, year: number): string {
	return `round:${groupingId}:${year}`;
}

/** POST /api/rounds: what an admin does to a round. */
export const RoundRequest = z.discriminatedUnion('action', [
	/** Opens the round, or changes an open one (indicators, members, goals, deadline, who reports). */
	z.strictObject({ action: z.literal('open'), groupingId: Id, year: Year, ...RoundContent }),
	/** Approves the round and locks the year. */
	z.strictObject({ action: z.literal('lock'), roundId: Id }),
	/** Opens a locked year again; the reason is logged. */
	z.strictObject({
		action: z.literal('reopen'),
		roundId: Id,
		reason: z.string().check(z.trim(), z.minLength(5, 'Ange varför året öppnas igen (minst 5 tecken)'), z.maxLength(2000, 'Skälet får vara högst 2000 tecken'))
	})
]);
export type RoundRequest = z.infer<typeof RoundRequest>;

export const RoundAnswer = z.object({ round: ReportingRound });

/** The grouping's locked round for the year, if that year is locked. */
export function lockedRound(rounds: readonly ReportingRound[], groupingId: string, year: number): ReportingRound | undefined {
	return rounds.find((r) => r.groupingId === groupingId && r.year === year && r.locked);
}

/** The Swedish reason an edit of a locked year is refused, naming who locked it and when. */
export function lockedYearReason(round: ReportingRound, groupingName: string): string {
	const lock = round.log.findLast((e) => e.action === 'locked');
	const when = lock ? ` sedan ${lock.at.slice(0, 10)} (${lock.by})` : '';
	return `År ${round.year} är godkänt och låst för ${groupingName}${when}. Värdet kan inte ändras; en administratör kan öppna året igen.`;
}

/** Past the deadline (the deadline day itself still counts as in time). `today` is YYYY-MM-DD. */
export function isPastDeadline(round: Pick<ReportingRound, 'deadline'>, today: string): boolean {
	return today > round.deadline;
}

/** Whole days from `today` to the deadline: negative once it has passed. */
export function daysToDeadline(round: Pick<ReportingRound, 'deadline'>, today: string): number {
	return Math.round((Date.parse(round.deadline) - Date.parse(today)) / 86_400_000);
}

/** "sista dag 15 mars 2026 (om 12 dagar)" / "(i dag)" / "(3 dagar sen)". */
export function deadlinePhrase(round: Pick<ReportingRound, 'deadline'>, today: string): string {
	const days = daysToDeadline(round, today);
	const date = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(round.deadline));
	const relative = days === 0 ? 'i dag' : days > 0 ? `om ${days} ${days === 1 ? 'dag' : 'dagar'}` : `${-days} ${days === -1 ? 'dag' : 'dagar'} sen`;
	return `sista dag ${date} (${relative})`;
}

/** Today's date as YYYY-MM-DD in Swedish time, the calendar the deadlines are set in. */
export function swedishToday(now = new Date()): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

type TreeRows = {
	indicators: readonly { id: string; unit: string; goalId?: string }[];
	goals: readonly { id: string; planId: string }[];
	subGoals: readonly { id: string; goalId: string }[];
	plans: readonly { id: string; fromYear: number; toYear: number }[];
	memberships: readonly Membership[];
};

/**
 * What a new round asks for by default: the numeric indicators of the goals
 * of the plans that cover the year (or of the latest plan before it), every member of that year, and an
 * assessment of each goal those indicators do not measure.
 */
export function defaultRoundContent(groupingId: string, year: number, rows: TreeRows): { indicatorIds: string[]; memberIds: string[]; goalIds: string[] } {
	// A plan goes on being followed until a newer one replaces it.
	const covering = rows.plans.filter((p) => p.fromYear <= year && year <= p.toYear);
	const latestBefore = rows.plans.filter((p) => p.fromYear <= year).sort((a, b) => b.fromYear - a.fromYear).slice(0, 1);
	const plans = new Set((covering.length > 0 ? covering : latestBefore).map((p) => p.id));
	const goals = rows.goals.filter((g) => plans.has(g.planId));
	const subGoalsOf = (goalId: string) => rows.subGoals.filter((s) => s.goalId === goalId).map((s) => s.id);
	const numeric = rows.indicators.filter((i) => i.unit !== 'text' && i.goalId !== undefined);
	const measured = (goalId: string) => numeric.some((i) => i.goalId === goalId || subGoalsOf(goalId).includes(i.goalId!));
	const inPlans = new Set(goals.flatMap((g) => [g.id, ...subGoalsOf(g.id)]));
	return {
		indicatorIds: numeric.filter((i) => inPlans.has(i.goalId!)).map((i) => i.id),
		memberIds: membersInYear([...rows.memberships], groupingId, year),
		goalIds: goals.filter((g) => !measured(g.id)).map((g) => g.id)
	};
}
