import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { trend } from './trend';

describe('trend', () => {
	it('fits a least-squares line over the years', () => {
		const result = trend(
			[
				{ year: 2020, value: 15.0 },
				{ year: 2021, value: 15.8 },
				{ year: 2022, value: 16.0 },
				{ year: 2023, value: 16.8 }
			],
			'higher'
		);
		expect(result?.slopePerYear).toBeCloseTo(0.56, 10);
		expect(result).toMatchObject({
			direction: 'improving',
			movement: 'rising',
			fromYear: 2020,
			toYear: 2023,
			points: 4
		});
		expect(result?.fittedFrom).toBeCloseTo(15.06, 10);
		expect(result?.fittedTo).toBeCloseTo(16.74, 10);
	});

	it('calls a rise worsening when lower is better', () => {
		const result = trend(
			[
				{ year: 2020, value: 5 },
				{ year: 2024, value: 7 }
			],
			'lower'
		);
		expect(result?.direction).toBe('worsening');
	});

	it('skips years without a value instead of treating them as zero', () => {
		const result = trend(
			[
				{ year: 2020, value: 10 },
				{ year: 2021, value: null },
				{ year: 2022, value: undefined },
				{ year: 2023, value: 13 }
			],
			'higher'
		);
		expect(result).toMatchObject({ slopePerYear: 1, points: 2, fromYear: 2020, toYear: 2023 });
	});

	it('does not depend on the order of the points', () => {
		const result = trend(
			[
				{ year: 2023, value: 13 },
				{ year: 2020, value: 10 }
			],
			'higher'
		);
		expect(result).toMatchObject({ slopePerYear: 1, fromYear: 2020, toYear: 2023 });
	});

	it('is null with fewer than two values, or all in one year', () => {
		expect(trend([], 'higher')).toBeNull();
		expect(trend([{ year: 2020, value: 1 }], 'higher')).toBeNull();
		expect(
			trend(
				[
					{ year: 2020, value: 1 },
					{ year: 2021, value: null }
				],
				'higher'
			)
		).toBeNull();
		expect(
			trend(
				[
					{ year: 2020, value: 1 },
					{ year: 2020, value: 2 }
				],
				'higher'
			)
		).toBeNull();
	});

	it('is flat when the yearly change is small against the level', () => {
		// 0,01 percentage points a year on about 16,6 %: 0,06 % of the level.
		const slow = trend(
			[
				{ year: 2020, value: 16.6 },
				{ year: 2021, value: 16.61 },
				{ year: 2022, value: 16.62 }
			],
			'higher'
		);
		expect(slow).toMatchObject({ direction: 'flat', movement: 'flat' });
		expect(slow?.slopePerYear).toBeCloseTo(0.01, 10);
	});

	it('calls steady population growth of a few tenths of a percent a year growth, not flat', () => {
		// Umeåregionen: about 0,45 % a year on 160 000 inhabitants.
		const population = trend(
			[2020, 2021, 2022, 2023].map((year, i) => ({ year, value: 160000 * 1.0045 ** i })),
			'higher'
		);
		expect(population).toMatchObject({ direction: 'improving', movement: 'rising' });
	});

	it('is flat for a constant series, including all zeros', () => {
		const zeros = trend(
			[
				{ year: 2020, value: 0 },
				{ year: 2021, value: 0 }
			],
			'higher'
		);
		expect(zeros).toMatchObject({ slopePerYear: 0, direction: 'flat' });
		expect(Object.is(zeros?.slopePerYear, 0)).toBe(true);
	});

	it('does not judge a movement when no direction is better', () => {
		const result = trend(
			[
				{ year: 2020, value: 10 },
				{ year: 2021, value: 20 }
			],
			'none'
		);
		expect(result).toMatchObject({ direction: null, movement: 'rising' });
	});
});

const yearsAndValues = fc
	.uniqueArray(fc.integer({ min: 1960, max: 2100 }), { minLength: 2, maxLength: 20 })
	.chain((years) =>
		fc
			.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
				minLength: years.length,
				maxLength: years.length
			})
			.map((values) => years.map((year, i) => ({ year, value: values[i] })))
	);

describe('trend: properties', () => {
	it('adding a constant to every value leaves the slope unchanged', () => {
		fc.assert(
			fc.property(
				yearsAndValues,
				fc.double({ min: -1e6, max: 1e6, noNaN: true }),
				(series, shift) => {
					const original = trend(series, 'higher')!;
					const shifted = trend(
						series.map((p) => ({ year: p.year, value: p.value + shift })),
						'higher'
					)!;
					expect(Math.abs(shifted.slopePerYear - original.slopePerYear)).toBeLessThan(1e-6);
				}
			)
		);
	});

	it('a linear series gives its exact slope', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 1960, max: 2100 }), { minLength: 2, maxLength: 20 }),
				fc.double({ min: -1e3, max: 1e3, noNaN: true }),
				fc.double({ min: -1e4, max: 1e4, noNaN: true }),
				(years, slope, intercept) => {
					const series = years.map((year) => ({ year, value: intercept + slope * (year - 2000) }));
					expect(trend(series, 'higher')!.slopePerYear).toBeCloseTo(slope, 6);
				}
			)
		);
	});

	it('reversing the better direction swaps improving and worsening', () => {
		const swapped = { improving: 'worsening', worsening: 'improving', flat: 'flat' } as const;
		fc.assert(
			fc.property(yearsAndValues, (series) => {
				const higher = trend(series, 'higher')!;
				const lower = trend(series, 'lower')!;
				expect(lower.direction).toBe(swapped[higher.direction!]);
				expect(lower.slopePerYear).toBe(higher.slopePerYear);
			})
		);
	});
});
