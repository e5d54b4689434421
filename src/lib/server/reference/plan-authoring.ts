import { and, eq, gte, inArray } from 'drizzle-orm';
import { safeParse, type core } from 'zod/mini';
import {
	planSubtree,
	subtreeOf,
	type RemovableEntity,
	type Subtree
} from '$lib/domain/plan/archive';
import { Id } from '$lib/domain/common';
import { Goal, GoalArea, Plan, SubGoal } from '$lib/domain/plan/goal-tree';
import { Indicator } from '$lib/domain/plan/indicator';
import { Target } from '$lib/domain/plan/target';
import { Organisation } from '$lib/domain/plan/organisation';
import { slug } from '$lib/domain/ids';
import { canCreateGrouping } from '$lib/domain/access/permissions';
import { copyPlan, type PlanTree } from '$lib/domain/plan/plan-copy';
import type {
	CopyPlanRequest,
	MoveRequest,
	NewGroupingRequest,
	RemoveRequest
} from '$lib/domain/plan/plan-authoring';
import type { Database, Transaction } from '../db/connection';
import { lockGroupingsExclusively } from '../db/locks';
import { assessments, measurements, referenceRows, type ReferenceEntity } from '../db/schema';
import { ok, refusal, type ApiAnswer } from '../http/api';
import { addRole } from '../auth/users';
import { describe, ENTITY_LABELS, unlessAdmin } from './admin-writes';
import { logAdminWrite, type Actor } from './admin-log';
import { deleteReference, findReference, putReference, referencesOfGroupings } from './store';

/**
 * The plan editor's actions besides PUT and DELETE: remove (archive or
 * delete), restore, move up/down, copy a plan forward, create a grouping.
 * Each checks the caller administers the grouping, runs in one transaction
 * holding the grouping's lock, and is logged with the change.
 */

type Row = Record<string, unknown> & { id: string };
type GroupingRows = {
	plans: Row[];
	goalAreas: Row[];
	goals: Row[];
	subGoals: Row[];
	indicators: Row[];
	targets: Row[];
};

const TREE_ENTITIES = [
	'plan',
	'goalArea',
	'goal',
	'subGoal',
	'indicator',
	'target'
] as const satisfies readonly ReferenceEntity[];

async function groupingRows(tx: Transaction, groupingId: string): Promise<GroupingRows> {
	const rows = await referencesOfGroupings(tx, TREE_ENTITIES, [groupingId]);
	const of = (entity: ReferenceEntity) =>
		rows.filter((r) => r.entity === entity).map((r) => r.row as Row);
	return {
		plans: of('plan'),
		goalAreas: of('goalArea'),
		goals: of('goal'),
		subGoals: of('subGoal'),
		indicators: of('indicator'),
		targets: of('target')
	};
}

/** Finds the row and checks the caller administers its grouping, then locks the grouping; the refusal otherwise. */
async function adminsRow(
	tx: Transaction,
	actor: Actor,
	entity: ReferenceEntity,
	id: string
): Promise<{ ok: true; row: Row; groupingId: string } | { ok: false; answer: ApiAnswer }> {
	if (!Id.safeParse(id).success)
		return { ok: false, answer: refusal(400, 'Ogiltigt id i adressen.') };
	const found = await findReference(tx, entity, id);
	if (!found) return { ok: false, answer: refusal(404, `${ENTITY_LABELS[entity]} finns inte.`) };
	const denied = await unlessAdmin(tx, actor.roles, found.groupingId);
	if (denied) return { ok: false, answer: denied };
	await lockGroupingsExclusively(tx, [found.groupingId!]);
	return { ok: true, row: found.row as Row, groupingId: found.groupingId! };
}

// ------------------------------------------------------------ remove and restore

/**
 * Whether anything in the subtree has a history that deleting would lose or
 * strand: values of its indicators (a copied indicator's only from its own
 * plan's years: the earlier ones belong to the plan it was copied from),
 * assessments of its goals, or indicators outside it that follow, weigh
 * with or divide by one of its indicators.
 */
async function hasHistory(tx: Transaction, subtree: Subtree, rows: GroupingRows): Promise<boolean> {
	const goalIds = [...subtree.goals, ...subtree.subGoals];
	if (goalIds.length > 0) {
		const [found] = await tx
			.select({ id: assessments.id })
			.from(assessments)
			.where(inArray(assessments.goalId, goalIds))
			.limit(1);
		if (found) return true;
	}
	const inside = new Set(subtree.indicators);
	for (const id of subtree.indicators) {
		const indicator = rows.indicators.find((i) => i.id === id)!;
		const series = typeof indicator.seriesId === 'string' ? indicator.seriesId : id;
		const from = typeof indicator.seriesId === 'string' ? planStartOf(indicator, rows) : null;
		const condition =
			from === null
				? eq(measurements.indicatorId, series)
				: and(eq(measurements.indicatorId, series), gte(measurements.year, from));
		const [found] = await tx
			.select({ id: measurements.id })
			.from(measurements)
			.where(condition)
			.limit(1);
		if (found) return true;
		const usedOutside = rows.indicators.some(
			(other) =>
				!inside.has(other.id) &&
				(other.seriesId === id ||
					other.weightSeriesId === id ||
					(other.ratio as { numeratorId?: string } | undefined)?.numeratorId === id ||
					(other.ratio as { denominatorId?: string } | undefined)?.denominatorId === id)
		);
		if (usedOutside) return true;
	}
	return false;
}

