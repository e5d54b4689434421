import type { LagesbildDatabase, LocalMeasurement } from './database';
import { loadGroupingReference, type GroupingReference } from './queries';
import type { Organisation } from '$lib/domain/plan/organisation';
import { measurementId } from '$lib/domain/ids';
import { seriesOf } from '$lib/domain/plan/indicator';
import { defaultFormYear } from '$lib/domain/entry/municipality-form';

export type MunicipalityFormData = {
	municipality: Organisation;
	/** The year asked for, or when none was, the year the form opens on (defaultFormYear). */
	year: number;
	/** Every grouping the municipality is or was a member of, as its own pages load it. */
	groupings: GroupingReference[];
	/** The municipality's values of the year (gender T) of every indicator of those groupings, by id. */
	measurements: Map<string, LocalMeasurement>;
};

/**
 * What the municipality's form reads: the municipality (by kommunkod), its
 * groupings, and only its own values of the year, fetched by their ids
 * (derived from series, municipality, year and gender) rather than by
 * reading whole indicators. Without a year, the year the form opens on: the
 * latest with an open round for the municipality, otherwise last year.
 * Null when the municipality is not on the device.
 */
export async function loadMunicipalityForm(
	db: LagesbildDatabase,
	kommunkod: string,
	askedYear: number | null,
	thisYear: number
): Promise<MunicipalityFormData | null> {
	const municipality = await db.organisations.where('kommunkod').equals(kommunkod).first();
	if (!municipality) return null;
	const memberships = await db.memberships.where('memberId').equals(municipality.id).toArray();
	const groupingIds = [...new Set(memberships.map((m) => m.groupingId))];
	const groupings = (
		await Promise.all(groupingIds.map((id) => loadGroupingReference(db, id)))
	).filter((g): g is GroupingReference => g !== null);
	const year = askedYear ?? defaultFormYear(groupings, municipality.id, thisYear);
	const ids = [
		...new Set(
			groupings.flatMap((g) =>
				g.indicators.map((i) => measurementId(seriesOf(i), municipality.id, year, 'T'))
			)
		)
	];
	const rows = await db.measurements.bulkGet(ids);
	return {
		municipality,
		year,
		groupings,
		measurements: new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])))
	};
}
