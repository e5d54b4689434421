import { describe, it, expect } from 'vitest';
import { SyncScheduler, type SyncState } from './scheduler';
import { SyncRefusedError, type SyncTransport } from './engine';
import { createTestDatabase } from '$lib/local-store/test-database';
import { PROTOCOL_VERSION, type SyncResponse } from '$lib/domain/sync/sync-protocol';

const empty: SyncResponse = {
	protocol: PROTOCOL_VERSION,
	serverEpoch: 'e1',
	outcomes: [],
	changes: [],
	lastRevision: 0,
	hasMore: false
};

async function until(condition: () => boolean, timeoutMs = 5000) {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}

function manualTimers() {
	const timers: { fn: () => void; ms: number }[] = [];
	return {
		timers,
		setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
		clearTimer: () => timers.splice(0)
	};
}

describe('SyncScheduler', () => {
	it('runs one sync at a time and folds requests made meanwhile into one more run', async () => {
		let calls = 0;
		let release!: () => void;
		const transport: SyncTransport = async () => {
			calls++;
			if (calls === 1) await new Promise<void>((r) => (release = r));
			return empty;
		};
		const scheduler = new SyncScheduler(createTestDatabase(), transport, manualTimers());
		const first = scheduler.syncNow();
		await until(() => calls === 1);
		void scheduler.syncNow();
		void scheduler.syncNow();
		expect(calls).toBe(1);
		release();
		await first;
		await until(() => calls === 2);
		await new Promise((r) => setTimeout(r, 50));
		expect(calls).toBe(2);
	});

	it('backs off exponentially after failures and reports them in Swedish', async () => {
		const timers = manualTimers();
		const scheduler = new SyncScheduler(
			createTestDatabase(),
			async () => Promise.reject(new Error('down')),
			{ ...timers, backoffMs: 1000 }
		);
		const delays: number[] = [];
		for (let i = 0; i < 4; i++) {
			await scheduler.syncNow();
			delays.push(timers.timers.at(-1)!.ms);
		}
		expect(delays).toEqual([1000, 2000, 4000, 8000]);
		expect(scheduler.state.error).toMatch(/Kunde inte nå servern/);
	});

	it('shows the server’s refusal and clears the error after a good sync', async () => {
		let refuse = true;
		const transport: SyncTransport = async () => {
			if (refuse) throw new SyncRefusedError('Appen är äldre än servern. Ladda om sidan.', 409);
			return empty;
		};
		const scheduler = new SyncScheduler(createTestDatabase(), transport, manualTimers());
		await scheduler.syncNow();
		expect(scheduler.state.error).toMatch(/Ladda om/);
		refuse = false;
		await scheduler.syncNow();
		expect(scheduler.state.error).toBeNull();
		expect(scheduler.state.lastSyncAt).not.toBeNull();
	});

	it('does not try while offline', async () => {
		let calls = 0;
		const scheduler = new SyncScheduler(createTestDatabase(), async () => (calls++, empty), {
			...manualTimers(),
			isOnline: () => false
		});
		await scheduler.syncNow();
		expect(calls).toBe(0);
	});

	it('runs beforeSync once before each sync, and syncs even when it fails', async () => {
		const order: string[] = [];
		const transport: SyncTransport = async () => (order.push('sync'), empty);
		const failing = async () => {
			order.push('before');
			throw new Error('nät saknas');
		};
		const scheduler = new SyncScheduler(createTestDatabase(), transport, {
			...manualTimers(),
			beforeSync: failing
		});
		await scheduler.syncNow();
		await scheduler.syncNow();
		expect(order).toEqual(['before', 'sync', 'before', 'sync']);
		expect(scheduler.state.error).toBeNull();
	});

	it('tells how far a running sync has come, and clears it when the sync is over', async () => {
		const seen: (SyncState['progress'] | null)[] = [];
		let page = 0;
		const transport: SyncTransport = async (request) => {
			page++;
			const row = {
				id: `m:ind:k${page}:2025:t`,
				indicatorId: 'ind',
				organisationId: `k${page}`,
				year: 2025,
				gender: 'T' as const,
				value: page,
				status: 'preliminary' as const,
				note: '',
				source: '',
				updatedBy: 'x',
				updatedAt: '2026-01-01T00:00:00.000Z',
				exampleData: false
			};
			return {
				...empty,
				changes: [{ entity: 'measurement', row, revision: page, conflicts: [] }],
				lastRevision: page,
				hasMore: page < 3,
				...(request.countRemaining ? { remaining: 2 } : {})
			};
		};
		const scheduler = new SyncScheduler(createTestDatabase(), transport, {
			...manualTimers(),
			onChange: (state) => seen.push(state.progress)
		});
		await scheduler.syncNow();
		expect(scheduler.state.error).toBeNull();
		expect(seen.filter((p) => p !== null)).toEqual([
			{ phase: 'pull', done: 0, total: null, firstPull: true },
			{ phase: 'pull', done: 1, total: 3, firstPull: true },
			{ phase: 'pull', done: 2, total: 3, firstPull: true },
			{ phase: 'pull', done: 3, total: 3, firstPull: true }
		]);
		expect(scheduler.state).toMatchObject({ running: false, progress: null, startedAt: null });
	});
});
