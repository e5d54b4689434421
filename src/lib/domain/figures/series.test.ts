import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	finalYears,
	groupingSeries,
	groupingTrend,
	isPreliminary,
	judgedYear,
	latestYearWithValue,
	ratioRows,
	valuesByOrganisation,
	type MeasurementLike
} from './series';
import { indicatorMethod } from '../plan/indicator-method';
import { indicatorStatus } from './status';
import { testIndicator } from '../test-indicator';

const indicator = (fields: { id: string; name: string; seriesId?: string }) =>
	testIndicator(fields.id, fields);
import type { Gender } from './measurement';
import type { Membership } from '../plan/membership';

const IND = 'eftergymnasial';

function m(
	organisationId: string,
	year: number,
	value: MeasurementLike['value'],
	gender: Gender = 'T',
	indicatorId = IND
): MeasurementLike {
	return { indicatorId, organisationId, year, gender, value };
}

function membership(memberId: string, fromYear: number, toYear?: number): Membership {
	return {
		id: `ms:akademi-norr:${memberId}:${fromYear}`,
		groupingId: 'akademi-norr',
		memberId,
		fromYear,
		toYear
	};
}

const memberships: Membership[] = [
	membership('storuman', 2015),
	membership('dorotea', 2015),
	// Joined in 2023.
	membership('arjeplog', 2023),
	// Left after 2022.
	membership('asele', 2015, 2022),
	{ ...membership('lycksele', 2015), groupingId: 'umearegionen' }
];

const measurements: MeasurementLike[] = [
	m('storuman', 2022, 16),
	m('dorotea', 2022, 14),
	m('asele', 2022, 18),
	m('arjeplog', 2022, 100),
	m('storuman', 2023, 17),
	m('dorotea', 2023, null),
	m('arjeplog', 2023, 20),
	m('asele', 2023, 100),
	m('storuman', 2023, 30, 'K'),
	m('lycksele', 2024, 50),
	m('storuman', 2024, 99, 'T', 'annan-indikator')
];

describe('latestYearWithValue', () => {
	it('finds the latest year any of the organisations has a value', () => {
		expect(latestYearWithValue(measurements, IND, ['storuman', 'dorotea'])).toBe(2023);
	});

	it('does not count a null value as a value', () => {
		expect(latestYearWithValue(measurements, IND, ['dorotea'])).toBe(2022);
	});

	it('looks only at the indicator and organisations asked for', () => {
		expect(latestYearWithValue(measurements, IND, ['lycksele'])).toBe(2024);
		expect(latestYearWithValue(measurements, IND, new Set(['storuman']))).toBe(2023);
		expect(latestYearWithValue(measurements, 'annan-indikator', ['dorotea'])).toBeNull();
	});

	it('can be limited to one gender', () => {
		const rows = [m('storuman', 2022, 10, 'T'), m('storuman', 2024, 11, 'K')];
		expect(latestYearWithValue(rows, IND, ['storuman'])).toBe(2024);
		expect(latestYearWithValue(rows, IND, ['storuman'], 'T')).toBe(2022);
	});

	it('counts text answers but not empty text', () => {
		const rows = [m('storuman', 2021, 'Plan antagen'), m('storuman', 2022, '  ')];
		expect(latestYearWithValue(rows, IND, ['storuman'])).toBe(2021);
	});

	it('is null without any value', () => {
		expect(latestYearWithValue([], IND, ['storuman'])).toBeNull();
	});
});

describe('valuesByOrganisation', () => {
	it('maps each organisation with a row to its number', () => {
		expect(valuesByOrganisation(measurements, IND, 2023, 'T')).toEqual(
			new Map([
				['storuman', 17],
				['dorotea', null],
				['arjeplog', 20],
				['asele', 100]
			])
		);
	});

	it('keeps genders apart', () => {
		expect(valuesByOrganisation(measurements, IND, 2023, 'K')).toEqual(new Map([['storuman', 30]]));
	});

	it('maps text values to null', () => {
		expect(valuesByOrganisation([m('storuman', 2021, 'Plan antagen')], IND, 2021, 'T')).toEqual(
			new Map([['storuman', null]])
		);
	});
});

