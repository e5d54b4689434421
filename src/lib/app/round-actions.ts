import type { RoundRequest } from '$lib/domain/entry/reporting-round';
import { sendRoundAction } from '$lib/api/rounds';
import { refreshReferenceData } from './reference-refresh';

/**
 * Opens, locks or reopens a round on the server, then brings the round to
 * this device the way every other device gets it: with the reference data.
 */
export async function runRoundAction(request: RoundRequest) {
	const result = await sendRoundAction(request);
	if (result.ok) await refreshReferenceData();
	return result;
}
