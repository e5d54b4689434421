import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { valueEditRefusal } from './edit-rules';
import type { RoleAssignment } from './auth';
import type { Measurement } from './measurement';
import { measurementId } from './ids';
import { roundId, type ReportingRound } from './reporting-round';
import type { ReviewState } from './review';

const G = 'forbund';
const M = 'kommun-2425';
const ACTORS: Record<string, RoleAssignment[]> = {
	admin: [{ organisationId: G, role: 'admin' }],
	editor: [{ organisationId: G, role: 'editor' }],
	reporter: [{ organisationId: G, role: 'reporter', municipalityId: M }],
	otherReporter: [{ organisationId: G, role: 'reporter', municipalityId: 'kommun-2401' }],
	viewer: [{ organisationId: G, role: 'viewer' }]
};

const start: Measurement = {
	id: measurementId('ind', M, 2025, 'T'),
	indicatorId: 'ind',
	organisationId: M,
	year: 2025,
	gender: 'T',
	value: 10,
	status: 'preliminary',
	note: '',
	source: '',
	updatedBy: 'seed',
	updatedAt: '2026-01-01T00:00:00.000Z',
	exampleData: false
};

const round = (locked: boolean): ReportingRound => ({
	id: roundId(G, 2025),
	groupingId: G,
	year: 2025,
	indicatorIds: ['ind'],
	memberIds: [M],
	goalIds: [],
	deadline: '2026-03-15',
	reportedBy: 'reporters',
	locked,
	log: locked ? [{ action: 'locked', by: 'Anna Admin', at: '2026-03-20T09:00:00.000Z', reason: '' }] : []
});

type Action =
	| { kind: 'edit'; actor: string; value: number }
	| { kind: 'review'; actor: string; state: ReviewState | undefined; comment: string }
	| { kind: 'lock' }
	| { kind: 'reopen' };

const actor = fc.constantFrom(...Object.keys(ACTORS));
const action: fc.Arbitrary<Action> = fc.oneof(
	fc.record({ kind: fc.constant('edit' as const), actor, value: fc.integer({ min: 0, max: 100 }) }),
	fc.record({
		kind: fc.constant('review' as const),
		actor,
		state: fc.constantFrom<ReviewState | undefined>('submitted', 'returned', 'approved', undefined),
		comment: fc.constantFrom('', 'Kontrollera')
	}),
	fc.constant({ kind: 'lock' as const }),
	fc.constant({ kind: 'reopen' as const })
);

function proposal(row: Measurement, a: Extract<Action, { actor: string }>, step: number): Measurement {
	const at = new Date(Date.UTC(2026, 1, 1, 0, step)).toISOString();
	if (a.kind === 'edit') return { ...row, value: a.value, review: undefined, updatedBy: a.actor, updatedAt: at };
	return { ...row, review: a.state && { state: a.state, comment: a.comment, by: a.actor, at }, updatedBy: a.actor, updatedAt: at };
}

describe('valueEditRefusal', () => {
	it('names the lock, who set it and when, for every role including admins', () => {
		for (const roles of Object.values(ACTORS)) {
			const reason = valueEditRefusal({ current: start, next: { ...start, value: 11 }, roles, groupingId: G, groupingName: 'Akademi Norr', lockedRound: round(true) });
			expect(reason).toBe('År 2025 är godkänt och låst för Akademi Norr sedan 2026-03-20 (Anna Admin). Värdet kan inte ändras; en administratör kan öppna året igen.');
		}
	});

	it('property: no sequence of transitions by any role changes a value while its year is locked', () => {
		fc.assert(
			fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
				let row = start;
				let locked = false;
				let lockedRow: Measurement | null = null;
				actions.forEach((a, step) => {
					if (a.kind === 'lock') [locked, lockedRow] = [true, row];
					else if (a.kind === 'reopen') [locked, lockedRow] = [false, null];
					else {
						const next = proposal(row, a, step);
						const refused = valueEditRefusal({ current: row, next, roles: ACTORS[a.actor], groupingId: G, groupingName: 'F', lockedRound: locked ? round(true) : undefined });
						if (refused === null) row = next;
					}
					if (locked) expect(row).toEqual(lockedRow);
				});
			}),
			{ numRuns: 500 }
		);
	});

	it('property: only editors and admins ever approve or return a value, and viewers change nothing', () => {
		fc.assert(
			fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
				let row = start;
				actions.forEach((a, step) => {
					if (a.kind === 'lock' || a.kind === 'reopen') return;
					const next = proposal(row, a, step);
					if (valueEditRefusal({ current: row, next, roles: ACTORS[a.actor], groupingId: G, groupingName: 'F', lockedRound: undefined }) !== null) return;
					const changedReview = next.review?.state !== row.review?.state;
					if (changedReview && (next.review?.state === 'approved' || next.review?.state === 'returned')) expect(['admin', 'editor']).toContain(a.actor);
					expect(['viewer', 'otherReporter']).not.toContain(a.actor);
					row = next;
				});
			}),
			{ numRuns: 500 }
		);
	});
});
