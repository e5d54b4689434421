import { HistoryResponse, type HistoryEntry } from '$lib/domain/sync/sync-protocol';
import type { MutationEntity } from '$lib/domain/sync/mutation';
import { apiRequest, type ApiResult } from './request';

/** A value's history lives on the server (every device's edits meet there), so it needs a connection. */
export async function fetchHistory(
	entity: MutationEntity,
	rowId: string
): Promise<ApiResult<HistoryEntry[]>> {
	const result = await apiRequest(
		`/api/history/${entity}/${encodeURIComponent(rowId)}`,
		(body) => HistoryResponse.parse(body).entries,
		{
			offlineMessage: 'Historiken visas när enheten är ansluten till nätet.'
		}
	);
	// A row the server has never had (typed here, not yet synced) has no history yet.
	if (!result.ok && result.status === 404) return { ok: true, value: [] };
	if (!result.ok && result.status !== null)
		return { ...result, message: `Historiken kunde inte hämtas (${result.message})` };
	return result;
}
