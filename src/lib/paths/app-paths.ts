/**
 * Every address of the app's pages, built in one place: a page moved or a
 * parameter renamed is changed here, and ids are always encoded. The query
 * parameters are the Swedish words the pages read (`ar`, `indikator`, …).
 */

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query: Query = {}, hash?: string): string {
	const params = Object.entries(query).filter(
		(entry): entry is [string, string | number] =>
			entry[1] !== undefined && entry[1] !== null && entry[1] !== ''
	);
	const search = params
		.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
		.join('&');
	return `${path}${search ? `?${search}` : ''}${hash ? `#${encodeURIComponent(hash)}` : ''}`;
}

const part = (id: string | number) => encodeURIComponent(String(id));

/** The grouping's overview; with a goal and year, that goal's assessment form opened. */
export function groupingPath(
	groupingId: string,
	assess?: { goalId: string; year: number }
): string {
	const path = `/grupp/${part(groupingId)}`;
	return assess
		? withQuery(path, { bedom: assess.goalId, ar: assess.year }, `mal-${assess.goalId}`)
		: path;
}

/** The grouping's overview on one of its plans (an indicator's page leads back to its own plan). */
export function groupingPlanPath(groupingId: string, planId: string): string {
	return withQuery(`/grupp/${part(groupingId)}`, { plan: planId });
}

export type GroupingPage =
	| 'registrera'
	| 'rapportering'
	| 'rapport'
	| 'plan'
	| 'plan/logg'
	| 'anvandare'
	| 'medlemmar'
	| 'import'
	| 'export'
	| 'mote';

/** One of the grouping's own pages, optionally with the indicator (and year) it opens on. */
export function groupingPagePath(
	groupingId: string,
	page: GroupingPage,
	query: { indikator?: string; ar?: number; kon?: string; plan?: string } = {}
): string {
	return withQuery(`/grupp/${part(groupingId)}/${page}`, query);
}

/** The entry grid, on an indicator, year and gender when given. */
export function entryPath(
	groupingId: string,
	query: { indikator?: string; ar?: number; kon?: string } = {}
): string {
	return groupingPagePath(groupingId, 'registrera', query);
}

/** The grouping's reporting rounds, or one year's round. */
export function roundPath(groupingId: string, year?: number): string {
	return `/grupp/${part(groupingId)}/rapportering${year === undefined ? '' : `/${part(year)}`}`;
}

export function indicatorPath(groupingId: string, indicatorId: string): string {
	return `/grupp/${part(groupingId)}/indikator/${part(indicatorId)}`;
}

/** The indicator editor; a new indicator is made under the goal or sub-goal `underGoal`. */
export function indicatorEditorPath(groupingId: string, indicatorId: string): string {
	return `/grupp/${part(groupingId)}/plan/indikator/${part(indicatorId)}`;
}

export function newIndicatorPath(groupingId: string, underGoal: string): string {
	return withQuery(`/grupp/${part(groupingId)}/plan/indikator/ny`, { mal: underGoal });
}

export function municipalityPath(kommunkod: string): string {
	return `/kommun/${part(kommunkod)}`;
}

/** A municipality's own form: every indicator it reports, across its groupings. */
export function municipalityFormPath(kommunkod: string, year?: number): string {
	return withQuery(`/kommun/${part(kommunkod)}/rapportera`, { ar: year });
}
