import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connection';
import { referenceRows, type ReferenceEntity } from '../db/schema';
import {
	findReference,
	hasAssessments,
	hasMeasurements,
	isReferencedBy,
	type StoredReference
} from './store';

/**
 * Which grouping a reference row belongs to, derived on the server from the
 * row and its parents (never taken from the client): a plan's organisation,
 * a goal's plan's, a target's indicator's, and so on. The same rules check
 * that the parents exist and agree, for the demo seed and for every admin write.
 */

export interface ReferenceLookup {
	find(entity: ReferenceEntity, id: string): Promise<StoredReference | undefined>;
	/** Whether the organisation is or was a member of the grouping (any year). */
	hasMember(groupingId: string, memberId: string): Promise<boolean>;
}

export type Ownership = { ok: true; groupingId: string | null } | { ok: false; error: string };

type Row = Record<string, unknown> & { id: string };

export async function owningGrouping(
	entity: ReferenceEntity,
	row: Row,
	lookup: ReferenceLookup
): Promise<Ownership> {
	switch (entity) {
		case 'organisation':
			return { ok: true, groupingId: row.kind === 'municipality' ? null : row.id };
		case 'plan':
			return grouping(lookup, row.organisationId);
		case 'membership':
			return membershipOwner(lookup, row);
		case 'goalArea':
			return parentsGrouping(lookup, 'plan', row.planId, 'Planen');
		case 'goal':
			return goalOwner(lookup, row);
		case 'subGoal':
			return parentsGrouping(lookup, 'goal', row.goalId, 'Målet');
		case 'indicator':
			return indicatorOwner(lookup, row);
		case 'target':
			return targetOwner(lookup, row);
		case 'reportingRound':
			return grouping(lookup, row.groupingId);
	}
}

function problem(error: string): Ownership {
	return { ok: false, error };
}

/** The id must name an existing grouping (a federation, partnership or project, not a municipality). */
async function grouping(lookup: ReferenceLookup, id: unknown): Promise<Ownership> {
	const found = typeof id === 'string' ? await lookup.find('organisation', id) : undefined;
	if (!found) return problem(`Organisationen ${String(id)} finns inte.`);
	if (found.groupingId === null)
		return problem(`${nameOf(found)} är en kommun, inte ett förbund eller en samverkan.`);
	return { ok: true, groupingId: found.groupingId };
}

async function parentsGrouping(
	lookup: ReferenceLookup,
	entity: ReferenceEntity,
	id: unknown,
	label: string
): Promise<Ownership> {
	const parent = typeof id === 'string' ? await lookup.find(entity, id) : undefined;
	if (!parent) return problem(`${label} ${String(id)} finns inte.`);
	return { ok: true, groupingId: parent.groupingId };
}

async function membershipOwner(lookup: ReferenceLookup, row: Row): Promise<Ownership> {
	const owner = await grouping(lookup, row.groupingId);
	if (!owner.ok) return owner;
	const member =
		typeof row.memberId === 'string' ? await lookup.find('organisation', row.memberId) : undefined;
	if (!member || member.row.kind !== 'municipality')
		return problem(`Medlemmen ${String(row.memberId)} är ingen kommun som finns.`);
	return owner;
}

async function goalOwner(lookup: ReferenceLookup, row: Row): Promise<Ownership> {
	const owner = await parentsGrouping(lookup, 'plan', row.planId, 'Planen');
	if (!owner.ok || row.goalAreaId === undefined) return owner;
	const area = await lookup.find('goalArea', String(row.goalAreaId));
	if (!area) return problem(`Målområdet ${String(row.goalAreaId)} finns inte.`);
	if (area.row.planId !== row.planId) return problem('Målområdet hör till en annan plan än målet.');
	return owner;
}

async function indicatorOwner(lookup: ReferenceLookup, row: Row): Promise<Ownership> {
	const owner = await grouping(lookup, row.organisationId);
	if (!owner.ok) return owner;
	const series =
		(await seriesProblem(lookup, row, owner.groupingId)) ??
		(await methodProblem(lookup, row, owner.groupingId));
	if (series) return problem(series);
	if (row.goalId === undefined) return owner;
	const goalId = String(row.goalId);
	const goal = (await lookup.find('goal', goalId)) ?? (await lookup.find('subGoal', goalId));
	if (!goal) return problem(`Målet ${goalId} finns inte.`);
	if (goal.groupingId !== owner.groupingId)
		return problem('Målet hör till en annan gruppering än indikatorn.');
	return owner;
}

/**
 * An indicator may follow the series of another of its grouping's
 * indicators (a plan copied forward), and only one that founded its series:
 * values are stored under the founder's id, so a chain would lose them.
 */
async function seriesProblem(
	lookup: ReferenceLookup,
	row: Row,
	groupingId: string | null
): Promise<string | null> {
	if (row.seriesId === undefined || row.seriesId === row.id)
		return row.seriesId === row.id ? 'En indikator kan inte följa sin egen serie.' : null;
	const founder = await lookup.find('indicator', String(row.seriesId));
	if (!founder)
		return `Indikatorn ${String(row.seriesId)}, vars serie indikatorn ska följa, finns inte.`;
	if (founder.groupingId !== groupingId)
		return 'Indikatorn kan bara följa en serie i sin egen gruppering.';
	if (founder.row.seriesId !== undefined)
		return `${nameOf(founder)} följer själv en annan indikators serie; välj den indikatorn i stället.`;
	return null;
}

