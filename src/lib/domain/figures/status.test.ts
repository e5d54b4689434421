import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { goalStatus, indicatorStatus, statusRuleDescription } from './status';
import type { GoalStatus } from './assessment';
import type { BetterDirection, Unit } from '../plan/indicator';
import type { Target } from '../plan/target';

type TargetLike = Pick<Target, 'baseline' | 'rule'>;

const share = { unit: 'percent' as Unit, betterDirection: 'higher' as BetterDirection };

const plusHalfPoint: TargetLike = {
	baseline: { year: 2024, value: 16.6 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};

describe('indicatorStatus', () => {
	it('is notAssessed without a value, a target, or a target for the year', () => {
		expect(indicatorStatus(null, plusHalfPoint, 2025, share)).toBe('notAssessed');
		expect(indicatorStatus(undefined, plusHalfPoint, 2025, share)).toBe('notAssessed');
		expect(indicatorStatus(17, undefined, 2025, share)).toBe('notAssessed');
		expect(indicatorStatus(17, null, 2025, share)).toBe('notAssessed');
		expect(indicatorStatus(17, plusHalfPoint, 2023, share)).toBe('notAssessed');
	});

	it('never assesses text', () => {
		expect(
			indicatorStatus('Arbete pågår', plusHalfPoint, 2025, {
				unit: 'text',
				betterDirection: 'none'
			})
		).toBe('notAssessed');
	});

	describe('yearly-change targets', () => {
		// 2026 target: 17,6 %; one year's step: 0,5 percentage points.
		it('is onTrack at or above the target', () => {
			expect(indicatorStatus(17.6, plusHalfPoint, 2026, share)).toBe('onTrack');
			expect(indicatorStatus(18.2, plusHalfPoint, 2026, share)).toBe('onTrack');
		});

		it('is atRisk when at most one year behind the path', () => {
			expect(indicatorStatus(17.3, plusHalfPoint, 2026, share)).toBe('atRisk');
			expect(indicatorStatus(17.1, plusHalfPoint, 2026, share)).toBe('atRisk');
		});

		it('is offTrack when more than one year behind', () => {
			expect(indicatorStatus(17.0, plusHalfPoint, 2026, share)).toBe('offTrack');
		});

		it('measures a percent step in the target unit of that year', () => {
			// 1000 growing 10 % a year: 2022 target 1210, step 121.
			const grow: TargetLike = {
				baseline: { year: 2020, value: 1000 },
				rule: { kind: 'yearlyChange', change: 10, changeUnit: 'percent' }
			};
			const count = { unit: 'count' as Unit, betterDirection: 'higher' as BetterDirection };
			expect(indicatorStatus(1100, grow, 2022, count)).toBe('atRisk');
			expect(indicatorStatus(1088, grow, 2022, count)).toBe('offTrack');
		});

		it('works for lower-is-better indicators', () => {
			const cut: TargetLike = {
				baseline: { year: 2024, value: 10 },
				rule: { kind: 'yearlyChange', change: -1, changeUnit: 'pp' }
			};
			const rate = { unit: 'percent' as Unit, betterDirection: 'lower' as BetterDirection };
			expect(indicatorStatus(7.5, cut, 2026, rate)).toBe('onTrack');
			expect(indicatorStatus(8.9, cut, 2026, rate)).toBe('atRisk');
			expect(indicatorStatus(9.5, cut, 2026, rate)).toBe('offTrack');
		});
	});

	describe('per-year and threshold targets', () => {
		const equity: TargetLike = { rule: { kind: 'threshold', operator: '>=', value: 2_500_000 } };
		const sek = { unit: 'sek' as Unit, betterDirection: 'higher' as BetterDirection };

		it('is onTrack when the threshold holds', () => {
			expect(indicatorStatus(2_630_000, equity, 2024, sek)).toBe('onTrack');
		});

		it('is atRisk within 5 % of the target value', () => {
			expect(indicatorStatus(2_375_000, equity, 2024, sek)).toBe('atRisk');
		});

		it('is offTrack beyond 5 %', () => {
			expect(indicatorStatus(2_374_999, equity, 2024, sek)).toBe('offTrack');
		});

		it('uses the same margin for per-year values', () => {
			const perYear: TargetLike = {
				rule: { kind: 'perYear', values: [{ year: 2025, value: 40 }] }
			};
			expect(indicatorStatus(38, perYear, 2025, share)).toBe('atRisk');
			expect(indicatorStatus(37.9, perYear, 2025, share)).toBe('offTrack');
			expect(indicatorStatus(38, perYear, 2026, share)).toBe('notAssessed');
		});

		it('has no margin around a target of zero', () => {
			const noLoans: TargetLike = { rule: { kind: 'threshold', operator: '<=', value: 0 } };
			const loans = { unit: 'sek' as Unit, betterDirection: 'lower' as BetterDirection };
			expect(indicatorStatus(0, noLoans, 2024, loans)).toBe('onTrack');
			expect(indicatorStatus(1, noLoans, 2024, loans)).toBe('offTrack');
		});
	});

	describe('yes/no targets', () => {
		const mustBeYes: TargetLike = { rule: { kind: 'threshold', operator: '=', value: 1 } };
		const yesno = { unit: 'yesno' as Unit, betterDirection: 'higher' as BetterDirection };

		it('is onTrack when met and offTrack otherwise, never atRisk', () => {
			expect(indicatorStatus(1, mustBeYes, 2024, yesno)).toBe('onTrack');
			expect(indicatorStatus(0, mustBeYes, 2024, yesno)).toBe('offTrack');
		});
	});
});

describe('goalStatus', () => {
	it('takes the worst assessed indicator', () => {
		expect(goalStatus(['onTrack', 'atRisk', 'notAssessed'])).toBe('atRisk');
		expect(goalStatus(['onTrack', 'offTrack', 'atRisk'])).toBe('offTrack');
		expect(goalStatus(['onTrack'])).toBe('onTrack');
	});

	it('is notAssessed when no indicator is assessed', () => {
		expect(goalStatus([])).toBe('notAssessed');
		expect(goalStatus(['notAssessed', 'notAssessed'])).toBe('notAssessed');
	});

	it('lets an explicit assessment win', () => {
		expect(goalStatus(['offTrack'], { status: 'onTrack' })).toBe('onTrack');
		expect(goalStatus([], { status: 'atRisk' })).toBe('atRisk');
	});

	it('does not let an assessment without a judgement hide the indicators', () => {
		expect(goalStatus(['offTrack'], { status: 'notAssessed' })).toBe('offTrack');
		expect(goalStatus(['onTrack'], null)).toBe('onTrack');
	});
});

describe('statusRuleDescription', () => {
	it('states the whole rule in Swedish', () => {
		const text = statusRuleDescription();
		expect(text).toContain('I fas');
		expect(text).toContain('ett års förändring');
		expect(text).toContain('5 % av målvärdet');
		expect(text).toContain('Ej bedömt');
	});

	it('describes a yearly-change target with its step', () => {
		expect(statusRuleDescription(plusHalfPoint.rule, 'percent')).toBe(
			'I fas när värdet når årets mål. Risk när det saknas högst ett års förändring (0,5 procentenheter) till målet. Ej i fas när det saknas mer. Ej bedömt när värde eller mål för året saknas.'
		);
	});

	it('describes a compounding target as a share of the year\u2019s target', () => {
		expect(
			statusRuleDescription({ kind: 'yearlyChange', change: -2, changeUnit: 'percent' }, 'sek')
		).toContain('(2 % av årets målvärde)');
	});

	it('describes thresholds and yes/no targets', () => {
		expect(
			statusRuleDescription({ kind: 'threshold', operator: '>=', value: 2.5 }, 'sek')
		).toContain('högst 5 % av målvärdet');
		expect(
			statusRuleDescription({ kind: 'threshold', operator: '=', value: 1 }, 'yesno')
		).toContain('kan inte vara nästan uppfyllt');
	});
});

const RANK: Record<GoalStatus, number> = { notAssessed: -1, offTrack: 0, atRisk: 1, onTrack: 2 };
const anyStatus = fc.constantFrom<GoalStatus>('onTrack', 'atRisk', 'offTrack', 'notAssessed');

/**
 * Targets together with an indicator whose better direction agrees with them
 * (a '>=' threshold on a higher-is-better indicator): only then does
 * "improving the value" have a meaning to test.
 */
const coherentCase = fc
	.record({
		direction: fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
		kind: fc.constantFrom('perYear', 'yearlyChange', 'threshold'),
		targetValue: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
		change: fc.double({ min: -50, max: 50, noNaN: true }),
		changeUnit: fc.constantFrom<'pp' | 'percent'>('pp', 'percent'),
		year: fc.integer({ min: 2020, max: 2030 })
	})
	.map(({ direction, kind, targetValue, change, changeUnit, year }) => {
		const target: TargetLike =
			kind === 'perYear'
				? { rule: { kind: 'perYear', values: [{ year, value: targetValue }] } }
				: kind === 'threshold'
					? {
							rule: {
								kind: 'threshold',
								operator: direction === 'higher' ? '>=' : '<=',
								value: targetValue
							}
						}
					: {
							baseline: { year: 2020, value: targetValue },
							rule: { kind: 'yearlyChange', change, changeUnit }
						};
		return { target, year, indicator: { unit: 'count' as Unit, betterDirection: direction } };
	});

describe('status: properties', () => {
	it('improving the value never makes the status worse', () => {
		fc.assert(
			fc.property(
				coherentCase,
				fc.double({ min: -2e6, max: 2e6, noNaN: true }),
				fc.double({ min: 0, max: 1e6, noNaN: true }),
				({ target, year, indicator }, value, improvement) => {
					const better =
						indicator.betterDirection === 'higher' ? value + improvement : value - improvement;
					const before = indicatorStatus(value, target, year, indicator);
					const after = indicatorStatus(better, target, year, indicator);
					expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
				}
			)
		);
	});

	it('a yes/no indicator only moves up when the answer turns to the target', () => {
		const mustBeYes: TargetLike = { rule: { kind: 'threshold', operator: '=', value: 1 } };
		const yesno = { unit: 'yesno' as Unit, betterDirection: 'higher' as BetterDirection };
		expect(RANK[indicatorStatus(1, mustBeYes, 2024, yesno)]).toBeGreaterThan(
			RANK[indicatorStatus(0, mustBeYes, 2024, yesno)]
		);
	});

	it('goalStatus without an assessment is the minimum of the assessed statuses', () => {
		fc.assert(
			fc.property(fc.array(anyStatus), (statuses) => {
				const assessed = statuses.filter((s) => s !== 'notAssessed');
				const expected =
					assessed.length === 0
						? 'notAssessed'
						: assessed.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));
				expect(goalStatus(statuses)).toBe(expected);
			})
		);
	});

	it('goalStatus with a judging assessment is that assessment', () => {
		fc.assert(
			fc.property(
				fc.array(anyStatus),
				fc.constantFrom<GoalStatus>('onTrack', 'atRisk', 'offTrack'),
				(statuses, status) => {
					expect(goalStatus(statuses, { status })).toBe(status);
				}
			)
		);
	});
});
