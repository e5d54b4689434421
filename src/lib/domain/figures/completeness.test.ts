import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	roundCompleteness,
	outstandingOnly,
	sharePercent,
	isSubmittable,
	submittableCells,
	assessmentTallyText,
	submittedTallyText,
	type CompletenessInput
} from './completeness';
import type { Assessment } from './assessment';
import { judgedSeries } from './assessment-staleness';
import type { Indicator } from '../plan/indicator';
import { testIndicator } from '../test-indicator';
import type { Measurement } from './measurement';
import { measurementId } from '../ids';
import { roundId, type ReportingRound } from '../entry/reporting-round';
import type { CellState, ReviewState } from '../entry/review';

const indicator = (id: string, scope: Indicator['scope'] = 'members'): Indicator =>
	testIndicator(id, { scope });

const round = (memberIds: string[], extra: Partial<ReportingRound> = {}): ReportingRound => ({
	id: roundId('f', 2025),
	groupingId: 'f',
	year: 2025,
	indicatorIds: [],
	memberIds,
	goalIds: [],
	deadline: '2026-03-15',
	reportedBy: 'reporters',
	locked: false,
	log: [],
	...extra
});

const value = (
	indicatorId: string,
	organisationId: string,
	state: CellState,
	year = 2025
): Measurement => ({
	id: measurementId(indicatorId, organisationId, year, 'T'),
	indicatorId,
	organisationId,
	year,
	gender: 'T',
	value: state === 'missing' ? null : 12.5,
	status: 'preliminary',
	note: '',
	source: '',
	updatedBy: 'x',
	updatedAt: '2026-02-01T00:00:00.000Z',
	exampleData: false,
	review:
		state === 'missing' || state === 'entered'
			? undefined
			: { state: state as ReviewState, comment: '', by: 'x', at: '2026-02-01T00:00:00.000Z' }
});

