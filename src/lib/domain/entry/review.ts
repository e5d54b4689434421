import * as z from 'zod/mini';
import { Timestamp } from '../common';

/**
 * A value's place in a reporting round, beside the value itself. No review
 * means "entered" (preliminary, still the reporter's); then the reporter
 * submits it, and the federation's editor approves it or returns it with a
 * comment the reporter sees at the value. The review travels inside the
 * measurement row, so every transition syncs, conflicts and enters the
 * value's history like any other edit.
 */
export const ReviewState = z.enum(['submitted', 'returned', 'approved']);
export type ReviewState = z.infer<typeof ReviewState>;

export const Review = z.object({
	state: ReviewState,
	/** Why a value was returned (required then); optional otherwise. */
	comment: z._default(
		z.string().check(z.trim(), z.maxLength(2000, 'Kommentaren får vara högst 2000 tecken')),
		''
	),
	by: z.string().check(z.maxLength(200)),
	at: Timestamp
});
export type Review = z.infer<typeof Review>;

/** What a cell of the completeness matrix shows: the review state, or entered/missing. */
export type CellState = 'missing' | 'entered' | ReviewState;

export const CELL_STATE_LABELS: Record<CellState, string> = {
	missing: 'Saknas',
	entered: 'Inmatat (preliminärt)',
	submitted: 'Inskickat',
	returned: 'Återsänt',
	approved: 'Godkänt'
};

/** The states in the order a round moves through them (the round page's counts and legend). */
export const CELL_STATES: readonly CellState[] = [
	'missing',
	'entered',
	'submitted',
	'returned',
	'approved'
];

/** A state in a matrix cell, where there is no room for "(preliminärt)". */
export const CELL_STATE_SHORT_LABELS: Record<CellState, string> = {
	missing: 'Saknas',
	entered: 'Inmatat',
	submitted: 'Inskickat',
	returned: 'Återsänt',
	approved: 'Godkänt'
};

/** A state's sign beside its label (hidden from screen readers, which read the label). */
export const CELL_STATE_ICONS: Record<CellState, string> = {
	missing: '○',
	entered: '◐',
	submitted: '●',
	returned: '↩',
	approved: '✓'
};

/** A return must say why, so the reporter knows what to correct. */
export const RETURN_NEEDS_COMMENT = 'Skriv en kommentar som säger varför värdet återsänds.';

/** Why a reviewer's move cannot be made as typed: a return without a comment (blank counts as none); null when it can. */
export function reviewCommentRefusal(state: ReviewState, comment: string): string | null {
	return state === 'returned' && comment.trim() === '' ? RETURN_NEEDS_COMMENT : null;
}

/** A row has a value once something (a number, a text, or a deliberate "uppgift saknas") is recorded. */
export function cellStateOf(row: { value: unknown; review?: Review } | undefined): CellState {
	if (!row) return 'missing';
	if (row.review) return row.review.state;
	return row.value === null || row.value === '' ? 'missing' : 'entered';
}

/** What the person changing a value may do in the round. */
export type ReviewRights = {
	/** May enter this value at all (reporter of its municipality, editor, admin). */
	mayEnter: boolean;
	/** May approve and return values (the federation's editors and admins). */
	mayReview: boolean;
};

export const APPROVED_VALUE_REASON =
	'Värdet är godkänt av förbundet. Be en redaktör återsända det om det behöver ändras.';

type ReviewedRow = { value: unknown; status: string; note: string; review?: Review };

/**
 * Why this change of a value's content or review state is not allowed, or
 * null when it is. The same rule runs on the client (to offer only the
 * buttons that will work) and on the server (which refuses the rest).
 *
 * - approving and returning need the right to review, and a return needs a comment;
 * - others may move a value between "entered" and "submitted" (and keep a
 *   returned value returned while they correct it);
 * - an approved value stays exactly as it is unless a reviewer changes it:
 *   a reporter asks for it to be returned.
 */
export function reviewChangeRefusal(
	current: ReviewedRow | undefined,
	next: ReviewedRow,
	rights: ReviewRights
): string | null {
	const from = current?.review?.state;
	const to = next.review?.state;
	if (!rights.mayEnter && !rights.mayReview) return 'Du får inte ändra det här värdet.';
	if (rights.mayReview) {
		const newlyReturned =
			to === 'returned' &&
			(from !== 'returned' || current?.review?.comment !== next.review?.comment);
		return newlyReturned && !next.review?.comment ? RETURN_NEEDS_COMMENT : null;
	}
	if (from === 'approved') {
		const unchanged = to === 'approved' && current !== undefined && sameContent(current, next);
		return unchanged ? null : APPROVED_VALUE_REASON;
	}
	if (to === from || to === undefined || to === 'submitted') return null;
	return 'Bara förbundets redaktörer kan godkänna eller återsända värden.';
}

function sameContent(a: ReviewedRow, b: ReviewedRow): boolean {
	return a.value === b.value && a.status === b.status && a.note === b.note;
}

/** Approving or returning a goal's assessment is the admins' step: the editors write them. */
export const ONLY_ADMINS_APPROVE_ASSESSMENTS =
	'Bara förbundets administratörer kan godkänna eller återsända bedömningar.';
export const RETURN_ASSESSMENT_NEEDS_COMMENT =
	'Skriv en kommentar som säger varför bedömningen återsänds.';
export const APPROVED_ASSESSMENT_REASON =
	'Bedömningen är godkänd. Be en administratör återsända den om den behöver ändras.';

type ReviewedAssessment = { status: string; step?: number; analysis: string; review?: Review };

/**
 * Why this change of a goal's assessment is not allowed, or null when it is;
 * the same rule on the client (which offers only what will work) and the
 * server. Editors write an assessment; a written one awaits the admins, who
 * approve it or return it with a comment. Rewriting it takes it back to
 * "written" (the review goes); an approved one changes only by an admin.
 */
export function assessmentReviewRefusal(
	current: ReviewedAssessment | undefined,
	next: ReviewedAssessment,
	mayApprove: boolean
): string | null {
	const from = current?.review;
	const to = next.review;
	const moved = to !== undefined && (from === undefined || reviewMoved(from, to));
	if (mayApprove)
		return moved && to.state === 'returned' && to.comment.trim() === ''
			? RETURN_ASSESSMENT_NEEDS_COMMENT
			: null;
	if (current && from?.state === 'approved') {
		const unchanged =
			to?.state === 'approved' && sameJudgement(current, next) && !reviewMoved(from, to);
		return unchanged ? null : APPROVED_ASSESSMENT_REASON;
	}
	return moved && to.state !== 'submitted' ? ONLY_ADMINS_APPROVE_ASSESSMENTS : null;
}

/** Whether two versions of an assessment judge the same: status, step and analysis (the review aside). */
export function sameJudgement(a: ReviewedAssessment, b: ReviewedAssessment): boolean {
	return a.status === b.status && a.step === b.step && a.analysis === b.analysis;
}

/** Whether a change to a value moves it in the reporting round (a new state, or new words from the reviewer). */
export function reviewMoved(before: Review | undefined, after: Review): boolean {
	return before?.state !== after.state || before.comment !== after.comment;
}
