import type { ParsedCsv, TextEncodingName } from './csv';
import type { ImportedMeasurement, ImportSource } from './import-diff';
import type { FormatOption, NumberFormat } from './number-format';
import {
	describeDialect,
	readMeasurementTable,
	SKIP_LABELS,
	type ImportIndicator,
	type ImportTarget,
	type SkipReason
} from './measurement-import';
import {
	describeKoladaSkipped,
	mapKoladaRows,
	type KoladaDataRow,
	type KoladaMissing,
	type KoladaTarget
} from './kolada';
import {
	describeImplausible,
	findImplausibleValues,
	type StoredValue
} from './import-plausibility';
import { formatNumber } from '../format';

/**
 * What an import would do, before the comparison with the store: the values
 * read from a file or fetched from Kolada, what stops them, and what the user
 * is told about them. The import page shows a plan; nothing is written until
 * it has no errors, no open question, and any implausible value is confirmed.
 */
export type ImportPlan = {
	source: ImportSource;
	values: ImportedMeasurement[];
	/** Row errors (file) or values that do not fit (Kolada): the import waits until there are none. */
	errors: string[];
	/** What makes a whole file unusable (no municipality column, …). */
	fileErrors: string[];
	/** Rows skipped on purpose, in sentences. */
	notes: string[];
	missing: KoladaMissing[];
	/** One line on what was read: the file's format in words, or the rows Kolada gave. */
	details: string;
	valueColumns: string[];
	valueColumn: string | null;
	/** The value column reads in several ways that give different numbers: the user must pick one. */
	formatQuestion: { options: FormatOption[]; chosen: NumberFormat | null } | null;
	/** Values about a thousand times off what they are compared with, in sentences naming the rows; confirmed or nothing is written. */
	implausible: string[];
};

export type PlanContext = {
	/** The indicator's stored values, to judge what the import brings. */
	stored: readonly StoredValue[];
	/** Organisation id → name, for the sentences. */
	names: ReadonlyMap<string, string>;
};

function implausibleOf(
	values: readonly ImportedMeasurement[],
	indicator: ImportIndicator,
	context: PlanContext
): string[] {
	return findImplausibleValues(values, context.stored, indicator.unit).map((issue) =>
		describeImplausible(issue, context.names)
	);
}

export type PendingFile = { name: string; encoding: TextEncodingName; parsed: ParsedCsv };

export function planFileImport(
	file: PendingFile,
	target: ImportTarget,
	choices: { valueColumn?: string; numberFormat?: NumberFormat },
	context: PlanContext
): ImportPlan {
	const table = readMeasurementTable(file.parsed, target, choices);
	const skipped = (Object.entries(table.skipped) as [SkipReason, number][]).filter(
		([, count]) => count > 0
	);
	return {
		source: target.source,
		values: table.values,
		errors: table.errors.map((e) => e.message),
		fileErrors: table.fileErrors,
		notes:
			skipped.length > 0
				? [
						`Hoppar över: ${skipped.map(([reason, count]) => `${formatNumber(count)} ${SKIP_LABELS[reason]}`).join('; ')}.`
					]
				: [],
		missing: [],
		details: `${file.name}: ${describeDialect(table, file.encoding)}, ${formatNumber(table.rowCount)} rader.`,
		valueColumns: table.columns.valueCandidates.map((j) => table.columns.header[j]),
		valueColumn: table.valueColumn,
		formatQuestion: table.formatQuestion,
		implausible: implausibleOf(table.values, target.indicator, context)
	};
}

export function planKoladaImport(
	rows: readonly KoladaDataRow[],
	target: KoladaTarget,
	context: PlanContext
): ImportPlan {
	const mapping = mapKoladaRows(rows, target);
	return {
		source: target.source,
		values: mapping.values,
		errors: mapping.errors,
		fileErrors: [],
		notes: describeKoladaSkipped(mapping.skipped),
		missing: mapping.missing,
		details: `Kolada ${target.kpiId}: ${formatNumber(rows.length)} rader hämtade.`,
		valueColumns: [],
		valueColumn: null,
		formatQuestion: null,
		implausible: implausibleOf(mapping.values, target.indicator, context)
	};
}

/** Why the plan cannot be imported as it stands, in Swedish; null when only the user's confirmation is left. */
export function planBlockedReason(plan: ImportPlan, kind: 'file' | 'kolada'): string | null {
	if (plan.fileErrors.length > 0) return 'Filen kan inte importeras (se ovan).';
	if (plan.formatQuestion && !plan.formatQuestion.chosen)
		return 'Välj först hur talen i filen ska läsas (se ovan).';
	if (plan.errors.length > 0) {
		const rows = plan.errors.length === 1 ? 'rad har fel' : 'rader har fel';
		const fix =
			kind === 'file' ? 'filen och läs in den igen' : 'Kolada-id eller välj en annan indikator';
		return `${formatNumber(plan.errors.length)} ${rows}. Importen görs helt eller inte alls: rätta ${fix}.`;
	}
	return null;
}