/** The first year of the plan an indicator's goal or sub-goal belongs to; null when it has none. */
function planStartOf(indicator: Row, rows: GroupingRows): number | null {
	const subGoal = rows.subGoals.find((s) => s.id === indicator.goalId);
	const goal = rows.goals.find((g) => g.id === (subGoal ? subGoal.goalId : indicator.goalId));
	const plan = goal && rows.plans.find((p) => p.id === goal.planId);
	return plan ? Number(plan.fromYear) : null;
}

/** The rows as the subtree sees them: ids and the links to their parents. */
function treeLinks(rows: GroupingRows) {
	const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
	return {
		goalAreas: rows.goalAreas.map((a) => ({ id: a.id, planId: optional(a.planId) })),
		goals: rows.goals.map((g) => ({
			id: g.id,
			planId: optional(g.planId),
			goalAreaId: optional(g.goalAreaId)
		})),
		subGoals: rows.subGoals.map((s) => ({ id: s.id, goalId: String(s.goalId) })),
		indicators: rows.indicators.map((i) => ({ id: i.id, goalId: optional(i.goalId) })),
		targets: rows.targets.map((t) => ({ id: t.id, indicatorId: String(t.indicatorId) }))
	};
}

const REMOVABLE: Record<string, RemovableEntity> = {
	goalArea: 'goalArea',
	goal: 'goal',
	subGoal: 'subGoal',
	indicator: 'indicator'
};

export function isRemovable(entity: string): entity is RemovableEntity {
	return Object.hasOwn(REMOVABLE, entity);
}

export async function removeTreeItem(
	db: Database,
	actor: Actor,
	entity: RemovableEntity,
	id: string,
	request: RemoveRequest
): Promise<ApiAnswer> {
	return db.transaction(async (tx) => {
		const found = await adminsRow(tx, actor, entity, id);
		if (!found.ok) return found.answer;
		if (found.row.archivedFromYear !== undefined)
			return refusal(
				409,
				`${describe(entity, found.row)} är redan arkiverat från ${found.row.archivedFromYear}.`
			);
		const rows = await groupingRows(tx, found.groupingId);
		const subtree = subtreeOf(entity, id, treeLinks(rows));
		if (await hasHistory(tx, subtree, rows)) {
			await putReference(
				tx,
				entity,
				{ ...found.row, archivedFromYear: request.fromYear },
				found.groupingId
			);
			const summary = `${describe(entity, found.row)} arkiverades från ${request.fromYear}; det finns kvar i historiken och i åren före.`;
			await logAdminWrite(tx, actor, {
				groupingId: found.groupingId,
				entity,
				entityId: id,
				action: 'archive',
				summary
			});
			return ok({ outcome: 'archived', archivedFromYear: request.fromYear });
		}
		// Nothing below it has a history: it goes, with everything below it, leaves first.
		await deleteSubtree(tx, subtree);
		const below = Object.values(subtree).flat().length - 1;
		const summary = `${describe(entity, found.row)} togs bort${below > 0 ? ` med ${below} underliggande rader` : ''} (inga värden eller bedömningar).`;
		await logAdminWrite(tx, actor, {
			groupingId: found.groupingId,
			entity,
			entityId: id,
			action: 'delete',
			summary
		});
		return ok({ outcome: 'deleted' });
	});
}

/**
 * POST /api/admin/plans/<id>/remove: a plan made by mistake, or copied
 * forward too early, goes with everything in it, in one step, when none of
 * it has values or assessments. One that has them is refused with the
 * reason: its figures belong to its years (items in it can be archived).
 */
