/**
 * How a column of a file writes its numbers, decided from all of the
 * column's values together, never from one cell or from the rest of the file.
 *
 * "2,745" is 2.745 in a Swedish file and 2745 in an English one; nothing in
 * the cell says which. A column decides it only when its values, read every
 * way they can be read, give one set of numbers (a "12,5" elsewhere in the
 * column rules out the comma as a thousands separator), or when every other
 * reading breaks the indicator's unit (2.745 persons). Otherwise the column
 * is ambiguous and the user is asked: a guess here is a value 1000 times off.
 */

export type DecimalMark = ',' | '.';
/** 'space' covers the ordinary space, the no-break space (U+00A0) and the narrow no-break space (U+202F). */
export type ThousandsSeparator = 'space' | 'apostrophe' | '.' | ',' | null;
export type NumberFormat = { decimal: DecimalMark; thousands: ThousandsSeparator };

/** Every combination a file may use; the thousands separator is never the decimal mark. */
export const NUMBER_FORMATS: readonly NumberFormat[] = [
	{ decimal: ',', thousands: null },
	{ decimal: ',', thousands: 'space' },
	{ decimal: ',', thousands: '.' },
	{ decimal: ',', thousands: 'apostrophe' },
	{ decimal: '.', thousands: null },
	{ decimal: '.', thousands: 'space' },
	{ decimal: '.', thousands: ',' },
	{ decimal: '.', thousands: 'apostrophe' }
];

const SEPARATOR_CLASS: Record<Exclude<ThousandsSeparator, null>, string> = {
	space: '[ \\u00a0\\u202f\\u2009]',
	apostrophe: "['\\u2019]",
	'.': '\\.',
	',': ','
};

/** A minus as people write it: hyphen-minus, the typographic minus (U+2212) or an en dash (U+2013). */
const SIGN = '([-+\\u2212\\u2013])?\\s*';

const patterns = new Map<string, RegExp>();
function patternOf(format: NumberFormat): RegExp {
	const key = `${format.decimal}${format.thousands}`;
	let pattern = patterns.get(key);
	if (!pattern) {
		const decimal = format.decimal === ',' ? ',' : '\\.';
		// A grouped integer starts with 1–3 digits, not a zero ("0,500" is never five hundred), then groups of three.
		const grouped = format.thousands
			? `[1-9]\\d{0,2}(?:${SEPARATOR_CLASS[format.thousands]}\\d{3})+|`
			: '';
		pattern = new RegExp(`^${SIGN}(${grouped}\\d+|(?=${decimal}))(?:${decimal}(\\d+))?\\s*%?$`);
		patterns.set(key, pattern);
	}
	return pattern;
}

export type ReadNumber = { value: number; fraction: boolean; grouped: boolean };

/** One cell read in one format, or null when the cell is not a number in that format. */
export function readNumberAs(raw: string, format: NumberFormat): ReadNumber | null {
	const match = patternOf(format).exec(raw.trim());
	if (!match) return null;
	const [, sign, integer, fraction] = match;
	const digits = integer.replace(/\D/g, '');
	if (digits === '' && fraction === undefined) return null;
	const negative = sign !== undefined && sign !== '+';
	const value =
		Number(
			`${negative ? '-' : ''}${digits || '0'}${fraction === undefined ? '' : `.${fraction}`}`
		) + 0;
	if (!Number.isFinite(value)) return null;
	return { value, fraction: fraction !== undefined, grouped: digits.length !== integer.length };
}

export type ParseNumberResult = { ok: true; value: number } | { ok: false; error: string };

export function parseNumberAs(raw: string, format: NumberFormat): ParseNumberResult {
	const read = readNumberAs(raw, format);
	if (read) return { ok: true, value: read.value };
	const text = raw.trim();
	return isNumberInSomeFormat(text)
		? {
				ok: false,
				error: `"${text}" kan inte läsas med kolumnens talformat (${describeNumberFormat(format, { fraction: true, grouped: format.thousands !== null })})`
			}
		: { ok: false, error: `"${text}" är inte ett tal` };
}

/** Whether the cell is a number in any of the formats (a column of such cells can hold values). */
export function isNumberInSomeFormat(raw: string): boolean {
	return NUMBER_FORMATS.some((format) => readNumberAs(raw, format) !== null);
}

export type FormatUsage = { fraction: boolean; grouped: boolean };

const THOUSANDS_WORDS: Record<Exclude<ThousandsSeparator, null>, string> = {
	space: 'mellanslag',
	apostrophe: 'apostrof',
	'.': 'punkt',
	',': 'komma'
};

/** The format in words, naming only what the column uses: "decimalkomma, tusental med mellanslag", "heltal". */
export function describeNumberFormat(format: NumberFormat, usage: FormatUsage): string {
	const parts = [
		usage.fraction ? (format.decimal === ',' ? 'decimalkomma' : 'decimalpunkt') : 'heltal'
	];
	if (usage.grouped && format.thousands)
		parts.push(`tusental med ${THOUSANDS_WORDS[format.thousands]}`);
	return parts.join(', ');
}

