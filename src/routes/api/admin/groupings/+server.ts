import { NewGroupingRequest } from '$lib/domain/plan/plan-authoring';
import { getDatabase } from '$lib/server/database';
import { createGrouping } from '$lib/server/reference/plan-authoring';
import { readJson } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** POST /api/admin/groupings {name, kind, shortName?, description?}: a new, empty grouping, with its creator as admin. */
export const POST = signedIn(async ({ request }, session) => {
	const body = await readJson(request, NewGroupingRequest);
	if (!body.ok) return body.answer;
	return createGrouping(await getDatabase(), session, body.value);
});

export const fallback = methodNotAllowed;
