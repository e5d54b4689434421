import { seriesOf, type Indicator, type Unit } from '../plan/indicator';
import type { Organisation } from '../plan/organisation';
import type { Gender, MeasurementStatus } from '../figures/measurement';
import type { CsvDialect, ParsedCsv, TextEncodingName } from './csv';
import type { ImportedMeasurement, ImportSource } from './import-diff';
import { formatAmount, formatNumber } from '../format';
import { MAX_TEXT_LENGTH, requiresWholeNumber } from '../entry/measurement-input';
import {
	detectColumnFormat,
	isNumberInSomeFormat,
	parseNumberAs,
	sameFormat,
	type DecimalMark,
	type FormatOption,
	type NumberFormat
} from './number-format';
import { measurementId, NATIONAL_ID, NATIONAL_KOMMUNKOD, NATIONAL_NAME, slug } from '../ids';
import { GENDER_LABELS } from '../figures/measurement';
import { unguardText } from './spreadsheet-text';

export { unguardText };

/**
 * Reads measurements for one indicator out of a parsed CSV file: columns found
 * by their Swedish or English names (or SCB's own, "arbetsloshet_procent"),
 * municipalities by code or name, numbers in the format the value column
 * itself uses (decided from all of its values, or asked when they leave it
 * open; see number-format.ts).
 * Every row that cannot be taken as it stands is an error with its line
 * number; rows that simply do not concern this indicator (other
 * municipalities, other genders, missing values) are counted and skipped.
 */

export type ImportIndicator = Pick<
	Indicator,
	'id' | 'seriesId' | 'name' | 'unit' | 'decimals' | 'genderBreakdown' | 'scope'
>;
export type ImportMunicipality = Pick<Organisation, 'id' | 'name' | 'kommunkod' | 'countyCode'>;

export type ImportTarget = {
	indicator: ImportIndicator;
	grouping: Pick<Organisation, 'id' | 'name'>;
	/** The grouping's members in any year: rows for other municipalities are skipped. */
	memberIds: ReadonlySet<string>;
	/**
	 * Whether a member was one in a given year. The server keeps a member's
	 * value only for years it was a member, so rows for other years are
	 * skipped here, where the user sees it, rather than refused at the sync.
	 */
	memberInYear?: (organisationId: string, year: number) => boolean;
	/** Sweden's 290 municipalities. */
	municipalities: readonly ImportMunicipality[];
	source: ImportSource;
	years: { min: number; max: number };
	/** Status for rows without a status column; official statistics are final. */
	defaultStatus?: MeasurementStatus;
};

export type ColumnRole =
	| 'indicatorId'
	| 'organisationId'
	| 'municipality'
	| 'year'
	| 'gender'
	| 'value'
	| 'status'
	| 'note'
	| 'ignore';

/** Header names, as `normaliseHeader` leaves them. */
const HEADER_NAMES: Record<ColumnRole, readonly string[]> = {
	indicatorId: ['indikator_id', 'indikatorid', 'indicator_id', 'indicatorid'],
	organisationId: ['organisation_id', 'organisationid', 'organization_id', 'organizationid'],
	municipality: [
		'kommunkod',
		'kommun_kod',
		'kommun',
		'kommunnamn',
		'kommun_namn',
		'region_kod',
		'regionkod',
		'region',
		'municipality',
		'municipality_code',
		'municipality_id',
		'municipality_name',
		'municipality_name_short',
		'organisation',
		'organization',
		'kod',
		'code',
		'namn',
		'name'
	],
	year: ['ar', 'year', 'period', 'tid', 'artal'],
	gender: ['kon', 'kon_kod', 'konkod', 'gender', 'sex'],
	value: ['varde', 'value', 'matvarde'],
	status: ['status'],
	note: ['anteckning', 'note', 'kommentar', 'comment', 'notering'],
	// Columns of Lägesbild's own export and SCB's county columns: never a value.
	ignore: [
		'indikator',
		'indicator',
		'enhet',
		'unit',
		'kalla',
		'source',
		'andrad_av',
		'updated_by',
		'andrad',
		'updated_at',
		'lan_kod',
		'lanskod',
		'lan',
		'lansnamn',
		'lan_namn',
		'county',
		'county_code',
		'county_name'
	]
};

