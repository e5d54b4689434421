import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, draftKeys, loadDraft, saveDraft } from './drafts';

class MemoryStorage {
	items = new Map<string, string>();
	full = false;
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => {
		if (this.full) throw new DOMException('full', 'QuotaExceededError');
		this.items.set(k, v);
	};
	removeItem = (k: string) => void this.items.delete(k);
}

let storage: MemoryStorage;
beforeEach(() => {
	storage = new MemoryStorage();
	vi.stubGlobal(
		'localStorage',
		new Proxy(storage, {
			ownKeys: () => [...storage.items.keys()],
			getOwnPropertyDescriptor: (_, k) => ({
				enumerable: true,
				configurable: true,
				value: storage.items.get(String(k))
			})
		})
	);
});

describe('drafts', () => {
	it('keeps what was typed until it is cleared', () => {
		expect(saveDraft('plan:x', { name: 'VP 2026' })).toEqual({ ok: true });
		expect(loadDraft('plan:x', (v) => v)?.value).toEqual({ name: 'VP 2026' });
		expect(draftKeys('plan:')).toEqual(['plan:x']);
		clearDraft('plan:x');
		expect(loadDraft('plan:x', (v) => v)).toBeNull();
	});

	it('says so in Swedish when the device cannot keep it, and keeps the earlier draft', () => {
		saveDraft('plan:x', { name: 'första' });
		storage.full = true;
		const written = saveDraft('plan:x', { name: 'andra' });
		expect(written.ok).toBe(false);
		expect(!written.ok && written.message).toMatch(/kunde inte sparas på enheten/);
		expect(loadDraft('plan:x', (v) => v)?.value).toEqual({ name: 'första' });
	});

	it('offers no draft that does not read as the form expects', () => {
		storage.setItem('lagesbild:draft:plan:y', '{not json');
		expect(loadDraft('plan:y', (v) => v)).toBeNull();
	});
});
