import type { SessionInfo } from '$lib/domain/access/auth';
import { database, forgetDatabase, requestPersistentStorage } from '$lib/local-store/client';
import { StorageOpenError } from '$lib/local-store/storage-errors';
import {
	handOverRefusal,
	logoutPending,
	readLocalSession,
	writeLocalSession
} from '$lib/auth/local-session';
import { checkSession, logoutOnServer } from '$lib/api/session';
import { whenSessionEnds } from '$lib/api/request';
import { connection } from '$lib/sync/connection.svelte';
import { startSync, stopSync, syncNow } from '$lib/sync/sync-state.svelte';
import { appState } from './app-state.svelte';
import { refreshReferenceData } from './reference-refresh';
import { forgetReminders } from './remembered-reminders';

/**
 * The one owner of the app's life on this device: opening the local store,
 * the remembered session, signing in and out, the one online/offline
 * listener, and when the sync runs. Pages and components call these; nothing
 * else starts or stops the sync or writes the session.
 */

export { refreshReferenceData };

export type StartupResult = { persisted: 'granted' | 'denied' | 'unsupported' };

/**
 * Opens the app: the local store and the remembered session first (enough to
 * work offline), then, without holding up the first page, whatever needs the
 * server. Returns a function that undoes it all.
 */
export function boot(
	onOpened: (result: StartupResult) => void,
	onFailed: (message: string) => void
): () => void {
	whenSessionEnds(() => (appState.sessionExpired = true));
	const stopListening = listenToConnection();
	const stopSyncing = $effect.root(syncWhileSignedIn);
	openLocalStore()
		.then((result) => {
			onOpened(result);
			appState.ready = true;
			return refreshFromServer();
		})
		.catch((error) => onFailed(error instanceof Error ? error.message : String(error)));
	return () => {
		stopListening();
		stopSyncing();
		stopSync();
	};
}

async function openLocalStore(): Promise<StartupResult> {
	const db = database();
	// Side by side: asking for persistent storage can take a while, and opening does not depend on it.
	const [persisted] = await Promise.all([
		requestPersistentStorage().catch(() => 'unsupported' as const),
		db.open().catch((error) => {
			throw new StorageOpenError(error);
		})
	]);
	appState.session = await readLocalSession(db);
	return { persisted };
}

/**
 * Online: finishes a sign-out made offline, checks that the session is still
 * valid (roles may have changed), and brings the user's reference data up to
 * date. An unreachable server leaves everything as it is. Also called after
 * a change of one's own roles (a grouping one has just created).
 */
export async function refreshFromServer(): Promise<void> {
	if (logoutPending.get() && (await logoutOnServer())) logoutPending.clear();
	if (!appState.session) return;
	const check = await checkSession();
	if (check.state === 'expired') {
		appState.sessionExpired = true;
		return;
	}
	if (check.state === 'unreachable') return;
	appState.sessionExpired = false;
	appState.session = check.session;
	await writeLocalSession(database(), check.session);
	await refreshReferenceData();
}

/** The one listener: the header's state, and on reconnecting, the server check and a sync at once. */
function listenToConnection(): () => void {
	const update = () => {
		connection.online = navigator.onLine;
		if (connection.online) void refreshFromServer().then(() => syncNow());
	};
	connection.online = navigator.onLine;
	window.addEventListener('online', update);
	window.addEventListener('offline', update);
	return () => {
		window.removeEventListener('online', update);
		window.removeEventListener('offline', update);
	};
}

/**
 * Whoever signs in (again) starts the sync that was waiting; an ended
 * session or a sign-out stops it. Keyed on the user's id, so a refreshed
 * session object for the same person does not restart it.
 */
function syncWhileSignedIn(): void {
	const signedInUser = $derived(appState.session?.user.id ?? null);
	$effect(() => {
		if (appState.ready && signedInUser && !appState.sessionExpired) startSync();
		else stopSync();
	});
}

/**
 * Makes a session the server just granted (sign-in, accepted invitation) this
 * device's session: remembered for offline use, reference data fetched, the
 * waiting outbox sent. Returns a Swedish reason instead when the device holds
 * another person's unsynced edits.
 */
export async function adopt(session: SessionInfo): Promise<string | null> {
	const refusal = await handOverRefusal(database(), session);
	if (refusal) return refusal;
	await writeLocalSession(database(), session);
	appState.session = session;
	appState.sessionExpired = false;
	await refreshReferenceData();
	void syncNow();
	return null;
}

/**
 * Signing out on a shared tablet removes this user's data from the device:
 * the whole IndexedDB database goes. Offline, the server session is ended as
 * soon as the device is online again.
 */
export async function signOut(): Promise<void> {
	stopSync();
	const ended = navigator.onLine && (await logoutOnServer());
	if (!ended) logoutPending.set();
	await database().delete();
	forgetDatabase();
	forgetReminders();
	appState.session = null;
	appState.sessionExpired = false;
}
