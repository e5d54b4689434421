import { describe, it, expect } from 'vitest';
import { parseCsv } from './csv';
import { describeDialect, parseImportNumber, readMeasurementTable, type ImportIndicator, type ImportTarget } from './measurement-import';
import { fileSource } from './import-diff';
import { allMunicipalities } from '$lib/seed/municipalities';
import labourCsv from '$lib/seed/sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';
import meanAgeCsv from '$lib/seed/sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv?raw';

const municipalities = allMunicipalities();
const byName = (name: string) => municipalities.find((m) => m.name === name)!.id;
const unemployment: ImportIndicator = { id: 'an-arbetsloshet', name: 'Arbetslöshet 20–64 år', unit: 'percent', genderBreakdown: false, scope: 'members' };

function target(overrides: Partial<ImportTarget> = {}): ImportTarget {
	return {
		indicator: unemployment,
		grouping: { id: 'akademi-norr', name: 'Akademi Norr' },
		memberIds: new Set(['Storuman', 'Åsele', 'Arjeplog'].map(byName)),
		municipalities,
		source: fileSource('test.csv'),
		years: { min: 1960, max: 2027 },
		...overrides
	};
}

function read(text: string, overrides: Partial<ImportTarget> = {}, valueColumn?: string) {
	return readMeasurementTable(parseCsv(text), target(overrides), { valueColumn });
}

describe('the real SCB extracts', () => {
	const everyone = new Set(municipalities.map((m) => m.id));

	it('TAB3200 (unemployment and employment 20–64, 290 municipalities 2020–2024) imports with no errors', () => {
		const table = read(labourCsv, { memberIds: everyone, source: fileSource('scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv') });
		expect(table.fileErrors).toEqual([]);
		expect(table.errors).toEqual([]);
		expect(table.values).toHaveLength(290 * 5);
		// Two numeric columns: the user may choose; the one matching the indicator's name is suggested.
		expect(table.columns.valueCandidates.map((j) => table.columns.header[j])).toEqual(['arbetsloshet_procent', 'sysselsattningsgrad_procent']);
		expect(table.valueColumn).toBe('arbetsloshet_procent');
		expect(describeDialect(table)).toBe('kommaavgränsad, decimalpunkt, UTF-8 utan BOM');
		expect(table.values[0]).toEqual({
			indicatorId: 'an-arbetsloshet',
			organisationId: 'kommun-0114',
			year: 2020,
			gender: 'T',
			value: 7.6,
			status: 'final',
			source: 'SCB TAB3200 (fil scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv)',
			line: 2
		});

		const employment = read(labourCsv, { memberIds: everyone }, 'sysselsattningsgrad_procent');
		expect(employment.errors).toEqual([]);
		expect(employment.values[0].value).toBe(79.1);
	});

	it('TAB637 (mean age, counties 22–25, 1998–2025) imports with no errors; non-members are skipped, not errors', () => {
		const meanAge: ImportIndicator = { id: 'ur-medelalder', name: 'Medelålder (år)', unit: 'count', genderBreakdown: false, scope: 'members' };
		const all = read(meanAgeCsv, { indicator: meanAge, memberIds: everyone });
		expect(all.errors).toEqual([]);
		expect(all.values).toHaveLength(44 * 28);
		expect(all.valueColumn).toBe('medelalder_ar');

		const three = read(meanAgeCsv, { indicator: meanAge });
		expect(three.errors).toEqual([]);
		expect(three.values).toHaveLength(3 * 28);
		expect(three.skipped.notMember).toBe(41 * 28);
		expect(three.values.find((v) => v.organisationId === byName('Storuman') && v.year === 2010)?.value).toBe(46.4);
	});
});

