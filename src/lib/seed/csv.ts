import { parseCsv, recordsAsObjects } from '$lib/domain/files/csv';

/**
 * The seed's reading of the comma-separated extracts in `sources/`, on the
 * app's one CSV parser (`$lib/domain/csv`). Any row the parser cannot read
 * fails the build of the demo data rather than being skipped, since a shifted
 * column would silently put the wrong figure on a municipality.
 */
export type CsvRow = Record<string, string>;

export function parseSimpleCsv(text: string, fileName = 'CSV'): CsvRow[] {
	const parsed = parseCsv(text, { delimiter: ',' });
	const problem = parsed.problems[0];
	if (problem) {
		throw new Error(
			problem.message === 'Filen är tom'
				? `${fileName}: filen är tom`
				: `${fileName} rad ${problem.line}: ${problem.message}`
		);
	}
	return recordsAsObjects(parsed);
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
	if (value === undefined || value === '')
		throw new Error(`${fileName}: kolumnen ${column} saknas eller är tom`);
	return value;
}
