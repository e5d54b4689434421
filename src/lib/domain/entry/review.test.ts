import { describe, it, expect } from 'vitest';
import {
	assessmentReviewRefusal,
	APPROVED_ASSESSMENT_REASON,
	ONLY_ADMINS_APPROVE_ASSESSMENTS,
	RETURN_ASSESSMENT_NEEDS_COMMENT,
	cellStateOf,
	RETURN_NEEDS_COMMENT,
	reviewChangeRefusal,
	reviewCommentRefusal,
	type Review,
	type ReviewRights
} from './review';

const at = '2026-02-01T10:00:00.000Z';
const review = (state: Review['state'], comment = ''): Review => ({ state, comment, by: 'x', at });
const row = (value: number | null, r?: Review) => ({
	value,
	status: 'preliminary',
	note: '',
	review: r
});
const reporter: ReviewRights = { mayEnter: true, mayReview: false };
const editor: ReviewRights = { mayEnter: true, mayReview: true };
const viewer: ReviewRights = { mayEnter: false, mayReview: false };

describe('cellStateOf', () => {
	it('reads missing, entered and the review states', () => {
		expect(cellStateOf(undefined)).toBe('missing');
		expect(cellStateOf(row(null))).toBe('missing');
		expect(cellStateOf(row(3))).toBe('entered');
		expect(cellStateOf(row(3, review('returned', 'Fel år')))).toBe('returned');
	});
});

describe('reviewCommentRefusal', () => {
	it('refuses a return without a comment, a blank one too', () => {
		expect(reviewCommentRefusal('returned', '')).toBe(
			'Skriv en kommentar som säger varför värdet återsänds.'
		);
		expect(reviewCommentRefusal('returned', '  \n ')).toBe(RETURN_NEEDS_COMMENT);
		expect(reviewCommentRefusal('returned', 'Fel år')).toBeNull();
	});

	it('needs no comment to approve or submit', () => {
		expect(reviewCommentRefusal('approved', '')).toBeNull();
		expect(reviewCommentRefusal('submitted', '')).toBeNull();
	});
});

describe('reviewChangeRefusal', () => {
	it('lets a reporter enter, submit, withdraw and correct a returned value', () => {
		expect(reviewChangeRefusal(undefined, row(3), reporter)).toBeNull();
		expect(reviewChangeRefusal(row(3), row(3, review('submitted')), reporter)).toBeNull();
		expect(reviewChangeRefusal(row(3, review('submitted')), row(4), reporter)).toBeNull();
		expect(reviewChangeRefusal(row(3, review('returned', 'Fel')), row(4), reporter)).toBeNull();
		expect(
			reviewChangeRefusal(row(3, review('returned', 'Fel')), row(4, review('submitted')), reporter)
		).toBeNull();
	});

	it('keeps approving and returning for reviewers', () => {
		expect(
			reviewChangeRefusal(row(3, review('submitted')), row(3, review('approved')), reporter)
		).toMatch(/redaktörer/);
		expect(
			reviewChangeRefusal(row(3, review('submitted')), row(3, review('returned', 'x')), reporter)
		).toMatch(/redaktörer/);
		expect(
			reviewChangeRefusal(row(3, review('submitted')), row(3, review('approved')), editor)
		).toBeNull();
	});

	it('asks a reviewer for a comment when returning', () => {
		expect(
			reviewChangeRefusal(row(3, review('submitted')), row(3, review('returned')), editor)
		).toBe(RETURN_NEEDS_COMMENT);
		expect(
			reviewChangeRefusal(
				row(3, review('submitted')),
				row(3, review('returned', 'Kontrollera källan')),
				editor
			)
		).toBeNull();
	});

	it('leaves an approved value to the reviewers', () => {
		const approved = row(3, review('approved'));
		expect(reviewChangeRefusal(approved, row(4), reporter)).toMatch(/godkänt/);
		expect(reviewChangeRefusal(approved, row(3, review('submitted')), reporter)).toMatch(/godkänt/);
		expect(reviewChangeRefusal(approved, row(3, review('approved')), reporter)).toBeNull();
		expect(reviewChangeRefusal(approved, row(4, review('approved')), editor)).toBeNull();
	});

	it('refuses everything to someone who may not enter the value', () => {
		expect(reviewChangeRefusal(row(3), row(3, review('submitted')), viewer)).not.toBeNull();
	});
});

describe('assessmentReviewRefusal: editors write, admins approve or return', () => {
	const written = { status: 'atRisk', analysis: 'Ökar långsamt.' };
	const review = (state: 'returned' | 'approved', comment = '') => ({
		state,
		comment,
		by: 'Anna Andersson',
		at: '2026-03-01T10:00:00.000Z'
	});
	const approved = { ...written, review: review('approved') };
	const returned = { ...written, review: review('returned', 'Lägg till 2025 års siffror.') };

	it('an admin approves, and returns with a comment but never without one', () => {
		expect(assessmentReviewRefusal(written, approved, true)).toBeNull();
		expect(assessmentReviewRefusal(written, returned, true)).toBeNull();
		expect(
			assessmentReviewRefusal(written, { ...written, review: review('returned', '  ') }, true)
		).toBe(RETURN_ASSESSMENT_NEEDS_COMMENT);
	});

	it('an editor may neither approve nor return', () => {
		expect(assessmentReviewRefusal(written, approved, false)).toBe(ONLY_ADMINS_APPROVE_ASSESSMENTS);
		expect(assessmentReviewRefusal(written, returned, false)).toBe(ONLY_ADMINS_APPROVE_ASSESSMENTS);
	});

	it('an editor rewrites a returned assessment, which takes it back to written', () => {
		expect(
			assessmentReviewRefusal(returned, { ...written, analysis: 'Med 2025.' }, false)
		).toBeNull();
	});

	it('an approved assessment changes only by an admin; the same row sent again is no change', () => {
		expect(assessmentReviewRefusal(approved, { ...written, analysis: 'Ny text.' }, false)).toBe(
			APPROVED_ASSESSMENT_REASON
		);
		expect(assessmentReviewRefusal(approved, approved, false)).toBeNull();
		expect(
			assessmentReviewRefusal(approved, { ...written, analysis: 'Ny text.' }, true)
		).toBeNull();
	});
});
