import { MIN_YEAR } from '../common';
import { formatNumber } from '../format';
import { NATIONAL_KOMMUNKOD } from '../ids';
import { KoladaKpiId, type KoladaMissing } from './kolada';
import { GENDER_LABELS } from '../figures/measurement';

/**
 * The import page's rules that are not about the rows themselves: what may be
 * asked of Kolada, how large a file may be, which years a value may have, and
 * what the user is told when the import is done. Each refusal is a Swedish
 * sentence shown next to the form; a refused request changes nothing.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The years an imported value may have: from MIN_YEAR up to next year (plans and preliminary figures), as in the entry grid. */
export function importYears(thisYear: number): { min: number; max: number } {
	return { min: MIN_YEAR, max: thisYear + 1 };
}

/** A file is read whole into memory (and then parsed), so larger files are refused before reading. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** Why a file of this many bytes is not read, or null when it may be. */
export function fileSizeProblem(bytes: number): string | null {
	if (bytes <= MAX_IMPORT_FILE_BYTES) return null;
	const megabytes = (n: number) => n / 1024 / 1024;
	return `Filen är ${formatNumber(megabytes(bytes), 0)} MB; högst ${megabytes(MAX_IMPORT_FILE_BYTES)} MB kan läsas in. Dela upp den per indikator eller år.`;
}

/** A KPI id as typed ("n01951 ") made into Kolada's form ("N01951"), or why it is not one. */
export function readKoladaKpiId(text: string): Checked<string> {
	const kpi = KoladaKpiId.safeParse(text.trim().toUpperCase());
	return kpi.success
		? { ok: true, value: kpi.data }
		: { ok: false, problem: 'Kolada-id ska se ut som N01951.' };
}

/**
 * The years asked of Kolada, from and to inclusive: whole years from MIN_YEAR
 * to this year (Kolada has no figures for years not yet over), in order.
 */
export function koladaYears(fromYear: number, toYear: number, thisYear: number): Checked<number[]> {
	if (
		!Number.isInteger(fromYear) ||
		!Number.isInteger(toYear) ||
		fromYear < MIN_YEAR ||
		toYear > thisYear ||
		fromYear > toYear
	) {
		return {
			ok: false,
			problem: `Välj år mellan ${MIN_YEAR} och ${thisYear}, från och med det första till och med det sista.`
		};
	}
	return { ok: true, value: Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i) };
}

type Member = { id: string; name: string; kommunkod?: string };

/** The grouping's member municipalities by kommunkod, as Kolada names them (members without a kommunkod are not in Kolada). */
export function koladaMembers(
	members: Iterable<Member>,
	memberIds: ReadonlySet<string>
): Map<string, { id: string; name: string }> {
	return new Map(
		[...members].flatMap((m) =>
			m.kommunkod && memberIds.has(m.id) ? [[m.kommunkod, { id: m.id, name: m.name }] as const] : []
		)
	);
}

/** What Kolada is asked for: Riket (the national comparison value) and every member municipality. */
export function koladaMunicipalityCodes(
	members: Iterable<Member>,
	memberIds: ReadonlySet<string>
): string[] {
	return [NATIONAL_KOMMUNKOD, ...koladaMembers(members, memberIds).keys()];
}

/** A value Kolada does not have, for the preview: "Sorsele 2024 (kvinnor): Saknas". */
export function describeKoladaMissing(m: KoladaMissing): string {
	return `${m.name} ${m.year}${m.gender === 'T' ? '' : ` (${GENDER_LABELS[m.gender].toLowerCase()})`}${m.status ? `: ${m.status}` : ''}`;
}

/** What the user is told once an import is written: how many values, where, and how many from other sources were kept. */
export function importDoneMessage(
	result: { written: number; kept: number },
	indicatorName: string,
	sourceLabel: string
): string {
	const written = `${formatNumber(result.written)} ${result.written === 1 ? 'värde importerades' : 'värden importerades'}`;
	const kept =
		result.kept > 0
			? ` ${formatNumber(result.kept)} ${result.kept === 1 ? 'värde' : 'värden'} från andra källor behölls.`
			: '';
	return `${written} till ${indicatorName} (${sourceLabel}).${kept} De synkas till servern som andra ändringar.`;
}