/** "Kön" → "kon", "Indikator-id" → "indikator_id", "År" → "ar". */
export function normaliseHeader(name: string): string {
	return slug(name).replace(/-/g, '_');
}

export type DetectedColumns = {
	header: string[];
	indicatorId?: number;
	organisationId?: number;
	municipalityCode?: number;
	municipalityName?: number;
	year?: number;
	gender?: number;
	status?: number;
	note?: number;
	/** Columns that can hold the values, named "värde"/"value" first. */
	valueCandidates: number[];
};

const MISSING = new Set(['', '..', '.', '-', '–', '—', 'na', 'n/a', 'saknas', 'x']);

function isMissing(cell: string): boolean {
	return MISSING.has(cell.trim().toLowerCase());
}

const CODE = /^\d{1,4}$/;
const PXWEB_REGION = /^(\d{4})\s+(.+)$/;

function roleOf(normalised: string): ColumnRole | undefined {
	return (Object.keys(HEADER_NAMES) as ColumnRole[]).find((role) =>
		HEADER_NAMES[role].includes(normalised)
	);
}

/** Finds what each column holds, from its name and, for municipalities and values, its content. */
export function detectColumns(
	parsed: Pick<ParsedCsv, 'header' | 'records'>,
	unit: Unit
): DetectedColumns {
	const header = parsed.header;
	const detected: DetectedColumns = { header, valueCandidates: [] };
	const cells = (j: number) => parsed.records.map((r) => r.fields[j]).filter((c) => !isMissing(c));
	const named: number[] = [];
	const unassigned: number[] = [];
	header.forEach((name, j) => {
		const role = roleOf(normaliseHeader(name));
		if (role === 'municipality') {
			const values = cells(j);
			const codes = values.length > 0 && values.every((v) => CODE.test(v));
			if (codes) detected.municipalityCode ??= j;
			else detected.municipalityName ??= j;
		} else if (role === 'value') named.push(j);
		else if (role === 'ignore') return;
		else if (role) {
			if (detected[role] === undefined) detected[role] = j;
		} else unassigned.push(j);
	});
	const holdsValues = (j: number) => {
		const values = cells(j);
		if (values.length === 0) return false;
		if (unit === 'text') return true;
		if (unit === 'yesno')
			return values.every((v) => YES.has(v.toLowerCase()) || NO.has(v.toLowerCase()));
		return values.filter(isNumberInSomeFormat).length >= values.length * 0.8;
	};
	detected.valueCandidates = [...named, ...unassigned.filter(holdsValues)];
	return detected;
}

/**
 * The candidate that best matches the indicator's name ("Arbetslöshet 20–64 år"
 * → "arbetsloshet_procent"), or the first.
 */
export function suggestValueColumn(
	columns: DetectedColumns,
	indicatorName: string
): number | undefined {
	const words = slug(indicatorName)
		.split('-')
		.filter((w) => w.length >= 4);
	let best: number | undefined;
	let bestScore = -1;
	for (const j of columns.valueCandidates) {
		const name = normaliseHeader(columns.header[j]);
		const score = roleOf(name) === 'value' ? 0.5 : words.filter((w) => name.includes(w)).length;
		if (score > bestScore) [best, bestScore] = [j, score];
	}
	return best;
}

const YES = new Set(['ja', 'j', 'yes', 'y', '1', 'sant', 'true']);
const NO = new Set(['nej', 'n', 'no', '0', 'falskt', 'false']);

const MAX_MAGNITUDE = 1e15;

/**
 * Checks an imported number against the indicator's unit; a Swedish reason,
 * or null. Whole numbers where the entry form asks for them (persons, counts
 * without decimals); other decimals are kept as the source gives them.
 */
