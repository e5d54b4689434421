import { isAdminEntityPath } from '$lib/domain/sync/reference';
import { getDatabase } from '$lib/server/database';
import { deleteAdminRow, putAdminRow } from '$lib/server/reference/admin-writes';
import { readJson, refusal } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';
import * as z from 'zod/mini';

export const prerender = false;

const UNKNOWN_ENTITY = refusal(
	404,
	'Okänd typ. Admin-API:t tar plans, goal-areas, goals, sub-goals, indicators, targets och memberships.'
);

/** PUT /api/admin/<entity>/<id> with the whole row: creates or replaces it (admins of its grouping). */
export const PUT = signedIn(async ({ params, request }, session) => {
	if (!isAdminEntityPath(params.entity!)) return UNKNOWN_ENTITY;
	// Parsed as JSON here; validated against the entity's own schema in putAdminRow.
	const body = await readJson(request, z.unknown());
	if (!body.ok) return body.answer;
	return putAdminRow(await getDatabase(), session, params.entity, params.id!, body.value);
});

/** DELETE /api/admin/<entity>/<id>: removes a row nothing else depends on. */
export const DELETE = signedIn(async ({ params }, session) => {
	if (!isAdminEntityPath(params.entity!)) return UNKNOWN_ENTITY;
	return deleteAdminRow(await getDatabase(), session, params.entity, params.id!);
});

export const fallback = methodNotAllowed;
