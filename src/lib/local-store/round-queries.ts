import { swedishToday } from '$lib/domain/dates';
import type { LagesbildDatabase, LocalMeasurement } from './database';
import type { ReportingRound } from '$lib/domain/entry/reporting-round';
import { seriesOf } from '$lib/domain/figures/indicator-series';
import { measurementsOfIndicatorYears } from './queries';
import { roundCompleteness } from '$lib/domain/figures/completeness';
import type { RoundProgress } from '$lib/domain/entry/reminders';

/**
 * Every open round on the device with its completeness as of `today`
 * (Swedish time unless given), read from the index ranges it needs (the
 * round's indicators in the round's year), so the start page stays quick
 * however many years of values the store holds. Today's date is worked out
 * only when there is an open round: it needs Intl's time zones, whose data a
 * page without rounds never has to load.
 */
export async function loadOpenRoundProgress(
	db: LagesbildDatabase,
	givenToday?: string
): Promise<{ progress: RoundProgress[]; names: Map<string, string>; today: string | null }> {
	const rounds = (await db.reportingRounds.toArray()).filter((r) => !r.locked);
	if (rounds.length === 0) return { progress: [], names: new Map(), today: null };
	const today = givenToday ?? swedishToday();
	const progress = await Promise.all(
		rounds.map(async (round) => {
			const indicators = (await db.indicators.bulkGet(round.indicatorIds)).flatMap((i) =>
				i ? [i] : []
			);
			const measurements = await measurementsOfRounds(db, [round]);
			const assessments = await db.assessments.where('goalId').anyOf(round.goalIds).toArray();
			return {
				round,
				completeness: roundCompleteness({ round, indicators, measurements, assessments, today })
			};
		})
	);
	const ids = [...new Set(rounds.flatMap((r) => [r.groupingId, ...r.memberIds]))];
	const names = new Map(
		(await db.organisations.bulkGet(ids)).flatMap((o) => (o ? [[o.id, o.name] as const] : []))
	);
	return { progress, names, today };
}

/** The rows rounds are counted from: each round's indicators (their series) in its year. */
export async function measurementsOfRounds(
	db: LagesbildDatabase,
	rounds: readonly Pick<ReportingRound, 'indicatorIds' | 'year'>[]
): Promise<LocalMeasurement[]> {
	const indicators = await db.indicators.bulkGet([
		...new Set(rounds.flatMap((round) => round.indicatorIds))
	]);
	const seriesOfId = new Map(indicators.flatMap((i) => (i ? [[i.id, seriesOf(i)] as const] : [])));
	const keys = rounds.flatMap((round) =>
		round.indicatorIds.flatMap((id) =>
			seriesOfId.has(id) ? [[seriesOfId.get(id)!, round.year] as const] : []
		)
	);
	return measurementsOfIndicatorYears(db, keys);
}