describe('roundCompleteness', () => {
	const input: CompletenessInput = {
		round: round(['a', 'b'], { goalIds: ['g1'] }),
		indicators: [indicator('i1'), indicator('i2'), indicator('own', 'grouping')],
		measurements: [
			value('i1', 'a', 'submitted'),
			value('i2', 'a', 'approved'),
			value('i1', 'b', 'returned'),
			value('i2', 'b', 'entered', 2024),
			value('own', 'f', 'entered')
		],
		assessments: [],
		today: '2026-03-15'
	};

	it('counts each member and indicator, and the grouping only for its own indicators', () => {
		const c = roundCompleteness(input);
		expect(c.rows.map((r) => r.organisationId)).toEqual(['a', 'b', 'f']);
		expect(c.rows[0].tally).toMatchObject({ expected: 2, reported: 2, share: 1 });
		expect(c.rows[1].cells.map((x) => x?.state)).toEqual(['returned', 'missing', undefined]);
		expect(c.rows[2].cells.map((x) => x?.state)).toEqual([undefined, undefined, 'entered']);
		expect(c.columns.map((col) => sharePercent(col.tally))).toEqual([50, 50, 0]);
		expect(c.total).toMatchObject({
			expected: 5,
			reported: 2,
			missing: 1,
			entered: 1,
			submitted: 1,
			returned: 1,
			approved: 1
		});
		expect(c.assessments).toEqual([
			{ goalId: 'g1', state: 'missing', late: false, assessment: undefined, staleSince: null }
		]);
		expect(c.assessmentTally).toEqual({
			assessed: 0,
			expected: 1,
			approved: 0,
			returned: 0,
			stale: 0
		});
	});

	it('marks what is not reported as late after the deadline day, and nothing once the round is locked', () => {
		const late = roundCompleteness({ ...input, today: '2026-03-16' });
		expect(late.rows[1].cells.map((x) => x?.late)).toEqual([true, true, undefined]);
		expect(late.rows[0].cells.every((x) => !x?.late)).toBe(true);
		expect(
			roundCompleteness({ ...input, round: { ...input.round, locked: true }, today: '2026-04-01' })
				.rows[1].cells[0]?.late
		).toBe(false);
	});

	it('says a tally as submitted of expected, with the share rounded down', () => {
		const c = roundCompleteness(input);
		expect(submittedTallyText(c.total)).toBe('2 av 5 inskickade (40 %)');
		expect(submittedTallyText(c.rows[0].tally)).toBe('2 av 2 inskickade (100 %)');
		expect(submittedTallyText({ ...c.total, expected: 3, reported: 2, share: 2 / 3 })).toBe(
			'2 av 3 inskickade (66 %)'
		);
	});

	it('narrows to what is outstanding', () => {
		const rows = outstandingOnly(roundCompleteness(input));
		expect(rows.map((r) => r.organisationId)).toEqual(['b', 'f']);
		expect(rows[0].cells.map((x) => x?.state ?? null)).toEqual(['returned', 'missing', null]);
	});

	it('property: the tallies of rows, of columns and the total agree on generated rounds', () => {
		const states = fc.constantFrom<CellState>(
			'missing',
			'entered',
			'submitted',
			'returned',
			'approved'
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 8 }),
				fc.array(fc.option(states), { minLength: 96, maxLength: 96 }),
				(members, indicators, cells) => {
					const memberIds = Array.from({ length: members }, (_, i) => `m${i}`);
					const inds = Array.from({ length: indicators }, (_, i) => indicator(`i${i}`));
					const measurements = memberIds.flatMap((m, r) =>
						inds.flatMap((ind, c) => {
							const state = cells[r * 8 + c];
							return state === null ? [] : [value(ind.id, m, state)];
						})
					);
					const c = roundCompleteness({
						round: round(memberIds),
						indicators: inds,
						measurements,
						assessments: [],
						today: '2026-01-01'
					});
					const sum = (
						key: 'expected' | 'reported' | CellState,
						tallies: { tally: Record<string, number> }[]
					) => tallies.reduce((s, t) => s + t.tally[key], 0);
					expect(c.total.expected).toBe(members * indicators);
					for (const key of [
						'expected',
						'reported',
						'missing',
						'entered',
						'submitted',
						'returned',
						'approved'
					] as const) {
						expect(sum(key, c.rows)).toBe(c.total[key]);
						expect(sum(key, c.columns)).toBe(c.total[key]);
					}
					expect(c.total.reported).toBe(c.total.submitted + c.total.approved);
					expect(
						c.total.missing +
							c.total.entered +
							c.total.submitted +
							c.total.returned +
							c.total.approved
					).toBe(c.total.expected);
					expect(sharePercent(c.total)).toBe(
						Math.floor((100 * c.total.reported) / c.total.expected)
					);
				}
			)
		);
	});
});

describe('what "Skicka in" sends', () => {
	const cell = (state: CellState, v: number | null = 12.5) => ({
		state,
		measurement:
			state === 'missing' && v === null ? undefined : { ...value('a', 'k', state), value: v }
	});

	it('entered values, and returned values that have a value again; nothing sent, approved or missing', () => {
		expect(isSubmittable(cell('entered'))).toBe(true);
		expect(isSubmittable(cell('returned'))).toBe(true);
		expect(isSubmittable(cell('returned', null))).toBe(false);
		for (const state of ['missing', 'submitted', 'approved'] as const)
			expect(isSubmittable(cell(state, null))).toBe(false);
	});

	it('picks them out of a row of the matrix, skipping cells that do not apply', () => {
		const c = roundCompleteness({
			round: round(['k1'], { indicatorIds: ['a', 'b', 'g'] }),
			indicators: [indicator('a'), indicator('b'), indicator('g', 'grouping')],
			measurements: [value('a', 'k1', 'entered'), value('b', 'k1', 'approved')],
			assessments: [],
			today: '2026-01-01'
		});
		expect(submittableCells(c.rows[0].cells).map((x) => x.indicatorId)).toEqual(['a']);
	});
});

