import type { core } from 'zod/mini';
import type { RoleAssignment } from '$lib/domain/auth';
import { canAdminister } from '$lib/domain/permissions';
import { Id } from '$lib/domain/common';
import { ADMIN_ENTITIES, type AdminEntityPath } from '$lib/domain/reference';
import type { Database, Transaction } from '../db/connection';
import type { ReferenceEntity } from '../db/schema';
import { ok, refusal, validate, type ApiAnswer } from '../http/api';
import { databaseLookup, dependentsOf, nameOf, owningGrouping } from './ownership';
import { deleteReference, findReference, putReference } from './store';

/**
 * PUT and DELETE /api/admin/<entity>/<id>: an admin changes the goal tree,
 * indicators, targets or memberships of a grouping they administer. The
 * grouping is derived from the row and its parents on the server; a row
 * moving from one grouping to another needs an admin of both. Validation,
 * the check and the write share one transaction: a refused write changes nothing.
 */

type AnyRow = Record<string, unknown> & { id: string };

const ENTITY_LABELS: Record<ReferenceEntity, string> = {
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

export async function putAdminRow(db: Database, roles: readonly RoleAssignment[], path: AdminEntityPath, id: string, body: unknown): Promise<ApiAnswer> {
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
		if (existing && existing.groupingId !== owner.groupingId) {
			const dependents = await dependentsOf(tx, entity, id);
			if (dependents) return refusal(409, `${ENTITY_LABELS[entity]} har ${dependents} och kan inte flyttas till en annan gruppering.`);
		}
		const revision = await putReference(tx, entity, row, owner.groupingId);
		return ok({ entity, row, revision });
	});
}

export async function deleteAdminRow(db: Database, roles: readonly RoleAssignment[], path: AdminEntityPath, id: string): Promise<ApiAnswer> {
	const { entity } = ADMIN_ENTITIES[path];
	if (!Id.safeParse(id).success) return refusal(400, 'Ogiltigt id i adressen.');
	return db.transaction(async (tx) => {
		const existing = await findReference(tx, entity, id);
		if (!existing) return refusal(404, `${ENTITY_LABELS[entity]} finns inte.`);
		const denied = await unlessAdmin(tx, roles, existing.groupingId);
		if (denied) return denied;
		const dependents = await dependentsOf(tx, entity, id);
		if (dependents) return refusal(409, `${ENTITY_LABELS[entity]} har ${dependents}. Ta bort dem först.`);
		await deleteReference(tx, entity, id);
		return { status: 204 };
	});
}

/** 403 with the grouping's name unless the roles make their holder its admin. */
export async function unlessAdmin(db: Database | Transaction, roles: readonly RoleAssignment[], groupingId: string | null): Promise<ApiAnswer | null> {
	if (groupingId !== null && canAdminister(roles, groupingId)) return null;
	const name = groupingId === null ? 'den här organisationen' : nameOf(await findReference(db, 'organisation', groupingId), groupingId);
	return refusal(403, `Du är inte administratör för ${name}.`);
}
