import { describe, it, expect } from 'vitest';
import { newerValueThan } from './assessment-staleness';

describe('newerValueThan', () => {
	const assessment = { year: 2024, updatedAt: '2025-03-01T10:00:00.000Z' };
	const ids = new Set(['edu']);
	it('finds the newest value of the goal, for the assessed year or before, changed after the analysis', () => {
		const values = [
			{ indicatorId: 'edu', year: 2024, updatedAt: '2025-04-01T10:00:00.000Z' },
			{ indicatorId: 'edu', year: 2023, updatedAt: '2025-05-01T10:00:00.000Z' },
			{ indicatorId: 'edu', year: 2025, updatedAt: '2026-01-01T10:00:00.000Z' },
			{ indicatorId: 'other', year: 2024, updatedAt: '2026-01-01T10:00:00.000Z' }
		];
		expect(newerValueThan(assessment, ids, values)).toBe('2025-05-01T10:00:00.000Z');
	});
	it('is null when the analysis is newer than every value it judged', () => {
		expect(
			newerValueThan(assessment, ids, [
				{ indicatorId: 'edu', year: 2024, updatedAt: '2025-02-01T10:00:00.000Z' }
			])
		).toBeNull();
	});
});
