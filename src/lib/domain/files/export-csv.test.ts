import { describe, it, expect } from 'vitest';
import {
	measurementsToCsv,
	guardText,
	indicatorsInScope,
	exportFileName,
	type ExportIndicator
} from './export-csv';
import { parseCsv } from './csv';
import { readMeasurementTable } from './measurement-import';
import { fileSource } from './import-diff';
import { measurementId } from '../ids';
import type { Measurement } from '../figures/measurement';
import { allMunicipalities } from '$lib/seed/municipalities';

const municipalities = allMunicipalities();
const percent: ExportIndicator = {
	id: 'an-arbetsloshet',
	name: 'Arbetslöshet 20–64 år',
	unit: 'percent',
	decimals: 1,
	order: 0
};
const text: ExportIndicator = {
	id: 'an-kommentar',
	name: 'Läget',
	unit: 'text',
	decimals: 0,
	order: 1
};

function m(
	indicatorId: string,
	organisationId: string,
	year: number,
	value: Measurement['value'],
	extra: Partial<Measurement> = {}
): Measurement {
	return {
		id: measurementId(indicatorId, organisationId, year, 'T'),
		indicatorId,
		organisationId,
		year,
		gender: 'T',
		value,
		status: 'final',
		note: '',
		source: 'SCB TAB3200',
		updatedBy: 'SCB',
		updatedAt: '2025-05-01T08:00:00.000Z',
		exampleData: false,
		...extra
	};
}

const organisations = new Map([
	['kommun-2421', { name: 'Storuman', kommunkod: '2421' }],
	['kommun-2463', { name: 'Åsele', kommunkod: '2463' }],
	['akademi-norr', { name: 'Akademi Norr' }]
]);

const rows = [
	m('an-arbetsloshet', 'kommun-2463', 2024, 6.3),
	m('an-arbetsloshet', 'kommun-2421', 2024, 4.95, {
		status: 'preliminary',
		note: 'Enligt AF; "prel."',
		source: 'Manuellt inmatat',
		updatedBy: 'Anna'
	}),
	m('an-arbetsloshet', 'riket', 2024, 6.9),
	m('an-arbetsloshet', 'kommun-2421', 2023, 0.000001),
	m('an-kommentar', 'kommun-2421', 2024, '=SUMMA(A1); inte en formel')
];

describe('measurementsToCsv', () => {
	const csv = measurementsToCsv(rows, [percent, text], organisations);

	it('writes what Swedish Excel opens with a double-click: BOM, semicolons, decimal comma, CRLF', () => {
		expect(
			csv.startsWith(
				'\uFEFFIndikator-id;Indikator;Organisation-id;Kommunkod;Organisation;År;Kön;Värde;Enhet;Status;Källa;Anteckning;Ändrad av;Ändrad\r\n'
			)
		).toBe(true);
		const lines = csv.split('\r\n');
		expect(lines[1]).toBe(
			'an-arbetsloshet;Arbetslöshet 20–64 år;riket;0000;Riket;2024;Totalt;6,9;procent;Slutligt;SCB TAB3200;;SCB;2025-05-01T08:00:00.000Z'
		);
		expect(lines[2]).toBe(
			'an-arbetsloshet;Arbetslöshet 20–64 år;kommun-2421;2421;Storuman;2023;Totalt;0,000001;procent;Slutligt;SCB TAB3200;;SCB;2025-05-01T08:00:00.000Z'
		);
		expect(lines[3]).toBe(
			'an-arbetsloshet;Arbetslöshet 20–64 år;kommun-2421;2421;Storuman;2024;Totalt;4,95;procent;Preliminärt;Manuellt inmatat;"Enligt AF; ""prel.""";Anna;2025-05-01T08:00:00.000Z'
		);
		expect(lines[5]).toContain(`;"'=SUMMA(A1); inte en formel";`);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
	});

	it('guards text against spreadsheet formulas but never numbers', () => {
		expect(guardText('=1+1')).toBe("'=1+1");
		expect(guardText('@x')).toBe("'@x");
		expect(guardText('Storuman')).toBe('Storuman');
		expect(
			measurementsToCsv(
				[m('an-arbetsloshet', 'kommun-2421', 2024, -3.2)],
				[{ ...percent, unit: 'sek' }],
				organisations
			)
		).toContain(';-3,2;');
	});

	it('exports → imports back to identical values (organisation, year, gender, value, status, note)', () => {
		const grouping = { id: 'akademi-norr', name: 'Akademi Norr' };
		const target = (indicator: ExportIndicator) => ({
			indicator: { ...indicator, genderBreakdown: false, scope: 'members' as const },
			grouping,
			memberIds: new Set(['kommun-2421', 'kommun-2463']),
			municipalities,
			source: fileSource('export.csv'),
			years: { min: 1960, max: 2100 }
		});
		for (const indicator of [percent, text]) {
			const table = readMeasurementTable(parseCsv(csv), target(indicator));
			expect(table.errors).toEqual([]);
			expect(table.skipped.otherIndicator).toBe(
				rows.filter((r) => r.indicatorId !== indicator.id).length
			);
			const key = (
				r: Pick<Measurement, 'organisationId' | 'year' | 'gender' | 'value' | 'status'> & {
					note?: string;
				}
			) => [r.organisationId, r.year, r.gender, r.value, r.status, r.note ?? ''].join('|');
			expect(table.values.map(key).sort()).toEqual(
				rows
					.filter((r) => r.indicatorId === indicator.id)
					.map(key)
					.sort()
			);
		}
	});

	it('writes a missing value as an empty cell, which reads back as missing', () => {
		const csv = measurementsToCsv(
			[m('an-arbetsloshet', 'kommun-2421', 2024, null)],
			[percent],
			organisations
		);
		expect(csv.split('\r\n')[1]).toContain(';Totalt;;procent;');
	});
});

describe('export scope and file name', () => {
	const indicators = [
		{ id: 'a', goalId: 'g1' },
		{ id: 'b', goalId: 's1' },
		{ id: 'c', goalId: 'g2' },
		{ id: 'd', goalId: undefined }
	];
	it('a goal takes its own indicators and its sub-goals’', () => {
		expect(
			indicatorsInScope(indicators, [{ id: 's1', goalId: 'g1' }], {
				kind: 'goal',
				goalId: 'g1'
			}).map((i) => i.id)
		).toEqual(['a', 'b']);
		expect(
			indicatorsInScope(indicators, [], { kind: 'indicator', indicatorId: 'c' }).map((i) => i.id)
		).toEqual(['c']);
		expect(indicatorsInScope(indicators, [], { kind: 'grouping' })).toHaveLength(4);
	});
	it('names files after what they hold', () => {
		expect(
			exportFileName(
				['Akademi Norr', 'Arbetslöshet 20–64 år'],
				new Date('2026-11-23T10:00:00Z'),
				'csv'
			)
		).toBe('lagesbild-akademi-norr-arbetsloshet-20-64-ar-2026-11-23.csv');
	});
});
