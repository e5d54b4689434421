import { SyncResponse, type SyncRequest } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { SyncRefusedError, type SyncTransport } from '$lib/sync/engine';
import { reportSessionEnded } from './request';

/** POSTs to the server's sync endpoint; a 4xx becomes a SyncRefusedError carrying the server's Swedish message. */
export function httpTransport(url = '/api/sync', fetchImpl: typeof fetch = fetch): SyncTransport {
	return async (request: SyncRequest) => {
		const response = await fetchImpl(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request)
		});
		if (response.status === 401) reportSessionEnded();
		if (response.status >= 400 && response.status < 500) {
			const body = await response.json().catch(() => ({}));
			throw new SyncRefusedError(refusalMessage(response.status, body?.error), response.status);
		}
		if (!response.ok) throw new Error(`Servern svarade ${response.status}`);
		// The rows come column by column; once decoded they are validated as they always were.
		return SyncResponse.parse(decodeSyncResponse(await response.json()));
	};
}

function refusalMessage(status: number, serverMessage: unknown): string {
	if (status === 409)
		return 'Appen är äldre än servern. Ladda om sidan för att få den nya versionen.';
	if (status === 401) return 'Du behöver logga in igen. Inget av det du skrivit har gått förlorat.';
	if (status === 403) return 'Du saknar behörighet för en av ändringarna.';
	return typeof serverMessage === 'string'
		? `Servern tog inte emot ändringarna: ${serverMessage}`
		: `Servern svarade ${status}.`;
}