export function unitError(
	value: number,
	indicator: Pick<ImportIndicator, 'unit' | 'decimals'>
): string | null {
	if (Math.abs(value) > MAX_MAGNITUDE) return 'talet är för stort';
	switch (indicator.unit) {
		case 'percent':
			return value < 0 || value > 100
				? `procentsatsen ${formatNumber(value, 1)} ligger utanför 0–100`
				: null;
		case 'count':
		case 'persons':
			if (value < 0)
				return `${formatNumber(value, 1)} är negativt, och ett antal kan inte vara det`;
			if (requiresWholeNumber(indicator) && !Number.isInteger(value)) {
				return `${formatAmount(value, 'count')} är inte ett heltal, och ${indicator.unit === 'persons' ? 'personer räknas i hela tal' : 'indikatorn räknas i hela tal (utan decimaler)'}`;
			}
			return null;
		case 'scale5':
			return Number.isInteger(value) && value >= 1 && value <= 5
				? null
				: `${formatNumber(value, 1)} är inte ett heltal från 1 till 5`;
		default:
			return null;
	}
}

type CellResult<T> = { ok: true; value: T } | { ok: false; error: string };

function readValue(
	cell: string,
	indicator: ImportIndicator,
	format: NumberFormat
): CellResult<number | string> {
	const unit = indicator.unit;
	if (unit === 'text') {
		const text = unguardText(cell.trim());
		return text.length > MAX_TEXT_LENGTH
			? { ok: false, error: `texten är längre än ${MAX_TEXT_LENGTH} tecken` }
			: { ok: true, value: text };
	}
	if (unit === 'yesno') {
		const answer = cell.trim().toLowerCase();
		if (YES.has(answer)) return { ok: true, value: 1 };
		if (NO.has(answer)) return { ok: true, value: 0 };
		return { ok: false, error: `"${cell.trim()}" är varken ja eller nej` };
	}
	const parsed = parseNumberAs(cell, format);
	if (!parsed.ok) return parsed;
	const error = unitError(parsed.value, indicator);
	return error ? { ok: false, error } : { ok: true, value: parsed.value };
}

const GENDERS: Record<string, Gender> = {
	t: 'T',
	tot: 'T',
	totalt: 'T',
	total: 'T',
	samtliga: 'T',
	alla: 'T',
	'bada konen': 'T',
	'kvinnor och man': 'T',
	'man och kvinnor': 'T',
	'1+2': 'T',
	all: 'T',
	both: 'T',
	k: 'K',
	kvinnor: 'K',
	kvinna: 'K',
	women: 'K',
	woman: 'K',
	female: 'K',
	f: 'K',
	'2': 'K',
	m: 'M',
	man: 'M',
	men: 'M',
	male: 'M',
	'1': 'M'
};

function readGender(cell: string): CellResult<Gender> {
	const key = cell
		.trim()
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
	const gender = GENDERS[key];
	return gender
		? { ok: true, value: gender }
		: { ok: false, error: `okänt kön "${cell.trim()}" (skriv totalt, kvinnor eller män)` };
}

const STATUSES: Record<string, MeasurementStatus> = {
	preliminart: 'preliminary',
	preliminar: 'preliminary',
	preliminary: 'preliminary',
	prel: 'preliminary',
	p: 'preliminary',
	slutligt: 'final',
	slutlig: 'final',
	definitivt: 'final',
	final: 'final',
	s: 'final'
};

function readStatus(cell: string, fallback: MeasurementStatus): CellResult<MeasurementStatus> {
	const key = cell
		.trim()
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
	if (key === '') return { ok: true, value: fallback };
	const status = STATUSES[key];
	return status
		? { ok: true, value: status }
		: { ok: false, error: `okänd status "${cell.trim()}" (skriv preliminärt eller slutligt)` };
}

/** "Storumans kommun", "storuman", "Göteborgs stad" → one key per municipality. */
function nameKey(name: string): string {
	return name.trim().toLowerCase().normalize('NFC').replace(/\s+/g, ' ');
}

