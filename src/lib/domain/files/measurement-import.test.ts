import { describe, it, expect } from 'vitest';
import { decodeCsvBytes, parseCsv } from './csv';
import {
	describeDialect,
	readMeasurementTable,
	unitError,
	type ImportIndicator,
	type ImportTarget
} from './measurement-import';
import { fileSource } from './import-diff';
import type { NumberFormat } from './number-format';
import { allMunicipalities } from '$lib/seed/municipalities';
import labourCsv from '$lib/seed/sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';
import meanAgeCsv from '$lib/seed/sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv?raw';

const municipalities = allMunicipalities();
const byName = (name: string) => municipalities.find((m) => m.name === name)!.id;
const unemployment: ImportIndicator = {
	id: 'an-arbetsloshet',
	name: 'Arbetslöshet 20–64 år',
	unit: 'percent',
	decimals: 1,
	genderBreakdown: false,
	scope: 'members'
};

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

function read(
	text: string,
	overrides: Partial<ImportTarget> = {},
	valueColumn?: string,
	numberFormat?: NumberFormat
) {
	return readMeasurementTable(parseCsv(text), target(overrides), { valueColumn, numberFormat });
}

describe('the real SCB extracts', () => {
	const everyone = new Set(municipalities.map((m) => m.id));

	it('TAB3200 (unemployment and employment 20–64, 290 municipalities 2020–2024) imports with no errors', () => {
		const table = read(labourCsv, {
			memberIds: everyone,
			source: fileSource(
				'scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv'
			)
		});
		expect(table.fileErrors).toEqual([]);
		expect(table.errors).toEqual([]);
		expect(table.values).toHaveLength(290 * 5);
		// Two numeric columns: the user may choose; the one matching the indicator's name is suggested.
		expect(table.columns.valueCandidates.map((j) => table.columns.header[j])).toEqual([
			'arbetsloshet_procent',
			'sysselsattningsgrad_procent'
		]);
		expect(table.valueColumn).toBe('arbetsloshet_procent');
		expect(describeDialect(table)).toBe('kommaavgränsad, decimalpunkt, UTF-8 utan BOM');
		expect(table.values[0]).toEqual({
			indicatorId: 'an-arbetsloshet',
			organisationId: 'kommun-0114',
			year: 2020,
			gender: 'T',
			value: 7.6,
			status: 'final',
			source:
				'SCB TAB3200 (fil scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv)',
			line: 2
		});

		const employment = read(labourCsv, { memberIds: everyone }, 'sysselsattningsgrad_procent');
		expect(employment.errors).toEqual([]);
		expect(employment.values[0].value).toBe(79.1);
	});

	it('TAB637 (mean age, counties 22–25, 1998–2025) imports with no errors; non-members are skipped, not errors', () => {
		const meanAge: ImportIndicator = {
			id: 'ur-medelalder',
			name: 'Medelålder (år)',
			unit: 'count',
			decimals: 1,
			genderBreakdown: false,
			scope: 'members'
		};
		const all = read(meanAgeCsv, { indicator: meanAge, memberIds: everyone });
		expect(all.errors).toEqual([]);
		expect(all.values).toHaveLength(44 * 28);
		expect(all.valueColumn).toBe('medelalder_ar');

		const three = read(meanAgeCsv, { indicator: meanAge });
		expect(three.errors).toEqual([]);
		expect(three.values).toHaveLength(3 * 28);
		expect(three.skipped.notMember).toBe(41 * 28);
		expect(
			three.values.find((v) => v.organisationId === byName('Storuman') && v.year === 2010)?.value
		).toBe(46.4);
	});
});

