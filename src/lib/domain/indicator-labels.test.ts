import { describe, it, expect } from 'vitest';
import { formatDate, sourceLabel } from './indicator-labels';

describe('indicator labels', () => {
	it('names the source', () => {
		expect(sourceLabel({ kind: 'scb', table: 'UF0506' })).toBe('SCB, tabell UF0506');
		expect(sourceLabel({ kind: 'kolada', kpiId: 'N01951' })).toBe('Källa: Kolada (N01951)');
		expect(sourceLabel({ kind: 'manual' })).toBe('registreras i Lägesbild');
	});

	it('writes dates the Swedish way', () => {
		expect(formatDate('2025-05-01T08:00:00.000Z')).toBe('1 maj 2025');
		expect(formatDate(null)).toBe('–');
		expect(formatDate('inte ett datum')).toBe('–');
	});
});
