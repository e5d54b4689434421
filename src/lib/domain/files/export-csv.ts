import { UNIT_LABELS, seriesOf, type Indicator } from '../plan/indicator';
import type { Measurement } from '../figures/measurement';
import { GENDER_LABELS, MEASUREMENT_STATUS_LABELS } from '../figures/measurement';
import type { SubGoal } from '../plan/goal-tree';
import { formatCsv } from './csv';
import { formatMeasurementInput } from '../entry/measurement-input';
import { NATIONAL_ID, NATIONAL_KOMMUNKOD, NATIONAL_NAME, slug } from '../ids';
import { compareSwedish } from '../swedish-order';
import { guardText } from './spreadsheet-text';

export { guardText };

/**
 * Measurements as a CSV file that Swedish Excel opens correctly with a
 * double-click: semicolons, decimal comma, UTF-8 with BOM (or "Åsele" turns
 * into "Ã…sele"), CRLF line breaks. The columns are the ones the importer
 * reads, so an exported file can be edited and imported again.
 */

export const EXPORT_HEADER = [
	'Indikator-id',
	'Indikator',
	'Organisation-id',
	'Kommunkod',
	'Organisation',
	'År',
	'Kön',
	'Värde',
	'Enhet',
	'Status',
	'Källa',
	'Anteckning',
	'Ändrad av',
	'Ändrad'
] as const;

export type ExportIndicator = Pick<
	Indicator,
	'id' | 'seriesId' | 'name' | 'unit' | 'decimals' | 'order'
>;
export type ExportOrganisation = { name: string; kommunkod?: string };

const GENDER_ORDER = { T: 0, K: 1, M: 2 } as const;

export function measurementsToCsv(
	measurements: readonly Measurement[],
	indicators: readonly ExportIndicator[],
	organisations: ReadonlyMap<string, ExportOrganisation>
): string {
	// Values are stored by series; indicators of two plans may follow one series, and the first listed names its rows.
	const bySeries = new Map<string, ExportIndicator>();
	for (const i of indicators) if (!bySeries.has(seriesOf(i))) bySeries.set(seriesOf(i), i);
	const organisation = (id: string): ExportOrganisation =>
		id === NATIONAL_ID
			? { name: NATIONAL_NAME, kommunkod: NATIONAL_KOMMUNKOD }
			: (organisations.get(id) ?? { name: id });
	const rows = measurements
		.filter((m) => bySeries.has(m.indicatorId))
		.map((m) => ({
			m,
			indicator: bySeries.get(m.indicatorId)!,
			org: organisation(m.organisationId)
		}))
		.sort(
			(a, b) =>
				a.indicator.order - b.indicator.order ||
				compareSwedish(a.indicator.name, b.indicator.name) ||
				a.indicator.id.localeCompare(b.indicator.id) ||
				Number(b.m.organisationId === NATIONAL_ID) - Number(a.m.organisationId === NATIONAL_ID) ||
				compareSwedish(a.org.name, b.org.name) ||
				a.m.year - b.m.year ||
				GENDER_ORDER[a.m.gender] - GENDER_ORDER[b.m.gender]
		);
	const lines = rows.map(({ m, indicator, org }) => [
		indicator.id,
		guardText(indicator.name),
		m.organisationId,
		org.kommunkod ?? '',
		guardText(org.name),
		String(m.year),
		GENDER_LABELS[m.gender],
		typeof m.value === 'string' ? guardText(m.value) : formatMeasurementInput(m.value, indicator),
		UNIT_LABELS[indicator.unit],
		MEASUREMENT_STATUS_LABELS[m.status],
		guardText(m.source),
		guardText(m.note),
		guardText(m.updatedBy),
		m.updatedAt
	]);
	return '\uFEFF' + formatCsv([[...EXPORT_HEADER], ...lines], ';', '\r\n');
}

export type ExportScope =
	| { kind: 'indicator'; indicatorId: string }
	| { kind: 'goal'; goalId: string }
	| { kind: 'grouping' };

/** The indicators an export covers: one, those of a goal and its sub-goals, or all of the grouping's. */
export function indicatorsInScope<I extends Pick<Indicator, 'id' | 'goalId'>>(
	indicators: readonly I[],
	subGoals: readonly Pick<SubGoal, 'id' | 'goalId'>[],
	scope: ExportScope
): I[] {
	switch (scope.kind) {
		case 'indicator':
			return indicators.filter((i) => i.id === scope.indicatorId);
		case 'goal': {
			const goalIds = new Set([
				scope.goalId,
				...subGoals.filter((s) => s.goalId === scope.goalId).map((s) => s.id)
			]);
			return indicators.filter((i) => i.goalId !== undefined && goalIds.has(i.goalId));
		}
		case 'grouping':
			return [...indicators];
	}
}

/** "lagesbild-akademi-norr-arbetsloshet-2026-11-23.csv" */
export function exportFileName(
	parts: readonly string[],
	date: Date,
	extension: 'csv' | 'json'
): string {
	const day = date.toISOString().slice(0, 10);
	const name = ['lagesbild', ...parts.map((p) => slug(p)).filter((p) => p !== '')]
		.join('-')
		.slice(0, 120);
	return `${name}-${day}.${extension}`;
}
