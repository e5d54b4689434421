import type { RoleAssignment } from '$lib/domain/access/auth';
import {
	canAdminister,
	canAssess,
	canEnterNationalValue,
	canEnterValue
} from '$lib/domain/access/permissions';
import { NATIONAL_ID } from '$lib/domain/ids';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import type { Mutation, MutationEntity } from '$lib/domain/sync/mutation';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { Database, Transaction } from '../db/connection';
import { nameOf } from '../reference/ownership';
import {
	findReference,
	findReferences,
	referencesOfGroupings,
	type StoredReference
} from '../reference/store';
import {
	lockedRound,
	lockedYearReason,
	type ReportingRound
} from '$lib/domain/entry/reporting-round';
import { valueEditRefusal } from '$lib/domain/entry/edit-rules';
import { assessmentReviewRefusal } from '$lib/domain/entry/review';
import { seriesTakesValues, type Archivable } from '$lib/domain/plan/archive';

/**
 * Who may write which synced row, decided per mutation with the shared
 * rules in $lib/domain/auth: a value belongs to the grouping of its
 * indicator, an assessment to the grouping of its goal's plan. The refusal
 * reasons are Swedish sentences for the person whose edit was refused.
 */

/** The signed-in user a sync runs for. */
export type SyncActor = { name: string; roles: readonly RoleAssignment[] };

type Db = Database | Transaction;
type MembershipRow = { memberId: string; fromYear: number; toYear?: number };

/** The reference rows one batch needs to be judged, read once per batch. */
export type AccessData = {
	indicators: Map<string, StoredReference>;
	goals: Map<string, StoredReference>;
	memberships: Map<string, MembershipRow[]>;
	organisations: Map<string, StoredReference>;
	/** The groupings' reporting rounds: a locked one refuses every edit of its year. */
	rounds: ReportingRound[];
	/** The groupings' goal trees: a series whose indicators are all archived by a year takes no values for it. */
	trees: Map<string, GoalTreeRows>;
};

type GoalTreeRows = {
	goalAreas: ({ id: string } & Archivable)[];
	goals: ({ id: string; goalAreaId?: string } & Archivable)[];
	subGoals: ({ id: string; goalId: string } & Archivable)[];
	indicators: ({ id: string; goalId?: string; seriesId?: string; name?: string } & Archivable)[];
};
const TREE_ENTITIES = ['goalArea', 'goal', 'subGoal', 'indicator'] as const;
const BATCH_ENTITIES = ['membership', 'reportingRound', ...TREE_ENTITIES] as const;

/**
 * What the batch is judged by: its indicators and goals, their groupings'
 * memberships and reporting rounds, and the names refusals use. Read only
 * once the groupings are locked (`locked`, from lockForEdits), so a round
 * cannot be locked between this read and the commit; all in one round trip.
 * Should an indicator or goal belong to a grouping not in `locked` (it moved
 * since the lock statement read it, or nothing was locked: PGlite), that
 * grouping is locked with `lockMore` and read too.
 */
export async function loadAccessData(
	db: Transaction,
	mutations: readonly Mutation[],
	actor: SyncActor,
	locked: readonly string[],
	lockMore: (groupingIds: readonly string[]) => Promise<void>
): Promise<AccessData> {
	const named = [
		...locked,
		...mutations.flatMap((m) => (m.entity === 'measurement' ? [m.row.organisationId] : [])),
		...actor.roles.flatMap((r) => (r.municipalityId ? [r.municipalityId] : []))
	];
	const [indicators, goals, grouped, organisations] = await Promise.all([
		findReferences(
			db,
			'indicator',
			mutations.flatMap((m) => (m.entity === 'measurement' ? [m.row.indicatorId] : []))
		),
		findReferences(
			db,
			'goal',
			mutations.flatMap((m) => (m.entity === 'assessment' ? [m.row.goalId] : []))
		),
		referencesOfGroupings(db, BATCH_ENTITIES, locked),
		findReferences(db, 'organisation', named)
	]);
	const moved = [
		...new Set(
			[...indicators.values(), ...goals.values()].flatMap((r) =>
				r.groupingId && !locked.includes(r.groupingId) ? [r.groupingId] : []
			)
		)
	];
	if (moved.length > 0) {
		await lockMore(moved);
		grouped.push(...(await referencesOfGroupings(db, BATCH_ENTITIES, moved)));
		for (const [id, found] of await findReferences(db, 'organisation', moved))
			organisations.set(id, found);
	}
	const memberships = new Map<string, MembershipRow[]>();
	const rounds: ReportingRound[] = [];
	const trees = new Map<string, GoalTreeRows>();
	for (const { entity, row, groupingId } of grouped) {
		if (entity === 'reportingRound') {
			rounds.push(row as unknown as ReportingRound);
		} else if (entity === 'membership') {
			const membership = row as unknown as MembershipRow & { groupingId: string };
			memberships.set(membership.groupingId, [
				...(memberships.get(membership.groupingId) ?? []),
				membership
			]);
		} else if (groupingId) {
			const tree = trees.get(groupingId) ?? emptyTree();
			trees.set(groupingId, tree);
			(tree[TREE_KEYS[entity as (typeof TREE_ENTITIES)[number]]] as unknown[]).push(row);
		}
	}
	return { indicators, goals, memberships, organisations, rounds, trees };
}

