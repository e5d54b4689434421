import { describe, expect, it } from 'vitest';
import { Measurement } from '$lib/domain/figures/measurement';
import { Indicator } from '$lib/domain/plan/indicator';
import { allMunicipalities } from '$lib/seed/municipalities';
import { benchMeasurements, benchReference, valueCount, type BenchScale } from './national-dataset';

const SMALL: BenchScale = { municipalities: 4, indicators: 3, years: 2, seed: 7 };

function allRows(scale: BenchScale) {
	const { memberIds } = benchReference(allMunicipalities(), scale);
	return [...benchMeasurements(memberIds, scale)].flat();
}

describe('the benchmark dataset', () => {
	it('has one value per municipality × indicator × year × gender, each a valid row', () => {
		const rows = allRows(SMALL);
		expect(rows).toHaveLength(valueCount(SMALL));
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		for (const row of rows) expect(Measurement.parse(row)).toEqual(row);
	});

	it('is the same for the same seed and differs for another', () => {
		expect(allRows(SMALL)).toEqual(allRows(SMALL));
		expect(allRows({ ...SMALL, seed: 8 }).map((r) => r.value)).not.toEqual(
			allRows(SMALL).map((r) => r.value)
		);
	});

	it('has valid indicators for all 290 municipalities at full scale', () => {
		const { memberships, indicators } = benchReference(allMunicipalities(), {
			...SMALL,
			municipalities: 290
		});
		expect(memberships).toHaveLength(290);
		for (const indicator of indicators) expect(() => Indicator.parse(indicator)).not.toThrow();
	});
});
