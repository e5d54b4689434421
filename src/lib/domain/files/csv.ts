/**
 * CSV as people actually have it: Swedish Excel (semicolon, decimal comma,
 * UTF-8 with BOM, or Windows-1252 from the plain "CSV" format), English tools
 * and SCB extracts (comma, decimal point), with quoted fields that may hold
 * separators, doubled quotes and line breaks (RFC 4180).
 *
 * The parser reports structural problems per line instead of guessing: a row
 * with the wrong number of fields would put a figure in the wrong column.
 */

export type CsvDelimiter = ';' | ',' | '\t';

export type CsvDialect = {
	delimiter: CsvDelimiter;
	/** Whether the text began with a byte-order mark (Excel's "CSV UTF-8"). */
	bom: boolean;
	lineBreak: '\r\n' | '\n' | '\r';
};

/** One data row: the fields and the line of the file it starts on (the header is line 1). */
export type CsvRecord = { line: number; fields: string[] };

/** A row that could not be read, with a Swedish message. */
export type CsvProblem = { line: number; message: string };

export type ParsedCsv = {
	dialect: CsvDialect;
	header: string[];
	records: CsvRecord[];
	problems: CsvProblem[];
};

export type CsvOptions = {
	/** Force a separator instead of detecting it. */
	delimiter?: CsvDelimiter;
	/** Called now and then with the share of the text read (0–1), for a progress bar. */
	onProgress?: (fraction: number) => void;
};

const BOM = '\uFEFF';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * UTF-16 without a byte-order mark: text of Latin letters and digits has a
 * zero byte in every other position (high bytes first in big-endian).
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = Math.min(bytes.length, 512) & ~1;
	if (n < 4) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	const pairs = n / 2;
	if (oddZeros >= pairs * 0.6 && evenZeros === 0) return 'utf-16le';
	if (evenZeros >= pairs * 0.6 && oddZeros === 0) return 'utf-16be';
	return null;
}

/**
 * Reads file bytes as text: UTF-16 (Excel's "Unicode text", with its
 * byte-order mark, or without one when the zero bytes show it), UTF-8 with or
 * without BOM, or Windows-1252 when the bytes are not valid UTF-8 (Swedish
 * Excel's plain "CSV" format writes "Åsele" that way).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
	const utf16 =
		bytes[0] === 0xff && bytes[1] === 0xfe
			? 'utf-16le'
			: bytes[0] === 0xfe && bytes[1] === 0xff
				? 'utf-16be'
				: utf16WithoutBom(bytes);
	// ignoreBOM keeps the mark in the text, so the parser can report it.
	if (utf16)
		return { text: new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes), encoding: utf16 };
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
			encoding: 'utf-8'
		};
	} catch {
		return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
	}
}

/**
 * The separator of the header line: the most frequent of ; , and tab outside
 * quotes. A header has no decimal numbers, so commas there are separators.
 */
export function detectDelimiter(text: string): CsvDelimiter {
	const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
	let quoted = false;
	for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) break;
		else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
	}
	const best = (Object.keys(counts) as CsvDelimiter[]).reduce(
		(a, b) => (counts[b] > counts[a] ? b : a),
		';'
	);
	return counts[best] > 0 ? best : ',';
}

function detectLineBreak(text: string): CsvDialect['lineBreak'] {
	const i = text.search(/[\r\n]/);
	if (i < 0 || text[i] === '\n') return '\n';
	return text[i + 1] === '\n' ? '\r\n' : '\r';
}

type RawRecord = { line: number; fields: string[]; problem?: string };

/**
 * Splits the text into records. Unquoted fields are trimmed; quoted fields are
 * kept exactly. Blank lines are skipped. Yields so a caller can pause.
 */