/** One way of reading the column: the values it gives, with cells that show how it differs from the others. */
export type FormatOption = {
	format: NumberFormat;
	usage: FormatUsage;
	description: string;
	/** Up to three cells whose value depends on the reading, and what this reading makes of them. */
	examples: { raw: string; value: number }[];
};

export type ColumnFormat =
	| {
			kind: 'decided';
			format: NumberFormat;
			usage: FormatUsage;
			description: string;
			/** True when other readings were possible but gave values the indicator's unit cannot hold. */
			byUnit: boolean;
	  }
	| { kind: 'ambiguous'; options: FormatOption[] };

export type DetectOptions = {
	/** The decimal mark to name when the column has none of its own (the file's separator suggests it). */
	preferredDecimal: DecimalMark;
	/** Whether a value fits the indicator (whole persons, a percentage within 0–100); used only to rule readings out. */
	accepts?: (value: number) => boolean;
};

type Reading = {
	format: NumberFormat;
	values: (number | null)[];
	usage: FormatUsage;
	readable: number;
};

function readColumn(cells: readonly string[], format: NumberFormat): Reading {
	const usage = { fraction: false, grouped: false };
	let readable = 0;
	const values = cells.map((cell) => {
		const read = readNumberAs(cell, format);
		if (!read) return null;
		readable++;
		usage.fraction ||= read.fraction;
		usage.grouped ||= read.grouped;
		return read.value;
	});
	return { format, values, usage, readable };
}

const sameValues = (a: Reading, b: Reading) => a.values.every((v, i) => v === b.values[i]);

/**
 * The plainest format among readings that give the same values: no thousands
 * separator the column does not use, and the preferred decimal mark when the
 * column has no decimals.
 */
function representative(group: readonly Reading[], preferred: DecimalMark): Reading {
	const cost = (r: Reading) =>
		(r.format.thousands !== null && !r.usage.grouped ? 2 : 0) +
		(r.format.decimal !== preferred && !r.usage.fraction ? 1 : 0);
	return group.reduce((best, r) => (cost(r) < cost(best) ? r : best));
}

function option(
	reading: Reading,
	cells: readonly string[],
	differing: readonly number[]
): FormatOption {
	return {
		format: reading.format,
		usage: reading.usage,
		description: describeNumberFormat(reading.format, reading.usage),
		examples: differing
			.slice(0, 3)
			.map((i) => ({ raw: cells[i].trim(), value: reading.values[i]! }))
	};
}

/**
 * Decides how a column writes its numbers. Cells that are no number in any
 * format ("fem") are left to the row check. When no single format reads all
 * the others (a column mixing "16,6" and "16.6"), the format that reads most
 * of them is returned, and the cells it cannot read become row errors.
 */
export function detectColumnFormat(cells: readonly string[], options: DetectOptions): ColumnFormat {
	const numeric = cells.filter(isNumberInSomeFormat);
	const readings = NUMBER_FORMATS.map((format) => readColumn(numeric, format));
	const most = Math.max(...readings.map((r) => r.readable));
	const best = readings.filter((r) => r.readable === most);

	const groups: Reading[][] = [];
	for (const reading of best) {
		const group = groups.find((g) => sameValues(g[0], reading));
		if (group) group.push(reading);
		else groups.push([reading]);
	}
	const decided = (group: Reading[], byUnit: boolean): ColumnFormat => {
		const chosen = representative(group, options.preferredDecimal);
		return {
			kind: 'decided',
			format: chosen.format,
			usage: chosen.usage,
			description: describeNumberFormat(chosen.format, chosen.usage),
			byUnit
		};
	};
	if (groups.length === 1) return decided(groups[0], false);
	// Some cells cannot be read by any of the best formats: those rows fail anyway, so no question is worth asking yet.
	if (most < numeric.length)
		return decided(
			groups.find((g) => g.some((r) => r.format.decimal === options.preferredDecimal)) ?? groups[0],
			false
		);

	const accepts = options.accepts;
	const fitting = accepts
		? groups.filter((g) => g[0].values.every((v) => v === null || accepts(v)))
		: groups;
	if (fitting.length === 1) return decided(fitting[0], true);
	const candidates = (fitting.length > 1 ? fitting : groups).map((g) =>
		representative(g, options.preferredDecimal)
	);
	const differing = numeric
		.map((_, i) => i)
		.filter((i) => candidates.some((c) => c.values[i] !== candidates[0].values[i]));
	// The reading that matches the file's own decimal mark is offered first.
	candidates.sort(
		(a, b) =>
			Number(b.format.decimal === options.preferredDecimal) -
			Number(a.format.decimal === options.preferredDecimal)
	);
	return { kind: 'ambiguous', options: candidates.map((c) => option(c, numeric, differing)) };
}

export function sameFormat(a: NumberFormat, b: NumberFormat): boolean {
	return a.decimal === b.decimal && a.thousands === b.thousands;
}
