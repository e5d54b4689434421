import type { Assessment } from './assessment';

type Dated = { indicatorId: string; year: number; updatedAt: string };

/**
 * An assessment is possibly out of date when a value it judged (one of its
 * goal's indicators, for its year or earlier) was recorded or changed after
 * the analysis was written. Returns the newest such change, or null.
 */
export function newerValueThan(assessment: Pick<Assessment, 'year' | 'updatedAt'>, indicatorIds: ReadonlySet<string>, measurements: readonly Dated[]): string | null {
	let newest: string | null = null;
	for (const m of measurements) {
		if (!indicatorIds.has(m.indicatorId) || m.year > assessment.year) continue;
		if (Date.parse(m.updatedAt) > Date.parse(assessment.updatedAt) && (newest === null || m.updatedAt > newest)) newest = m.updatedAt;
	}
	return newest;
}