function* readRecords(
	text: string,
	start: number,
	delimiter: CsvDelimiter
): Generator<RawRecord | number> {
	let i = start;
	let line = 1;
	const n = text.length;
	let sinceYield = 0;
	while (i < n) {
		const recordLine = line;
		const fields: string[] = [];
		let problem: string | undefined;
		let endOfRecord = false;
		while (!endOfRecord) {
			let field = '';
			// Leading spaces before an opening quote are allowed ("a; "b"").
			let j = i;
			while (j < n && (text[j] === ' ' || (text[j] === '\t' && delimiter !== '\t'))) j++;
			if (text[j] === '"') {
				i = j + 1;
				const openedOn = line;
				let closed = false;
				while (i < n) {
					const c = text[i];
					if (c === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						closed = true;
						break;
					}
					if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
					field += c;
					i++;
				}
				if (!closed) {
					problem ??= `citattecknet som börjar på rad ${openedOn} avslutas aldrig`;
				}
				// Only spaces may follow the closing quote before the separator.
				let rest = '';
				while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r')
					rest += text[i++];
				if (rest.trim() !== '')
					problem ??= `text efter avslutande citattecken ("${field}"${rest.trim()})`;
			} else {
				while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r')
					field += text[i++];
				field = field.trim();
			}
			fields.push(field);
			if (i >= n) {
				endOfRecord = true;
			} else if (text[i] === delimiter) {
				i++;
			} else {
				// Line break: \r\n, \n or \r.
				i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
				line++;
				endOfRecord = true;
			}
		}
		// Blank lines, and Excel's empty rows (";;;"), carry nothing.
		if (problem || fields.some((f) => f !== '')) yield { line: recordLine, fields, problem };
		sinceYield++;
		if (sinceYield >= 2000) {
			sinceYield = 0;
			yield i;
		}
	}
}

function startParse(text: string, options: CsvOptions) {
	const bom = text.startsWith(BOM);
	const dialect: CsvDialect = {
		delimiter: options.delimiter ?? detectDelimiter(text),
		bom,
		lineBreak: detectLineBreak(text)
	};
	return { dialect, records: readRecords(text, bom ? 1 : 0, dialect.delimiter) };
}

function collect(dialect: CsvDialect, raw: RawRecord[]): ParsedCsv {
	const problems: CsvProblem[] = [];
	if (raw.length === 0)
		return { dialect, header: [], records: [], problems: [{ line: 1, message: 'Filen är tom' }] };
	const [headerRecord, ...rows] = raw;
	const header = headerRecord.fields.map((f) => f.trim());
	if (headerRecord.problem)
		problems.push({
			line: headerRecord.line,
			message: `Rubrikraden kan inte läsas: ${headerRecord.problem}`
		});
	const records: CsvRecord[] = [];
	for (const r of rows) {
		if (r.problem) problems.push({ line: r.line, message: `Raden kan inte läsas: ${r.problem}` });
		else if (r.fields.length !== header.length)
			problems.push({
				line: r.line,
				message: `Raden har ${r.fields.length} fält, rubrikraden ${header.length}`
			});
		else records.push({ line: r.line, fields: r.fields });
	}
	return { dialect, header, records, problems };
}

/** Parses a whole CSV text. Problems are reported per line; rows with problems are left out of `records`. */
export function parseCsv(text: string, options: CsvOptions = {}): ParsedCsv {
	const { dialect, records } = startParse(text, options);
	const raw: RawRecord[] = [];
	for (const r of records) if (typeof r !== 'number') raw.push(r);
	return collect(dialect, raw);
}

/**
 * The same as `parseCsv`, but gives the browser a moment every few thousand
 * rows and reports progress, so a large file does not freeze the page.
 */
export async function parseCsvAsync(text: string, options: CsvOptions = {}): Promise<ParsedCsv> {
	const { dialect, records } = startParse(text, options);
	const raw: RawRecord[] = [];
	for (const r of records) {
		if (typeof r === 'number') {
			options.onProgress?.(r / text.length);
			await new Promise((resolve) => setTimeout(resolve, 0));
		} else raw.push(r);
	}
	options.onProgress?.(1);
	return collect(dialect, raw);
}

/** Rows as objects keyed by header name (for files whose columns are known in advance). */
export function recordsAsObjects(parsed: ParsedCsv): Record<string, string>[] {
	return parsed.records.map((r) =>
		Object.fromEntries(parsed.header.map((name, j) => [name, r.fields[j]]))
	);
}

/** One field, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: string, delimiter: CsvDelimiter = ';'): string {
	if (value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()) {
		return `"${value.replace(/"/g, '""')}"`;
	}
	return value;
}

/** Whole lines, joined with the given line break (Excel expects CRLF). */
export function formatCsv(
	rows: readonly (readonly string[])[],
	delimiter: CsvDelimiter = ';',
	lineBreak = '\r\n'
): string {
	return (
		rows.map((row) => row.map((f) => csvField(f, delimiter)).join(delimiter)).join(lineBreak) +
		lineBreak
	);
}
