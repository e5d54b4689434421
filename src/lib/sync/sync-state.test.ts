import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The machinery sync-state loads on demand, replaced so the test sees what is built and when.
const built: { syncNow: ReturnType<typeof vi.fn>; stop: ReturnType<typeof vi.fn> }[] = [];
vi.mock('./scheduler', () => ({
	SyncScheduler: class {
		syncNow = vi.fn(async () => {});
		stop = vi.fn();
		constructor() {
			built.push(this);
		}
	}
}));
vi.mock('$lib/api/sync-transport', () => ({ httpTransport: () => async () => ({}) }));
vi.mock('$lib/local-store/client', () => ({ database: () => ({}) }));
vi.mock('$lib/app/reference-refresh', () => ({ refreshReferenceData: async () => {} }));

const { startSync, stopSync, syncNow } = await import('./sync-state.svelte');

/** Lets the dynamic imports and the promise chain after the timer run. */
async function settle() {
	for (let i = 0; i < 20; i++) await Promise.resolve();
	await new Promise((r) => setImmediate(r));
}

describe('sync state: the sync machinery starts a second after start-up', () => {
	beforeEach(() => {
		built.length = 0;
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		vi.stubGlobal('window', { addEventListener: vi.fn(), removeEventListener: vi.fn() });
	});
	afterEach(() => {
		stopSync();
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('builds nothing during the first second, then one scheduler that syncs at once', async () => {
		startSync();
		await vi.advanceTimersByTimeAsync(900);
		await settle();
		expect(built).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(200);
		await settle();
		expect(built).toHaveLength(1);
		expect(built[0].syncNow).toHaveBeenCalledTimes(1);
	});

	it('a stop before the machinery has loaded means it never starts', async () => {
		startSync();
		stopSync();
		await vi.advanceTimersByTimeAsync(2000);
		await settle();
		expect(built).toHaveLength(0);
	});

	it('a restart leaves exactly one scheduler running; the earlier one is stopped', async () => {
		startSync();
		await vi.advanceTimersByTimeAsync(1100);
		await settle();
		startSync();
		await vi.advanceTimersByTimeAsync(1100);
		await settle();
		expect(built).toHaveLength(2);
		expect(built[0].stop).toHaveBeenCalled();
		expect(built[1].stop).not.toHaveBeenCalled();
	});

	it('"Synka nu" pressed before the machinery has loaded waits for it and then syncs', async () => {
		startSync();
		const pressed = syncNow();
		await vi.advanceTimersByTimeAsync(1100);
		await settle();
		await pressed;
		expect(built).toHaveLength(1);
		// Once by the start itself, once for the press.
		expect(built[0].syncNow).toHaveBeenCalledTimes(2);
	});
});
