import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { membersByYear, membersInYear } from './member-years';
import type { Membership } from './membership';

const membership = fc.record({
	groupingId: fc.constantFrom('g', 'other'),
	memberId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
	fromYear: fc.integer({ min: 2000, max: 2010 }),
	span: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined })
});
const memberships = fc.array(membership, { maxLength: 12 }).map((list) =>
	list.map(({ span, ...m }, i): Membership => ({
		id: `m${i}`,
		...m,
		...(span === undefined ? {} : { toYear: m.fromYear + span })
	}))
);
const years = fc.uniqueArray(fc.integer({ min: 1998, max: 2020 }), { maxLength: 15 });

describe('membersByYear', () => {
	it('gives for every year what membersInYear gives for it', () => {
		fc.assert(
			fc.property(memberships, years, (list, ys) => {
				const byYear = membersByYear(list, 'g', ys);
				expect([...byYear.keys()]).toEqual(ys);
				for (const year of ys) expect(byYear.get(year)).toEqual(membersInYear(list, 'g', year));
			})
		);
	});

	it('follows a member that joins and one that leaves', () => {
		const list: Membership[] = [
			{ id: '1', groupingId: 'g', memberId: 'umea', fromYear: 2010 },
			{ id: '2', groupingId: 'g', memberId: 'vannas', fromYear: 2012 },
			{ id: '3', groupingId: 'g', memberId: 'robertsfors', fromYear: 2010, toYear: 2011 }
		];
		const byYear = membersByYear(list, 'g', [2010, 2011, 2012, 2013]);
		expect(byYear.get(2010)).toEqual(['robertsfors', 'umea']);
		expect(byYear.get(2011)).toEqual(['robertsfors', 'umea']);
		expect(byYear.get(2012)).toEqual(['umea', 'vannas']);
		expect(byYear.get(2013)).toEqual(['umea', 'vannas']);
	});
});
