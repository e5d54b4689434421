import type { SessionInfo } from '$lib/domain/auth';
import { database } from '$lib/db/client';
import { refreshReferenceData } from '$lib/db/startup';
import { appState } from '$lib/app-state.svelte';
import { syncNow } from '$lib/sync/sync-state.svelte';
import { handOverRefusal, writeLocalSession } from './local-session';

/**
 * Makes a session the server just granted (sign-in, accepted invitation) this
 * device's session: remembered for offline use, reference data fetched, the
 * waiting outbox sent. Returns a Swedish reason instead when the device holds
 * another person's unsynced edits.
 */
export async function adoptSession(session: SessionInfo): Promise<string | null> {
	const refusal = await handOverRefusal(database(), session);
	if (refusal) return refusal;
	await writeLocalSession(database(), session);
	appState.session = session;
	appState.sessionExpired = false;
	await refreshReferenceData();
	void syncNow();
	return null;
}