function nameVariants(name: string): string[] {
	const key = nameKey(name);
	const bare = key.replace(/^region (?=gotland)/, '').replace(/ (kommun|stad)$/, '');
	return [...new Set([key, bare, bare.replace(/s$/, '')])];
}

export type OrganisationLookup = {
	byCode(code: string): ImportMunicipality | undefined;
	byName(name: string): ImportMunicipality | undefined;
	isCounty(code: string): boolean;
};

export function organisationLookup(
	municipalities: readonly ImportMunicipality[]
): OrganisationLookup {
	const codes = new Map(municipalities.map((m) => [m.kommunkod, m]));
	const names = new Map(municipalities.map((m) => [nameKey(m.name), m]));
	const counties = new Set(municipalities.map((m) => m.countyCode));
	return {
		byCode: (code) => codes.get(code.padStart(4, '0')),
		byName: (name) =>
			nameVariants(name)
				.map((n) => names.get(n))
				.find((m) => m !== undefined),
		isCounty: (code) =>
			(code.length === 2 && counties.has(code)) ||
			(code.length === 4 && code.startsWith('00') && counties.has(code.slice(2)))
	};
}

const NATIONAL_NAMES = new Set([
	'riket',
	'hela riket',
	'sverige',
	'sweden',
	'riket totalt',
	'hela landet'
]);

export type SkipReason =
	| 'notMember'
	| 'notMemberThatYear'
	| 'otherArea'
	| 'otherGender'
	| 'missingValue'
	| 'otherIndicator'
	| 'groupingValue';

export const SKIP_LABELS: Record<SkipReason, string> = {
	notMember: 'rader för kommuner som inte är medlemmar',
	notMemberThatYear: 'rader för år då kommunen inte var medlem',
	otherArea: 'rader för län eller regioner',
	otherGender: 'rader för kvinnor eller män (indikatorn delas inte upp på kön)',
	missingValue: 'rader utan värde (tomt, ".." eller "–" betyder att värdet saknas)',
	otherIndicator: 'rader för andra indikatorer',
	groupingValue: 'rader för förbundet som helhet (det värdet räknas fram ur medlemmarnas)'
};

export type RowError = { line: number; message: string };

/** How the value column's numbers are read, in words: "decimalkomma, tusental med mellanslag". */
export type ValueFormat = {
	format: NumberFormat;
	description: string;
	/** 'detected' from the values alone; 'unit' when only one reading fits the unit; 'chosen' by the user. */
	how: 'detected' | 'unit' | 'chosen';
};

export type TableImport = {
	dialect: CsvDialect;
	/** Null for text and yes/no indicators, and while the format is asked for. */
	numberFormat: ValueFormat | null;
	/**
	 * The value column can be read in more than one way that gives different
	 * numbers: nothing is read until the user has picked one of these
	 * (`chosen`, also in `numberFormat`).
	 */
	formatQuestion: { options: FormatOption[]; chosen: NumberFormat | null } | null;
	columns: DetectedColumns;
	/** The header of the column the values are read from. */
	valueColumn: string | null;
	/** Errors that make the whole file unusable (no municipality column, …). */
	fileErrors: string[];
	/** Rows that cannot be imported, each with its line number. */
	errors: RowError[];
	values: ImportedMeasurement[];
	skipped: Record<SkipReason, number>;
	/** Data rows in the file, read or not. */
	rowCount: number;
};

type Resolved =
	| { ok: true; id: string; name: string }
	| { ok: false; error: string }
	| { ok: 'skip'; reason: SkipReason };

/**
 * Reads one indicator's values out of a parsed file. `valueColumn` names the
 * column to read when there are several; otherwise the best match is used.
 * An import may go ahead only when `fileErrors` and `errors` are both empty
 * and any `formatQuestion` has been answered.
 */
