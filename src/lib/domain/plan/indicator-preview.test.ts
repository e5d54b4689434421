import { describe, expect, it } from 'vitest';
import { computationPreview } from './indicator-preview';
import { testIndicator } from '../test-indicator';
import type { Membership } from './membership';
import type { MeasurementLike } from '../figures/series';

const members: Membership[] = ['a', 'b', 'c'].map((id) => ({
	id: `ms-${id}`,
	groupingId: 'f',
	memberId: id,
	fromYear: 2020
}));
const row = (
	indicatorId: string,
	organisationId: string,
	year: number,
	value: number | null
): MeasurementLike => ({ indicatorId, organisationId, year, gender: 'T', value });

const share = testIndicator('share', { population: '16–74 år' });
const population = testIndicator('pop', {
	name: 'Folkmängd',
	unit: 'persons',
	decimals: 0,
	aggregation: 'sum'
});
const graduates = testIndicator('grad', {
	name: 'Antal med examen',
	unit: 'count',
	decimals: 0,
	aggregation: 'sum'
});
const indicators = [share, population, graduates];
const values: MeasurementLike[] = [
	row('share', 'a', 2023, 10),
	row('share', 'b', 2023, 20),
	row('share', 'c', 2023, 30),
	row('share', 'a', 2024, 16),
	row('share', 'b', 2024, 17.2),
	row('share', 'c', 2024, null),
	row('pop', 'a', 2024, 1000),
	row('pop', 'b', 2024, 3000),
	row('grad', 'a', 2024, 100),
	row('grad', 'b', 2024, 600)
];

describe('computationPreview', () => {
	it('says how the latest year with values is computed, with the age group and the number', () => {
		expect(computationPreview(share, indicators, members, values, 'f')).toEqual({
			year: 2024,
			value: 16.6,
			text: '2024: oviktat medelvärde av 2 av 3 kommuner, 16–74 år (1 saknas) = 16,6 %'
		});
	});

	it('follows the method as the admin changes it: a weighted mean names its weight series', () => {
		const weighted = { ...share, aggregation: 'weightedMean' as const, weightSeriesId: 'pop' };
		const preview = computationPreview(weighted, indicators, members, values, 'f');
		expect(preview.value).toBeCloseTo((16 * 1000 + 17.2 * 3000) / 4000, 10);
		expect(preview.text).toBe(
			'2024: viktat medelvärde av 2 av 3 kommuner, vikt: Folkmängd, 16–74 år (1 saknas) = 16,9 %'
		);
	});

	it('a weighted mean without its weight series, or without weights, says why no value can be computed', () => {
		expect(
			computationPreview(
				{ ...share, aggregation: 'weightedMean' },
				indicators,
				members,
				values,
				'f'
			)
		).toEqual({
			year: 2024,
			value: null,
			text: '2024: viktat medelvärde: ingen viktserie är vald för indikatorn. Inget värde kan räknas fram.'
		});
		const weighedByCount = {
			...share,
			aggregation: 'weightedMean' as const,
			weightSeriesId: 'grad'
		};
		const noWeights = values.filter((v) => v.indicatorId === 'share' && v.year === 2023);
		expect(computationPreview(weighedByCount, indicators, members, noWeights, 'f').text).toBe(
			'2023: viktat medelvärde: vikt (Antal med examen) saknas för alla 3 kommuner. Inget värde kan räknas fram.'
		);
	});

	it('a ratio of sums reads its numerator and denominator, not its own values', () => {
		const ratio = {
			...share,
			id: 'new',
			aggregation: 'ratio' as const,
			ratio: { numeratorId: 'grad', denominatorId: 'pop' }
		};
		expect(computationPreview(ratio, indicators, members, values, 'f')).toEqual({
			year: 2024,
			value: 17.5,
			text: '2024: kvot av summor för 2 av 3 kommuner (summa Antal med examen / summa Folkmängd), 16–74 år (1 saknas) = 17,5 %'
		});
	});

	it('a new indicator without values, or a ratio without its parts, says there is nothing to compute yet', () => {
		expect(computationPreview(testIndicator('ny'), indicators, members, values, 'f')).toEqual({
			year: null,
			value: null,
			text: 'Det finns inga värden på enheten att räkna förbundets värde ur ännu.'
		});
		expect(
			computationPreview({ ...share, aggregation: 'ratio' }, indicators, members, values, 'f').text
		).toMatch(/^Välj täljare och nämnare\./);
	});

	it('an indicator that is not combined, or holds text, has no federation value', () => {
		expect(
			computationPreview({ ...share, aggregation: 'none' }, indicators, members, values, 'f').text
		).toBe('Indikatorn får inget sammanlagt värde för förbundet.');
		expect(
			computationPreview(
				{ ...share, unit: 'text', aggregation: 'none' },
				indicators,
				members,
				values,
				'f'
			).year
		).toBeNull();
	});

	it('a sum of members takes the unit of the indicator and marks the lower bound', () => {
		expect(computationPreview(population, indicators, members, values, 'f').text).toBe(
			'2024: summa av 2 av 3 kommuner (1 saknas, summan är en undre gräns) = 4\u00a0000 personer'
		);
	});
});