describe('groupingSeries', () => {
	const meanIndicator = { id: IND, aggregation: 'mean' as const, scope: 'members' as const };

	it('aggregates the members of each year', () => {
		const [y2022, y2023, y2024] = groupingSeries(
			meanIndicator,
			memberships,
			measurements,
			'akademi-norr',
			[2022, 2023, 2024],
			'T'
		);
		// 2022: Storuman, Dorotea, Åsele (Arjeplog not yet a member).
		expect(y2022).toMatchObject({
			year: 2022,
			source: 'members',
			value: 16,
			contributing: ['asele', 'dorotea', 'storuman'],
			missing: []
		});
		// 2023: Åsele has left; Arjeplog has joined; Dorotea has no value.
		expect(y2023).toMatchObject({
			year: 2023,
			value: 18.5,
			contributing: ['arjeplog', 'storuman'],
			missing: ['dorotea'],
			memberCount: 3
		});
		expect(y2024).toMatchObject({
			year: 2024,
			value: null,
			missing: ['arjeplog', 'dorotea', 'storuman']
		});
	});

	it('aggregates the gender asked for', () => {
		const [y2023] = groupingSeries(
			meanIndicator,
			memberships,
			measurements,
			'akademi-norr',
			[2023],
			'K'
		);
		expect(y2023).toMatchObject({ value: 30, contributing: ['storuman'] });
	});

	it('weights each member by its value in the weight series that year', () => {
		const weighted = {
			...meanIndicator,
			aggregation: 'weightedMean' as const,
			weightSeriesId: 'folkmangd'
		};
		const method = indicatorMethod(weighted, [indicator({ id: 'folkmangd', name: 'Folkmängd' })]);
		const rows = [
			...measurements,
			m('storuman', 2023, 3000, 'T', 'folkmangd'),
			m('arjeplog', 2023, 1000, 'T', 'folkmangd'),
			m('arjeplog', 2022, 1, 'T', 'folkmangd')
		];
		const [y2022, y2023] = groupingSeries(
			weighted,
			memberships,
			rows,
			'akademi-norr',
			[2022, 2023],
			'T',
			method
		);
		expect(y2023.value).toBe(17.75);
		// 2022: no member of that year has a weight.
		expect(y2022).toMatchObject({
			value: null,
			missingWeight: ['asele', 'dorotea', 'storuman'],
			complete: false
		});
	});

	it('gives no weighted value when the weight series is not found, rather than an unweighted one', () => {
		const weighted = {
			...meanIndicator,
			aggregation: 'weightedMean' as const,
			weightSeriesId: 'borta'
		};
		const [y2022] = groupingSeries(
			weighted,
			memberships,
			measurements,
			'akademi-norr',
			[2022],
			'T',
			indicatorMethod(weighted, [])
		);
		expect(y2022.value).toBeNull();
	});

	it('pools a ratio: the sum of the numerators over the sum of the denominators, example data when a part is', () => {
		const share = {
			id: 'andel',
			aggregation: 'ratio' as const,
			scope: 'members' as const,
			unit: 'percent' as const,
			ratio: { numeratorId: 'examen', denominatorId: 'invanare' }
		};
		const method = indicatorMethod(share, [
			indicator({ id: 'examen', name: 'Med examen' }),
			indicator({ id: 'invanare', name: 'Invånare', seriesId: 'invanare-2020' })
		]);
		const rows: MeasurementLike[] = [
			m('storuman', 2024, 300, 'T', 'examen'),
			m('dorotea', 2024, 100, 'T', 'examen'),
			m('arjeplog', 2024, 90, 'T', 'examen'),
			// The denominator's values lie under the series it follows.
			m('storuman', 2024, 2000, 'T', 'invanare-2020'),
			m('dorotea', 2024, 1000, 'T', 'invanare-2020'),
			{ ...m('arjeplog', 2024, 500, 'T', 'invanare-2020'), exampleData: true }
		];
		const [y2024] = groupingSeries(share, memberships, rows, 'akademi-norr', [2024], 'T', method);
		expect(y2024.value).toBeCloseTo((100 * 490) / 3500, 12);
		expect(y2024).toMatchObject({
			complete: true,
			exampleData: true,
			contributing: ['arjeplog', 'dorotea', 'storuman']
		});
		expect(ratioRows('andel', method, rows, 'T').map((r) => [r.organisationId, r.value])).toEqual([
			['storuman', 15],
			['dorotea', 10],
			['arjeplog', 18]
		]);
	});

	it('uses the grouping’s own measurement for grouping-scope indicators', () => {
		const equity = { id: 'eget-kapital', aggregation: 'none' as const, scope: 'grouping' as const };
		const rows = [
			m('akademi-norr', 2023, 2_630_000, 'T', 'eget-kapital'),
			m('storuman', 2023, 1, 'T', 'eget-kapital'),
			m('akademi-norr', 2024, null, 'T', 'eget-kapital')
		];
		const [y2023, y2024, y2025] = groupingSeries(
			equity,
			memberships,
			rows,
			'akademi-norr',
			[2023, 2024, 2025],
			'T'
		);
		expect(y2023).toEqual({
			year: 2023,
			source: 'grouping',
			value: 2_630_000,
			method: 'none',
			contributing: ['akademi-norr'],
			missing: [],
			missingWeight: [],
			memberCount: 1,
			complete: true,
			exampleData: false
		});
		expect(y2024).toMatchObject({ value: null, missing: ['akademi-norr'], complete: false });
		expect(y2025).toMatchObject({ value: null, missing: ['akademi-norr'] });
	});

	it('returns one entry per requested year, in order', () => {
		const series = groupingSeries(
			meanIndicator,
			memberships,
			measurements,
			'akademi-norr',
			[2024, 2022],
			'T'
		);
		expect(series.map((s) => s.year)).toEqual([2024, 2022]);
	});
});

