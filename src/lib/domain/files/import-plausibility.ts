import type { Gender, Measurement } from '../figures/measurement';
import type { Unit } from '../plan/indicator';
import type { ImportedMeasurement } from './import-diff';
import { GENDER_LABELS } from '../figures/measurement';
import { formatAmount, formatNumber } from '../format';
import { NATIONAL_ID } from '../ids';

/**
 * Catches values a unit or format mistake has put off by about a thousand
 * (persons read as "2,745" = 2.745, kronor given in thousands, shares given
 * as 0.054 instead of 5.4 %): each imported value is compared with the same
 * organisation's stored value for the nearest year, with its own
 * neighbouring years in the import, and, when it has neither, with the
 * middle of what the import brings. Such values stop the import until the
 * user confirms them; they are not errors, since real figures do sometimes
 * jump.
 */

export type StoredValue = Pick<Measurement, 'organisationId' | 'year' | 'gender' | 'value'>;

export type ReferenceKind = 'stored' | 'import' | 'median';

export type ImplausibleValue = {
	value: ImportedMeasurement & { value: number };
	reference: { kind: ReferenceKind; value: number; year?: number; line?: number };
	/** The imported value divided by the reference. */
	factor: number;
};

/**
 * How far off a value may be before it is questioned. A thousand is the
 * misreading to catch; a quarter of it leaves room for figures that are
 * misread and also changed. Percentages are misread by a hundred (a share
 * written as 0.054), and real percentages seldom move fiftyfold in a year.
 */
export function suspiciousFactor(unit: Unit): number {
	return unit === 'percent' ? 50 : 250;
}

type Point = { year: number; value: number; line?: number };

const keyOf = (organisationId: string, gender: Gender) => `${organisationId}|${gender}`;

function usable(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value !== 0;
}

function groupPoints<
	T extends { organisationId: string; gender: Gender; year: number; value: unknown; line?: number }
>(rows: readonly T[]) {
	const groups = new Map<string, Point[]>();
	for (const row of rows) {
		if (!usable(row.value)) continue;
		const key = keyOf(row.organisationId, row.gender);
		const point: Point = { year: row.year, value: row.value, line: row.line };
		const group = groups.get(key);
		if (group) group.push(point);
		else groups.set(key, [point]);
	}
	return groups;
}

/** The point nearest in time; the earlier of two equally near. */
function nearest(
	points: readonly Point[] | undefined,
	year: number,
	excludeSameYear: boolean
): Point | undefined {
	let best: Point | undefined;
	for (const p of points ?? []) {
		if (excludeSameYear && p.year === year) continue;
		const d = Math.abs(p.year - year);
		const bestD = best ? Math.abs(best.year - year) : Infinity;
		if (d < bestD || (d === bestD && best && p.year < best.year)) best = p;
	}
	return best;
}

function median(numbers: readonly number[]): number {
	const sorted = [...numbers].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How many times larger or smaller (always ≥ 1). */
function spread(factor: number): number {
	return factor >= 1 ? factor : 1 / factor;
}

/** Values at least `suspiciousFactor` off what they are compared with, in the order of the import. */
export function findImplausibleValues(
	values: readonly ImportedMeasurement[],
	stored: readonly StoredValue[],
	unit: Unit
): ImplausibleValue[] {
	if (unit === 'text' || unit === 'yesno' || unit === 'scale5') return [];
	const limit = suspiciousFactor(unit);
	const numeric = values.filter((v): v is ImportedMeasurement & { value: number } =>
		usable(v.value)
	);
	const storedPoints = groupPoints(stored);
	const importPoints = groupPoints(numeric);
	// The middle of each gender's values, for values with nothing of their own to compare with. Riket is another scale.
	const medians = new Map<Gender, number>();
	for (const gender of ['T', 'K', 'M'] as const) {
		const magnitudes = numeric
			.filter((v) => v.gender === gender && v.organisationId !== NATIONAL_ID)
			.map((v) => Math.abs(v.value));
		if (magnitudes.length >= 3) medians.set(gender, median(magnitudes));
	}

	const found: ImplausibleValue[] = [];
	for (const v of numeric) {
		const key = keyOf(v.organisationId, v.gender);
		const references: ImplausibleValue['reference'][] = [];
		const own = nearest(storedPoints.get(key), v.year, false);
		if (own) references.push({ kind: 'stored', value: own.value, year: own.year });
		const neighbour = nearest(importPoints.get(key), v.year, true);
		if (neighbour)
			references.push({
				kind: 'import',
				value: neighbour.value,
				year: neighbour.year,
				line: neighbour.line
			});
		const middle = medians.get(v.gender);
		if (references.length === 0 && middle !== undefined && v.organisationId !== NATIONAL_ID)
			references.push({ kind: 'median', value: middle });
		const off = references.find((r) => spread(Math.abs(v.value / r.value)) >= limit);
		if (off) found.push({ value: v, reference: off, factor: Math.abs(v.value / off.value) });
	}
	return found;
}

/** "Storumans", "Kramfors" (a name ending in s, x or z takes no extra s). */
function genitive(name: string): string {
	return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function amount(value: number): string {
	return `${value < 0 ? '\u2212' : ''}${formatAmount(value, 'count')}`;
}

/** "omkring 1 000 gånger" when near a power of ten, otherwise "430 gånger". */
function timesText(factor: number): string {
	const magnitude = spread(factor);
	const power = Math.round(Math.log10(magnitude));
	const nearPower = Math.abs(Math.log10(magnitude) - power) < 0.25;
	return `${nearPower ? `omkring ${formatNumber(10 ** power)}` : formatNumber(magnitude)} gånger ${factor > 1 ? 'större' : 'mindre'}`;
}

/**
 * The finding in a Swedish sentence naming the row: "Rad 7, Storuman 2024:
 * 2,745 är omkring 1 000 gånger mindre än det sparade värdet för 2023 (2 745)."
 */
export function describeImplausible(
	issue: ImplausibleValue,
	names: ReadonlyMap<string, string>
): string {
	const v = issue.value;
	const name = names.get(v.organisationId) ?? v.organisationId;
	const who = `${name} ${v.year}${v.gender === 'T' ? '' : ` (${GENDER_LABELS[v.gender].toLowerCase()})`}`;
	const where = v.line !== undefined ? `Rad ${v.line}, ${who}` : who;
	const ref = issue.reference;
	const against =
		ref.kind === 'stored'
			? `${genitive(name)} sparade värde för ${ref.year} (${amount(ref.value)})`
			: ref.kind === 'import'
				? `${genitive(name)} värde för ${ref.year}${ref.line !== undefined ? ` på rad ${ref.line}` : ''} (${amount(ref.value)})`
				: `mittvärdet (medianen) av de importerade värdena (${amount(ref.value)})`;
	return `${where}: ${amount(v.value)} är ${timesText(issue.factor)} än ${against}.`;
}