describe('readMeasurementTable', () => {
	it('reads Swedish Excel files: semicolons, decimal comma, BOM, Swedish headers, names instead of codes', () => {
		const table = read('\uFEFFKommun;År;Värde\r\nStorumans kommun;2024;16,6\r\nÅsele;2024;12\r\narjeplog;2023;"10,5 %"\r\n');
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => [v.organisationId, v.year, v.value])).toEqual([
			[byName('Storuman'), 2024, 16.6],
			[byName('Åsele'), 2024, 12],
			[byName('Arjeplog'), 2023, 10.5]
		]);
		expect(describeDialect(table)).toBe('semikolonavgränsad, decimalkomma, UTF-8 med BOM');
	});

	it('reads English headers, codes with the leading zero lost by Excel, and gender columns', () => {
		const ind = { ...unemployment, genderBreakdown: true };
		const table = read('municipality,year,gender,value\n2421,2024,total,5.5\n2421,2024,women,4.9\n2421,2024,men,6.0\n', { indicator: ind });
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => v.gender)).toEqual(['T', 'K', 'M']);
		const stockholm = read('kommunkod;ar;varde\n180;2024;5,1', { memberIds: new Set(['kommun-0180']) });
		expect(stockholm.values.map((v) => v.organisationId)).toEqual(['kommun-0180']);
	});

	it('skips women and men for an indicator not split by gender, and missing values, and says how many', () => {
		const table = read('kommun;år;kön;värde\nStoruman;2024;totalt;5,5\nStoruman;2024;kvinnor;4,9\nÅsele;2024;totalt;..\nÅsele;2023;totalt;\n');
		expect(table.values).toHaveLength(1);
		expect(table.skipped).toMatchObject({ otherGender: 1, missingValue: 2 });
	});

	it('takes the national value (0000, Riket), PxWeb region labels and the grouping for grouping-level indicators', () => {
		const table = read('region;år;värde\n0000 Riket;2024;6,7\n2421 Storuman;2024;5,5\nSverige;2023;6,5\n');
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => v.organisationId)).toEqual(['riket', byName('Storuman'), 'riket']);
		const finances = read('organisation;år;värde\nAkademi Norr;2024;80\nStoruman;2024;5', { indicator: { ...unemployment, scope: 'grouping' } });
		expect(finances.values.map((v) => v.organisationId)).toEqual(['akademi-norr']);
		expect(finances.skipped.notMember).toBe(1);
	});

	it('gives every bad row an error with its line number in Swedish', () => {
		const text = [
			'kommunkod;kommun;år;värde',
			'2421;Storuman;2024;5,5',
			'9999;Nowhere;2024;5,5',
			';Storumann;2024;5,5',
			'2421;Storuman;1850;5,5',
			'2421;Storuman;2023;fem',
			'2421;Storuman;2022;120',
			'2421;Åsele;2021;4',
			'2421;Storuman;2024;5,6',
			'2421;Storuman;tjugo;5',
			'2421;Storuman;2020;1.234.5',
			'2421;Storuman',
			'24;Västerbottens län;2024;6'
		].join('\n');
		const table = read(text);
		expect(table.values).toHaveLength(1);
		expect(table.skipped.otherArea).toBe(1);
		expect(table.errors).toEqual([
			{ line: 3, message: 'Rad 3: kommunkoden 9999 finns inte bland Sveriges 290 kommuner' },
			{ line: 4, message: 'Rad 4: okänd kommun "Storumann"' },
			{ line: 5, message: 'Rad 5: året 1850 ligger utanför 1960–2027' },
			{ line: 6, message: 'Rad 6: "fem" är inte ett tal' },
			{ line: 7, message: 'Rad 7: procentsatsen 120,0 ligger utanför 0–100' },
			{ line: 8, message: 'Rad 8: kommunkoden 2421 är Storuman, men raden säger "Åsele"' },
			{ line: 9, message: 'Rad 9: Storuman 2024 finns redan på rad 2' },
			{ line: 10, message: 'Rad 10: "tjugo" är inte ett år' },
			{ line: 11, message: 'Rad 11: "1.234.5" är inte ett tal med filens decimalkomma' },
			{ line: 12, message: 'Rad 12: Raden har 2 fält, rubrikraden 4' }
		]);
	});

	it('refuses a file without the columns it needs, saying which', () => {
		expect(read('namn;värde\nStoruman;5').fileErrors).toEqual(['Hittar ingen kolumn med år (t.ex. "År", "ar" eller "year").']);
		expect(read('kommun;år;anteckning\nStoruman;2024;bra').fileErrors[0]).toMatch(/ingen kolumn med värden/);
		expect(read('x;y\n1;2').fileErrors[0]).toMatch(/ingen kolumn med kommun/);
		expect(read('').fileErrors).toEqual(['Filen är tom']);
	});

	it('reads only the chosen indicator from a file that holds several, with status and note', () => {
		const text = 'Indikator-id;Kommun;År;Värde;Status;Anteckning\nan-arbetsloshet;Storuman;2024;5,5;Preliminärt;från AF\nannan;Storuman;2024;99;Slutligt;\n';
		const table = read(text);
		expect(table.values).toEqual([expect.objectContaining({ value: 5.5, status: 'preliminary', note: 'från AF' })]);
		expect(table.skipped.otherIndicator).toBe(1);
	});

	it('reads yes/no and text indicators', () => {
		const yes = read('kommun;år;värde\nStoruman;2024;Ja\nÅsele;2024;nej\nArjeplog;2024;kanske', { indicator: { ...unemployment, unit: 'yesno' } });
		expect(yes.values.map((v) => v.value)).toEqual([1, 0]);
		expect(yes.errors).toEqual([{ line: 4, message: 'Rad 4: "kanske" är varken ja eller nej' }]);
		const text = read('kommun;år;värde\nStoruman;2024;"\'=Klart; inget kvar"', { indicator: { ...unemployment, unit: 'text', name: 'Status' } });
		expect(text.errors).toEqual([]);
		expect(text.values[0].value).toBe('=Klart; inget kvar');
	});
});

describe('parseImportNumber', () => {
	it('follows the file’s decimal mark and refuses what could be misread', () => {
		expect(parseImportNumber('16,6', ',')).toEqual({ ok: true, value: 16.6 });
		expect(parseImportNumber('1 234,5', ',')).toEqual({ ok: true, value: 1234.5 });
		expect(parseImportNumber('1.234,5', ',')).toEqual({ ok: true, value: 1234.5 });
		expect(parseImportNumber('\u22123,2 %', ',')).toEqual({ ok: true, value: -3.2 });
		expect(parseImportNumber('16.6', '.')).toEqual({ ok: true, value: 16.6 });
		expect(parseImportNumber('1,234.5', '.')).toEqual({ ok: true, value: 1234.5 });
		expect(parseImportNumber('1,5', '.').ok).toBe(false);
		expect(parseImportNumber('16.6', ',').ok).toBe(false);
		expect(parseImportNumber('abc', ',').ok).toBe(false);
	});
});