/**
 * A weighted mean's weight series and a ratio's numerator and denominator
 * are indicators of the same grouping with numbers of their own: a ratio's
 * values are worked out, so a ratio cannot be a part of another.
 */
async function methodProblem(
	lookup: ReferenceLookup,
	row: Row,
	groupingId: string | null
): Promise<string | null> {
	const ratio = (row.ratio ?? {}) as { numeratorId?: unknown; denominatorId?: unknown };
	const named: [role: string, id: unknown][] = [
		['Viktserien', row.weightSeriesId],
		['Täljaren', ratio.numeratorId],
		['Nämnaren', ratio.denominatorId]
	];
	for (const [role, id] of named) {
		if (id === undefined) continue;
		const part = await lookup.find('indicator', String(id));
		if (!part) return `${role} ${String(id)} finns inte bland indikatorerna.`;
		if (part.groupingId !== groupingId)
			return `${role} måste vara en indikator i samma gruppering.`;
		if (part.row.unit === 'text' || part.row.unit === 'yesno')
			return `${role} ${nameOf(part)} har inga tal att räkna med.`;
		if (part.row.aggregation === 'ratio')
			return `${role} ${nameOf(part)} är själv en kvot av summor; välj en indikator med egna värden.`;
	}
	return null;
}

async function targetOwner(lookup: ReferenceLookup, row: Row): Promise<Ownership> {
	const owner = await parentsGrouping(lookup, 'indicator', row.indicatorId, 'Indikatorn');
	if (!owner.ok || owner.groupingId === null) return owner;
	const scope = String(row.organisationId);
	if (scope !== owner.groupingId && !(await lookup.hasMember(owner.groupingId, scope))) {
		const [member, grouping] = [
			await lookup.find('organisation', scope),
			await lookup.find('organisation', owner.groupingId)
		];
		return problem(
			`Målvärdet gäller ${nameOf(member, scope)}, som inte är medlem i ${nameOf(grouping, owner.groupingId)}.`
		);
	}
	return owner;
}

export function nameOf(stored: StoredReference | undefined, fallback = 'okänd'): string {
	const name = stored?.row.shortName ?? stored?.row.name;
	return typeof name === 'string' ? name : fallback;
}

/** Looks parents up in the database, inside the caller's transaction. */
export function databaseLookup(db: Database | Transaction): ReferenceLookup {
	return {
		find: (entity, id) => findReference(db, entity, id),
		async hasMember(groupingId, memberId) {
			const [found] = await db
				.select({ id: referenceRows.id })
				.from(referenceRows)
				.where(
					and(
						eq(referenceRows.entity, 'membership'),
						eq(referenceRows.groupingId, groupingId),
						sql`${referenceRows.row}->>'memberId' = ${memberId}`
					)
				)
				.limit(1);
			return found !== undefined;
		}
	};
}

/** What hangs below a row, per entity: such a row can be neither deleted nor moved to another grouping. */
const DEPENDENTS: Record<
	ReferenceEntity,
	{ entity: ReferenceEntity; field: string; label: string }[]
> = {
	organisation: [],
	membership: [],
	plan: [
		{ entity: 'goalArea', field: 'planId', label: 'målområden' },
		{ entity: 'goal', field: 'planId', label: 'mål' }
	],
	goalArea: [{ entity: 'goal', field: 'goalAreaId', label: 'mål' }],
	goal: [
		{ entity: 'subGoal', field: 'goalId', label: 'delmål' },
		{ entity: 'indicator', field: 'goalId', label: 'indikatorer' }
	],
	subGoal: [{ entity: 'indicator', field: 'goalId', label: 'indikatorer' }],
	indicator: [
		{ entity: 'target', field: 'indicatorId', label: 'målvärden' },
		{
			entity: 'indicator',
			field: 'seriesId',
			label: 'indikatorer i senare planer som följer dess serie'
		},
		{
			entity: 'indicator',
			field: 'weightSeriesId',
			label: 'indikatorer som använder den som vikt'
		},
		{
			entity: 'indicator',
			field: 'ratio.numeratorId',
			label: 'indikatorer som använder den som täljare'
		},
		{
			entity: 'indicator',
			field: 'ratio.denominatorId',
			label: 'indikatorer som använder den som nämnare'
		}
	],
	target: [],
	reportingRound: []
};

/** Names what still depends on the row ("delmål"), or null when nothing does. */
export async function dependentsOf(
	db: Database | Transaction,
	entity: ReferenceEntity,
	id: string
): Promise<string | null> {
	for (const dependent of DEPENDENTS[entity]) {
		if (await isReferencedBy(db, dependent.entity, dependent.field, id)) return dependent.label;
	}
	if (entity === 'indicator' && (await hasMeasurements(db, id))) return 'mätvärden';
	if (entity === 'goal' && (await hasAssessments(db, id))) return 'bedömningar';
	return null;
}
