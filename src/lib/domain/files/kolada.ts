import * as z from 'zod/mini';
import type { Gender } from '../figures/measurement';
import { GENDER_LABELS } from '../figures/measurement';
import { MAX_YEAR, MIN_YEAR } from '../common';
import { measurementId, NATIONAL_ID, NATIONAL_KOMMUNKOD, NATIONAL_NAME } from '../ids';
import type { ImportedMeasurement, ImportSource } from './import-diff';
import { formatNumber } from '../format';
import { unitError, type ImportIndicator } from './measurement-import';
import { seriesOf } from '../plan/indicator';

/**
 * Kolada's API v3 (https://api.kolada.se/v3): the shape of its data answers
 * as it really sends them, and their mapping to Lägesbild's measurements.
 * Every answer is an envelope { values, count, next_url } (`count` may be
 * missing or null; v2 named the link `next_page`); one data row holds one
 * KPI, municipality and year (`period`, a number or a year as text) with an
 * entry per gender (T total, K women, M men). Rows may be flagged
 * `isdeleted`, and municipality-group rows ("G…" ids) come back when groups
 * are asked for. A null value is missing or confidential and stays missing:
 * it is never written, least of all as 0.
 */

export const KOLADA_ATTRIBUTION = 'Källa: Kolada';

export const KoladaKpiId = z
	.string()
	.check(z.regex(/^[A-Z]\d{5}$/, 'Kolada-id ska se ut som N01951'));

export const KoladaGenderValue = z.object({
	gender: z.enum(['T', 'K', 'M']),
	count: z.optional(z.nullable(z.number())),
	status: z.optional(z.nullable(z.string())),
	value: z.optional(z.nullable(z.number()))
});
export type KoladaGenderValue = z.infer<typeof KoladaGenderValue>;

export const KoladaDataRow = z.object({
	kpi: z.string().check(z.minLength(1)),
	/** Four-digit kommunkod as a string ("0114"); "0000" is Riket, "00" + county code a region, "G…" a municipality group. */
	municipality: z.string().check(z.minLength(1)),
	/** The year, as a number or as text ("2024"). */
	period: z.union([z.int(), z.string().check(z.regex(/^\d{4}$/))]),
	isdeleted: z.optional(z.nullable(z.boolean())),
	values: z.array(KoladaGenderValue)
});
export type KoladaDataRow = z.infer<typeof KoladaDataRow>;

export const KoladaEnvelope = z.object({
	values: z.array(KoladaDataRow),
	count: z.optional(z.nullable(z.int().check(z.nonnegative()))),
	/** The next page; absent, null or empty on the last. */
	next_url: z.optional(z.nullable(z.string())),
	/** v2's name for the same link; followed when `next_url` is absent. */
	next_page: z.optional(z.nullable(z.string()))
});
export type KoladaEnvelope = z.infer<typeof KoladaEnvelope>;

/** The link to the next page, or null on the last. */
export function nextPageLink(envelope: KoladaEnvelope): string | null {
	return envelope.next_url || envelope.next_page || null;
}

export type KoladaMissing = {
	organisationId: string;
	name: string;
	year: number;
	gender: Gender;
	status: string;
};

/** Rows not taken, by why; shown to the user as notes. */
export type KoladaSkipped = {
	/** Municipality-group ids ("G124007"): Kolada's own groups, not Lägesbild's. */
	groups: string[];
	/** Ids that are no Swedish municipality, region or group. */
	unknown: string[];
	deleted: number;
	notMember: number;
	/** Rows for a member in a year it was not one (the server would not keep them). */
	notMemberThatYear: number;
	otherArea: number;
	otherKpi: number;
	outOfRange: number;
};

export type KoladaMapping = {
	values: ImportedMeasurement[];
	/** Values Kolada gives as null: kept missing, listed so the user sees them. */
	missing: KoladaMissing[];
	/** Values that do not fit the indicator's unit: the import must not go ahead. */
	errors: string[];
	skipped: KoladaSkipped;
};

export type KoladaTarget = {
	indicator: ImportIndicator;
	kpiId: string;
	/** Member municipalities by kommunkod → organisation id and name. */
	members: ReadonlyMap<string, { id: string; name: string }>;
	/** Every Swedish kommunkod, to tell a municipality that is not a member from an id that is no municipality. */
	knownCodes: ReadonlySet<string>;
	/** Whether a member was one in a given year; rows for other years are counted in notMemberThatYear. */
	memberInYear?: (organisationId: string, year: number) => boolean;
	source: ImportSource;
};

const GROUP_ID = /^G\d+$/i;
const REGION_ID = /^00\d{2}$/;

/**
 * Turns Kolada rows into measurement values for one indicator: members and
 * Riket ("0000"), total only unless the indicator is split by gender.
 * Kolada's values are published statistics, so they are final.
 */
