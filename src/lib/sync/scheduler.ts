import {
	syncOnce,
	SyncRefusedError,
	type SyncProgress,
	type SyncReport,
	type SyncTransport
} from './engine';
import { MAX_MUTATIONS_PER_REQUEST } from '$lib/domain/sync/sync-protocol';
import type { LagesbildDatabase } from '$lib/local-store/database';
import { StorageFailedError, StorageFullError } from '$lib/local-store/storage-errors';

export type SyncState = {
	running: boolean;
	lastSyncAt: string | null;
	lastReport: SyncReport | null;
	/** Plain Swedish, for the user; null when the last attempt worked. */
	error: string | null;
	/** When the next automatic attempt is due after a failure. */
	retryAt: string | null;
	/** How far the running sync has come; null when none runs. */
	progress: SyncProgress | null;
	/** When the running sync started; null when none runs. */
	startedAt: string | null;
};

export type SchedulerOptions = {
	intervalMs?: number;
	/** First retry delay after a failure; doubles each time up to maxBackoffMs. */
	backoffMs?: number;
	maxBackoffMs?: number;
	isOnline?: () => boolean;
	onChange?: (state: SyncState) => void;
	/** Runs once before each sync (not before each request of it); a failure here does not stop the sync. */
	beforeSync?: () => Promise<void>;
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
};

/**
 * Decides when to sync: at start, on reconnect, on a timer while online, and
 * when asked ("Synka nu"). Only one sync runs at a time: a request during a
 * sync is folded into one more run right after. Failures back off
 * exponentially so a dead server is not hammered.
 */
export class SyncScheduler {
	readonly state: SyncState = {
		running: false,
		lastSyncAt: null,
		lastReport: null,
		error: null,
		retryAt: null,
		progress: null,
		startedAt: null
	};
	private running: Promise<void> | null = null;
	private again = false;
	private failures = 0;
	private timer: unknown = null;
	private readonly o: Required<SchedulerOptions>;

	constructor(
		private readonly db: LagesbildDatabase,
		private readonly transport: SyncTransport,
		options: SchedulerOptions = {}
	) {
		this.o = {
			intervalMs: 60_000,
			backoffMs: 2_000,
			maxBackoffMs: 5 * 60_000,
			isOnline: () => true,
			onChange: () => {},
			beforeSync: async () => {},
			setTimer: (fn, ms) => setTimeout(fn, ms),
			clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
			...options
		};
	}

	/** Syncs now, or right after the sync that is running. Resolves when done. */
	syncNow(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = this.run().finally(() => {
			this.running = null;
			if (this.again) {
				this.again = false;
				void this.syncNow();
			}
		});
		return this.running;
	}

	stop(): void {
		if (this.timer !== null) this.o.clearTimer(this.timer);
		this.timer = null;
	}

	private async run(): Promise<void> {
		this.stop();
		if (!this.o.isOnline()) {
			this.update({ error: null, retryAt: null });
			return;
		}
		this.update({ running: true, startedAt: new Date().toISOString(), progress: null });
		try {
			await this.o.beforeSync().catch(() => undefined);
			const report = await syncOnce(
				this.db,
				this.transport,
				MAX_MUTATIONS_PER_REQUEST,
				(progress) => this.update({ progress })
			);
			this.failures = 0;
			this.update({
				running: false,
				progress: null,
				startedAt: null,
				lastSyncAt: new Date().toISOString(),
				lastReport: report,
				error: null,
				retryAt: null
			});
			this.schedule(this.o.intervalMs);
		} catch (error) {
			this.failures++;
			const refused = error instanceof SyncRefusedError;
			const delay = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (this.failures - 1));
			// The device's store failing is not the network failing: say which, and what to do.
			const stored = error instanceof StorageFullError || error instanceof StorageFailedError;
			this.update({
				running: false,
				progress: null,
				startedAt: null,
				error: refused
					? error.message
					: stored
						? `${error.message} Ändringar gjorda på enheten ligger kvar och skickas vid nästa synk.`
						: 'Kunde inte nå servern. Ändringarna ligger kvar på enheten och skickas när anslutningen fungerar.',
				retryAt: new Date(Date.now() + delay).toISOString()
			});
			this.schedule(delay);
		}
	}

	private schedule(ms: number): void {
		this.stop();
		this.timer = this.o.setTimer(() => void this.syncNow(), ms);
	}

	private update(patch: Partial<SyncState>): void {
		Object.assign(this.state, patch);
		this.o.onChange({ ...this.state });
	}
}