export function readMeasurementTable(
	parsed: ParsedCsv,
	target: ImportTarget,
	options: { valueColumn?: string; numberFormat?: NumberFormat } = {}
): TableImport {
	const { indicator, grouping } = target;
	const columns = detectColumns(parsed, indicator.unit);
	const chosen =
		options.valueColumn !== undefined ? parsed.header.indexOf(options.valueColumn) : -1;
	const valueIndex = chosen >= 0 ? chosen : suggestValueColumn(columns, indicator.name);
	const skipped: Record<SkipReason, number> = {
		notMember: 0,
		notMemberThatYear: 0,
		otherArea: 0,
		otherGender: 0,
		missingValue: 0,
		otherIndicator: 0,
		groupingValue: 0
	};
	const result: TableImport = {
		dialect: parsed.dialect,
		numberFormat: null,
		formatQuestion: null,
		columns,
		valueColumn: valueIndex === undefined ? null : parsed.header[valueIndex],
		fileErrors: [],
		errors: parsed.problems
			.filter((p) => p.message !== 'Filen är tom')
			.map((p) => ({ line: p.line, message: `Rad ${p.line}: ${p.message}` })),
		values: [],
		skipped,
		rowCount: parsed.records.length + parsed.problems.filter((p) => p.line > 1).length
	};

	if (parsed.header.length === 0 || parsed.problems.some((p) => p.line === 1)) {
		result.fileErrors.push(parsed.problems.find((p) => p.line === 1)?.message ?? 'Filen är tom');
		return result;
	}
	if (
		columns.organisationId === undefined &&
		columns.municipalityCode === undefined &&
		columns.municipalityName === undefined
	) {
		result.fileErrors.push(
			'Hittar ingen kolumn med kommun eller kommunkod (t.ex. "Kommun", "Kommunkod", "region_kod" eller "municipality").'
		);
	}
	if (columns.year === undefined)
		result.fileErrors.push('Hittar ingen kolumn med år (t.ex. "År", "ar" eller "year").');
	if (valueIndex === undefined) {
		result.fileErrors.push(
			`Hittar ingen kolumn med värden för ${indicator.name} (t.ex. "Värde" eller "value"${indicator.unit === 'text' ? '' : ', med tal'}).`
		);
	}
	if (result.fileErrors.length > 0) return result;

	const isThisIndicator = (fields: string[]) =>
		// An exported file names the indicator, or the series it follows (a plan's copy reads its founder's rows).
		columns.indicatorId === undefined ||
		[indicator.id, seriesOf(indicator), ''].includes(fields[columns.indicatorId].trim());
	if (indicator.unit !== 'text' && indicator.unit !== 'yesno') {
		const cells = parsed.records
			.filter((r) => isThisIndicator(r.fields))
			.map((r) => r.fields[valueIndex!])
			.filter((c) => !isMissing(c));
		const reading = valueFormat(cells, indicator, parsed.dialect, options.numberFormat);
		result.formatQuestion = reading.question;
		result.numberFormat = reading.format;
		if (!reading.format) return result;
	}
	const format = result.numberFormat?.format ?? { decimal: ',', thousands: null };

	const lookup = organisationLookup(target.municipalities);
	const allowed = (id: string, name: string): Resolved => {
		if (indicator.scope === 'grouping') {
			return id === grouping.id ? { ok: true, id, name } : { ok: 'skip', reason: 'notMember' };
		}
		if (id === grouping.id) return { ok: 'skip', reason: 'groupingValue' };
		if (id === NATIONAL_ID || target.memberIds.has(id)) return { ok: true, id, name };
		return { ok: 'skip', reason: 'notMember' };
	};

	const resolveOrganisation = (fields: string[]): Resolved => {
		if (columns.organisationId !== undefined && fields[columns.organisationId].trim() !== '') {
			const id = fields[columns.organisationId].trim();
			if (id === NATIONAL_ID) return allowed(id, NATIONAL_NAME);
			if (id === grouping.id) return allowed(id, grouping.name);
			const municipality = target.municipalities.find((m) => m.id === id);
			if (!municipality) return { ok: false, error: `okänd organisation "${id}"` };
			return allowed(id, municipality.name);
		}
		let byCode: ImportMunicipality | undefined;
		if (columns.municipalityCode !== undefined) {
			const code = fields[columns.municipalityCode].trim();
			if (code === '') {
				if (columns.municipalityName === undefined)
					return { ok: false, error: 'kommunkoden saknas' };
			} else if (code.padStart(4, '0') === NATIONAL_KOMMUNKOD)
				return allowed(NATIONAL_ID, NATIONAL_NAME);
			else if (lookup.isCounty(code)) return { ok: 'skip', reason: 'otherArea' };
			else {
				byCode = lookup.byCode(code);
				if (!byCode)
					return { ok: false, error: `kommunkoden ${code} finns inte bland Sveriges 290 kommuner` };
			}
		}
		if (columns.municipalityName !== undefined) {
			let name = fields[columns.municipalityName].trim();
			const pxweb = name.match(PXWEB_REGION);
			if (pxweb && !byCode) {
				byCode = lookup.byCode(pxweb[1]);
				if (!byCode && pxweb[1] === NATIONAL_KOMMUNKOD) return allowed(NATIONAL_ID, NATIONAL_NAME);
				if (!byCode)
					return {
						ok: false,
						error: `kommunkoden ${pxweb[1]} finns inte bland Sveriges 290 kommuner`
					};
			}
			if (pxweb) name = pxweb[2];
			if (!byCode) {
				if (name === '') return { ok: false, error: 'kommun saknas' };
				if (NATIONAL_NAMES.has(nameKey(name))) return allowed(NATIONAL_ID, NATIONAL_NAME);
				if (nameKey(name) === nameKey(grouping.name)) return allowed(grouping.id, grouping.name);
				const byName = lookup.byName(name);
				if (!byName) return { ok: false, error: `okänd kommun "${name}"` };
				return allowed(byName.id, byName.name);
			}
			// Both code and name: a name that is another municipality means the row is mixed up.
			const named = name === '' ? undefined : lookup.byName(name);
			if (named && named.id !== byCode.id) {
				return {
					ok: false,
					error: `kommunkoden ${byCode.kommunkod} är ${byCode.name}, men raden säger "${name}"`
				};
			}
		}
		if (!byCode) return { ok: false, error: 'kommun saknas' };
		return allowed(byCode.id, byCode.name);
	};

	const seen = new Map<string, number>();
	const defaultStatus = target.defaultStatus ?? 'final';
	const { min, max } = target.years;
	for (const { line, fields } of parsed.records) {
		const fail = (message: string) =>
			result.errors.push({ line, message: `Rad ${line}: ${message}` });
		if (!isThisIndicator(fields)) {
			skipped.otherIndicator++;
			continue;
		}
		const rawValue = fields[valueIndex!];
		const missing = indicator.unit === 'text' ? rawValue.trim() === '' : isMissing(rawValue);

		let gender: Gender = 'T';
		if (columns.gender !== undefined) {
			const read = readGender(fields[columns.gender]);
			if (!read.ok) {
				fail(read.error);
				continue;
			}
			gender = read.value;
			if (gender !== 'T' && !indicator.genderBreakdown) {
				skipped.otherGender++;
				continue;
			}
		}
		const organisation = resolveOrganisation(fields);
		if (organisation.ok === 'skip') {
			skipped[organisation.reason]++;
			continue;
		}
		if (!organisation.ok) {
			fail(organisation.error);
			continue;
		}
		const yearText = fields[columns.year!].trim();
		if (!/^\d{4}$/.test(yearText)) {
			fail(yearText === '' ? 'året saknas' : `"${yearText}" är inte ett år`);
			continue;
		}
		const year = Number(yearText);
		if (year < min || year > max) {
			fail(`året ${year} ligger utanför ${min}–${max}`);
			continue;
		}
		if (
			organisation.id !== grouping.id &&
			organisation.id !== NATIONAL_ID &&
			target.memberInYear &&
			!target.memberInYear(organisation.id, year)
		) {
			skipped.notMemberThatYear++;
			continue;
		}
		if (missing) {
			skipped.missingValue++;
			continue;
		}
		const value = readValue(rawValue, indicator, format);
		if (!value.ok) {
			fail(value.error);
			continue;
		}
		let status = defaultStatus;
		if (columns.status !== undefined) {
			const read = readStatus(fields[columns.status], defaultStatus);
			if (!read.ok) {
				fail(read.error);
				continue;
			}
			status = read.value;
		}
		const id = measurementId(seriesOf(indicator), organisation.id, year, gender);
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			fail(
				`${organisation.name} ${year}${indicator.genderBreakdown ? ` (${GENDER_LABELS[gender].toLowerCase()})` : ''} finns redan på rad ${earlier}`
			);
			continue;
		}
		seen.set(id, line);
		const imported: ImportedMeasurement = {
			indicatorId: seriesOf(indicator),
			organisationId: organisation.id,
			year,
			gender,
			value: value.value,
			status,
			source: target.source.label,
			line
		};
		if (columns.note !== undefined) imported.note = unguardText(fields[columns.note].trim());
		result.values.push(imported);
	}
	result.errors.sort((a, b) => a.line - b.line);
	return result;
}

