import { describe, it, expect } from 'vitest';
import { isSelectSteppingKey, isUndoKey } from './entry-keys';

const key = (
	k: string,
	mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}
) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('entry keys', () => {
	it('the keys that step a closed select are no choice; Alt+Down (open the list), letters and Enter are', () => {
		for (const k of [
			'ArrowUp',
			'ArrowDown',
			'ArrowLeft',
			'ArrowRight',
			'PageUp',
			'PageDown',
			'Home',
			'End'
		])
			expect(isSelectSteppingKey(key(k))).toBe(true);
		expect(isSelectSteppingKey(key('ArrowDown', { altKey: true }))).toBe(false);
		for (const k of ['j', 'n', '3', 'Enter', ' ', 'Tab'])
			expect(isSelectSteppingKey(key(k))).toBe(false);
	});

	it('undo is Ctrl+Z or Cmd+Z, not with Shift (redo) or Alt', () => {
		expect(isUndoKey(key('z', { ctrlKey: true }))).toBe(true);
		expect(isUndoKey(key('Z', { metaKey: true }))).toBe(true);
		expect(isUndoKey(key('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
		expect(isUndoKey(key('z'))).toBe(false);
		expect(isUndoKey(key('y', { ctrlKey: true }))).toBe(false);
	});
});
