import type { Assessment } from '../figures/assessment';
import type { Measurement, MeasurementValue } from '../figures/measurement';
import type { ConflictingValue } from './sync-protocol';

/**
 * Resolving a conflict. Two devices changed the same value from the same
 * starting point: the server kept the first that arrived (the row) and
 * keeps the other beside it (`conflicts`). Whoever sees it picks one, or
 * types a new value; that choice is an ordinary edit based on the row's
 * current revision, which the server records as the resolution. The entry
 * grid and the conflict inbox both resolve through these rules.
 */

/** Which value the person chose: the row's own, one of the competing values (by its edit's id), or a new one. */
export type ConflictChoice =
	| { kind: 'current' }
	| { kind: 'candidate'; mutationId: string }
	| { kind: 'new'; value: MeasurementValue };

/** What a resolution writes to a value: the chosen edit's value with its own status, note and source. */
export type MeasurementResolution = Pick<Measurement, 'value' | 'status' | 'note' | 'source'>;

/** What a resolution writes to an assessment: the chosen judgement and analysis. */
export type AssessmentResolution = Pick<Assessment, 'status' | 'step' | 'analysis'>;

/** A conflict offered for a choice names every value in it: the row's first, then the competing ones in order. */
export type ConflictOption = { choice: ConflictChoice; value: unknown; by: string; at: string };

export function conflictOptions(
	current: { value: unknown; updatedBy: string; updatedAt: string },
	conflicts: readonly ConflictingValue[]
): ConflictOption[] {
	return [
		{
			choice: { kind: 'current' },
			value: current.value,
			by: current.updatedBy,
			at: current.updatedAt
		},
		...conflicts.map((c) => ({
			choice: { kind: 'candidate', mutationId: c.mutationId } as const,
			value: c.value,
			by: c.by,
			at: c.at
		}))
	];
}

export class UnknownConflictChoiceError extends Error {
	constructor() {
		super(
			'Det valda värdet finns inte längre i konflikten. Den kan redan ha lösts på en annan enhet; synka och titta igen.'
		);
		this.name = 'UnknownConflictChoiceError';
	}
}

function candidateRow<T>(conflicts: readonly ConflictingValue[], mutationId: string): T {
	const found = conflicts.find((c) => c.mutationId === mutationId);
	if (!found) throw new UnknownConflictChoiceError();
	return found.row as T;
}

/**
 * A measurement's resolution. A competing value brings the status, note and
 * source its author gave it; a new value keeps the row's status and note and
 * is the person's own figure.
 */
export function measurementResolution(
	row: Measurement,
	conflicts: readonly ConflictingValue[],
	choice: ConflictChoice
): MeasurementResolution {
	switch (choice.kind) {
		case 'current':
			return { value: row.value, status: row.status, note: row.note, source: row.source };
		case 'candidate': {
			const chosen = candidateRow<Measurement>(conflicts, choice.mutationId);
			return {
				value: chosen.value,
				status: chosen.status,
				note: chosen.note,
				source: chosen.source
			};
		}
		case 'new':
			return {
				value: choice.value,
				status: row.status,
				note: row.note,
				source: 'Manuellt inmatat'
			};
	}
}

/** An assessment's resolution: the chosen status and analysis (a new judgement is written in the assessment form). */
export function assessmentResolution(
	row: Assessment,
	conflicts: readonly ConflictingValue[],
	choice: Exclude<ConflictChoice, { kind: 'new' }>
): AssessmentResolution {
	if (choice.kind === 'current')
		return { status: row.status, step: row.step, analysis: row.analysis };
	const chosen = candidateRow<Assessment>(conflicts, choice.mutationId);
	return { status: chosen.status, step: chosen.step, analysis: chosen.analysis };
}

type ConflictKey = Pick<Measurement, 'indicatorId' | 'organisationId' | 'year' | 'gender'>;

/**
 * The years each organisation has an open conflict in, for one series and
 * gender: what a chart, ranking or table of that indicator marks.
 */
export function conflictYearsByOrganisation(
	rows: readonly ConflictKey[],
	seriesId: string,
	gender: Measurement['gender']
): Map<string, Set<number>> {
	const years = new Map<string, Set<number>>();
	for (const row of rows) {
		if (row.indicatorId !== seriesId || row.gender !== gender) continue;
		years.set(row.organisationId, (years.get(row.organisationId) ?? new Set()).add(row.year));
	}
	return years;
}

/** How many open conflicts each series has (every organisation, year and gender). */
export function conflictCountBySeries(
	rows: readonly Pick<Measurement, 'indicatorId'>[]
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.indicatorId, (counts.get(row.indicatorId) ?? 0) + 1);
	return counts;
}

/** The years of each series in which one organisation's value has an open conflict (any gender): what its page marks. */
export function conflictYearsBySeries(
	rows: readonly ConflictKey[],
	organisationId: string
): Map<string, Set<number>> {
	const years = new Map<string, Set<number>>();
	for (const row of rows) {
		if (row.organisationId === organisationId)
			years.set(row.indicatorId, (years.get(row.indicatorId) ?? new Set()).add(row.year));
	}
	return years;
}

/** "2024", "2023, 2024". */
export function yearsText(years: ReadonlySet<number>): string {
	return [...years].sort((a, b) => a - b).join(', ');
}
