/**
 * A parser for the plain comma-separated extracts in `sources/`. They use no
 * quoting and no embedded commas (checked below), so a split on commas is
 * exact; anything else is rejected rather than misread, since a shifted
 * column would silently put the wrong figure on a municipality.
 */
export type CsvRow = Record<string, string>;

export function parseSimpleCsv(text: string, fileName = 'CSV'): CsvRow[] {
	// Strip a BOM and accept both line endings, in case a file is re-saved on Windows.
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
	if (lines.length === 0) throw new Error(`${fileName}: filen är tom`);

	const header = splitLine(lines[0], fileName, 1);
	return lines.slice(1).map((line, i) => {
		const lineNumber = i + 2;
		const fields = splitLine(line, fileName, lineNumber);
		if (fields.length !== header.length) {
			throw new Error(`${fileName} rad ${lineNumber}: ${fields.length} fält, väntade ${header.length}`);
		}
		return Object.fromEntries(header.map((name, j) => [name, fields[j]]));
	});
}

function splitLine(line: string, fileName: string, lineNumber: number): string[] {
	if (line.includes('"')) {
		throw new Error(`${fileName} rad ${lineNumber}: citattecken stöds inte av den enkla CSV-läsaren`);
	}
	return line.split(',').map((field) => field.trim());
}

/** A column that must hold a number ("7.6"; SCB extracts use a decimal point). */
export function numberField(row: CsvRow, column: string, fileName = 'CSV'): number {
	const raw = row[column];
	const value = raw === undefined || raw === '' ? NaN : Number(raw);
	if (!Number.isFinite(value)) {
		throw new Error(`${fileName}: kolumnen ${column} har inget tal (${JSON.stringify(raw)})`);
	}
	return value;
}

/** A column that must be present and non-empty. */
export function textField(row: CsvRow, column: string, fileName = 'CSV'): string {
	const value = row[column];
	if (value === undefined || value === '') throw new Error(`${fileName}: kolumnen ${column} saknas eller är tom`);
	return value;
}
