import { HistoryResponse, type HistoryEntry } from '$lib/domain/sync-protocol';
import type { MutationEntity } from '$lib/domain/mutation';

export type HistoryResult = { ok: true; entries: HistoryEntry[] } | { ok: false; message: string };

/** A value's history lives on the server (every device's edits meet there), so it needs a connection. */
export async function fetchHistory(entity: MutationEntity, rowId: string, fetchImpl: typeof fetch = fetch): Promise<HistoryResult> {
	try {
		const response = await fetchImpl(`/api/history/${entity}/${encodeURIComponent(rowId)}`);
		if (response.status === 404) return { ok: true, entries: [] };
		if (!response.ok) return { ok: false, message: `Historiken kunde inte hämtas (servern svarade ${response.status}).` };
		return { ok: true, entries: HistoryResponse.parse(await response.json()).entries };
	} catch {
		return { ok: false, message: 'Historiken visas när enheten är ansluten till nätet.' };
	}
}