describe('readMeasurementTable', () => {
	it('reads Swedish Excel files: semicolons, decimal comma, BOM, Swedish headers, names instead of codes', () => {
		const table = read(
			'\uFEFFKommun;År;Värde\r\nStorumans kommun;2024;16,6\r\nÅsele;2024;12\r\narjeplog;2023;"10,5 %"\r\n'
		);
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
		const table = read(
			'municipality,year,gender,value\n2421,2024,total,5.5\n2421,2024,women,4.9\n2421,2024,men,6.0\n',
			{ indicator: ind }
		);
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => v.gender)).toEqual(['T', 'K', 'M']);
		const stockholm = read('kommunkod;ar;varde\n180;2024;5,1', {
			memberIds: new Set(['kommun-0180'])
		});
		expect(stockholm.values.map((v) => v.organisationId)).toEqual(['kommun-0180']);
	});

	it('skips women and men for an indicator not split by gender, and missing values, and says how many', () => {
		const table = read(
			'kommun;år;kön;värde\nStoruman;2024;totalt;5,5\nStoruman;2024;kvinnor;4,9\nÅsele;2024;totalt;..\nÅsele;2023;totalt;\n'
		);
		expect(table.values).toHaveLength(1);
		expect(table.skipped).toMatchObject({ otherGender: 1, missingValue: 2 });
	});

	it('takes the national value (0000, Riket), PxWeb region labels and the grouping for grouping-level indicators', () => {
		const table = read(
			'region;år;värde\n0000 Riket;2024;6,7\n2421 Storuman;2024;5,5\nSverige;2023;6,5\n'
		);
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => v.organisationId)).toEqual([
			'riket',
			byName('Storuman'),
			'riket'
		]);
		const finances = read('organisation;år;värde\nAkademi Norr;2024;80\nStoruman;2024;5', {
			indicator: { ...unemployment, scope: 'grouping' }
		});
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
			{ line: 11, message: 'Rad 11: "1.234.5" är inte ett tal' },
			{ line: 12, message: 'Rad 12: Raden har 2 fält, rubrikraden 4' }
		]);
	});

	it('refuses a file without the columns it needs, saying which', () => {
		expect(read('namn;värde\nStoruman;5').fileErrors).toEqual([
			'Hittar ingen kolumn med år (t.ex. "År", "ar" eller "year").'
		]);
		expect(read('kommun;år;anteckning\nStoruman;2024;bra').fileErrors[0]).toMatch(
			/ingen kolumn med värden/
		);
		expect(read('x;y\n1;2').fileErrors[0]).toMatch(/ingen kolumn med kommun/);
		expect(read('').fileErrors).toEqual(['Filen är tom']);
	});

	it('reads only the chosen indicator from a file that holds several, with status and note', () => {
		const text =
			'Indikator-id;Kommun;År;Värde;Status;Anteckning\nan-arbetsloshet;Storuman;2024;5,5;Preliminärt;från AF\nannan;Storuman;2024;99;Slutligt;\n';
		const table = read(text);
		expect(table.values).toEqual([
			expect.objectContaining({ value: 5.5, status: 'preliminary', note: 'från AF' })
		]);
		expect(table.skipped.otherIndicator).toBe(1);
	});

	it('reads yes/no and text indicators', () => {
		const yes = read('kommun;år;värde\nStoruman;2024;Ja\nÅsele;2024;nej\nArjeplog;2024;kanske', {
			indicator: { ...unemployment, unit: 'yesno' }
		});
		expect(yes.values.map((v) => v.value)).toEqual([1, 0]);
		expect(yes.errors).toEqual([{ line: 4, message: 'Rad 4: "kanske" är varken ja eller nej' }]);
		const text = read('kommun;år;värde\nStoruman;2024;"\'=Klart; inget kvar"', {
			indicator: { ...unemployment, unit: 'text', name: 'Status' }
		});
		expect(text.errors).toEqual([]);
		expect(text.values[0].value).toBe('=Klart; inget kvar');
	});
});

