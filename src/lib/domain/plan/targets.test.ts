import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gapToTarget, shortfallFromTarget, targetForYear, targetPath } from './targets';
import type { Target } from './target';

type TargetLike = Pick<Target, 'baseline' | 'rule'>;

/** The Akademi Norr example: 16,6 % in 2024, +0,5 percentage points a year. */
const plusHalfPoint: TargetLike = {
	baseline: { year: 2024, value: 16.6 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};

const perYear: TargetLike = {
	rule: {
		kind: 'perYear',
		values: [
			{ year: 2025, value: 40 },
			{ year: 2027, value: 50 }
		]
	}
};

const equityThreshold: TargetLike = {
	rule: { kind: 'threshold', operator: '>=', value: 2_500_000 }
};

describe('targetForYear', () => {
	it('adds percentage points year by year from the baseline', () => {
		expect(targetForYear(plusHalfPoint, 2024)).toBe(16.6);
		expect(targetForYear(plusHalfPoint, 2025)).toBeCloseTo(17.1, 10);
		expect(targetForYear(plusHalfPoint, 2030)).toBeCloseTo(19.6, 10);
	});

	it('compounds a percent change', () => {
		const grow: TargetLike = {
			baseline: { year: 2020, value: 1000 },
			rule: { kind: 'yearlyChange', change: 10, changeUnit: 'percent' }
		};
		expect(targetForYear(grow, 2020)).toBe(1000);
		expect(targetForYear(grow, 2021)).toBeCloseTo(1100, 9);
		expect(targetForYear(grow, 2022)).toBeCloseTo(1210, 9);
	});

	it('has no yearly-change target before the baseline or after the last year', () => {
		const until2026: TargetLike = {
			...plusHalfPoint,
			rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp', untilYear: 2026 }
		};
		expect(targetForYear(until2026, 2023)).toBeNull();
		expect(targetForYear(until2026, 2026)).toBeCloseTo(17.6, 10);
		expect(targetForYear(until2026, 2027)).toBeNull();
	});

	it('has no yearly-change target without a baseline', () => {
		expect(
			targetForYear({ rule: { kind: 'yearlyChange', change: 1, changeUnit: 'pp' } }, 2025)
		).toBeNull();
	});

	it('gives per-year values only for the years given, without interpolating', () => {
		expect(targetForYear(perYear, 2025)).toBe(40);
		expect(targetForYear(perYear, 2026)).toBeNull();
		expect(targetForYear(perYear, 2027)).toBe(50);
	});

	it('gives a threshold every year', () => {
		expect(targetForYear(equityThreshold, 1990)).toBe(2_500_000);
		expect(targetForYear(equityThreshold, 2050)).toBe(2_500_000);
	});
});

describe('targetPath', () => {
	it('lists the years that have a target', () => {
		expect(targetPath(perYear, 2024, 2028)).toEqual([
			{ year: 2025, value: 40 },
			{ year: 2027, value: 50 }
		]);
	});

	it('starts at the baseline year', () => {
		const path = targetPath(plusHalfPoint, 2022, 2026);
		expect(path.map((p) => p.year)).toEqual([2024, 2025, 2026]);
	});

	it('is empty for a reversed range', () => {
		expect(targetPath(equityThreshold, 2026, 2024)).toEqual([]);
	});
});

describe('gapToTarget', () => {
	it('is positive when a higher-is-better value is above target', () => {
		const result = gapToTarget(17.5, plusHalfPoint, 2025, 'higher');
		expect(result?.target).toBeCloseTo(17.1, 10);
		expect(result?.gap).toBeCloseTo(0.4, 10);
		expect(result?.meets).toBe(true);
	});

	it('is negative and not met when below target', () => {
		const result = gapToTarget(16.9, plusHalfPoint, 2025, 'higher');
		expect(result?.gap).toBeCloseTo(-0.2, 10);
		expect(result?.meets).toBe(false);
	});

	it('inverts the sign when lower is better', () => {
		const costCap: TargetLike = { rule: { kind: 'perYear', values: [{ year: 2025, value: 100 }] } };
		expect(gapToTarget(90, costCap, 2025, 'lower')).toEqual({ target: 100, gap: 10, meets: true });
		expect(gapToTarget(110, costCap, 2025, 'lower')).toEqual({
			target: 100,
			gap: -10,
			meets: false
		});
	});

	it('counts a value on a computed target as meeting it despite rounding noise', () => {
		const target = targetForYear(plusHalfPoint, 2027)!;
		expect(gapToTarget(18.1, plusHalfPoint, 2027, 'higher')?.meets).toBe(true);
		expect(Math.abs(target - 18.1)).toBeLessThan(1e-9);
	});

	it('lets the threshold operator decide whether the target is met', () => {
		expect(gapToTarget(2_630_000, equityThreshold, 2024, 'higher')?.meets).toBe(true);
		expect(gapToTarget(2_400_000, equityThreshold, 2024, 'higher')?.meets).toBe(false);
		const maxLoans: TargetLike = { rule: { kind: 'threshold', operator: '<=', value: 0 } };
		expect(gapToTarget(0, maxLoans, 2024, 'lower')?.meets).toBe(true);
		expect(gapToTarget(1, maxLoans, 2024, 'lower')?.meets).toBe(false);
	});

	it('meets an "=" threshold only within 1e-9', () => {
		const mustBeYes: TargetLike = { rule: { kind: 'threshold', operator: '=', value: 1 } };
		expect(gapToTarget(1, mustBeYes, 2024, 'higher')?.meets).toBe(true);
		expect(gapToTarget(1 + 5e-10, mustBeYes, 2024, 'higher')?.meets).toBe(true);
		expect(gapToTarget(1.000001, mustBeYes, 2024, 'higher')?.meets).toBe(false);
		expect(gapToTarget(0, mustBeYes, 2024, 'higher')?.meets).toBe(false);
	});

	it('treats the target as a point to hit when no direction is better', () => {
		const point: TargetLike = { rule: { kind: 'perYear', values: [{ year: 2025, value: 50 }] } };
		expect(gapToTarget(52, point, 2025, 'none')).toEqual({ target: 50, gap: 2, meets: false });
		expect(gapToTarget(50, point, 2025, 'none')?.meets).toBe(true);
	});

	it('is null without a value or without a target for the year', () => {
		expect(gapToTarget(null, plusHalfPoint, 2025, 'higher')).toBeNull();
		expect(gapToTarget(undefined, plusHalfPoint, 2025, 'higher')).toBeNull();
		expect(gapToTarget(Number.NaN, plusHalfPoint, 2025, 'higher')).toBeNull();
		expect(gapToTarget(17, plusHalfPoint, 2020, 'higher')).toBeNull();
		expect(gapToTarget(17, perYear, 2026, 'higher')).toBeNull();
	});

	it('never reports a gap of −0', () => {
		expect(
			Object.is(
				gapToTarget(17, { rule: { kind: 'threshold', operator: '>=', value: 17 } }, 2024, 'lower')
					?.gap,
				0
			)
		).toBe(true);
	});
});

describe('shortfallFromTarget', () => {
	it('is zero on the good side and the distance on the bad side', () => {
		const rule = plusHalfPoint.rule;
		expect(shortfallFromTarget(20, 17, rule, 'higher')).toBe(0);
		expect(shortfallFromTarget(15, 17, rule, 'higher')).toBe(2);
		expect(shortfallFromTarget(15, 17, rule, 'lower')).toBe(0);
		expect(shortfallFromTarget(15, 17, rule, 'none')).toBe(2);
	});
});

const year = fc.integer({ min: 1960, max: 2100 });
const moderate = fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true });

