import type { Assessment } from './assessment';
import { seriesOf, type Indicator } from '../plan/indicator';
import type { Measurement } from './measurement';
import { measurementId } from '../ids';
import { isPastDeadline, type ReportingRound } from '../entry/reporting-round';
import { cellStateOf, type CellState } from '../entry/review';
import { newerValueThan } from './assessment-staleness';

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

export type Tally = { expected: number; reported: number; share: number } & Record<
	CellState,
	number
>;

export type CompletenessRow = {
	organisationId: string;
	cells: (CompletenessCell | null)[];
	tally: Tally;
};
export type CompletenessColumn = { indicator: Indicator; tally: Tally };
/**
 * A goal's assessment for the round's year: missing (none, or one saved
 * without a judgement), written (awaiting the admins), returned with a
 * comment, approved, or stale (a value it judged changed after the
 * analysis was written, assessment-staleness.ts: it needs a look, even
 * when approved).
 */
export type AssessmentState = 'missing' | 'written' | 'returned' | 'stale' | 'approved';
export type AssessmentCell = {
	goalId: string;
	state: AssessmentState;
	late: boolean;
	assessment: Assessment | undefined;
	/** When a value the assessment judged changed after it was written; null unless stale. */
	staleSince: string | null;
};
/** How many of the round's goals are assessed (anything but missing), and how many of those are approved, returned and stale. */
export type AssessmentTally = {
	assessed: number;
	expected: number;
	approved: number;
	returned: number;
	stale: number;
};

export type Completeness = {
	/** One row per member of the round, and one for the grouping itself when an indicator is the grouping's own. */
	rows: CompletenessRow[];
	columns: CompletenessColumn[];
	total: Tally;
	assessments: AssessmentCell[];
	assessmentTally: AssessmentTally;
	pastDeadline: boolean;
};

export type CompletenessInput = {
	round: ReportingRound;
	/** The round's indicators, in the order the matrix shows them. */
	indicators: readonly Indicator[];
	/** Values of the round's year (others are ignored). */
	measurements: readonly Measurement[];
	assessments: readonly Assessment[];
	/**
	 * The series each goal's assessment judges (judgedSeries): a written
	 * assessment is stale when one of their values in `measurements`, for the
	 * year or before, changed after it. Without it no assessment is stale.
	 */
	judgedSeries?: ReadonlyMap<string, ReadonlySet<string>>;
	/** YYYY-MM-DD. */
	today: string;
};

const REPORTED: ReadonlySet<CellState> = new Set(['submitted', 'approved']);

export function emptyTally(): Tally {
	return {
		expected: 0,
		reported: 0,
		share: 0,
		missing: 0,
		entered: 0,
		submitted: 0,
		returned: 0,
		approved: 0
	};
}

function count(tally: Tally, cell: CompletenessCell): void {
	tally.expected++;
	tally[cell.state]++;
	if (REPORTED.has(cell.state)) tally.reported++;
	tally.share = tally.reported / tally.expected;
}

/** Member-scope indicators are expected from each member; a grouping-scope one only from the grouping. */
function isExpected(indicator: Indicator, organisationId: string, round: ReportingRound): boolean {
	return indicator.scope === 'grouping'
		? organisationId === round.groupingId
		: organisationId !== round.groupingId;
}

