import {
	ReportingRound,
	RoundRequest,
	roundId,
	sameRoundContent,
	type RoundLogEntry
} from '$lib/domain/entry/reporting-round';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import type { RoleAssignment } from '$lib/domain/access/auth';
import type { Database, Transaction } from '../db/connection';
import { lockGroupingsExclusively } from '../db/locks';
import { ok, refusal, validate, type ApiAnswer } from '../http/api';
import { unlessAdmin } from '../reference/admin-writes';
import { nameOf } from '../reference/ownership';
import {
	findReference,
	findReferences,
	putReference,
	referencesOfGroupings
} from '../reference/store';

/**
 * POST /api/rounds: an admin opens (or changes) a grouping's reporting round
 * for a year, approves it and locks the year, or reopens a locked year with
 * a reason. Every action is logged in the round itself, which every reader of
 * the grouping receives with the reference data.
 *
 * Every action holds its grouping's lock exclusively (local-store/locks.ts), which
 * every sync writing in that grouping holds shared from before it reads the
 * rounds until it commits: a sync in flight finishes before the year is
 * locked, and every later one sees the lock, on whichever app instance it
 * runs. No edit slips in between. Two admins acting on one round take turns;
 * the second reads what the first did.
 */
export type RoundActor = { name: string; roles: readonly RoleAssignment[] };

export async function applyRoundRequest(
	db: Database,
	actor: RoundActor,
	body: unknown,
	now = new Date()
): Promise<ApiAnswer> {
	const parsed = validate(body, RoundRequest);
	if (!parsed.ok) return parsed.answer;
	const request = parsed.value;
	const entry = (action: RoundLogEntry['action'], reason = ''): RoundLogEntry => ({
		action,
		by: actor.name,
		at: now.toISOString(),
		reason
	});
	return db.transaction(async (tx) => {
		if (request.action === 'open') {
			const denied = await unlessAdmin(tx, actor.roles, request.groupingId);
			if (denied) return denied;
			await lockGroupingsExclusively(tx, [request.groupingId]);
			const problem = await contentProblem(tx, request);
			if (problem) return refusal(400, problem);
			const id = roundId(request.groupingId, request.year);
			const existing = await storedRound(tx, id);
			if (existing?.locked)
				return refusal(409, `År ${request.year} är låst. Öppna året igen innan omgången ändras.`);
			// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the action is the request's, not the round's
			const { action, ...content } = request;
			// Saving a round unchanged changes nothing: no log entry, no new revision for every device to fetch.
			if (existing && sameRoundContent(existing, content)) return ok({ round: existing });
			const round: ReportingRound = {
				...content,
				id,
				locked: false,
				log: [...(existing?.log ?? []), entry(existing ? 'changed' : 'opened')]
			};
			return save(tx, round);
		}
		const unlocked = await storedRound(tx, request.roundId);
		if (!unlocked) return refusal(404, 'Rapporteringsomgången finns inte.');
		// Only an admin of the grouping may hold its syncs back, even for a moment.
		const denied = await unlessAdmin(tx, actor.roles, unlocked.groupingId);
		if (denied) return denied;
		await lockGroupingsExclusively(tx, [unlocked.groupingId]);
		// Read again under the lock: another admin may have locked or reopened it meanwhile.
		const round = (await storedRound(tx, request.roundId))!;
		if (request.action === 'lock') {
			if (round.locked) return refusal(409, `År ${round.year} är redan godkänt och låst.`);
			return save(tx, { ...round, locked: true, log: [...round.log, entry('locked')] });
		}
		if (!round.locked) return refusal(409, `År ${round.year} är inte låst.`);
		return save(tx, {
			...round,
			locked: false,
			log: [...round.log, entry('reopened', request.reason)]
		});
	});
}

async function storedRound(tx: Transaction, id: string): Promise<ReportingRound | undefined> {
	const stored = await findReference(tx, 'reportingRound', id);
	return stored ? ReportingRound.parse(stored.row) : undefined;
}

async function save(tx: Transaction, round: ReportingRound): Promise<ApiAnswer> {
	const row = ReportingRound.parse(round);
	await putReference(tx, 'reportingRound', row, row.groupingId);
	return ok({ round: row });
}

type RoundContent = Extract<RoundRequest, { action: 'open' }>;

/** The round may name only the grouping's own indicators and goals, and members of that year. */
async function contentProblem(tx: Transaction, request: RoundContent): Promise<string | null> {
	const grouping = await findReference(tx, 'organisation', request.groupingId);
	if (!grouping || grouping.groupingId === null)
		return `${nameOf(grouping, request.groupingId)} är inget förbund eller samverkan.`;
	const indicators = await findReferences(tx, 'indicator', request.indicatorIds);
	const foreignIndicator = request.indicatorIds.find(
		(id) => indicators.get(id)?.groupingId !== request.groupingId
	);
	if (foreignIndicator) return `Indikatorn ${foreignIndicator} hör inte till ${nameOf(grouping)}.`;
	const goals = await findReferences(tx, 'goal', request.goalIds);
	const foreignGoal = request.goalIds.find(
		(id) => goals.get(id)?.groupingId !== request.groupingId
	);
	if (foreignGoal) return `Målet ${foreignGoal} hör inte till ${nameOf(grouping)}.`;
	const memberships = (await referencesOfGroupings(tx, ['membership'], [request.groupingId])).map(
		(r) => r.row as { memberId: string; fromYear: number; toYear?: number }
	);
	const notMember = request.memberIds.find(
		(id) => !memberships.some((m) => m.memberId === id && isMemberInYear(m, request.year))
	);
	if (notMember) {
		const organisation = await findReference(tx, 'organisation', notMember);
		return `${nameOf(organisation, notMember)} är inte medlem i ${nameOf(grouping)} år ${request.year}.`;
	}
	return null;
}
