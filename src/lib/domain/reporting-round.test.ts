import { describe, it, expect } from 'vitest';
import { defaultRoundContent } from './reporting-round';

describe('defaultRoundContent', () => {
	const rows = {
		plans: [{ id: 'p2024', fromYear: 2024, toYear: 2024 }, { id: 'p2025', fromYear: 2025, toYear: 2025 }],
		goals: [{ id: 'g1', planId: 'p2025' }, { id: 'g2', planId: 'p2025' }, { id: 'old', planId: 'p2024' }],
		subGoals: [{ id: 's1', goalId: 'g1' }],
		indicators: [
			{ id: 'num', unit: 'percent', goalId: 's1' },
			{ id: 'text', unit: 'text', goalId: 'g2' },
			{ id: 'context', unit: 'count' },
			{ id: 'oldnum', unit: 'count', goalId: 'old' }
		],
		memberships: [
			{ id: 'ms1', groupingId: 'f', memberId: 'a', fromYear: 2020 },
			{ id: 'ms2', groupingId: 'f', memberId: 'b', fromYear: 2020, toYear: 2024 }
		]
	};
	it('asks for the plan’s numeric indicators, that year’s members, and assessments of goals without numbers', () => {
		expect(defaultRoundContent('f', 2025, rows)).toEqual({ indicatorIds: ['num'], memberIds: ['a'], goalIds: ['g2'] });
	});
	it('follows the latest plan into years no plan covers yet', () => {
		expect(defaultRoundContent('f', 2026, rows).indicatorIds).toEqual(['num']);
		expect(defaultRoundContent('f', 2024, rows)).toEqual({ indicatorIds: ['oldnum'], memberIds: ['a', 'b'], goalIds: [] });
	});
});
