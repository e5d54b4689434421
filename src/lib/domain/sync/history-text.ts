import { CELL_STATE_LABELS, type ReviewState } from '../entry/review';
import type { HistoryEntry } from './sync-protocol';

/**
 * A value's history in words, one line per recorded change (newest first,
 * as the server sends it). A conflict is not a change: the row kept its
 * value and another arrived beside it, so the line names both and who
 * wrote each ("konflikt: Anna Andersson 30, Erik Ek 25") instead of an
 * arrow that would read as if the value had changed.
 */
export type HistoryLine = { at: string; by: string; text: string };

type Shown = (value: unknown) => string;

export function historyLines(newestFirst: readonly HistoryEntry[], show: Shown): HistoryLine[] {
	return newestFirst.map((entry, i) => ({
		at: entry.at,
		by: entry.by,
		text: lineText(entry, holderOf(newestFirst, i), show)
	}));
}

/** Who wrote the value the row held when entry i was recorded: the author of the latest accepted change before it. */
function holderOf(newestFirst: readonly HistoryEntry[], i: number): string | null {
	return newestFirst.slice(i + 1).find((e) => e.kind !== 'conflict')?.by ?? null;
}

function lineText(entry: HistoryEntry, holder: string | null, show: Shown): string {
	const changed = entry.oldValue !== entry.newValue;
	const review = entry.review ? reviewMove(entry.review) : null;
	switch (entry.kind) {
		case 'seed':
			return joined(`demodata: ${show(entry.newValue)}`, review);
		case 'conflict':
			return `konflikt: ${holder ?? 'gällande värde'} ${show(entry.oldValue)}, ${entry.by} ${show(entry.newValue)}`;
		case 'resolution':
			return joined(
				changed
					? `konflikt löst: ${show(entry.newValue)} valdes i stället för ${show(entry.oldValue)}`
					: `konflikt löst: ${show(entry.newValue)} behölls`,
				review
			);
		case 'update':
			// A move in the round alone (submitted, approved) leaves the value as it was: only the move is told.
			return review && !changed
				? review
				: joined(`ändring: ${show(entry.oldValue)} → ${show(entry.newValue)}`, review);
	}
}

function joined(text: string, review: string | null): string {
	return review ? `${text}; ${review}` : text;
}

const stateName = (s: ReviewState | null) =>
	s === null ? 'inmatat' : CELL_STATE_LABELS[s].toLowerCase();

/** "inmatat → inskickat", "inskickat → återsänt: ”Kontrollera siffran”". */
export function reviewMove(r: {
	from: ReviewState | null;
	to: ReviewState | null;
	comment: string;
}): string {
	return `${stateName(r.from)} → ${stateName(r.to)}${r.comment ? `: ”${r.comment}”` : ''}`;
}