describe('targets: properties', () => {
	it('a percentage-point rule gives a straight line', () => {
		fc.assert(
			fc.property(
				year,
				moderate,
				fc.double({ min: -10, max: 10, noNaN: true }),
				fc.integer({ min: 2, max: 30 }),
				(baseYear, baseValue, change, span) => {
					const target: TargetLike = {
						baseline: { year: baseYear, value: baseValue },
						rule: { kind: 'yearlyChange', change, changeUnit: 'pp' }
					};
					const path = targetPath(target, baseYear, baseYear + span);
					expect(path).toHaveLength(span + 1);
					for (let i = 1; i < path.length; i++) {
						expect(Math.abs(path[i].value - path[i - 1].value - change)).toBeLessThan(
							1e-9 * Math.max(1, Math.abs(baseValue) + 300)
						);
					}
				}
			)
		);
	});

	it("the baseline year's target is the baseline", () => {
		fc.assert(
			fc.property(
				year,
				moderate,
				moderate,
				fc.constantFrom<'pp' | 'percent'>('pp', 'percent'),
				(baseYear, baseValue, change, changeUnit) => {
					const target: TargetLike = {
						baseline: { year: baseYear, value: baseValue },
						rule: { kind: 'yearlyChange', change, changeUnit }
					};
					expect(targetForYear(target, baseYear)).toBe(baseValue + 0); // −0 is shown as 0
				}
			)
		);
	});

	it('the gap flips sign with the better direction', () => {
		const anyTarget = fc.oneof(
			fc.constant(plusHalfPoint),
			fc.constant(perYear),
			moderate.map((value): TargetLike => ({ rule: { kind: 'threshold', operator: '>=', value } }))
		);
		fc.assert(
			fc.property(anyTarget, moderate, fc.integer({ min: 2024, max: 2030 }), (target, value, y) => {
				const higher = gapToTarget(value, target, y, 'higher');
				const lower = gapToTarget(value, target, y, 'lower');
				if (higher === null) return lower === null;
				return lower !== null && lower.gap === -higher.gap && lower.target === higher.target;
			})
		);
	});
});
