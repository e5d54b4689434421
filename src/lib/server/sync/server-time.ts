import type { Mutation } from '$lib/domain/sync/mutation';
import type { Assessment } from '$lib/domain/figures/assessment';
import { sameJudgement } from '$lib/domain/entry/review';
import type { SyncedRow } from './entities';

/**
 * The server sets every time it stores. A synced row's `updatedAt` becomes
 * the moment the server accepted the change, whatever the device's clock
 * said (a wrong clock, or a client sending 9999-12-31, would otherwise sort
 * it ahead of every later change and make assessments look up to date).
 * A review (of a value or an assessment) keeps the time it moved: stamped
 * now when this change moves it, taken from the stored row when it does
 * not, so neither its time nor its reviewer can be claimed by the client.
 */
export function stampedByServer(
	mutation: Mutation,
	current: SyncedRow | undefined,
	now: Date
): Mutation {
	const at = now.toISOString();
	const { review } = mutation.row;
	const before = current?.review;
	const unmoved =
		review && before && review.state === before.state && review.comment === before.comment;
	const stampedReview = review ? (unmoved ? before : { ...review, at }) : undefined;
	// An assessment approved or returned keeps the time its analysis was written: that is what
	// its staleness is judged from (assessment-staleness.ts), and the review has its own time.
	const reviewOnly =
		mutation.entity === 'assessment' &&
		current !== undefined &&
		review !== undefined &&
		!unmoved &&
		sameJudgement(current as Assessment, mutation.row);
	return {
		...mutation,
		row: {
			...mutation.row,
			updatedAt: reviewOnly ? current.updatedAt : at,
			...(stampedReview ? { review: stampedReview } : {})
		}
	} as Mutation;
}
