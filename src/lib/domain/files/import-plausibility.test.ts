import { describe, it, expect } from 'vitest';
import {
	describeImplausible,
	findImplausibleValues,
	type StoredValue
} from './import-plausibility';
import type { ImportedMeasurement } from './import-diff';
import type { Gender } from '../figures/measurement';

const names = new Map([
	['storuman', 'Storuman'],
	['kramfors', 'Kramfors'],
	['asele', 'Åsele'],
	['arjeplog', 'Arjeplog'],
	['riket', 'Riket']
]);

function imported(
	organisationId: string,
	year: number,
	value: number,
	line?: number,
	gender: Gender = 'T'
): ImportedMeasurement {
	return {
		indicatorId: 'i',
		organisationId,
		year,
		gender,
		value,
		status: 'final',
		source: 'Fil x.csv',
		line
	};
}
const stored = (
	organisationId: string,
	year: number,
	value: number | null,
	gender: Gender = 'T'
): StoredValue => ({ organisationId, year, gender, value });

const sentences = (
	values: ImportedMeasurement[],
	existing: StoredValue[],
	unit: Parameters<typeof findImplausibleValues>[2] = 'persons'
) =>
	findImplausibleValues(values, existing, unit).map((issue) => describeImplausible(issue, names));

describe('findImplausibleValues', () => {
	it('questions a value about 1000 times off the nearest stored year, either way, and names the row', () => {
		const existing = [
			stored('storuman', 2020, 2600),
			stored('storuman', 2023, 2745),
			stored('kramfors', 2023, 18000)
		];
		expect(
			sentences(
				[imported('storuman', 2024, 2.745, 5), imported('kramfors', 2024, 18100000, 6)],
				existing
			)
		).toEqual([
			'Rad 5, Storuman 2024: 2,745 är omkring 1\u00a0000 gånger mindre än Storumans sparade värde för 2023 (2\u00a0745).',
			'Rad 6, Kramfors 2024: 18\u00a0100\u00a0000 är omkring 1\u00a0000 gånger större än Kramfors sparade värde för 2023 (18\u00a0000).'
		]);
	});

	it('lets ordinary changes through, even large ones', () => {
		const existing = [stored('storuman', 2023, 2745)];
		expect(
			sentences([imported('storuman', 2024, 2900), imported('storuman', 2025, 27450)], existing)
		).toEqual([]);
		expect(sentences([imported('storuman', 2024, 120)], existing)).toEqual([]); // 23 times smaller: odd, but no misreading
	});

	it('compares with the same organisation’s other years in the import when nothing is stored', () => {
		expect(
			sentences([imported('asele', 2023, 2745, 2), imported('asele', 2024, 2.745, 3)], [])
		).toEqual([
			'Rad 2, Åsele 2023: 2\u00a0745 är omkring 1\u00a0000 gånger större än Åseles värde för 2024 på rad 3 (2,745).',
			'Rad 3, Åsele 2024: 2,745 är omkring 1\u00a0000 gånger mindre än Åseles värde för 2023 på rad 2 (2\u00a0745).'
		]);
	});

	it('falls back on the middle of the imported values, but never for Riket, which is another scale', () => {
		const values = [
			imported('storuman', 2024, 5800, 2),
			imported('asele', 2024, 2.8, 3),
			imported('arjeplog', 2024, 2700, 4),
			imported('riket', 2024, 10587710, 5)
		];
		expect(sentences(values, [])).toEqual([
			'Rad 3, Åsele 2024: 2,8 är omkring 1\u00a0000 gånger mindre än mittvärdet (medianen) av de importerade värdena (2\u00a0700).'
		]);
	});

	it('treats a share written as 0.054 in a percent indicator as a hundredfold misreading', () => {
		const existing = [stored('storuman', 2023, 5.4)];
		expect(sentences([imported('storuman', 2024, 0.054)], existing, 'percent')).toEqual([
			'Storuman 2024: 0,054 är omkring 100 gånger mindre än Storumans sparade värde för 2023 (5,4).'
		]);
		expect(sentences([imported('storuman', 2024, 0.3)], existing, 'percent')).toEqual([]);
	});

	it('keeps genders apart, and ignores zeros, missing values, text and yes/no', () => {
		const existing = [
			stored('storuman', 2023, 1400, 'K'),
			stored('storuman', 2023, 0),
			stored('asele', 2023, null)
		];
		expect(sentences([imported('storuman', 2024, 1.4, 2, 'K')], existing)).toEqual([
			'Rad 2, Storuman 2024 (kvinnor): 1,4 är omkring 1\u00a0000 gånger mindre än Storumans sparade värde för 2023 (1\u00a0400).'
		]);
		expect(
			sentences([imported('storuman', 2024, 1.4), imported('asele', 2024, 3)], existing)
		).toEqual([]);
		expect(sentences([imported('storuman', 2024, 0)], [stored('storuman', 2023, 2745)])).toEqual(
			[]
		);
		expect(
			findImplausibleValues(
				[imported('storuman', 2024, 1)],
				[stored('storuman', 2023, 1000)],
				'yesno'
			)
		).toEqual([]);
	});
});
