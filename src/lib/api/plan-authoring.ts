import type { AdminEntityPath } from '$lib/domain/sync/reference';
import { AdminLog, type AdminLogEntry } from '$lib/domain/plan/admin-log';
import type {
	CopyOutcome,
	CopyPlanRequest,
	NewGroupingRequest,
	RemoveOutcome
} from '$lib/domain/plan/plan-authoring';
import type { Organisation } from '$lib/domain/plan/organisation';
import { apiRequest } from './request';

/**
 * The plan editor's actions besides PUT and DELETE (admin.ts): remove
 * (archived when it has values, deleted otherwise), restore, move, copy a
 * plan forward; a new grouping; the change log. All need the network.
 */
const offlineMessage =
	'Planen kan bara ändras med nät. Det du har skrivit finns kvar på enheten tills du kan spara.';
const at = (path: AdminEntityPath, id: string, action: string) =>
	`/api/admin/${path}/${encodeURIComponent(id)}/${action}`;

export const removeTreeItem = (path: AdminEntityPath, id: string, fromYear: number) =>
	apiRequest<RemoveOutcome>(at(path, id, 'remove'), (b) => b as RemoveOutcome, {
		method: 'POST',
		body: { fromYear },
		offlineMessage
	});

/** A whole plan with everything in it; refused (409, in Swedish) when any of it has values or assessments. */
export const removePlan = (planId: string) =>
	apiRequest(at('plans', planId, 'remove'), () => null, { method: 'POST', offlineMessage });

export const restoreTreeItem = (path: AdminEntityPath, id: string) =>
	apiRequest(at(path, id, 'restore'), () => null, { method: 'POST', offlineMessage });

export const moveTreeItem = (path: AdminEntityPath, id: string, direction: 'up' | 'down') =>
	apiRequest(at(path, id, 'move'), () => null, {
		method: 'POST',
		body: { direction },
		offlineMessage
	});

export const copyPlan = (planId: string, request: CopyPlanRequest) =>
	apiRequest<CopyOutcome>(at('plans', planId, 'copy'), (b) => b as CopyOutcome, {
		method: 'POST',
		body: request,
		offlineMessage
	});

export const createGrouping = (request: NewGroupingRequest) =>
	apiRequest<Organisation>(
		'/api/admin/groupings',
		(b) => (b as { organisation: Organisation }).organisation,
		{
			method: 'POST',
			body: request,
			offlineMessage:
				'En ny gruppering kan bara skapas med nät. Det du har skrivit finns kvar på enheten.'
		}
	);

export const fetchAdminLog = (organisationId: string) =>
	apiRequest<AdminLogEntry[]>(
		`/api/admin/log?organisation=${encodeURIComponent(organisationId)}`,
		(b) => AdminLog.parse(b).entries,
		{
			offlineMessage: 'Ändringsloggen finns på servern och kan bara visas med nät.'
		}
	);
