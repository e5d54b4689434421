import { describe, it, expect } from 'vitest';
import { numberField, parseSimpleCsv } from './csv';
import municipalityCsv from './sources/swedish-geodata_municipality_county.csv?raw';
import labourCsv from './sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';
import meanAgeCsv from './sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv?raw';

describe('parseSimpleCsv', () => {
	it('reads rows by header name', () => {
		expect(parseSimpleCsv('a,b\n1,x\n2,y\n')).toEqual([
			{ a: '1', b: 'x' },
			{ a: '2', b: 'y' }
		]);
	});

	it('accepts a BOM and Windows line endings', () => {
		expect(parseSimpleCsv('\uFEFFa,b\r\n1,x\r\n')).toEqual([{ a: '1', b: 'x' }]);
	});

	it('reads quoted fields, and rejects rows with the wrong number of fields instead of misreading them', () => {
		expect(parseSimpleCsv('a,b\n"1,5",x\n')).toEqual([{ a: '1,5', b: 'x' }]);
		expect(() => parseSimpleCsv('a,b\n"1,5,x\n')).toThrow(
			/citattecknet som börjar på rad 2 avslutas aldrig/
		);
		expect(() => parseSimpleCsv('a,b\n1,x,extra\n', 'test.csv')).toThrow(
			/test\.csv rad 2: Raden har 3 fält, rubrikraden 2/
		);
	});

	it('says so when the file is empty', () => {
		expect(() => parseSimpleCsv('\n', 'tom.csv')).toThrow('tom.csv: filen är tom');
	});

	it('rejects a number column without a number', () => {
		expect(() => numberField({ v: '' }, 'v')).toThrow(/inget tal/);
		expect(numberField({ v: '7.6' }, 'v')).toBe(7.6);
	});

	it.each([
		['municipalities', municipalityCsv, 290],
		['TAB3200', labourCsv, 290 * 5],
		['TAB637', meanAgeCsv, 44 * 28]
	])(
		'reads the %s extract in sources/ (no quoting, same field count on every line)',
		(_name, text, rows) => {
			expect(parseSimpleCsv(text)).toHaveLength(rows);
		}
	);
});
