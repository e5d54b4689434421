import type { Assessment } from './assessment';
import type { Indicator } from './indicator';
import type { Measurement } from './measurement';
import { measurementId } from './ids';
import { isPastDeadline, type ReportingRound } from './reporting-round';
import { cellStateOf, type CellState } from './review';

/**
 * How far a reporting round has come, member × indicator, computed from the
 * local store alone so it works offline. A cell counts as reported once it
 * is submitted or approved (DHIS2's reporting rate: reports received over
 * reports expected); after the deadline every cell not yet reported is late.
 */

export type CompletenessCell = {
	organisationId: string;
	indicatorId: string;
	/** The measurement id of the cell's value (gender T), whether or not it exists yet. */
	measurementId: string;
	state: CellState;
	late: boolean;
	measurement: Measurement | undefined;
};

export type Tally = { expected: number; reported: number; share: number } & Record<CellState, number>;

export type CompletenessRow = { organisationId: string; cells: (CompletenessCell | null)[]; tally: Tally };
export type CompletenessColumn = { indicator: Indicator; tally: Tally };
export type AssessmentCell = { goalId: string; state: 'missing' | 'entered'; late: boolean; assessment: Assessment | undefined };

export type Completeness = {
	/** One row per member of the round, and one for the grouping itself when an indicator is the grouping's own. */
	rows: CompletenessRow[];
	columns: CompletenessColumn[];
	total: Tally;
	assessments: AssessmentCell[];
	pastDeadline: boolean;
};

export type CompletenessInput = {
	round: ReportingRound;
	/** The round's indicators, in the order the matrix shows them. */
	indicators: readonly Indicator[];
	/** Values of the round's year (others are ignored). */
	measurements: readonly Measurement[];
	assessments: readonly Assessment[];
	/** YYYY-MM-DD. */
	today: string;
};

const REPORTED: ReadonlySet<CellState> = new Set(['submitted', 'approved']);

export function emptyTally(): Tally {
	return { expected: 0, reported: 0, share: 0, missing: 0, entered: 0, submitted: 0, returned: 0, approved: 0 };
}

function count(tally: Tally, cell: CompletenessCell): void {
	tally.expected++;
	tally[cell.state]++;
	if (REPORTED.has(cell.state)) tally.reported++;
	tally.share = tally.reported / tally.expected;
}

/** Member-scope indicators are expected from each member; a grouping-scope one only from the grouping. */
function isExpected(indicator: Indicator, organisationId: string, round: ReportingRound): boolean {
	return indicator.scope === 'grouping' ? organisationId === round.groupingId : organisationId !== round.groupingId;
}

export function roundCompleteness(input: CompletenessInput): Completeness {
	const { round } = input;
	const pastDeadline = isPastDeadline(round, input.today) && !round.locked;
	const byId = new Map(input.measurements.filter((m) => m.year === round.year).map((m) => [m.id, m]));
	const organisations = input.indicators.some((i) => i.scope === 'grouping') ? [...round.memberIds, round.groupingId] : [...round.memberIds];
	const columns: CompletenessColumn[] = input.indicators.map((indicator) => ({ indicator, tally: emptyTally() }));
	const total = emptyTally();
	const rows = organisations.map((organisationId) => {
		const tally = emptyTally();
		const cells = input.indicators.map((indicator, column) => {
			if (!isExpected(indicator, organisationId, round)) return null;
			const id = measurementId(indicator.id, organisationId, round.year, 'T');
			const measurement = byId.get(id);
			const state = cellStateOf(measurement);
			const cell: CompletenessCell = { organisationId, indicatorId: indicator.id, measurementId: id, state, late: pastDeadline && !REPORTED.has(state), measurement };
			for (const t of [tally, columns[column].tally, total]) count(t, cell);
			return cell;
		});
		return { organisationId, cells, tally };
	});
	const assessments = round.goalIds.map((goalId) => {
		const assessment = input.assessments.find((a) => a.goalId === goalId && a.year === round.year);
		const state = assessment && assessment.status !== 'notAssessed' ? 'entered' : 'missing';
		return { goalId, state, late: pastDeadline && state === 'missing', assessment } satisfies AssessmentCell;
	});
	return { rows, columns, total, assessments, pastDeadline };
}

/** The cells that still need something from the reporter: missing, entered but not submitted, or returned. */
export function isOutstanding(cell: CompletenessCell): boolean {
	return !REPORTED.has(cell.state);
}

/** Rows and cells narrowed to what is outstanding ("visa bara det som saknas"); fully reported rows drop out. */
export function outstandingOnly(completeness: Completeness): CompletenessRow[] {
	return completeness.rows
		.map((row) => ({ ...row, cells: row.cells.map((c) => (c && isOutstanding(c) ? c : null)) }))
		.filter((row) => row.cells.some((c) => c !== null));
}

/** "67 %" style share of a tally, rounded down so 99,6 % never reads as complete. */
export function sharePercent(tally: Tally): number {
	return tally.expected === 0 ? 100 : Math.floor(tally.share * 100);
}
