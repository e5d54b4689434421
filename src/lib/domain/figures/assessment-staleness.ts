import type { Assessment } from './assessment';
import type { Indicator } from '../plan/indicator';
import { seriesOf } from './indicator-series';

type Dated = { indicatorId: string; year: number; updatedAt: string };

/**
 * An assessment is possibly out of date when a value it judged (one of its
 * goal's indicators, for its year or earlier) was recorded or changed after
 * the analysis was written. Returns the newest such change, or null.
 */
export function newerValueThan(
	assessment: Pick<Assessment, 'year' | 'updatedAt'>,
	indicatorIds: ReadonlySet<string>,
	measurements: readonly Dated[]
): string | null {
	let newest: string | null = null;
	for (const m of measurements) {
		if (!indicatorIds.has(m.indicatorId) || m.year > assessment.year) continue;
		if (
			Date.parse(m.updatedAt) > Date.parse(assessment.updatedAt) &&
			(newest === null || m.updatedAt > newest)
		)
			newest = m.updatedAt;
	}
	return newest;
}

/**
 * The series a goal's assessment judges: those of the goal's own indicators
 * and of its sub-goals' indicators (the overview's status rests on the same).
 */
export function judgedSeries(
	goalId: string,
	indicators: readonly (Pick<Indicator, 'id' | 'seriesId'> & { goalId?: string })[],
	subGoals: readonly { id: string; goalId: string }[]
): Set<string> {
	const holders = new Set([
		goalId,
		...subGoals.filter((s) => s.goalId === goalId).map((s) => s.id)
	]);
	return new Set(
		indicators
			.filter((i) => i.goalId !== undefined && holders.has(i.goalId))
			.map((i) => seriesOf(i))
	);
}
