import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { aggregate, describeAggregation } from './aggregation';
import type { Aggregation } from '../plan/indicator';

const map = (entries: Record<string, number | null | undefined>) =>
	new Map(Object.entries(entries));

/** Relative closeness for sums of doubles. */
function close(a: number | null, b: number | null, scale = 1): boolean {
	if (a === null || b === null) return a === b;
	return Math.abs(a - b) <= 1e-9 * Math.max(1, scale, Math.abs(a), Math.abs(b));
}

const memberIds = fc.uniqueArray(fc.stringMatching(/^kommun-\d{4}$/), {
	minLength: 1,
	maxLength: 15
});
const memberValue = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
	},
	{ weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN) }
);
/** Members with values, some of them missing. */
const membersWithValues = memberIds.chain((ids) =>
	fc.array(memberValue, { minLength: ids.length, maxLength: ids.length }).map((vals) => ({
		ids,
		values: new Map(ids.map((id, i) => [id, vals[i]]))
	}))
);

describe('aggregate: mean', () => {
	it('averages the members that have a value, reporting the others as missing', () => {
		const result = aggregate(
			'mean',
			['a', 'b', 'c', 'd'],
			map({ a: 10, b: 20, c: null, d: Number.NaN })
		);
		expect(result).toEqual({
			value: 15,
			method: 'mean',
			contributing: ['a', 'b'],
			missing: ['c', 'd'],
			missingWeight: [],
			memberCount: 4,
			complete: false
		});
	});

	it('gives the 16,6 % baseline as an unweighted mean', () => {
		const result = aggregate('mean', ['x', 'y', 'z'], map({ x: 14.2, y: 16.6, z: 19.0 }));
		expect(result.value).toBeCloseTo(16.6, 10);
		expect(result.complete).toBe(true);
	});

	it('counts a member without a row as missing, never as zero', () => {
		const result = aggregate('mean', ['a', 'b'], map({ a: 30 }));
		expect(result.value).toBe(30);
		expect(result.missing).toEqual(['b']);
	});

	it('is null when no member has a value', () => {
		const result = aggregate('mean', ['a', 'b'], map({ a: null }));
		expect(result.value).toBeNull();
		expect(result.contributing).toEqual([]);
		expect(result.missing).toEqual(['a', 'b']);
	});

	it('is null for a grouping without members', () => {
		expect(aggregate('mean', [], map({ a: 1 }))).toMatchObject({
			value: null,
			memberCount: 0,
			complete: true
		});
	});

	it('ignores values of organisations that are not members', () => {
		const result = aggregate('mean', ['a'], map({ a: 10, outsider: 1000 }));
		expect(result.value).toBe(10);
		expect(result.contributing).toEqual(['a']);
	});

	it('counts a member listed twice once', () => {
		const result = aggregate('mean', ['a', 'a', 'b'], map({ a: 10, b: 20 }));
		expect(result.value).toBe(15);
		expect(result.memberCount).toBe(2);
	});

	it('returns exactly the common value when every member has it', () => {
		expect(aggregate('mean', ['a', 'b', 'c'], map({ a: 0.1, b: 0.1, c: 0.1 })).value).toBe(0.1);
	});
});

describe('aggregate: ratio', () => {
	it('divides the sum of the numerators by the sum of the denominators', () => {
		const result = aggregate('ratio', ['a', 'b'], new Map(), {
			numerators: map({ a: 10, b: 90 }),
			denominators: map({ a: 100, b: 300 }),
			scale: 100
		});
		// 100 / 400 = 25 %, where the mean of the members' own shares (10 % and 30 %) would say 20 %.
		expect(result).toMatchObject({ value: 25, contributing: ['a', 'b'], complete: true });
	});

	it('leaves out a member without a usable denominator and says so apart', () => {
		const result = aggregate('ratio', ['a', 'b', 'c'], new Map(), {
			numerators: map({ a: 10, b: 5 }),
			denominators: map({ a: 100, b: 0, c: 50 }),
			scale: 100
		});
		expect(result).toMatchObject({
			value: 10,
			contributing: ['a'],
			missing: ['b', 'c'],
			missingWeight: ['b'],
			complete: false
		});
	});

	it('is null without numerators', () => {
		expect(aggregate('ratio', ['a'], map({ a: 12 })).value).toBeNull();
	});
});

