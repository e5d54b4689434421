import { SyncScheduler, type SyncState } from './scheduler';
import { httpTransport } from './http-transport';
import { connection } from './connection.svelte';
import { database } from '$lib/db/client';
import { appState } from '$lib/app-state.svelte';
import { refreshReferenceData } from '$lib/db/startup';

/** The sync status the header shows; updated by the one scheduler of this tab. */
export const syncStatus: SyncState = $state({ running: false, lastSyncAt: null, lastReport: null, error: null, retryAt: null });

let scheduler: SyncScheduler | null = null;
let stopListening = () => {};

/**
 * Starts syncing: now, on every reconnect, and on the scheduler's timer while
 * online. Nothing is sent while the session has expired: the outbox waits,
 * untouched, for the user to sign in again.
 */
export function startSync(): void {
	stopSync();
	const transport = httpTransport('/api/sync', fetch, { onUnauthorized: () => (appState.sessionExpired = true) });
	scheduler = new SyncScheduler(database(), transport, {
		isOnline: () => connection.online && appState.session !== null && !appState.sessionExpired,
		onChange: (state) => Object.assign(syncStatus, state),
		// Rounds and locks are reference data: asking for it with every sync (a 304 while unchanged)
		// lets a device hear of a lock before it offers an edit the server would refuse.
		beforeSync: refreshReferenceData
	});
	const onOnline = () => void scheduler?.syncNow();
	window.addEventListener('online', onOnline);
	stopListening = () => window.removeEventListener('online', onOnline);
	void scheduler.syncNow();
}

export function stopSync(): void {
	stopListening();
	scheduler?.stop();
	scheduler = null;
}

/** "Synka nu". Resolves when the sync (or the one already running) is done. */
export function syncNow(): Promise<void> {
	return scheduler?.syncNow() ?? Promise.resolve();
}
