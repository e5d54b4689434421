import type { AdminEntityPath } from '$lib/domain/sync/reference';
import { apiRequest, ignoreBody } from './request';

/**
 * Writes to a grouping's plan, indicators, targets and memberships. The
 * server validates each row with the same schema as the form, checks that
 * the user administers the grouping, and logs the change; every member
 * device receives it with the next reference update.
 */
const offlineMessage =
	'Planen kan bara ändras med nät. Det du har skrivit finns kvar på enheten tills du kan spara.';

type Written = { revision: number };

export const putAdminRow = (path: AdminEntityPath, row: { id: string }) =>
	apiRequest<Written>(
		`/api/admin/${path}/${encodeURIComponent(row.id)}`,
		(b) => ({ revision: Number((b as Written).revision) }),
		{ method: 'PUT', body: row, offlineMessage }
	);

export const deleteAdminRow = (path: AdminEntityPath, id: string) =>
	apiRequest(`/api/admin/${path}/${encodeURIComponent(id)}`, ignoreBody, {
		method: 'DELETE',
		offlineMessage
	});