describe('aggregate: weightedMean', () => {
	it('weights members by population', () => {
		const weights = new Map([
			['a', 1000],
			['b', 3000]
		]);
		expect(aggregate('weightedMean', ['a', 'b'], map({ a: 10, b: 20 }), { weights }).value).toBe(
			17.5
		);
	});

	it('treats a member without a weight as missing and says why', () => {
		const weights = new Map([['a', 1000]]);
		const result = aggregate('weightedMean', ['a', 'b', 'c'], map({ a: 10, b: 20, c: null }), {
			weights
		});
		expect(result.value).toBe(10);
		expect(result.missing).toEqual(['b', 'c']);
		expect(result.missingWeight).toEqual(['b']);
	});

	it('does not accept zero or negative weights', () => {
		const weights = new Map([
			['a', 0],
			['b', -5]
		]);
		const result = aggregate('weightedMean', ['a', 'b'], map({ a: 10, b: 20 }), { weights });
		expect(result.value).toBeNull();
		expect(result.missingWeight).toEqual(['a', 'b']);
	});

	it('is null without any weights', () => {
		expect(aggregate('weightedMean', ['a'], map({ a: 10 })).value).toBeNull();
	});
});

describe('aggregate: sum', () => {
	it('adds present values and marks an incomplete sum', () => {
		const result = aggregate('sum', ['a', 'b', 'c'], map({ a: 5, b: 7 }));
		expect(result.value).toBe(12);
		expect(result.complete).toBe(false);
		expect(result.missing).toEqual(['c']);
	});

	it('is complete when every member reported', () => {
		expect(aggregate('sum', ['a', 'b'], map({ a: 5, b: 0 }))).toMatchObject({
			value: 5,
			complete: true
		});
	});

	it('is null, not zero, when nobody reported', () => {
		expect(aggregate('sum', ['a', 'b'], map({})).value).toBeNull();
	});
});

describe('aggregate: shareYes', () => {
	it('gives the share of members answering yes, in percent', () => {
		const result = aggregate(
			'shareYes',
			['a', 'b', 'c', 'd', 'e'],
			map({ a: 1, b: 0, c: 1, d: 1, e: null })
		);
		expect(result.value).toBe(75);
		expect(result.missing).toEqual(['e']);
	});

	it('does not guess what a value other than 1 or 0 means', () => {
		const result = aggregate('shareYes', ['a', 'b', 'c'], map({ a: 1, b: 0.5, c: 2 }));
		expect(result.value).toBe(100);
		expect(result.missing).toEqual(['b', 'c']);
	});

	it('is 0 when everybody answered no', () => {
		expect(aggregate('shareYes', ['a', 'b'], map({ a: 0, b: 0 })).value).toBe(0);
	});
});

describe('aggregate: none', () => {
	it('has no value but still tells who reported', () => {
		const result = aggregate('none', ['a', 'b'], map({ a: 3 }));
		expect(result).toMatchObject({ value: null, contributing: ['a'], missing: ['b'] });
	});
});

