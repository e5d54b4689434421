import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes, detectDelimiter, formatCsv, parseCsv, parseCsvAsync } from './csv';

describe('parseCsv', () => {
	it('reads Swedish Excel: semicolons, decimal comma, BOM, CRLF', () => {
		const parsed = parseCsv('\uFEFFKommun;År;Värde\r\nStoruman;2024;16,6\r\nÅsele;2024;12,3\r\n');
		expect(parsed.dialect).toEqual({ delimiter: ';', bom: true, lineBreak: '\r\n' });
		expect(parsed.header).toEqual(['Kommun', 'År', 'Värde']);
		expect(parsed.records).toEqual([
			{ line: 2, fields: ['Storuman', '2024', '16,6'] },
			{ line: 3, fields: ['Åsele', '2024', '12,3'] }
		]);
		expect(parsed.problems).toEqual([]);
	});

	it('reads comma-separated files with a decimal point and no BOM', () => {
		const parsed = parseCsv('municipality,year,value\n2421,2024,16.6\n');
		expect(parsed.dialect).toEqual({ delimiter: ',', bom: false, lineBreak: '\n' });
		expect(parsed.records[0].fields).toEqual(['2421', '2024', '16.6']);
	});

	it('reads tab-separated text (pasted from a spreadsheet)', () => {
		expect(parseCsv('kommun\tår\tvärde\nStoruman\t2024\t16,6').records[0].fields).toEqual([
			'Storuman',
			'2024',
			'16,6'
		]);
	});

	it('reads quoted fields with separators, doubled quotes and line breaks, keeping line numbers', () => {
		const text =
			'kommun,värde,anteckning\n"Storuman","16,6","Källa: ""SCB""\nrad två"\nÅsele,12,ok\n';
		const parsed = parseCsv(text);
		expect(parsed.records).toEqual([
			{ line: 2, fields: ['Storuman', '16,6', 'Källa: "SCB"\nrad två'] },
			{ line: 4, fields: ['Åsele', '12', 'ok'] }
		]);
	});

	it('skips blank lines and the empty rows Excel writes (";;")', () => {
		expect(parseCsv('a;b\n\n1;2\n;\n  \n3;4').records.map((r) => r.line)).toEqual([3, 6]);
	});

	it('reports rows it cannot read with their line, and leaves them out', () => {
		const parsed = parseCsv('a;b\n1;2\n1;2;3\n"x"y;2\n4;5\n"öppen;6\n');
		expect(parsed.records.map((r) => r.fields)).toEqual([
			['1', '2'],
			['4', '5']
		]);
		expect(parsed.problems).toEqual([
			{ line: 3, message: 'Raden har 3 fält, rubrikraden 2' },
			{ line: 4, message: 'Raden kan inte läsas: text efter avslutande citattecken ("x"y)' },
			{ line: 6, message: 'Raden kan inte läsas: citattecknet som börjar på rad 6 avslutas aldrig' }
		]);
	});

	it('reports an empty file', () => {
		expect(parseCsv('').problems).toEqual([{ line: 1, message: 'Filen är tom' }]);
	});

	it('detects the separator from the header, ignoring quoted text', () => {
		expect(detectDelimiter('"a;b",c,d\n1;2;3')).toBe(',');
		expect(detectDelimiter('\uFEFFa;b;c')).toBe(';');
		expect(detectDelimiter('värde')).toBe(',');
	});

	it('parses what formatCsv writes back into the same fields (any text)', () => {
		const field = fc.string({
			unit: fc.constantFrom('a', 'Å', ';', ',', '"', '\n', '\r\n', ' ', '1')
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
				(rows) => {
					const withHeader = [['x', 'y', 'z'], ...rows];
					const parsed = parseCsv(formatCsv(withHeader));
					// All-empty rows are skipped on reading, as Excel's are.
					expect(parsed.records.map((r) => r.fields)).toEqual(
						rows.filter((r) => r.some((f) => f !== ''))
					);
					expect(parsed.problems).toEqual([]);
				}
			)
		);
	});

	it('the async variant gives the same result and reports progress', async () => {
		const text = 'a;b\n' + Array.from({ length: 5000 }, (_, i) => `${i};x`).join('\n');
		const progress: number[] = [];
		const parsed = await parseCsvAsync(text, { onProgress: (f) => progress.push(f) });
		expect(parsed).toEqual(parseCsv(text));
		expect(progress.length).toBeGreaterThan(1);
		expect(progress.at(-1)).toBe(1);
	});
});

describe('decodeCsvBytes', () => {
	it('reads UTF-8 with and without BOM, keeping the BOM for the parser to report', () => {
		const utf8 = new TextEncoder().encode('\uFEFFÅsele;1');
		expect(decodeCsvBytes(utf8)).toEqual({ text: '\uFEFFÅsele;1', encoding: 'utf-8' });
		expect(parseCsv(decodeCsvBytes(utf8).text).dialect.bom).toBe(true);
	});

	it('reads UTF-16 (Excel’s "Unicode text"), little- and big-endian, with a BOM or by its zero bytes', () => {
		const text = 'Kommun\tÅr\tVärde\r\nÅsele\t2024\t2\u00a0745\r\n';
		const utf16 = (bigEndian: boolean, bom: boolean) => {
			const units = [...(bom ? '\uFEFF' : ''), ...text].map((c) => c.charCodeAt(0));
			return new Uint8Array(
				units.flatMap((u) => (bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]))
			);
		};
		expect(decodeCsvBytes(utf16(false, true))).toEqual({
			text: `\uFEFF${text}`,
			encoding: 'utf-16le'
		});
		expect(decodeCsvBytes(utf16(true, true))).toEqual({
			text: `\uFEFF${text}`,
			encoding: 'utf-16be'
		});
		expect(decodeCsvBytes(utf16(false, false))).toEqual({ text, encoding: 'utf-16le' });
		expect(decodeCsvBytes(utf16(true, false))).toEqual({ text, encoding: 'utf-16be' });
		const parsed = parseCsv(decodeCsvBytes(utf16(false, true)).text);
		expect(parsed.dialect).toMatchObject({ delimiter: '\t', bom: true });
		expect(parsed.records[0].fields).toEqual(['Åsele', '2024', '2\u00a0745']);
	});

	it('falls back to Windows-1252 for the plain "CSV" of Swedish Excel', () => {
		const ansi = new Uint8Array([0xc5, 0x73, 0x65, 0x6c, 0x65]); // "Åsele" in Windows-1252
		expect(decodeCsvBytes(ansi)).toEqual({ text: 'Åsele', encoding: 'windows-1252' });
	});
});
