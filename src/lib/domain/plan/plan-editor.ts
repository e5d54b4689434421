/**
 * What the plan editor (/grupp/<id>/plan) works out from the goal tree and
 * from what the admin typed: which plan a year opens on, where a new item
 * goes in its list, and the rows the forms' text becomes (validated by the
 * entities' own schemas before they are sent).
 */
import type { Plan } from './goal-tree';

/** The text of a year field as the schema should see it: a number when it is one, so "20x5" gets the schema's own message. */
export function yearFromText(text: string | undefined): unknown {
	const trimmed = (text ?? '').trim();
	if (trimmed === '') return undefined;
	return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Optional text: left out when empty, so the row is the same as one written without it. */
export function optionalText(text: string | undefined): string | undefined {
	const trimmed = (text ?? '').trim();
	return trimmed === '' ? undefined : trimmed;
}

/** The plans newest first: the order of the editor's choice of plan. */
export function plansNewestFirst<P extends Pick<Plan, 'fromYear' | 'toYear'>>(
	plans: readonly P[]
): P[] {
	return [...plans].sort((a, b) => b.fromYear - a.fromYear || b.toYear - a.toYear);
}

export function yearsLabel(plan: Pick<Plan, 'fromYear' | 'toYear'>): string {
	return plan.fromYear === plan.toYear ? String(plan.fromYear) : `${plan.fromYear}–${plan.toYear}`;
}

/** The order a new item gets: after its last sibling. */
export function nextOrder(siblings: readonly { order: number }[]): number {
	return siblings.reduce((max, s) => Math.max(max, s.order + 1), 0);
}

/** Siblings in the order they are shown. */
export function byOrder<T extends { order: number }>(rows: readonly T[]): T[] {
	return [...rows].sort((a, b) => a.order - b.order);
}

/**
 * A new row's id: the parent's id and a random part. Made once when the form
 * opens and kept in the draft, so a save retried after a lost answer writes
 * the same row again rather than a second one.
 */
export function newChildId(parentId: string, kind: string, random: string): string {
	return `${parentId.slice(0, 120)}.${kind}-${random
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.slice(0, 10)}`;
}
