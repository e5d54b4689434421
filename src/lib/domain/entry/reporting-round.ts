import * as z from 'zod/mini';
import { Id, IsoDate, Timestamp, Year } from '../common';
import type { Membership } from '../plan/membership';
import { membersInYear } from '../plan/member-years';
import { treeInYear, type Archivable } from '../plan/archive';
import { formatCalendarDate } from '../dates';

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
	/** Goals assessed in the round (status and analysis text): by default every goal of the plans in force. */
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
		reason: z
			.string()
			.check(
				z.trim(),
				z.minLength(5, 'Ange varför året öppnas igen (minst 5 tecken)'),
				z.maxLength(2000, 'Skälet får vara högst 2000 tecken')
			)
	})
]);
export type RoundRequest = z.infer<typeof RoundRequest>;

export const RoundAnswer = z.object({ round: ReportingRound });

/** The grouping's locked round for the year, if that year is locked. */
export function lockedRound(
	rounds: readonly ReportingRound[],
	groupingId: string,
	year: number
): ReportingRound | undefined {
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
	const date = formatCalendarDate(round.deadline);
	const relative =
		days === 0
			? 'i dag'
			: days > 0
				? `om ${days} ${days === 1 ? 'dag' : 'dagar'}`
				: `${-days} ${days === -1 ? 'dag' : 'dagar'} sen`;
	return `sista dag ${date} (${relative})`;
}

/** What an admin chooses when opening or changing a round. */
export type RoundContent = Pick<
	ReportingRound,
	'deadline' | 'reportedBy' | 'indicatorIds' | 'memberIds' | 'goalIds'
>;

/** A new round's deadline unless the admin picks another: the end of March after the year reported on. */
export function defaultDeadline(year: number): string {
	return `${year + 1}-03-31`;
}

/**
 * What the round form starts from for a year: the round's own content when
 * the year already has one (changing a round must never quietly replace its
 * deadline or choices with defaults), otherwise the defaults for a new round.
 */
export function roundFormContent(
	existing: RoundContent | undefined,
	year: number,
	defaults: Pick<RoundContent, 'indicatorIds' | 'memberIds' | 'goalIds'>
): RoundContent {
	if (existing) {
		const { deadline, reportedBy, indicatorIds, memberIds, goalIds } = existing;
		return {
			deadline,
			reportedBy,
			indicatorIds: [...indicatorIds],
			memberIds: [...memberIds],
			goalIds: [...goalIds]
		};
	}
	return { deadline: defaultDeadline(year), reportedBy: 'reporters', ...defaults };
}

/** Whether two contents ask for the same thing: the order of the chosen ids does not matter. */
export function sameRoundContent(a: RoundContent, b: RoundContent): boolean {
	const sameSet = (x: readonly string[], y: readonly string[]) => {
		const union = new Set([...x, ...y]).size;
		return union === new Set(x).size && union === new Set(y).size;
	};
	return (
		a.deadline === b.deadline &&
		a.reportedBy === b.reportedBy &&
		sameSet(a.indicatorIds, b.indicatorIds) &&
		sameSet(a.memberIds, b.memberIds) &&
		sameSet(a.goalIds, b.goalIds)
	);
}

type TreeRows = {
	indicators: readonly ({
		id: string;
		unit: string;
		goalId?: string;
		aggregation?: string;
		ratio?: { numeratorId: string; denominatorId: string };
	} & Archivable)[];
	goalAreas?: readonly ({ id: string } & Archivable)[];
	goals: readonly ({ id: string; planId: string; goalAreaId?: string } & Archivable)[];
	subGoals: readonly ({ id: string; goalId: string } & Archivable)[];
	plans: readonly { id: string; fromYear: number; toYear: number }[];
	memberships: readonly Membership[];
};

/** The plans followed in a year: those that cover it, or, when none does, the latest before it (a plan goes on being followed until a newer one replaces it). */
export function plansInForce(
	plans: readonly { id: string; fromYear: number; toYear: number }[],
	year: number
): Set<string> {
	const covering = plans.filter((p) => p.fromYear <= year && year <= p.toYear);
	const latestBefore = plans
		.filter((p) => p.fromYear <= year)
		.sort((a, b) => b.fromYear - a.fromYear)
		.slice(0, 1);
	return new Set((covering.length > 0 ? covering : latestBefore).map((p) => p.id));
}

/**
 * What a new round asks for by default: the numeric indicators of the goals
 * of the plans that cover the year (or of the latest plan before it), every member of that year, and an
 * assessment (status and analysis) of each of those plans' goals, measured or not. A ratio of sums
 * is worked out, never entered: its numerator and denominator are asked for instead.
 */
export function defaultRoundContent(
	groupingId: string,
	year: number,
	all: TreeRows
): { indicatorIds: string[]; memberIds: string[]; goalIds: string[] } {
	// Nothing archived before the year is asked for (archive.ts).
	const rows = treeInYear({ ...all, goalAreas: all.goalAreas ?? [] }, year);
	const plans = plansInForce(rows.plans, year);
	const goals = rows.goals.filter((g) => plans.has(g.planId));
	const subGoalsOf = (goalId: string) =>
		rows.subGoals.filter((s) => s.goalId === goalId).map((s) => s.id);
	const numeric = rows.indicators.filter((i) => i.unit !== 'text' && i.goalId !== undefined);
	const inPlans = new Set(goals.flatMap((g) => [g.id, ...subGoalsOf(g.id)]));
	return {
		indicatorIds: [
			...new Set(
				numeric
					.filter((i) => inPlans.has(i.goalId!))
					.flatMap((i) =>
						i.aggregation === 'ratio' && i.ratio
							? [i.ratio.numeratorId, i.ratio.denominatorId]
							: [i.id]
					)
			)
		],
		memberIds: membersInYear([...rows.memberships], groupingId, year),
		goalIds: goals.map((g) => g.id)
	};
}