describe('judgedYear', () => {
	const year = (y: number, value: number | null, complete: boolean) => ({
		year: y,
		value,
		complete
	});

	it('judges the latest complete year and keeps a newer incomplete one apart as preliminary', () => {
		const { judged, preliminary } = judgedYear([
			year(2023, 16.4, true),
			year(2024, 16.6, true),
			year(2025, 15.2, false)
		]);
		expect(judged?.year).toBe(2024);
		expect(preliminary?.year).toBe(2025);
	});

	it('judges the newest year when it is complete', () => {
		const { judged, preliminary } = judgedYear([year(2024, 16.6, true), year(2025, 17.2, true)]);
		expect(judged?.year).toBe(2025);
		expect(preliminary).toBeNull();
	});

	it('judges nothing when no year is complete: the newest is preliminary', () => {
		const { judged, preliminary } = judgedYear([
			year(2024, 3, false),
			year(2025, 4, false),
			year(2026, null, false)
		]);
		expect(judged).toBeNull();
		expect(preliminary?.year).toBe(2025);
	});

	it('has nothing to judge without values', () => {
		expect(judgedYear([year(2025, null, false)])).toEqual({ judged: null, preliminary: null });
	});
});

describe('a preliminary year', () => {
	const year = (y: number, value: number | null, complete: boolean) => ({
		year: y,
		value,
		complete
	});
	/** A series of years, each with a value or none, complete or not. */
	const series = fc
		.array(
			fc.record({
				value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
				complete: fc.boolean()
			}),
			{ minLength: 1, maxLength: 12 }
		)
		.map((ys) => ys.map((y, i) => year(2014 + i, y.value, y.complete && y.value !== null)));
	const target = { rule: { kind: 'threshold' as const, operator: '>=' as const, value: 0 } };

	it('never produces a trend or a status', () => {
		fc.assert(
			fc.property(series, fc.double({ min: -1e9, max: 1e9, noNaN: true }), (ys, change) => {
				// Whatever a preliminary year holds, the trend and the judged year are those of the final years alone.
				const changed = ys.map((y) => (isPreliminary(y) ? { ...y, value: change } : y));
				expect(groupingTrend(changed, 'higher')).toEqual(groupingTrend(ys, 'higher'));
				const { judged } = judgedYear(changed);
				expect(judged === null || !isPreliminary(judged)).toBe(true);
				expect(judged?.year).toBe(judgedYear(ys).judged?.year);
				const status = (s: typeof judged) =>
					s
						? indicatorStatus(s.value, target, s.year, { unit: 'count', betterDirection: 'higher' })
						: 'notAssessed';
				expect(status(judged)).toBe(status(judgedYear(ys).judged));
				expect(finalYears(changed).every((y) => y.complete)).toBe(true);
			})
		);
	});

	it('is a year with a value that not every member has reported', () => {
		expect(isPreliminary(year(2025, 87, false))).toBe(true);
		expect(isPreliminary(year(2025, 517, true))).toBe(false);
		expect(isPreliminary(year(2025, null, false))).toBe(false);
	});
});
