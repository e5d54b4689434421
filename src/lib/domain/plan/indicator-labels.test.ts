import { describe, it, expect } from 'vitest';
import { sourceLabel } from './indicator-labels';

describe('indicator labels', () => {
	it('names the source', () => {
		expect(sourceLabel({ kind: 'scb', table: 'UF0506' })).toBe('SCB, tabell UF0506');
		expect(sourceLabel({ kind: 'kolada', kpiId: 'N01951' })).toBe('Källa: Kolada (N01951)');
		expect(sourceLabel({ kind: 'manual' })).toBe('registreras i Lägesbild');
	});
});
