import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatClock, formatDate, formatDateTime, swedishToday } from './dates';

describe('dates in Swedish time', () => {
	it('shows a moment in Swedish time whatever the device’s zone (summer and winter time)', () => {
		expect(formatDateTime('2026-12-07T13:05:00Z')).toBe('2026-12-07 14:05');
		expect(formatClock('2026-07-01T22:30:00Z')).toBe('00:30');
		expect(formatDate('2026-07-01T22:30:00Z')).toBe('2 juli 2026');
	});

	it('keeps a calendar date on its day and says "–" for what cannot be read', () => {
		expect(formatCalendarDate('2026-12-15')).toBe('15 december 2026');
		expect(formatDate(undefined)).toBe('–');
		expect(formatDateTime('inte ett datum')).toBe('–');
	});

	it('gives today as the Swedish calendar has it just after midnight', () => {
		expect(swedishToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});

	it('writes a date the Swedish way, and a dash for none or nonsense', () => {
		expect(formatDate('2025-05-01T08:00:00.000Z')).toBe('1 maj 2025');
		expect(formatDate(null)).toBe('–');
		expect(formatDate('inte ett datum')).toBe('–');
	});
});
