import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { syncProgressText, syncStateText } from './sync-summary';

describe('syncStateText', () => {
	it('says "allt synkat" only when nothing waits, the device has pulled and no conflict is open', () => {
		fc.assert(
			fc.property(
				fc.nat(5),
				fc.nat(5),
				fc.boolean(),
				fc.boolean(),
				(pending, conflicts, running, everPulled) => {
					const text = syncStateText({ pending, conflicts, running, everPulled });
					expect(text === 'allt synkat').toBe(pending === 0 && conflicts === 0 && everPulled);
				}
			)
		);
	});

	it('tells a new device from a synced one', () => {
		expect(syncStateText({ pending: 0, conflicts: 0, running: true, everPulled: false })).toBe(
			'hämtar från servern…'
		);
		expect(syncStateText({ pending: 0, conflicts: 0, running: false, everPulled: false })).toBe(
			'inte synkat än'
		);
		expect(syncStateText({ pending: 2, conflicts: 1, running: false, everPulled: true })).toBe(
			'2 osynkade ändringar'
		);
		expect(syncStateText({ pending: 0, conflicts: 1, running: false, everPulled: true })).toBe(
			'allt skickat'
		);
	});
});

describe('syncProgressText', () => {
	const fmt = (n: number) => n.toLocaleString('sv-SE');
	it('counts with the total when it is known', () => {
		expect(syncProgressText({ phase: 'pull', done: 12400, total: 87000 }, fmt)).toBe(
			'Hämtar värden: 12\u00a0400 av 87\u00a0000'
		);
		expect(syncProgressText({ phase: 'push', done: 500, total: 5000 }, fmt)).toBe(
			'Skickar ändringar: 500 av 5\u00a0000'
		);
		expect(syncProgressText({ phase: 'pull', done: 10, total: null }, fmt)).toBe(
			'Hämtar värden: 10'
		);
	});
});