export async function removePlan(db: Database, actor: Actor, planId: string): Promise<ApiAnswer> {
	return db.transaction(async (tx) => {
		const found = await adminsRow(tx, actor, 'plan', planId);
		if (!found.ok) return found.answer;
		const rows = await groupingRows(tx, found.groupingId);
		const subtree = planSubtree(planId, treeLinks(rows));
		const name = String(found.row.name ?? planId);
		if (await hasHistory(tx, subtree, rows))
			return refusal(
				409,
				`Planen »${name}« har värden eller bedömningar och kan inte tas bort: de hör till planens år. Ta bort enskilda mål eller indikatorer i stället, så arkiveras de.`
			);
		await deleteSubtree(tx, subtree);
		await deleteReference(tx, 'plan', planId);
		const below = Object.values(subtree).flat().length;
		await logAdminWrite(tx, actor, {
			groupingId: found.groupingId,
			entity: 'plan',
			entityId: planId,
			action: 'delete',
			summary: `Planen »${name}« togs bort${below > 0 ? ` med ${below} underliggande rader` : ''} (inga värden eller bedömningar).`
		});
		return ok({ outcome: 'deleted' });
	});
}

/** Deletes the rows of a subtree, leaves first. */
async function deleteSubtree(tx: Transaction, subtree: Subtree): Promise<void> {
	const removal: [ReferenceEntity, string[]][] = [
		['target', subtree.targets],
		['indicator', subtree.indicators],
		['subGoal', subtree.subGoals],
		['goal', subtree.goals],
		['goalArea', subtree.goalAreas]
	];
	for (const [kind, ids] of removal) for (const each of ids) await deleteReference(tx, kind, each);
}

export async function restoreTreeItem(
	db: Database,
	actor: Actor,
	entity: RemovableEntity,
	id: string
): Promise<ApiAnswer> {
	return db.transaction(async (tx) => {
		const found = await adminsRow(tx, actor, entity, id);
		if (!found.ok) return found.answer;
		if (found.row.archivedFromYear === undefined)
			return refusal(409, `${describe(entity, found.row)} är inte arkiverat.`);
		const { archivedFromYear: _archived, ...restored } = found.row;
		await putReference(tx, entity, restored as Row, found.groupingId);
		await logAdminWrite(tx, actor, {
			groupingId: found.groupingId,
			entity,
			entityId: id,
			action: 'restore',
			summary: `${describe(entity, found.row)} återställdes från arkivet.`
		});
		return ok({ row: restored });
	});
}

// ------------------------------------------------------------ move up and down

/** The rows an item is ordered among: the same plan (areas), plan and area (goals), goal (sub-goals, indicators). */
function siblingsOf(entity: RemovableEntity, row: Row, rows: GroupingRows): Row[] {
	switch (entity) {
		case 'goalArea':
			return rows.goalAreas.filter((a) => a.planId === row.planId);
		case 'goal':
			return rows.goals.filter((g) => g.planId === row.planId && g.goalAreaId === row.goalAreaId);
		case 'subGoal':
			return rows.subGoals.filter((s) => s.goalId === row.goalId);
		case 'indicator':
			return rows.indicators.filter((i) => i.goalId === row.goalId);
	}
}

export async function moveTreeItem(
	db: Database,
	actor: Actor,
	entity: RemovableEntity,
	id: string,
	request: MoveRequest
): Promise<ApiAnswer> {
	return db.transaction(async (tx) => {
		const found = await adminsRow(tx, actor, entity, id);
		if (!found.ok) return found.answer;
		const rows = await groupingRows(tx, found.groupingId);
		// Stable: rows with the same order keep the order they were written in.
		const siblings = siblingsOf(entity, found.row, rows)
			.map((row, position) => ({ row, position }))
			.sort(
				(a, b) => Number(a.row.order ?? 0) - Number(b.row.order ?? 0) || a.position - b.position
			)
			.map((s) => s.row);
		const index = siblings.findIndex((s) => s.id === id);
		const other = request.direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= siblings.length)
			return refusal(
				409,
				`${describe(entity, found.row)} står redan ${request.direction === 'up' ? 'först' : 'sist'}.`
			);
		[siblings[index], siblings[other]] = [siblings[other], siblings[index]];
		for (const [order, sibling] of siblings.entries()) {
			if (sibling.order !== order)
				await putReference(tx, entity, { ...sibling, order }, found.groupingId);
		}
		const summary = `${describe(entity, found.row)} flyttades ${request.direction === 'up' ? 'upp' : 'ned'} ett steg.`;
		await logAdminWrite(tx, actor, {
			groupingId: found.groupingId,
			entity,
			entityId: id,
			action: 'move',
			summary
		});
		return ok({ order: siblings.map((s) => s.id) });
	});
}

// ------------------------------------------------------------ copy a plan forward

const SCHEMAS: Record<string, core.$ZodType> = {
	plan: Plan,
	goalArea: GoalArea,
	goal: Goal,
	subGoal: SubGoal,
	indicator: Indicator,
	target: Target
};

function yearsText(from: number, to: number): string {
	return from === to ? String(from) : `${from}–${to}`;
}

