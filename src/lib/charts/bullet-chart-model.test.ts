import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bulletModel, statusBands } from './bullet-chart-model';
import { indicatorStatus } from '$lib/domain/figures/status';
import type { Target } from '$lib/domain/plan/target';
import type { BetterDirection, Unit } from '$lib/domain/plan/indicator';

const yearly: Pick<Target, 'baseline' | 'rule'> = {
	baseline: { year: 2024, value: 16.6 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};

describe('statusBands follow the status rule', () => {
	it('cuts a yearly-change target at one year’s step', () => {
		const bands = statusBands(17.1, yearly.rule, 'higher', 'percent', [0, 20]);
		expect(bands.map((b) => b.status)).toEqual(['offTrack', 'atRisk', 'onTrack']);
		expect(bands[1].from).toBeCloseTo(16.6, 10);
		expect(bands[1].to).toBeCloseTo(17.1, 10);
	});

	it('gives yes/no targets no at-risk band', () => {
		const bands = statusBands(
			1,
			{ kind: 'threshold', operator: '=', value: 1 },
			'higher',
			'yesno',
			[0, 1]
		);
		expect(bands.map((b) => b.status)).not.toContain('atRisk');
	});

	const cases: {
		name: string;
		target: Pick<Target, 'baseline' | 'rule'>;
		direction: BetterDirection;
		unit: Unit;
		year: number;
	}[] = [
		{
			name: 'yearly change, higher is better',
			target: yearly,
			direction: 'higher',
			unit: 'percent',
			year: 2025
		},
		{
			name: 'threshold ≥',
			target: { rule: { kind: 'threshold', operator: '>=', value: 2_500_000 } },
			direction: 'higher',
			unit: 'sek',
			year: 2024
		},
		{
			name: 'threshold ≤',
			target: { rule: { kind: 'threshold', operator: '<=', value: 41.15 } },
			direction: 'none',
			unit: 'percent',
			year: 2025
		},
		{
			name: 'per year, lower is better',
			target: { rule: { kind: 'perYear', values: [{ year: 2024, value: 6 }] } },
			direction: 'lower',
			unit: 'percent',
			year: 2024
		},
		{
			name: 'point target',
			target: { rule: { kind: 'perYear', values: [{ year: 2024, value: 65 }] } },
			direction: 'none',
			unit: 'percent',
			year: 2024
		}
	];

	for (const c of cases) {
		it(`puts every value in the band of the status it gets: ${c.name}`, () => {
			const targetValue =
				c.target.rule.kind === 'threshold'
					? c.target.rule.value
					: c.target.rule.kind === 'perYear'
						? c.target.rule.values[0].value
						: 17.1;
			const domain: [number, number] = [0, targetValue * 2];
			const bands = statusBands(targetValue, c.target.rule, c.direction, c.unit, domain);
			fc.assert(
				fc.property(
					fc.oneof(
						fc.constant(targetValue),
						fc.double({ min: 0, max: targetValue * 2, noNaN: true })
					),
					(value) => {
						const status = indicatorStatus(value, c.target, c.year, {
							unit: c.unit,
							betterDirection: c.direction
						});
						const inBands = bands
							.filter((b) => value >= b.from && value <= b.to)
							.map((b) => b.status);
						// On a band edge a value touches two bands; its status is one of them.
						expect(inBands).toContain(status);
					}
				)
			);
		});
	}
});

describe('bulletModel', () => {
	it('draws the bar from zero, the comparison and the target on one scale', () => {
		const m = bulletModel({
			width: 300,
			height: 24,
			value: 14.9,
			comparison: 16.6,
			targetValue: 16.6,
			rule: yearly.rule,
			direction: 'higher',
			unit: 'percent',
			padding: 0
		});
		expect(m.domain[0]).toBe(0);
		expect(m.bar?.x).toBe(0);
		expect(m.bar!.width).toBeCloseTo((14.9 / m.domain[1]) * 300, 6);
		expect(m.comparisonX).toBeCloseTo((16.6 / m.domain[1]) * 300, 6);
		expect(m.targetX).toBe(m.comparisonX);
		expect(m.bands.map((b) => b.status)).toEqual(['offTrack', 'atRisk', 'onTrack']);
		expect(m.ticks[0].label).toBe('0 %');
		expect(m.range).toEqual([0, 300]);
	});

	it('has no bar without a value and no bands without a target', () => {
		const m = bulletModel({
			width: 300,
			height: 24,
			value: null,
			comparison: 5,
			direction: 'higher',
			unit: 'count'
		});
		expect(m.bar).toBeNull();
		expect(m.bands).toEqual([]);
		expect(m.targetX).toBeNull();
		// The comparison lies inside the drawn axis, even when it is the largest figure.
		expect(m.comparisonX!).toBeLessThanOrEqual(m.range[1]);
	});

	it('grows bars for negative values leftwards from zero', () => {
		const m = bulletModel({
			width: 200,
			height: 24,
			value: -5,
			comparison: 10,
			direction: 'higher',
			unit: 'count',
			padding: 0
		});
		expect(m.domain[0]).toBeLessThan(0);
		expect(m.bar!.x + m.bar!.width).toBeCloseTo(m.zeroX, 6);
	});
});
