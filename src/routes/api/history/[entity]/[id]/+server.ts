import { canRead } from '$lib/domain/access/permissions';
import { Id } from '$lib/domain/common';
import type { MutationEntity } from '$lib/domain/sync/mutation';
import { getDatabase } from '$lib/server/database';
import { ok, refusal } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';
import { historyOf } from '$lib/server/history/value-history';
import { groupingOfSyncedRow } from '$lib/server/sync/authorize';

export const prerender = false;

const ENTITIES: readonly string[] = ['measurement', 'assessment'] satisfies MutationEntity[];

/**
 * GET /api/history/measurement/<id>: every change and conflicting value of
 * one row, newest first, with the names of the people who made them; for
 * users with a role in the row's grouping.
 */
export const GET = signedIn(async ({ params }, session) => {
	if (!ENTITIES.includes(params.entity!))
		return refusal(404, 'Okänd typ: bara measurement och assessment har historik.');
	if (!Id.safeParse(params.id).success) return refusal(400, 'Ogiltigt id.');
	const db = await getDatabase();
	const entity = params.entity as MutationEntity;
	const entries = await historyOf(db, entity, params.id!);
	if (entries.length === 0) return refusal(404, 'Raden finns inte på servern.');
	const groupingId = await groupingOfSyncedRow(db, entity, entries[0].row);
	if (!groupingId || !canRead(session.roles, groupingId))
		return refusal(403, 'Du har ingen roll i den gruppering som värdet hör till.');
	// Readers see who and when; which device or outbox entry a change came from stays on the server.
	return ok({
		entity,
		id: params.id,
		entries: entries.map(({ clientId: _clientId, mutationId: _mutationId, ...entry }) => entry)
	});
});

export const fallback = methodNotAllowed;