export async function copyPlanForward(
	db: Database,
	actor: Actor,
	planId: string,
	request: CopyPlanRequest
): Promise<ApiAnswer> {
	return db.transaction(async (tx) => {
		const found = await adminsRow(tx, actor, 'plan', planId);
		if (!found.ok) return found.answer;
		const rows = await groupingRows(tx, found.groupingId);
		const tree = {
			plan: found.row,
			goalAreas: rows.goalAreas,
			goals: rows.goals,
			subGoals: rows.subGoals,
			indicators: rows.indicators,
			targets: rows.targets
		} as unknown as PlanTree;
		const copy = copyPlan(tree, request);
		// The same copy asked for again (a retry): it exists already and nothing is written twice.
		// Any other copy onto its first year overlaps it, and is refused below.
		const earlier = rows.plans.find((p) => p.id === copy.plan.id);
		if (
			earlier &&
			earlier.name === request.name &&
			earlier.fromYear === request.fromYear &&
			earlier.toYear === request.toYear
		)
			return ok({ planId: copy.plan.id, created: false });
		const overlapping = rows.plans.find(
			(p) => Number(p.fromYear) <= request.toYear && request.fromYear <= Number(p.toYear)
		);
		if (overlapping) {
			const message = `Åren ${yearsText(request.fromYear, request.toYear)} överlappar planen »${String(overlapping.name)}« (${yearsText(Number(overlapping.fromYear), Number(overlapping.toYear))}). Välj år som ingen annan plan har.`;
			return refusal(409, message, { fieldErrors: { fromYear: message } });
		}
		const written: [ReferenceEntity, Row[]][] = [
			['plan', [copy.plan as Row]],
			['goalArea', copy.goalAreas as Row[]],
			['goal', copy.goals as Row[]],
			['subGoal', copy.subGoals as Row[]],
			['indicator', copy.indicators as Row[]],
			['target', copy.targets as Row[]]
		];
		for (const [entity, list] of written) {
			for (const row of list) {
				const parsed = safeParse(SCHEMAS[entity], row);
				if (!parsed.success)
					return refusal(
						409,
						`${describe(entity, row)} kunde inte kopieras: ${parsed.error.issues[0]?.message ?? 'ogiltig rad'}.`
					);
				if (await findReference(tx, entity, row.id))
					return refusal(
						409,
						`${describe(entity, row)} finns redan (id ${row.id}); kopian skulle skriva över den.`
					);
				await putReference(tx, entity, parsed.data as Row, found.groupingId);
			}
		}
		const summary = `Planen »${String(found.row.name)}« kopierades till »${request.name}« (${yearsText(request.fromYear, request.toYear)}): ${copy.goalAreas.length} målområden, ${copy.goals.length} mål, ${copy.subGoals.length} delmål, ${copy.indicators.length} indikatorer, ${copy.targets.length} målvärden.`;
		await logAdminWrite(tx, actor, {
			groupingId: found.groupingId,
			entity: 'plan',
			entityId: copy.plan.id,
			action: 'copy',
			summary
		});
		return ok({ planId: copy.plan.id, created: true }, 201);
	});
}

// ------------------------------------------------------------ a new grouping

/**
 * Someone who already administers a grouping (the installation's first
 * admin, made with `npm run create-admin`, is one) may create another; they
 * become its admin. Names are unique, so a retried request does not make two.
 */
export async function createGrouping(
	db: Database,
	actor: Actor,
	request: NewGroupingRequest
): Promise<ApiAnswer> {
	if (!canCreateGrouping(actor.roles)) {
		return refusal(
			403,
			'Bara den som redan administrerar en gruppering kan skapa en ny. Be installationens administratör om hjälp.'
		);
	}
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({ id: referenceRows.id, row: referenceRows.row })
			.from(referenceRows)
			.where(eq(referenceRows.entity, 'organisation'));
		const sameName = existing.find(
			(o) => String(o.row.name).toLocaleLowerCase('sv') === request.name.toLocaleLowerCase('sv')
		);
		if (sameName) {
			const message = `Det finns redan en organisation som heter ${request.name}.`;
			return refusal(409, message, { fieldErrors: { name: message } });
		}
		const taken = new Set(existing.map((o) => o.id));
		const base = slug(request.name) || 'gruppering';
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		const organisation = Organisation.parse({
			id,
			kind: request.kind,
			name: request.name,
			shortName: request.shortName || undefined,
			description: request.description || undefined
		});
		await putReference(tx, 'organisation', organisation as Row, id);
		await addRole(tx, actor.user.id, { organisationId: id, role: 'admin' });
		await logAdminWrite(tx, actor, {
			groupingId: id,
			entity: 'organisation',
			entityId: id,
			action: 'createGrouping',
			summary: `Grupperingen »${request.name}« skapades; ${actor.user.name} är dess administratör.`
		});
		return ok({ organisation }, 201);
	});
}
