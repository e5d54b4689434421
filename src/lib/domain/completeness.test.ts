import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { roundCompleteness, outstandingOnly, sharePercent, type CompletenessInput } from './completeness';
import type { Indicator } from './indicator';
import { testIndicator } from './test-indicator';
import type { Measurement } from './measurement';
import { measurementId } from './ids';
import { roundId, type ReportingRound } from './reporting-round';
import type { CellState, ReviewState } from './review';

const indicator = (id: string, scope: Indicator['scope'] = 'members'): Indicator => testIndicator(id, { scope });

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

const value = (indicatorId: string, organisationId: string, state: CellState, year = 2025): Measurement => ({
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
	review: state === 'missing' || state === 'entered' ? undefined : { state: state as ReviewState, comment: '', by: 'x', at: '2026-02-01T00:00:00.000Z' }
});

describe('roundCompleteness', () => {
	const input: CompletenessInput = {
		round: round(['a', 'b'], { goalIds: ['g1'] }),
		indicators: [indicator('i1'), indicator('i2'), indicator('own', 'grouping')],
		measurements: [value('i1', 'a', 'submitted'), value('i2', 'a', 'approved'), value('i1', 'b', 'returned'), value('i2', 'b', 'entered', 2024), value('own', 'f', 'entered')],
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
		expect(c.total).toMatchObject({ expected: 5, reported: 2, missing: 1, entered: 1, submitted: 1, returned: 1, approved: 1 });
		expect(c.assessments).toEqual([{ goalId: 'g1', state: 'missing', late: false, assessment: undefined }]);
	});

	it('marks what is not reported as late after the deadline day, and nothing once the round is locked', () => {
		const late = roundCompleteness({ ...input, today: '2026-03-16' });
		expect(late.rows[1].cells.map((x) => x?.late)).toEqual([true, true, undefined]);
		expect(late.rows[0].cells.every((x) => !x?.late)).toBe(true);
		expect(roundCompleteness({ ...input, round: { ...input.round, locked: true }, today: '2026-04-01' }).rows[1].cells[0]?.late).toBe(false);
	});

	it('narrows to what is outstanding', () => {
		const rows = outstandingOnly(roundCompleteness(input));
		expect(rows.map((r) => r.organisationId)).toEqual(['b', 'f']);
		expect(rows[0].cells.map((x) => x?.state ?? null)).toEqual(['returned', 'missing', null]);
	});

	it('property: the tallies of rows, of columns and the total agree on generated rounds', () => {
		const states = fc.constantFrom<CellState>('missing', 'entered', 'submitted', 'returned', 'approved');
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.array(fc.option(states), { minLength: 96, maxLength: 96 }), (members, indicators, cells) => {
				const memberIds = Array.from({ length: members }, (_, i) => `m${i}`);
				const inds = Array.from({ length: indicators }, (_, i) => indicator(`i${i}`));
				const measurements = memberIds.flatMap((m, r) => inds.flatMap((ind, c) => {
					const state = cells[r * 8 + c];
					return state === null ? [] : [value(ind.id, m, state)];
				}));
				const c = roundCompleteness({ round: round(memberIds), indicators: inds, measurements, assessments: [], today: '2026-01-01' });
				const sum = (key: 'expected' | 'reported' | CellState, tallies: { tally: Record<string, number> }[]) => tallies.reduce((s, t) => s + t.tally[key], 0);
				expect(c.total.expected).toBe(members * indicators);
				for (const key of ['expected', 'reported', 'missing', 'entered', 'submitted', 'returned', 'approved'] as const) {
					expect(sum(key, c.rows)).toBe(c.total[key]);
					expect(sum(key, c.columns)).toBe(c.total[key]);
				}
				expect(c.total.reported).toBe(c.total.submitted + c.total.approved);
				expect(c.total.missing + c.total.entered + c.total.submitted + c.total.returned + c.total.approved).toBe(c.total.expected);
				expect(sharePercent(c.total)).toBe(Math.floor((100 * c.total.reported) / c.total.expected));
			})
		);
	});
});
