import { database, forgetDatabase } from '$lib/db/client';
import { logoutOnServer } from './session-client';
import { logoutPending } from './local-session';
import { appState } from '$lib/app-state.svelte';

/**
 * Signing out on a shared tablet removes this user's data from the device:
 * the whole IndexedDB database goes. Offline, the server session is ended as
 * soon as the device is online again.
 */
export async function signOut(): Promise<void> {
	const ended = navigator.onLine && (await logoutOnServer());
	if (!ended) logoutPending.set();
	await database().delete();
	forgetDatabase();
	appState.session = null;
	appState.sessionExpired = false;
}