describe('aggregate: properties', () => {
	it('mean lies between the smallest and largest present value', () => {
		fc.assert(
			fc.property(membersWithValues, ({ ids, values }) => {
				const result = aggregate('mean', ids, values);
				const present = result.contributing.map((id) => values.get(id) as number);
				if (present.length === 0) return result.value === null;
				return result.value! >= Math.min(...present) && result.value! <= Math.max(...present);
			})
		);
	});

	it('mean does not depend on the order of members', () => {
		fc.assert(
			fc.property(
				membersWithValues.chain((mv) =>
					fc
						.shuffledSubarray(mv.ids, { minLength: mv.ids.length })
						.map((shuffled) => ({ ...mv, shuffled }))
				),
				({ ids, values, shuffled }) => {
					expect(aggregate('mean', shuffled, values).value).toBe(
						aggregate('mean', ids, values).value
					);
				}
			)
		);
	});

	it('adding a member without a value never changes the mean', () => {
		fc.assert(
			fc.property(
				membersWithValues,
				fc.constantFrom(null, undefined, Number.NaN),
				({ ids, values }, missingValue) => {
					const withNewcomer = new Map(values).set('kommun-nykomling', missingValue);
					const before = aggregate('mean', ids, values);
					const after = aggregate('mean', [...ids, 'kommun-nykomling'], withNewcomer);
					expect(after.value).toBe(before.value);
					expect(after.missing).toContain('kommun-nykomling');
				}
			)
		);
	});

	it('ratio of sums equals the pooled share computed directly from the counts', () => {
		const counts = fc.array(
			fc.record({
				of: fc.integer({ min: 1, max: 2_000_000 }),
				share: fc.double({ min: 0, max: 1, noNaN: true }),
				reported: fc.boolean()
			}),
			{ minLength: 1, maxLength: 30 }
		);
		fc.assert(
			fc.property(counts, (rows) => {
				const ids = rows.map((_, i) => `kommun-${String(i).padStart(4, '0')}`);
				const numerators = new Map(
					rows.map((r, i) => [ids[i], r.reported ? Math.round(r.of * r.share) : null])
				);
				const denominators = new Map(rows.map((r, i) => [ids[i], r.of]));
				// Integers: their sums are exact, so the pooled share is computed here without the code under test.
				const reported = rows.filter((r) => r.reported);
				const pooled =
					reported.length === 0
						? null
						: (100 * reported.reduce((a, r) => a + Math.round(r.of * r.share), 0)) /
							reported.reduce((a, r) => a + r.of, 0);
				const result = aggregate('ratio', ids, new Map(), { numerators, denominators, scale: 100 });
				expect(close(result.value, pooled)).toBe(true);
				expect(result.contributing).toHaveLength(reported.length);
				expect(result.complete).toBe(reported.length === rows.length);
			})
		);
	});

	it('weightedMean with equal weights equals mean', () => {
		fc.assert(
			fc.property(
				membersWithValues,
				fc.integer({ min: 1, max: 1_000_000 }),
				({ ids, values }, weight) => {
					const weights = new Map(ids.map((id) => [id, weight]));
					const weighted = aggregate('weightedMean', ids, values, { weights });
					const plain = aggregate('mean', ids, values);
					expect(close(weighted.value, plain.value, 1e6)).toBe(true);
					expect(weighted.contributing).toEqual(plain.contributing);
				}
			)
		);
	});

	it('sum is additive over a split of the members', () => {
		fc.assert(
			fc.property(
				membersWithValues.chain((mv) => fc.subarray(mv.ids).map((part) => ({ ...mv, part }))),
				({ ids, values, part }) => {
					const rest = ids.filter((id) => !part.includes(id));
					const whole = aggregate('sum', ids, values).value ?? 0;
					const pieces =
						(aggregate('sum', part, values).value ?? 0) +
						(aggregate('sum', rest, values).value ?? 0);
					expect(close(whole, pieces, 1e6 * ids.length)).toBe(true);
				}
			)
		);
	});

	it('contributing and missing split the members exactly, for every method', () => {
		fc.assert(
			fc.property(
				membersWithValues,
				fc.constantFrom<Aggregation>('mean', 'weightedMean', 'ratio', 'sum', 'shareYes', 'none'),
				({ ids, values }, method) => {
					const weights = new Map(ids.filter((_, i) => i % 2 === 0).map((id) => [id, 100]));
					const result = aggregate(method, ids, values, {
						weights,
						numerators: values,
						denominators: weights
					});
					expect([...result.contributing, ...result.missing].sort()).toEqual([...ids].sort());
					expect(result.contributing.filter((id) => result.missing.includes(id))).toEqual([]);
					expect(result.memberCount).toBe(ids.length);
				}
			)
		);
	});

	it('shareYes lies in 0–100', () => {
		fc.assert(
			fc.property(memberIds, fc.array(fc.constantFrom(0, 1, null, 0.5)), (ids, answers) => {
				const values = new Map(ids.map((id, i) => [id, answers[i]]));
				const { value } = aggregate('shareYes', ids, values);
				return value === null || (value >= 0 && value <= 100);
			})
		);
	});

	it('values of non-members are ignored', () => {
		fc.assert(
			fc.property(
				membersWithValues,
				fc.constantFrom<Aggregation>('mean', 'weightedMean', 'sum', 'shareYes'),
				fc.double({ noNaN: true }),
				({ ids, values }, method, outsiderValue) => {
					const weights = new Map([...ids, 'utomstående'].map((id) => [id, 10]));
					const withOutsider = new Map(values).set('utomstående', outsiderValue);
					expect(aggregate(method, ids, withOutsider, { weights })).toEqual(
						aggregate(method, ids, values, { weights })
					);
				}
			)
		);
	});
});

