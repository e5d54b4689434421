import { SyncScheduler, type SyncState } from './scheduler';
import { httpTransport } from './http-transport';
import { connection } from './connection.svelte';
import { database } from '$lib/db/client';

/** The sync status the header shows; updated by the one scheduler of this tab. */
export const syncStatus: SyncState = $state({ running: false, lastSyncAt: null, lastReport: null, error: null, retryAt: null });

let scheduler: SyncScheduler | null = null;

/** Starts syncing: now, on every reconnect, and on the scheduler's timer while online. */
export function startSync(): () => void {
	scheduler = new SyncScheduler(database(), httpTransport(), {
		isOnline: () => connection.online,
		onChange: (state) => Object.assign(syncStatus, state)
	});
	const onOnline = () => void scheduler?.syncNow();
	window.addEventListener('online', onOnline);
	void scheduler.syncNow();
	return () => {
		window.removeEventListener('online', onOnline);
		scheduler?.stop();
		scheduler = null;
	};
}

/** "Synka nu". Resolves when the sync (or the one already running) is done. */
export function syncNow(): Promise<void> {
	return scheduler?.syncNow() ?? Promise.resolve();
}
