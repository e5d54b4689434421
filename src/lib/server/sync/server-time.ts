import type { Mutation } from '$lib/domain/sync/mutation';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { SyncedRow } from './entities';

/**
 * The server sets every time it stores. A synced row's `updatedAt` becomes
 * the moment the server accepted the change, whatever the device's clock
 * said (a wrong clock, or a client sending 9999-12-31, would otherwise sort
 * it ahead of every later change and make assessments look up to date).
 * A value's review keeps the time it moved: stamped now when this change
 * moves it, taken from the stored row when it does not, so neither its
 * time nor its reviewer can be claimed by the client.
 */
export function stampedByServer(
	mutation: Mutation,
	current: SyncedRow | undefined,
	now: Date
): Mutation {
	const at = now.toISOString();
	if (mutation.entity === 'assessment')
		return { ...mutation, row: { ...mutation.row, updatedAt: at } };
	const { review } = mutation.row;
	const before = (current as Measurement | undefined)?.review;
	const unmoved =
		review && before && review.state === before.state && review.comment === before.comment;
	const stampedReview = review ? (unmoved ? before : { ...review, at }) : undefined;
	return {
		...mutation,
		row: { ...mutation.row, updatedAt: at, ...(stampedReview ? { review: stampedReview } : {}) }
	};
}