const TREE_KEYS = {
	goalArea: 'goalAreas',
	goal: 'goals',
	subGoal: 'subGoals',
	indicator: 'indicators'
} as const satisfies Record<(typeof TREE_ENTITIES)[number], keyof GoalTreeRows>;
const emptyTree = (): GoalTreeRows => ({ goalAreas: [], goals: [], subGoals: [], indicators: [] });

/**
 * Why this user may not make this change, or null when they may. `current`
 * is the row as the server holds it (undefined for a new one): a value's
 * review state may only move as the round's rules allow.
 */
export function refusalReason(
	access: AccessData,
	actor: SyncActor,
	mutation: Mutation,
	current: Measurement | Assessment | undefined
): string | null {
	return mutation.entity === 'measurement'
		? measurementRefusal(access, actor, mutation.row, current as Measurement | undefined)
		: assessmentRefusal(access, actor, mutation.row, current as Assessment | undefined);
}

/** A locked year refuses everyone, before any question of roles: reopening it is the only way in. */
function lockRefusal(access: AccessData, groupingId: string, year: number): string | null {
	const round = lockedRound(access.rounds, groupingId, year);
	return round
		? lockedYearReason(round, nameOf(access.organisations.get(groupingId), groupingId))
		: null;
}

function measurementRefusal(
	access: AccessData,
	actor: SyncActor,
	row: Measurement,
	current: Measurement | undefined
): string | null {
	const indicator = access.indicators.get(row.indicatorId);
	if (!indicator?.groupingId) return 'Indikatorn finns inte på servern, så värdet kan inte sparas.';
	const groupingId = indicator.groupingId;
	const name = (id: string) => nameOf(access.organisations.get(id), id);
	const round = lockedRound(access.rounds, groupingId, row.year);
	const edit = {
		current,
		next: row,
		roles: actor.roles,
		groupingId,
		groupingName: name(groupingId),
		lockedRound: round
	};
	// The lock refuses everyone, before any question of membership or roles.
	if (round) return valueEditRefusal(edit);
	const tree = access.trees.get(groupingId);
	if (tree && !seriesTakesValues(tree, row.indicatorId, row.year))
		return `${String(indicator.row.name ?? 'Indikatorn')} följs inte längre av ${name(groupingId)} år ${row.year} (den är arkiverad), så värdet kan inte sparas.`;
	const national = row.organisationId === NATIONAL_ID;
	// The national figure (Riket, kod 0000) is no member: it is the comparison value the indicator page shows beside them.
	if (
		!national &&
		row.organisationId !== groupingId &&
		!isMember(access, groupingId, row.organisationId, row.year)
	) {
		return `${name(row.organisationId)} är inte medlem i ${name(groupingId)} år ${row.year}.`;
	}
	const mayEnter = national
		? canEnterNationalValue(actor.roles, groupingId)
		: canEnterValue(actor.roles, groupingId, row.organisationId);
	if (mayEnter) return valueEditRefusal(edit);
	const roles = actor.roles.filter((r) => r.organisationId === groupingId);
	if (roles.length === 0)
		return `Du har ingen roll i ${name(groupingId)} och kan inte ändra dess värden.`;
	const reportsFor = roles.flatMap((r) =>
		r.role === 'reporter' && r.municipalityId ? [name(r.municipalityId)] : []
	);
	if (reportsFor.length > 0)
		return `Du är rapportör för ${listed(reportsFor)} och kan inte ändra värden för ${national ? 'riket' : name(row.organisationId)}.`;
	return `Du är läsare i ${name(groupingId)} och kan inte ändra värden.`;
}

function assessmentRefusal(
	access: AccessData,
	actor: SyncActor,
	row: Assessment,
	current: Assessment | undefined
): string | null {
	const goal = access.goals.get(row.goalId);
	if (!goal?.groupingId) return 'Målet finns inte på servern, så bedömningen kan inte sparas.';
	const groupingId = goal.groupingId;
	const locked = lockRefusal(access, groupingId, row.year);
	if (locked) return locked;
	if (canAssess(actor.roles, groupingId))
		return assessmentReviewRefusal(current, row, canAdminister(actor.roles, groupingId));
	const grouping = nameOf(access.organisations.get(groupingId), groupingId);
	const roles = actor.roles.filter((r) => r.organisationId === groupingId);
	if (roles.length === 0) return `Du har ingen roll i ${grouping} och kan inte bedöma dess mål.`;
	if (roles.some((r) => r.role === 'reporter'))
		return `Du är rapportör i ${grouping} och kan ange värden men inte bedöma mål.`;
	return `Du är läsare i ${grouping} och kan inte bedöma mål.`;
}

function isMember(
	access: AccessData,
	groupingId: string,
	organisationId: string,
	year: number
): boolean {
	return (access.memberships.get(groupingId) ?? []).some(
		(m) => m.memberId === organisationId && isMemberInYear(m, year)
	);
}

/** "Dorotea", "Dorotea och Åsele", "Dorotea, Åsele och Sorsele". */
function listed(names: string[]): string {
	return names.length <= 1
		? names.join('')
		: `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`;
}

/** The grouping a synced row belongs to (through its indicator or goal), or null when that is unknown. */
export async function groupingOfSyncedRow(
	db: Db,
	entity: MutationEntity,
	row: Measurement | Assessment
): Promise<string | null> {
	const parent =
		entity === 'measurement'
			? await findReference(db, 'indicator', (row as Measurement).indicatorId)
			: await findReference(db, 'goal', (row as Assessment).goalId);
	return parent?.groupingId ?? null;
}