/** The decimal mark to name when a column shows none: a comma-separated file seldom uses the comma for decimals. */
function preferredDecimal(dialect: CsvDialect): DecimalMark {
	return dialect.delimiter === ',' ? '.' : ',';
}

/**
 * The value column's format: detected, or the user's answer when the column
 * is ambiguous. An answer counts only if it is one of the readings offered
 * (a stale answer for another column is asked again).
 */
function valueFormat(
	cells: readonly string[],
	indicator: ImportIndicator,
	dialect: CsvDialect,
	chosen: NumberFormat | undefined
): { format: ValueFormat | null; question: TableImport['formatQuestion'] } {
	const detected = detectColumnFormat(cells, {
		preferredDecimal: preferredDecimal(dialect),
		accepts: (v) => unitError(v, indicator) === null
	});
	if (detected.kind === 'decided') {
		return {
			format: {
				format: detected.format,
				description: detected.description,
				how: detected.byUnit ? 'unit' : 'detected'
			},
			question: null
		};
	}
	const answer = chosen ? detected.options.find((o) => sameFormat(o.format, chosen)) : undefined;
	return {
		format: answer
			? { format: answer.format, description: answer.description, how: 'chosen' }
			: null,
		question: { options: detected.options, chosen: answer?.format ?? null }
	};
}

const ENCODING_LABELS: Record<TextEncodingName, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
	'windows-1252': 'Windows-1252 (ANSI)'
};

const FORMAT_HOW: Record<ValueFormat['how'], string> = {
	detected: '',
	unit: ' (det enda sätt att läsa talen som passar indikatorns enhet)',
	chosen: ' (som du valt)'
};

/** A Swedish description of the file: "semikolonavgränsad, decimalkomma, tusental med mellanslag, UTF-8 med BOM". */
export function describeDialect(
	table: Pick<TableImport, 'dialect' | 'numberFormat'>,
	encoding: TextEncodingName = 'utf-8'
): string {
	const separator = { ';': 'semikolonavgränsad', ',': 'kommaavgränsad', '\t': 'tabbavgränsad' }[
		table.dialect.delimiter
	];
	const charset =
		encoding === 'windows-1252'
			? ENCODING_LABELS[encoding]
			: `${ENCODING_LABELS[encoding]} ${table.dialect.bom ? 'med' : 'utan'} BOM`;
	const numbers = table.numberFormat
		? `${table.numberFormat.description}${FORMAT_HOW[table.numberFormat.how]}`
		: null;
	return [separator, numbers, charset].filter((part) => part !== null).join(', ');
}
