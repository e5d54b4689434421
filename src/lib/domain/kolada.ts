import * as z from 'zod/mini';
import type { Gender } from './measurement';
import { GENDER_LABELS } from './measurement';
import { MAX_YEAR, MIN_YEAR } from './common';
import { measurementId, NATIONAL_ID, NATIONAL_KOMMUNKOD, NATIONAL_NAME } from './ids';
import type { ImportedMeasurement, ImportSource } from './import-diff';
import { unitError, type ImportIndicator } from './measurement-import';

/**
 * Kolada's API v3 (https://api.kolada.se/v3): the shape of its data answers
 * and their mapping to Lägesbild's measurements. Every answer is an envelope
 * { values, count, next_url }; one data row holds one KPI, municipality and
 * year with an entry per gender (T total, K women, M men). A null value is
 * missing or confidential and stays missing: it is never written, least of
 * all as 0.
 */

export const KOLADA_ATTRIBUTION = 'Källa: Kolada';

export const KoladaKpiId = z.string().check(z.regex(/^[A-Z]\d{5}$/, 'Kolada-id ska se ut som N01951'));

export const KoladaGenderValue = z.object({
	gender: z.enum(['T', 'K', 'M']),
	count: z.optional(z.nullable(z.int().check(z.nonnegative()))),
	status: z.optional(z.nullable(z.string())),
	value: z.nullable(z.number())
});
export type KoladaGenderValue = z.infer<typeof KoladaGenderValue>;

export const KoladaDataRow = z.object({
	kpi: z.string().check(z.minLength(1)),
	/** Four-digit kommunkod as a string ("0114"); "0000" is Riket, "00" + county code a region. */
	municipality: z.string().check(z.regex(/^\d{4}$/)),
	period: z.int(),
	values: z.array(KoladaGenderValue)
});
export type KoladaDataRow = z.infer<typeof KoladaDataRow>;

export const KoladaEnvelope = z.object({
	values: z.array(KoladaDataRow),
	count: z.int().check(z.nonnegative()),
	/** The next page; absent, null or empty on the last. */
	next_url: z.optional(z.nullable(z.string()))
});
export type KoladaEnvelope = z.infer<typeof KoladaEnvelope>;

export type KoladaMissing = { organisationId: string; name: string; year: number; gender: Gender; status: string };

export type KoladaMapping = {
	values: ImportedMeasurement[];
	/** Values Kolada gives as null: kept missing, listed so the user sees them. */
	missing: KoladaMissing[];
	/** Values that do not fit the indicator's unit: the import must not go ahead. */
	errors: string[];
	/** Rows for other KPIs, municipalities that are not members, or years outside the app's range. */
	ignored: number;
};

export type KoladaTarget = {
	indicator: ImportIndicator;
	kpiId: string;
	/** Member municipalities by kommunkod → organisation id and name. */
	members: ReadonlyMap<string, { id: string; name: string }>;
	source: ImportSource;
};

/**
 * Turns Kolada rows into measurement values for one indicator: members and
 * Riket ("0000"), total only unless the indicator is split by gender.
 * Kolada's values are published statistics, so they are final.
 */
export function mapKoladaRows(rows: readonly KoladaDataRow[], target: KoladaTarget): KoladaMapping {
	const { indicator } = target;
	const result: KoladaMapping = { values: [], missing: [], errors: [], ignored: 0 };
	const seen = new Set<string>();
	for (const row of rows) {
		const organisation =
			row.municipality === NATIONAL_KOMMUNKOD ? { id: NATIONAL_ID, name: NATIONAL_NAME } : target.members.get(row.municipality);
		if (row.kpi !== target.kpiId || !organisation || row.period < MIN_YEAR || row.period > MAX_YEAR) {
			result.ignored++;
			continue;
		}
		for (const entry of row.values) {
			if (entry.gender !== 'T' && !indicator.genderBreakdown) continue;
			const id = measurementId(indicator.id, organisation.id, row.period, entry.gender);
			if (seen.has(id)) continue;
			seen.add(id);
			if (entry.value === null) {
				result.missing.push({ organisationId: organisation.id, name: organisation.name, year: row.period, gender: entry.gender, status: entry.status ?? '' });
				continue;
			}
			const error = indicator.unit === 'text' ? 'indikatorn har textvärden, Kolada ger tal' : unitError(entry.value, indicator.unit);
			if (error) {
				const who = `${organisation.name} ${row.period}${entry.gender === 'T' ? '' : ` (${GENDER_LABELS[entry.gender].toLowerCase()})`}`;
				result.errors.push(`${who}: ${error} – stämmer Kolada-id ${target.kpiId} med indikatorns enhet?`);
				continue;
			}
			result.values.push({
				indicatorId: indicator.id,
				organisationId: organisation.id,
				year: row.period,
				gender: entry.gender,
				value: entry.value + 0,
				status: 'final',
				source: target.source.label
			});
		}
	}
	return result;
}

/** The KPI id an indicator is linked to, if its source is Kolada. */
export function linkedKpiId(source: { kind: string; kpiId?: string }): string | undefined {
	return source.kind === 'kolada' ? source.kpiId : undefined;
}
