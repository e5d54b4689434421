import type { core } from 'zod/mini';
import type { RoleAssignment } from '$lib/domain/access/auth';
import { canAdminister } from '$lib/domain/access/permissions';
import { Id } from '$lib/domain/common';
import { ADMIN_ENTITIES, type AdminEntityPath } from '$lib/domain/sync/reference';
import type { Database, Transaction } from '../db/connection';
import type { ReferenceEntity } from '../db/schema';
import { ok, refusal, validate, type ApiAnswer } from '../http/api';
import { databaseLookup, dependentsOf, nameOf, owningGrouping } from './ownership';
import {
	deleteReference,
	findReference,
	hasMeasurements,
	isReferencedBy,
	putReference
} from './store';
import { lockGroupingsExclusively } from '../db/locks';
import { logAdminWrite, type Actor } from './admin-log';
import { membershipProblem } from './membership-checks';
import type { Membership } from '$lib/domain/plan/membership';

/**
 * PUT and DELETE /api/admin/<entity>/<id>: an admin changes the goal tree,
 * indicators, targets or memberships of a grouping they administer. The
 * grouping is derived from the row and its parents on the server; a row
 * moving from one grouping to another needs an admin of both. Validation,
 * the check and the write share one transaction: a refused write changes
 * nothing. The write holds its groupings' lock (local-store/locks.ts) against the
 * syncs writing in them.
 */

type AnyRow = Record<string, unknown> & { id: string };

export const ENTITY_LABELS: Record<ReferenceEntity, string> = {
	organisation: 'Organisationen',
	membership: 'Medlemskapet',
	plan: 'Planen',
	goalArea: 'Målområdet',
	goal: 'Målet',
	subGoal: 'Delmålet',
	indicator: 'Indikatorn',
	target: 'Målvärdet',
	reportingRound: 'Rapporteringsomgången'
};

export async function putAdminRow(
	db: Database,
	actor: Actor,
	path: AdminEntityPath,
	id: string,
	body: unknown
): Promise<ApiAnswer> {
	const { roles } = actor;
	const { entity, schema } = ADMIN_ENTITIES[path];
	if (!Id.safeParse(id).success) return refusal(400, 'Ogiltigt id i adressen.');
	const parsed = validate(body, schema as unknown as core.$ZodType<AnyRow>);
	if (!parsed.ok) return parsed.answer;
	const row = parsed.value;
	if (row.id !== id) return refusal(400, 'Id i adressen och i raden skiljer sig åt.');
	return db.transaction(async (tx) => {
		const owner = await owningGrouping(entity, row, databaseLookup(tx));
		if (!owner.ok) return refusal(400, owner.error);
		const existing = await findReference(tx, entity, id);
		const groupings = [...new Set([owner.groupingId, ...(existing ? [existing.groupingId] : [])])];
		for (const groupingId of groupings) {
			const denied = await unlessAdmin(tx, roles, groupingId);
			if (denied) return denied;
		}
		// Syncs writing in these groupings finish first, and later ones read this change.
		await lockGroupingsExclusively(
			tx,
			groupings.filter((g): g is string => g !== null)
		);
		if (existing && existing.groupingId !== owner.groupingId) {
			const dependents = await dependentsOf(tx, entity, id);
			if (dependents)
				return refusal(
					409,
					`${ENTITY_LABELS[entity]} har ${dependents} och kan inte flyttas till en annan gruppering.`
				);
		}
		if (
			entity === 'indicator' &&
			row.seriesId !== undefined &&
			existing?.row.seriesId === undefined &&
			(await foundsSeries(tx, id))
		) {
			return refusal(
				409,
				'Indikatorn har egna värden eller följs av andra indikatorer och kan inte börja följa en annan serie.'
			);
		}
		if (entity === 'membership') {
			const overlap = await membershipProblem(tx, row as unknown as Membership);
			if (overlap) return refusal(409, overlap, { fieldErrors: { fromYear: overlap } });
		}
		const revision = await putReference(tx, entity, row, owner.groupingId);
		for (const groupingId of groupings) {
			const summary = `${describe(entity, row)} ${writeVerb(existing?.groupingId, owner.groupingId, groupingId)}.`;
			await logAdminWrite(tx, actor, {
				groupingId: groupingId!,
				entity,
				entityId: id,
				action: existing ? 'update' : 'create',
				summary
			});
		}
		return ok({ entity, row, revision });
	});
}

export async function deleteAdminRow(
	db: Database,
	actor: Actor,
	path: AdminEntityPath,
	id: string
): Promise<ApiAnswer> {
	const { roles } = actor;
	const { entity } = ADMIN_ENTITIES[path];
	if (!Id.safeParse(id).success) return refusal(400, 'Ogiltigt id i adressen.');
	return db.transaction(async (tx) => {
		const existing = await findReference(tx, entity, id);
		if (!existing) return refusal(404, `${ENTITY_LABELS[entity]} finns inte.`);
		const denied = await unlessAdmin(tx, roles, existing.groupingId);
		if (denied) return denied;
		// A sync writing the first value of an indicator being deleted either commits first (and the
		// indicator has a dependant) or waits and finds the indicator gone.
		if (existing.groupingId !== null) await lockGroupingsExclusively(tx, [existing.groupingId]);
		const dependents = await dependentsOf(tx, entity, id);
		if (dependents)
			return refusal(409, `${ENTITY_LABELS[entity]} har ${dependents}. Ta bort dem först.`);
		await deleteReference(tx, entity, id);
		await logAdminWrite(tx, actor, {
			groupingId: existing.groupingId!,
			entity,
			entityId: id,
			action: 'delete',
			summary: `${describe(entity, existing.row)} togs bort.`
		});
		return { status: 204 };
	});
}

/** What a PUT did, as the log of `loggedIn` tells it. */
function writeVerb(
	before: string | null | undefined,
	after: string | null,
	loggedIn: string | null
): string {
	if (before === undefined) return 'skapades';
	if (before === after) return 'ändrades';
	return loggedIn === after
		? 'flyttades hit från en annan gruppering'
		: 'flyttades till en annan gruppering';
}

/** "Målet »Fler utbildningar«": the row's kind and name (its id when it has none), for the change log. */
export function describe(entity: ReferenceEntity, row: Record<string, unknown>): string {
	const name = typeof row.name === 'string' ? row.name : String(row.id);
	return `${ENTITY_LABELS[entity]} »${name}«`;
}

/** Whether values are stored under the indicator's own id or other indicators follow its series. */
async function foundsSeries(tx: Transaction, indicatorId: string): Promise<boolean> {
	return (
		(await hasMeasurements(tx, indicatorId)) ||
		(await isReferencedBy(tx, 'indicator', 'seriesId', indicatorId))
	);
}

/** 403 with the grouping's name unless the roles make their holder its admin. */
export async function unlessAdmin(
	db: Database | Transaction,
	roles: readonly RoleAssignment[],
	groupingId: string | null
): Promise<ApiAnswer | null> {
	if (groupingId !== null && canAdminister(roles, groupingId)) return null;
	const name =
		groupingId === null
			? 'den här organisationen'
			: nameOf(await findReference(db, 'organisation', groupingId), groupingId);
	return refusal(403, `Du är inte administratör för ${name}.`);
}
