import { describe, it, expect } from 'vitest';
import { sharedDomain, smallMultiplesLayout } from './small-multiples';
import { rankingBars } from './ranking-model';

describe('smallMultiplesLayout', () => {
	it('fits four cells on a tablet in portrait and two on a phone', () => {
		expect(smallMultiplesLayout(736, 12).columns).toBe(4);
		expect(smallMultiplesLayout(328, 12).columns).toBe(2);
		expect(smallMultiplesLayout(992, 12).columns).toBe(6);
	});

	it('never has more columns than cells, nor fewer than one', () => {
		expect(smallMultiplesLayout(2000, 3).columns).toBe(3);
		expect(smallMultiplesLayout(100, 12).columns).toBe(1);
		const layout = smallMultiplesLayout(736, 12);
		expect(layout.rows).toBe(3);
		expect(layout.cellWidth * layout.columns + 12 * (layout.columns - 1)).toBeLessThanOrEqual(736);
	});
});

describe('sharedDomain', () => {
	it('holds every member and the reference series, within the years shown', () => {
		const [min, max] = sharedDomain(
			[
				[
					{ year: 2022, value: 14.4 },
					{ year: 2024, value: 14.9 }
				],
				[
					{ year: 2024, value: 20.3 },
					{ year: 2010, value: 40 }
				]
			],
			'percent',
			[2022, 2024],
			{ reference: [{ year: 2024, value: 16.6 }] }
		);
		expect(min).toBeLessThanOrEqual(14.4);
		expect(max).toBeGreaterThanOrEqual(20.3);
		expect(max).toBeLessThan(40);
	});
});

describe('rankingBars', () => {
	it('puts all bars on one scale from zero, with the reference line on it', () => {
		const m = rankingBars(
			[
				{ id: 'a', value: 20 },
				{ id: 'b', value: 10 }
			],
			200,
			'percent',
			15,
			0
		);
		expect(m.bars[0].x).toBe(0);
		expect(m.bars[0].width).toBeCloseTo(2 * m.bars[1].width, 6);
		expect(m.referenceX).toBeCloseTo((m.bars[0].width * 15) / 20, 6);
	});
});
