import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reminder } from '$lib/domain/entry/reminders';
import { forgetReminders, rememberReminders, rememberedReminders } from './remembered-reminders';

const REMINDER: Reminder = {
	groupingId: 'akademi-norr',
	year: 2025,
	kind: 'review',
	count: 3,
	overdue: false,
	text: '3 värden väntar på granskning i Akademi Norr 2025'
};

function storage(full = false): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => {
			if (full) throw new DOMException('full', 'QuotaExceededError');
			items.set(key, value);
		}
	};
}

describe('remembered reminders', () => {
	beforeEach(() => {
		globalThis.localStorage = storage();
	});
	afterEach(() => {
		delete (globalThis as { localStorage?: Storage }).localStorage;
	});

	it('gives back what was worked out for the same user, and nothing to another', () => {
		rememberReminders('anna', [REMINDER]);
		expect(rememberedReminders('anna')).toEqual([REMINDER]);
		expect(rememberedReminders('erik')).toEqual([]);
		expect(rememberedReminders(undefined)).toEqual([]);
	});

	it('forgets them on sign-out', () => {
		rememberReminders('anna', [REMINDER]);
		forgetReminders();
		expect(rememberedReminders('anna')).toEqual([]);
	});

	it('ignores what is not a list of reminders (another build, a hand edit)', () => {
		for (const stored of [
			'{',
			'null',
			'{"userId":"anna","reminders":{}}',
			'{"userId":"anna","reminders":[{"groupingId":"x"}]}'
		]) {
			localStorage.setItem('lagesbild:reminders', stored);
			expect(rememberedReminders('anna')).toEqual([]);
		}
	});

	it('a full storage only means nothing is remembered', () => {
		globalThis.localStorage = storage(true);
		expect(() => rememberReminders('anna', [REMINDER])).not.toThrow();
		expect(rememberedReminders('anna')).toEqual([]);
	});
});