describe('the number format of the value column', () => {
	const persons: ImportIndicator = {
		id: 'an-antagna',
		name: 'Antal antagna studenter',
		unit: 'persons',
		decimals: 0,
		genderBreakdown: false,
		scope: 'members'
	};
	const averageCount: ImportIndicator = {
		...persons,
		unit: 'count',
		decimals: 1,
		name: 'Sjukpenningdagar per person'
	};

	it('is decided from all of the column’s values and named in words', () => {
		const swedish = read(
			'kommun;år;värde\nStoruman;2024;2 745\nÅsele;2024;12\u00a0300,5\nArjeplog;2024;980\n',
			{ indicator: averageCount }
		);
		expect(swedish.errors).toEqual([]);
		expect(swedish.values.map((v) => v.value)).toEqual([2745, 12300.5, 980]);
		expect(describeDialect(swedish)).toBe(
			'semikolonavgränsad, decimalkomma, tusental med mellanslag, UTF-8 utan BOM'
		);

		// "12,5" in the same column rules out the comma as a thousands separator.
		const decimals = read('kommun;år;värde\nStoruman;2024;2,745\nÅsele;2024;12,5\n', {
			indicator: averageCount
		});
		expect(decimals.values.map((v) => v.value)).toEqual([2.745, 12.5]);
		// "1.5" rules out the comma as a decimal mark.
		const english = read('municipality,year,value\nStoruman,2024,"2,745"\nÅsele,2024,1.5\n', {
			indicator: averageCount
		});
		expect(english.values.map((v) => v.value)).toEqual([2745, 1.5]);
		expect(describeDialect(english)).toBe(
			'kommaavgränsad, decimalpunkt, tusental med komma, UTF-8 utan BOM'
		);
		const swiss = read("kommun;år;värde\nStoruman;2024;1'234.5\nÅsele;2024;12\n", {
			indicator: averageCount
		});
		expect(swiss.values.map((v) => v.value)).toEqual([1234.5, 12]);
		expect(describeDialect(swiss)).toBe(
			'semikolonavgränsad, decimalpunkt, tusental med apostrof, UTF-8 utan BOM'
		);
	});

	it('persons written "2,745" are 2 745 persons, never 2.745: the unit leaves one reading', () => {
		const table = read(
			'municipality,year,value\nStoruman,2024,"2,745"\nÅsele,2024,"1,200"\nArjeplog,2024,980\n',
			{ indicator: persons }
		);
		expect(table.errors).toEqual([]);
		expect(table.formatQuestion).toBeNull();
		expect(table.values.map((v) => v.value)).toEqual([2745, 1200, 980]);
		expect(table.numberFormat?.how).toBe('unit');
		expect(describeDialect(table)).toBe(
			'kommaavgränsad, heltal, tusental med komma (det enda sätt att läsa talen som passar indikatorns enhet), UTF-8 utan BOM'
		);
	});

	it('asks instead of guessing when the values leave the format open, and reads the answer', () => {
		const text = 'kommun;år;värde\nStoruman;2024;2,745\nÅsele;2024;1,200\nArjeplog;2024;980\n';
		const asked = read(text, { indicator: averageCount });
		expect(asked.values).toEqual([]);
		expect(asked.numberFormat).toBeNull();
		expect(asked.formatQuestion?.chosen).toBeNull();
		expect(asked.formatQuestion?.options.map((o) => [o.description, o.examples])).toEqual([
			[
				'decimalkomma',
				[
					{ raw: '2,745', value: 2.745 },
					{ raw: '1,200', value: 1.2 }
				]
			],
			[
				'heltal, tusental med komma',
				[
					{ raw: '2,745', value: 2745 },
					{ raw: '1,200', value: 1200 }
				]
			]
		]);
		const thousands = read(text, { indicator: averageCount }, undefined, {
			decimal: '.',
			thousands: ','
		});
		expect(thousands.values.map((v) => v.value)).toEqual([2745, 1200, 980]);
		expect(thousands.formatQuestion?.chosen).toEqual({ decimal: '.', thousands: ',' });
		expect(describeDialect(thousands)).toBe(
			'semikolonavgränsad, heltal, tusental med komma (som du valt), UTF-8 utan BOM'
		);
		// An answer that is not one of the readings offered is no answer.
		expect(
			read(text, { indicator: averageCount }, undefined, { decimal: ',', thousands: 'space' })
				.values
		).toEqual([]);
	});

	it('a column mixing decimal marks is not guessed per cell: the cells that do not fit are errors', () => {
		const table = read(
			'kommun;år;värde\nStoruman;2024;16,6\nÅsele;2024;16.6\nArjeplog;2024;12,1\n'
		);
		expect(table.values.map((v) => v.value)).toEqual([16.6, 12.1]);
		expect(table.errors).toEqual([
			{ line: 3, message: 'Rad 3: "16.6" kan inte läsas med kolumnens talformat (decimalkomma)' }
		]);
	});

	it('reads a UTF-16 file from Excel ("Unicode text": tabs, BOM) and says so', () => {
		const units = [...'\uFEFFKommun\tÅr\tVärde\r\nÅsele\t2024\t2\u00a0745\r\n'].map((c) =>
			c.charCodeAt(0)
		);
		const { text, encoding } = decodeCsvBytes(
			new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]))
		);
		const table = read(text, { indicator: averageCount });
		expect(table.values.map((v) => v.value)).toEqual([2745]);
		expect(describeDialect(table, encoding)).toBe(
			'tabbavgränsad, heltal, tusental med mellanslag, UTF-16 LE med BOM'
		);
	});

	it('accepts the typographic minus and the en dash as minus', () => {
		const change: ImportIndicator = { ...unemployment, unit: 'sek', decimals: 0, name: 'Resultat' };
		const table = read(
			'kommun;år;värde\nStoruman;2024;\u22123\u00a0200\nÅsele;2024;\u20131 500\nArjeplog;2024;-12\n',
			{ indicator: change }
		);
		expect(table.errors).toEqual([]);
		expect(table.values.map((v) => v.value)).toEqual([-3200, -1500, -12]);
	});

	it('refuses fractions for persons and counts without decimals, as the entry form does, naming the row', () => {
		const table = read('kommun;år;värde\nStoruman;2024;12\nÅsele;2024;2,5\n', {
			indicator: persons
		});
		expect(table.errors).toEqual([
			{ line: 3, message: 'Rad 3: 2,5 är inte ett heltal, och personer räknas i hela tal' }
		]);
		const count = read('kommun;år;värde\nStoruman;2024;12\nÅsele;2024;2,5\n', {
			indicator: { ...persons, unit: 'count' }
		});
		expect(count.errors.map((e) => e.message)).toEqual([
			'Rad 3: 2,5 är inte ett heltal, och indikatorn räknas i hela tal (utan decimaler)'
		]);
		// A count with decimals (an average, such as mean age) keeps them.
		expect(
			read('kommun;år;värde\nStoruman;2024;44,2\n', { indicator: averageCount }).values[0].value
		).toBe(44.2);
		expect(unitError(101, unemployment)).toBe('procentsatsen 101,0 ligger utanför 0–100');
		expect(unitError(-1, persons)).toMatch(/negativt/);
	});
});
