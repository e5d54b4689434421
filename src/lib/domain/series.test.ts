import { describe, it, expect } from 'vitest';
import { groupingSeries, judgedYear, latestYearWithValue, valuesByOrganisation, type MeasurementLike } from './series';
import type { Gender } from './measurement';
import type { Membership } from './membership';

const IND = 'eftergymnasial';

function m(organisationId: string, year: number, value: MeasurementLike['value'], gender: Gender = 'T', indicatorId = IND): MeasurementLike {
	return { indicatorId, organisationId, year, gender, value };
}

function membership(memberId: string, fromYear: number, toYear?: number): Membership {
	return { id: `ms:akademi-norr:${memberId}:${fromYear}`, groupingId: 'akademi-norr', memberId, fromYear, toYear };
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
		expect(valuesByOrganisation([m('storuman', 2021, 'Plan antagen')], IND, 2021, 'T')).toEqual(new Map([['storuman', null]]));
	});
});

describe('groupingSeries', () => {
	const meanIndicator = { id: IND, aggregation: 'mean' as const, scope: 'members' as const };

	it('aggregates the members of each year', () => {
		const [y2022, y2023, y2024] = groupingSeries(meanIndicator, memberships, measurements, 'akademi-norr', [2022, 2023, 2024], 'T');
		// 2022: Storuman, Dorotea, Åsele (Arjeplog not yet a member).
		expect(y2022).toMatchObject({ year: 2022, source: 'members', value: 16, contributing: ['asele', 'dorotea', 'storuman'], missing: [] });
		// 2023: Åsele has left; Arjeplog has joined; Dorotea has no value.
		expect(y2023).toMatchObject({ year: 2023, value: 18.5, contributing: ['arjeplog', 'storuman'], missing: ['dorotea'], memberCount: 3 });
		expect(y2024).toMatchObject({ year: 2024, value: null, missing: ['arjeplog', 'dorotea', 'storuman'] });
	});

	it('aggregates the gender asked for', () => {
		const [y2023] = groupingSeries(meanIndicator, memberships, measurements, 'akademi-norr', [2023], 'K');
		expect(y2023).toMatchObject({ value: 30, contributing: ['storuman'] });
	});

	it('weights by population, fixed or per year', () => {
		const weighted = { ...meanIndicator, aggregation: 'weightedMean' as const };
		const fixed = new Map([
			['storuman', 3],
			['arjeplog', 1]
		]);
		expect(groupingSeries(weighted, memberships, measurements, 'akademi-norr', [2023], 'T', fixed)[0].value).toBe(17.75);
		const perYear = (year: number) => (year === 2023 ? new Map([['arjeplog', 1]]) : undefined);
		const [y2023] = groupingSeries(weighted, memberships, measurements, 'akademi-norr', [2023], 'T', perYear);
		expect(y2023).toMatchObject({ value: 20, missingWeight: ['storuman'] });
	});

	it('uses the grouping’s own measurement for grouping-scope indicators', () => {
		const equity = { id: 'eget-kapital', aggregation: 'none' as const, scope: 'grouping' as const };
		const rows = [
			m('akademi-norr', 2023, 2_630_000, 'T', 'eget-kapital'),
			m('storuman', 2023, 1, 'T', 'eget-kapital'),
			m('akademi-norr', 2024, null, 'T', 'eget-kapital')
		];
		const [y2023, y2024, y2025] = groupingSeries(equity, memberships, rows, 'akademi-norr', [2023, 2024, 2025], 'T');
		expect(y2023).toEqual({
			year: 2023,
			source: 'grouping',
			value: 2_630_000,
			method: 'none',
			contributing: ['akademi-norr'],
			missing: [],
			missingWeight: [],
			memberCount: 1,
			complete: true
		});
		expect(y2024).toMatchObject({ value: null, missing: ['akademi-norr'], complete: false });
		expect(y2025).toMatchObject({ value: null, missing: ['akademi-norr'] });
	});

	it('returns one entry per requested year, in order', () => {
		const series = groupingSeries(meanIndicator, memberships, measurements, 'akademi-norr', [2024, 2022], 'T');
		expect(series.map((s) => s.year)).toEqual([2024, 2022]);
	});
});

describe('judgedYear', () => {
	const year = (y: number, value: number | null, complete: boolean) => ({ year: y, value, complete });

	it('judges the latest complete year and keeps a newer incomplete one apart as preliminary', () => {
		const { judged, preliminary } = judgedYear([year(2023, 16.4, true), year(2024, 16.6, true), year(2025, 15.2, false)]);
		expect(judged?.year).toBe(2024);
		expect(preliminary?.year).toBe(2025);
	});

	it('judges the newest year when it is complete', () => {
		const { judged, preliminary } = judgedYear([year(2024, 16.6, true), year(2025, 17.2, true)]);
		expect(judged?.year).toBe(2025);
		expect(preliminary).toBeNull();
	});

	it('falls back to the newest year with a value when no year is complete', () => {
		const { judged, preliminary } = judgedYear([year(2024, 3, false), year(2025, 4, false), year(2026, null, false)]);
		expect(judged?.year).toBe(2025);
		expect(preliminary).toBeNull();
	});

	it('has nothing to judge without values', () => {
		expect(judgedYear([year(2025, null, false)])).toEqual({ judged: null, preliminary: null });
	});
});
