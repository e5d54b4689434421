import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maySubmit, valueEditRefusal, valueReadOnlyReason } from './edit-rules';
import type { RoleAssignment } from '../access/auth';
import type { Measurement } from '../figures/measurement';
import { measurementId } from '../ids';
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
	log: locked
		? [{ action: 'locked', by: 'Anna Admin', at: '2026-03-20T09:00:00.000Z', reason: '' }]
		: []
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

function proposal(
	row: Measurement,
	a: Extract<Action, { actor: string }>,
	step: number
): Measurement {
	const at = new Date(Date.UTC(2026, 1, 1, 0, step)).toISOString();
	if (a.kind === 'edit')
		return { ...row, value: a.value, review: undefined, updatedBy: a.actor, updatedAt: at };
	return {
		...row,
		review: a.state && { state: a.state, comment: a.comment, by: a.actor, at },
		updatedBy: a.actor,
		updatedAt: at
	};
}

describe('valueEditRefusal', () => {
	it('names the lock, who set it and when, for every role including admins', () => {
		for (const roles of Object.values(ACTORS)) {
			const reason = valueEditRefusal({
				current: start,
				next: { ...start, value: 11 },
				roles,
				groupingId: G,
				groupingName: 'Akademi Norr',
				lockedRound: round(true)
			});
			expect(reason).toBe(
				'År 2025 är godkänt och låst för Akademi Norr sedan 2026-03-20 (Anna Admin). Värdet kan inte ändras; en administratör kan öppna året igen.'
			);
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
						const refused = valueEditRefusal({
							current: row,
							next,
							roles: ACTORS[a.actor],
							groupingId: G,
							groupingName: 'F',
							lockedRound: locked ? round(true) : undefined
						});
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
					if (
						valueEditRefusal({
							current: row,
							next,
							roles: ACTORS[a.actor],
							groupingId: G,
							groupingName: 'F',
							lockedRound: undefined
						}) !== null
					)
						return;
					const changedReview = next.review?.state !== row.review?.state;
					if (
						changedReview &&
						(next.review?.state === 'approved' || next.review?.state === 'returned')
					)
						expect(['admin', 'editor']).toContain(a.actor);
					expect(['viewer', 'otherReporter']).not.toContain(a.actor);
					row = next;
				});
			}),
			{ numRuns: 500 }
		);
	});
});

describe('what the entry forms offer', () => {
	const round: ReportingRound = {
		id: roundId(G, 2025),
		groupingId: G,
		year: 2025,
		indicatorIds: ['ind'],
		memberIds: [M],
		goalIds: [],
		deadline: '2026-03-15',
		reportedBy: 'reporters',
		locked: false,
		log: []
	};
	const approved = {
		review: {
			state: 'approved' as ReviewState,
			comment: '',
			by: 'Erik',
			at: '2026-01-01T00:00:00.000Z'
		}
	};

	it('a read-only reason for a locked year (everyone) and an approved value (all but reviewers)', () => {
		const locked = {
			...round,
			locked: true,
			log: [{ action: 'locked' as const, by: 'Anna', at: '2026-04-01T00:00:00.000Z', reason: '' }]
		};
		expect(
			valueReadOnlyReason({
				lockedRound: locked,
				groupingName: 'Förbundet',
				measurement: undefined,
				mayReview: true
			})
		).toContain('låst för Förbundet');
		expect(
			valueReadOnlyReason({
				lockedRound: undefined,
				groupingName: 'F',
				measurement: approved,
				mayReview: false
			})
		).toContain('godkänt');
		expect(
			valueReadOnlyReason({
				lockedRound: undefined,
				groupingName: 'F',
				measurement: approved,
				mayReview: true
			})
		).toBeNull();
		expect(
			valueReadOnlyReason({
				lockedRound: undefined,
				groupingName: 'F',
				measurement: undefined,
				mayReview: false
			})
		).toBeNull();
	});

	it('the read-only reason agrees with what the server refuses', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...Object.keys(ACTORS)),
				fc.boolean(),
				fc.boolean(),
				(actor, isApproved, isLocked) => {
					const roles = ACTORS[actor];
					const current: Measurement = { ...start, ...(isApproved ? approved : {}) };
					const lockedRound = isLocked ? { ...round, locked: true } : undefined;
					const shownReadOnly =
						valueReadOnlyReason({
							lockedRound,
							groupingName: 'F',
							measurement: current,
							mayReview: roles.some((r) => r.role === 'admin' || r.role === 'editor')
						}) !== null;
					const edit = { ...current, value: 11, review: undefined };
					const refused =
						valueEditRefusal({
							current,
							next: edit,
							roles,
							groupingId: G,
							groupingName: 'F',
							lockedRound
						}) !== null;
					// Whatever the form leaves open, the server accepts for someone who may enter the value.
					if (
						!shownReadOnly &&
						roles.some(
							(r) => r.role !== 'viewer' && (r.role !== 'reporter' || r.municipalityId === M)
						)
					)
						expect(refused).toBe(false);
					if (shownReadOnly) expect(refused).toBe(true);
				}
			)
		);
	});

	it('"Skicka in" is the reporter’s step, and an editor’s only where the editors report', () => {
		expect(maySubmit(ACTORS.reporter, round, M)).toBe(true);
		expect(maySubmit(ACTORS.otherReporter, round, M)).toBe(false);
		expect(maySubmit(ACTORS.viewer, round, M)).toBe(false);
		expect(maySubmit(ACTORS.editor, round, M)).toBe(false);
		expect(maySubmit(ACTORS.editor, { ...round, reportedBy: 'editors' }, M)).toBe(true);
		expect(maySubmit(ACTORS.editor, round, G)).toBe(true);
	});
});