describe("the round's goal assessments", () => {
	const assessment = (goalId: string, extra: Partial<Assessment> = {}): Assessment => ({
		id: `a:${goalId}:2025`,
		goalId,
		year: 2025,
		status: 'onTrack',
		analysis: 'Analys',
		updatedBy: 'Erik',
		updatedAt: '2026-02-15T00:00:00.000Z',
		exampleData: false,
		...extra
	});
	// g1 is measured by i1 (on its sub-goal), g2 by i2; g3 and g4 have no indicators.
	const indicators = [testIndicator('i1', { goalId: 's1' }), testIndicator('i2', { goalId: 'g2' })];
	const goalIds = ['g1', 'g2', 'g3', 'g4', 'g5'];
	const input: CompletenessInput = {
		round: round(['a'], { goalIds, indicatorIds: ['i1', 'i2'] }),
		indicators,
		// Both values were entered on 1 February; g2's was changed after its analysis.
		measurements: [
			value('i1', 'a', 'entered'),
			{ ...value('i2', 'a', 'entered'), updatedAt: '2026-03-01T00:00:00.000Z' }
		],
		assessments: [
			assessment('g1'),
			assessment('g2', { status: 'offTrack', step: 2 }),
			assessment('g3', { status: 'notAssessed' }),
			assessment('g4', { year: 2024, id: 'a:g4:2024' }),
			assessment('g5', { status: 'atRisk', step: 3 })
		],
		judgedSeries: new Map(
			goalIds.map((id) => [id, judgedSeries(id, indicators, [{ id: 's1', goalId: 'g1' }])])
		),
		today: '2026-03-20'
	};

	it('says written, stale or missing for each goal, with or without indicators, and counts the assessed', () => {
		const c = roundCompleteness(input);
		expect(c.assessments.map((a) => [a.goalId, a.state])).toEqual([
			['g1', 'written'],
			['g2', 'stale'],
			['g3', 'missing'],
			['g4', 'missing'],
			['g5', 'written']
		]);
		expect(c.assessments[1].staleSince).toBe('2026-03-01T00:00:00.000Z');
		expect(c.assessmentTally).toEqual({
			assessed: 3,
			expected: 5,
			approved: 0,
			returned: 0,
			stale: 1
		});
		expect(assessmentTallyText(c.assessmentTally)).toBe('3 av 5 mål bedömda: 1 inaktuell');
	});

	it('marks only the missing assessments late after the deadline', () => {
		const c = roundCompleteness({ ...input, today: '2026-03-16' });
		expect(c.assessments.filter((a) => a.late).map((a) => a.goalId)).toEqual(['g3', 'g4']);
	});

	it('judges no assessment stale without the series it judged', () => {
		const c = roundCompleteness({ ...input, judgedSeries: undefined });
		expect(c.assessments.map((a) => a.state)).toEqual([
			'written',
			'written',
			'missing',
			'missing',
			'written'
		]);
	});

	it('counts in Swedish', () => {
		const none = { approved: 0, returned: 0, stale: 0 };
		expect(assessmentTallyText({ ...none, assessed: 1, expected: 9 })).toBe('1 av 9 mål bedömt');
		expect(assessmentTallyText({ ...none, assessed: 4, expected: 9, stale: 2 })).toBe(
			'4 av 9 mål bedömda: 2 inaktuella'
		);
		expect(
			assessmentTallyText({ assessed: 5, expected: 9, approved: 2, returned: 1, stale: 1 })
		).toBe('5 av 9 mål bedömda: 2 godkända, 1 återsänd, 1 inaktuell');
	});

	it('an approved assessment is approved, a returned one returned, and a stale one stale even when approved', () => {
		const review = (state: 'approved' | 'returned') => ({
			state,
			comment: state === 'returned' ? 'Ta med 2025.' : '',
			by: 'Ada',
			at: '2026-03-10T00:00:00.000Z'
		});
		const reviewed = input.assessments.map((a) =>
			a.goalId === 'g1' || a.goalId === 'g2'
				? { ...a, review: review('approved') }
				: a.goalId === 'g5'
					? { ...a, review: review('returned') }
					: a
		);
		const c = roundCompleteness({ ...input, assessments: reviewed });
		expect(c.assessments.map((a) => a.state)).toEqual([
			'approved',
			'stale',
			'missing',
			'missing',
			'returned'
		]);
		expect(assessmentTallyText(c.assessmentTally)).toBe(
			'3 av 5 mål bedömda: 1 godkänd, 1 återsänd, 1 inaktuell'
		);
	});
});