export function roundCompleteness(input: CompletenessInput): Completeness {
	const { round } = input;
	const pastDeadline = isPastDeadline(round, input.today) && !round.locked;
	const byId = new Map(
		input.measurements.filter((m) => m.year === round.year).map((m) => [m.id, m])
	);
	const organisations = input.indicators.some((i) => i.scope === 'grouping')
		? [...round.memberIds, round.groupingId]
		: [...round.memberIds];
	const columns: CompletenessColumn[] = input.indicators.map((indicator) => ({
		indicator,
		tally: emptyTally()
	}));
	const total = emptyTally();
	const rows = organisations.map((organisationId) => {
		const tally = emptyTally();
		const cells = input.indicators.map((indicator, column) => {
			if (!isExpected(indicator, organisationId, round)) return null;
			const id = measurementId(seriesOf(indicator), organisationId, round.year, 'T');
			const measurement = byId.get(id);
			const state = cellStateOf(measurement);
			const cell: CompletenessCell = {
				organisationId,
				indicatorId: indicator.id,
				measurementId: id,
				state,
				late: pastDeadline && !REPORTED.has(state),
				measurement
			};
			for (const t of [tally, columns[column].tally, total]) count(t, cell);
			return cell;
		});
		return { organisationId, cells, tally };
	});
	const assessments = round.goalIds.map((goalId): AssessmentCell => {
		const assessment = input.assessments.find((a) => a.goalId === goalId && a.year === round.year);
		if (!assessment || assessment.status === 'notAssessed')
			return { goalId, state: 'missing', late: pastDeadline, assessment, staleSince: null };
		const staleSince = newerValueThan(
			assessment,
			input.judgedSeries?.get(goalId) ?? new Set(),
			input.measurements
		);
		const reviewed = assessment.review?.state;
		const state: AssessmentState =
			reviewed === 'returned'
				? 'returned'
				: staleSince
					? 'stale'
					: reviewed === 'approved'
						? 'approved'
						: 'written';
		return { goalId, state, late: false, assessment, staleSince };
	});
	const inState = (state: AssessmentState) => assessments.filter((a) => a.state === state).length;
	const assessmentTally: AssessmentTally = {
		assessed: assessments.length - inState('missing'),
		expected: assessments.length,
		approved: inState('approved'),
		returned: inState('returned'),
		stale: inState('stale')
	};
	return { rows, columns, total, assessments, assessmentTally, pastDeadline };
}

/** The cells that still need something from the reporter: missing, entered but not submitted, or returned. */
export function isOutstanding(cell: CompletenessCell): boolean {
	return !REPORTED.has(cell.state);
}

/**
 * A value the reporter may send in with "Skicka in": entered and not yet
 * sent, or returned and corrected (a returned value that was cleared has
 * nothing to send).
 */
export function isSubmittable(cell: Pick<CompletenessCell, 'state' | 'measurement'>): boolean {
	return (
		cell.state === 'entered' ||
		(cell.state === 'returned' &&
			cell.measurement !== undefined &&
			cell.measurement.value !== null &&
			cell.measurement.value !== '')
	);
}

/** The cells of a row that "Skicka in" sends. */
export function submittableCells(cells: readonly (CompletenessCell | null)[]): CompletenessCell[] {
	return cells.filter((c): c is CompletenessCell => c !== null && isSubmittable(c));
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

/** A tally as the round page says it: "12 av 18 inskickade (66 %)". */
export function submittedTallyText(tally: Tally): string {
	return `${tally.reported} av ${tally.expected} inskickade (${sharePercent(tally)} %)`;
}

export const ASSESSMENT_STATE_LABELS: Record<AssessmentState, string> = {
	missing: 'Saknas',
	written: 'Skriven, väntar på godkännande',
	returned: 'Återsänd',
	stale: 'Inaktuell',
	approved: 'Godkänd'
};

/** What an editor's link to a goal's assessment says, by where the assessment stands. */
export const ASSESSMENT_ACTION_LABELS: Record<AssessmentState, string> = {
	missing: 'Skriv bedömningen',
	written: 'Ändra bedömningen',
	returned: 'Rätta bedömningen',
	stale: 'Uppdatera bedömningen',
	approved: 'Visa bedömningen'
};

/** "4 av 9 mål bedömda", with where they stand: "…: 2 godkända, 1 återsänd, 1 inaktuell". */
export function assessmentTallyText(t: AssessmentTally): string {
	const base = `${t.assessed} av ${t.expected} mål ${t.assessed === 1 ? 'bedömt' : 'bedömda'}`;
	const parts = [
		[t.approved, 'godkänd', 'godkända'],
		[t.returned, 'återsänd', 'återsända'],
		[t.stale, 'inaktuell', 'inaktuella']
	] as const;
	const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
	return said.length === 0 ? base : `${base}: ${said.join(', ')}`;
}