export function mapKoladaRows(rows: readonly KoladaDataRow[], target: KoladaTarget): KoladaMapping {
	const { indicator } = target;
	const skipped: KoladaSkipped = {
		groups: [],
		unknown: [],
		deleted: 0,
		notMember: 0,
		otherArea: 0,
		otherKpi: 0,
		outOfRange: 0,
		notMemberThatYear: 0
	};
	const result: KoladaMapping = { values: [], missing: [], errors: [], skipped };
	const seen = new Set<string>();
	for (const row of rows) {
		if (row.isdeleted === true) {
			skipped.deleted++;
			continue;
		}
		if (row.kpi !== target.kpiId) {
			skipped.otherKpi++;
			continue;
		}
		const code = row.municipality.trim();
		const organisation =
			code === NATIONAL_KOMMUNKOD
				? { id: NATIONAL_ID, name: NATIONAL_NAME }
				: target.members.get(code);
		if (!organisation) {
			if (GROUP_ID.test(code)) addOnce(skipped.groups, code);
			else if (target.knownCodes.has(code)) skipped.notMember++;
			else if (REGION_ID.test(code)) skipped.otherArea++;
			else addOnce(skipped.unknown, code);
			continue;
		}
		const year = Number(row.period);
		if (year < MIN_YEAR || year > MAX_YEAR) {
			skipped.outOfRange++;
			continue;
		}
		if (
			organisation.id !== NATIONAL_ID &&
			target.memberInYear &&
			!target.memberInYear(organisation.id, year)
		) {
			skipped.notMemberThatYear++;
			continue;
		}
		for (const entry of row.values) {
			if (entry.gender !== 'T' && !indicator.genderBreakdown) continue;
			const id = measurementId(seriesOf(indicator), organisation.id, year, entry.gender);
			if (seen.has(id)) continue;
			seen.add(id);
			if (entry.value === null || entry.value === undefined) {
				result.missing.push({
					organisationId: organisation.id,
					name: organisation.name,
					year,
					gender: entry.gender,
					status: entry.status ?? ''
				});
				continue;
			}
			const error =
				indicator.unit === 'text'
					? 'indikatorn har textvärden, Kolada ger tal'
					: unitError(entry.value, indicator);
			if (error) {
				const who = `${organisation.name} ${year}${entry.gender === 'T' ? '' : ` (${GENDER_LABELS[entry.gender].toLowerCase()})`}`;
				result.errors.push(
					`${who}: ${error} – stämmer Kolada-id ${target.kpiId} med indikatorns enhet?`
				);
				continue;
			}
			result.values.push({
				indicatorId: seriesOf(indicator),
				organisationId: organisation.id,
				year,
				gender: entry.gender,
				value: entry.value + 0,
				status: 'final',
				source: target.source.label
			});
		}
	}
	return result;
}

function addOnce(list: string[], id: string) {
	if (!list.includes(id)) list.push(id);
}

const countedRows = (n: number) => (n === 1 ? '1 rad' : `${formatNumber(n)} rader`);
const listed = (ids: readonly string[]) =>
	ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', ');

/** What was skipped, in Swedish sentences for the preview ("2 rader för kommungrupper (G124007) …"). */
export function describeKoladaSkipped(skipped: KoladaSkipped): string[] {
	const notes: string[] = [];
	if (skipped.groups.length > 0) {
		notes.push(
			`Kommungrupper (${listed(skipped.groups)}) hoppas över: det är Koladas egna grupper, och förbundets värde räknas fram ur medlemmarnas.`
		);
	}
	if (skipped.unknown.length > 0) {
		notes.push(
			`Okända kommunkoder (${listed(skipped.unknown)}) hoppas över: de finns inte bland Sveriges 290 kommuner.`
		);
	}
	if (skipped.deleted > 0)
		notes.push(
			`${countedRows(skipped.deleted)} som Kolada markerat som borttagna (isdeleted) hoppas över.`
		);
	if (skipped.notMember > 0)
		notes.push(`${countedRows(skipped.notMember)} för kommuner som inte är medlemmar hoppas över.`);
	if (skipped.notMemberThatYear > 0)
		notes.push(
			`${countedRows(skipped.notMemberThatYear)} för år då kommunen inte var medlem hoppas över.`
		);
	if (skipped.otherArea > 0)
		notes.push(`${countedRows(skipped.otherArea)} för län eller regioner hoppas över.`);
	if (skipped.otherKpi > 0)
		notes.push(`${countedRows(skipped.otherKpi)} för andra Kolada-id hoppas över.`);
	if (skipped.outOfRange > 0)
		notes.push(
			`${countedRows(skipped.outOfRange)} för år utanför ${MIN_YEAR}–${MAX_YEAR} hoppas över.`
		);
	return notes;
}

/** The KPI id an indicator is linked to, if its source is Kolada. */
export function linkedKpiId(source: { kind: string; kpiId?: string }): string | undefined {
	return source.kind === 'kolada' ? source.kpiId : undefined;
}
