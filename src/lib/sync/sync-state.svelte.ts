import type { SyncScheduler, SyncState } from './scheduler';
import { connection } from './connection.svelte';
import { database } from '$lib/local-store/client';
import { appState } from '$lib/app/app-state.svelte';
import { refreshReferenceData } from '$lib/app/reference-refresh';

/** The sync status the header shows; updated by the one scheduler of this tab. */
export const syncStatus: SyncState = $state({
	running: false,
	lastSyncAt: null,
	lastReport: null,
	error: null,
	retryAt: null,
	progress: null,
	startedAt: null
});

let scheduler: SyncScheduler | null = null;
/** Bumped by every start and stop, so a start whose code arrives after a stop does nothing. */
let generation = 0;
let loading: Promise<void> = Promise.resolve();

/**
 * Starts syncing: now, and on the scheduler's timer while online (a reconnect
 * asks for a sync through app/lifecycle's one listener). Nothing is sent while the session has expired: the outbox waits,
 * untouched, for the user to sign in again.
 *
 * The sync machinery (engine, wire format, the protocol's schemas) is loaded
 * here rather than imported, once the page has drawn: a page opens from the
 * local store without it, so it stays off the first page's critical path.
 */
export function startSync(): void {
	stopSync();
	const started = generation;
	loading = afterStartUp()
		.then(() => Promise.all([import('./scheduler'), import('$lib/api/sync-transport')]))
		.then(([{ SyncScheduler }, { httpTransport }]) => {
			if (started !== generation) return;
			const transport = httpTransport();
			runScheduler(new SyncScheduler(database(), transport, schedulerOptions()));
		})
		.catch((error) => {
			syncStatus.error = `Synken kunde inte starta: ${error instanceof Error ? error.message : String(error)}`;
		});
}

function schedulerOptions(): ConstructorParameters<typeof SyncScheduler>[2] {
	return {
		isOnline: () => connection.online && appState.session !== null && !appState.sessionExpired,
		onChange: (state) => Object.assign(syncStatus, state),
		// Rounds and locks are reference data: asking for it with every sync (a 304 while unchanged)
		// lets a device hear of a lock before it offers an edit the server would refuse.
		beforeSync: refreshReferenceData
	};
}

function runScheduler(started: SyncScheduler): void {
	scheduler = started;
	void scheduler.syncNow();
}

/**
 * A second after start-up, when the browser is next idle: the first page gets
 * the device to itself (an offline cold start on a slow tablet spends about
 * that long opening the store and drawing; npm run bench). Safari has no
 * requestIdleCallback; there the second alone.
 */
const FIRST_PAGE_MS = 1000;
function afterStartUp(): Promise<void> {
	return new Promise((resolve) =>
		setTimeout(() => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
			else resolve();
		}, FIRST_PAGE_MS)
	);
}

export function stopSync(): void {
	generation++;
	scheduler?.stop();
	scheduler = null;
}

/** "Synka nu". Resolves when the sync (or the one already running) is done. */
export async function syncNow(): Promise<void> {
	await loading;
	return scheduler?.syncNow();
}
