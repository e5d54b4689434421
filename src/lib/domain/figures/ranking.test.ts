import { describe, it, expect } from 'vitest';
import { rankMembers } from './ranking';

const members = [
	{ id: 'a', name: 'Arjeplog' },
	{ id: 'b', name: 'Borgholm' },
	{ id: 'c', name: 'Dorotea' },
	{ id: 'd', name: 'Åsele' },
	{ id: 'e', name: 'Övertorneå' }
];

describe('rankMembers', () => {
	it('ranks best first by the better direction, ties share a rank, missing values are apart', () => {
		const values = new Map<string, number | null>([
			['a', 16.1],
			['b', 18],
			['c', 16.1],
			['d', null]
		]);
		const higher = rankMembers(members, values, 'higher', new Set(['a']));
		expect(higher.ranked.map((r) => [r.name, r.rank])).toEqual([
			['Borgholm', 1],
			['Arjeplog', 2],
			['Dorotea', 2]
		]);
		expect(higher.ranked[1].exampleData).toBe(true);
		expect(higher.missing.map((m) => m.name)).toEqual(['Åsele', 'Övertorneå']);
		expect(higher.order).toBe('best');

		const lower = rankMembers(members, values, 'lower');
		expect(lower.ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
		expect(lower.ranked[2].name).toBe('Borgholm');
		expect(rankMembers(members, values, 'none').order).toBe('value');
	});
});