describe('describeAggregation', () => {
	it('names the method, the members and the population', () => {
		expect(describeAggregation('mean', 12, 12, { population: '25–64 år' })).toBe(
			'oviktat medelvärde av 12 kommuner, 25–64 år'
		);
	});

	it('says how many are missing', () => {
		expect(describeAggregation('mean', 12, 10)).toBe(
			'oviktat medelvärde av 10 av 12 kommuner (2 saknas)'
		);
		expect(
			describeAggregation('weightedMean', 12, 11, {
				population: '25–64 år',
				weightName: 'Folkmängd'
			})
		).toBe('viktat medelvärde av 11 av 12 kommuner, vikt: Folkmängd, 25–64 år (1 saknas)');
	});

	it('names the weight series, and tells a missing weight from a missing value', () => {
		const weighted = { weightName: 'Folkmängd 16–74 år', population: 'hela befolkningen' };
		expect(describeAggregation('weightedMean', 12, 12, weighted)).toBe(
			'viktat medelvärde av 12 kommuner, vikt: Folkmängd 16–74 år, hela befolkningen'
		);
		expect(describeAggregation('weightedMean', 12, 9, { ...weighted, missingWeightCount: 2 })).toBe(
			'viktat medelvärde av 9 av 12 kommuner, vikt: Folkmängd 16–74 år, hela befolkningen (1 saknar värde, 2 saknar vikt)'
		);
		// The page that says "12 av 12 kommuner har värde" must not say the values are missing when the weights are.
		expect(
			describeAggregation('weightedMean', 12, 0, { ...weighted, missingWeightCount: 12 })
		).toBe('viktat medelvärde: vikt (Folkmängd 16–74 år) saknas för alla 12 kommuner');
		expect(describeAggregation('weightedMean', 12, 0, { population: '25–64 år' })).toBe(
			'viktat medelvärde: ingen viktserie är vald för indikatorn'
		);
	});

	it('names the numerator and denominator of a ratio of sums', () => {
		const parts = {
			numeratorName: 'Antal med examen',
			denominatorName: 'Invånare 25–64 år',
			population: '25–64 år'
		};
		expect(describeAggregation('ratio', 12, 12, parts)).toBe(
			'kvot av summor för 12 kommuner (summa Antal med examen / summa Invånare 25–64 år), 25–64 år'
		);
		expect(describeAggregation('ratio', 12, 11, { ...parts, missingWeightCount: 1 })).toBe(
			'kvot av summor för 11 av 12 kommuner (summa Antal med examen / summa Invånare 25–64 år), 25–64 år (1 saknar nämnare)'
		);
		expect(describeAggregation('ratio', 12, 12, { population: '25–64 år' })).toBe(
			'kvot av summor: täljare och nämnare är inte valda för indikatorn'
		);
	});

	it('warns that an incomplete sum is a lower bound', () => {
		expect(describeAggregation('sum', 5, 3)).toBe(
			'summa av 3 av 5 kommuner (2 saknas, summan är en undre gräns)'
		);
	});

	it('uses "bland" for the share answering yes, and the singular for one', () => {
		expect(describeAggregation('shareYes', 7, 7)).toBe('andel ja bland 7 kommuner');
		expect(describeAggregation('mean', 1, 1)).toBe('oviktat medelvärde av 1 kommun');
	});

	it('handles no values and no members', () => {
		expect(describeAggregation('mean', 12, 0)).toBe(
			'oviktat medelvärde: värde saknas för alla 12 kommuner'
		);
		expect(describeAggregation('mean', 0, 0)).toBe('oviktat medelvärde: inga medlemskommuner');
	});

	it('says when values are not combined', () => {
		expect(describeAggregation('none', 12, 12)).toBe('läggs inte samman');
	});
});
