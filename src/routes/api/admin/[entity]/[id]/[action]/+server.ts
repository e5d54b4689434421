import { ADMIN_ENTITIES, isAdminEntityPath } from '$lib/domain/sync/reference';
import { CopyPlanRequest, MoveRequest, RemoveRequest } from '$lib/domain/plan/plan-authoring';
import { getDatabase } from '$lib/server/database';
import {
	copyPlanForward,
	isRemovable,
	moveTreeItem,
	removePlan,
	removeTreeItem,
	restoreTreeItem
} from '$lib/server/reference/plan-authoring';
import { readJson, refusal } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

const UNKNOWN_ACTION = refusal(
	404,
	'Okänd åtgärd. Målområden, mål, delmål och indikatorer tar remove, restore och move; planer tar copy och remove.'
);

/**
 * POST /api/admin/<entity>/<id>/<action>:
 * - remove {fromYear}: archived from that year when it has values or assessments, deleted otherwise;
 * - restore: back from the archive;
 * - move {direction}: one step up or down among its siblings;
 * - copy {fromYear, toYear, name} (plans): the plan copied forward as a new plan;
 * - remove (plans): the plan with everything in it, when none of it has values or assessments.
 */
export const POST = signedIn(async ({ params, request }, session) => {
	if (!isAdminEntityPath(params.entity!)) return UNKNOWN_ACTION;
	const entity = ADMIN_ENTITIES[params.entity].entity;
	const id = params.id!;
	const db = await getDatabase();
	if (params.action === 'copy' && entity === 'plan') {
		const body = await readJson(request, CopyPlanRequest);
		return body.ok ? copyPlanForward(db, session, id, body.value) : body.answer;
	}
	if (params.action === 'remove' && entity === 'plan') return removePlan(db, session, id);
	if (!isRemovable(entity)) return UNKNOWN_ACTION;
	switch (params.action) {
		case 'remove': {
			const body = await readJson(request, RemoveRequest);
			return body.ok ? removeTreeItem(db, session, entity, id, body.value) : body.answer;
		}
		case 'restore':
			return restoreTreeItem(db, session, entity, id);
		case 'move': {
			const body = await readJson(request, MoveRequest);
			return body.ok ? moveTreeItem(db, session, entity, id, body.value) : body.answer;
		}
		default:
			return UNKNOWN_ACTION;
	}
});

export const fallback = methodNotAllowed;
