import { describe, it, expect, beforeAll } from 'vitest';
import { createDemoTestDatabase } from './test-database';
import type { LagesbildDatabase } from './database';
import { loadGroupingContext, loadIndicatorData, loadMunicipalityPage } from './dashboard-queries';

/** What the indicator page loads, in the two steps it takes them (the context once, the indicator per switch). */
async function loadIndicatorPage(db: LagesbildDatabase, groupingId: string, indicatorId: string) {
	const context = await loadGroupingContext(db, groupingId);
	const indicator = context?.indicators.find((i) => i.id === indicatorId);
	return context && indicator
		? { ...context, ...(await loadIndicatorData(db, indicator, 'T', context.indicators)) }
		: null;
}
import { buildDemoData } from '$lib/seed/demo-data';
import { AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';

let db: LagesbildDatabase;
beforeAll(async () => {
	db = await createDemoTestDatabase(buildDemoData());
});

describe('loadIndicatorPage', () => {
	it('loads the headline indicator with its members, target, values, goal and plan', async () => {
		const page = await loadIndicatorPage(db, AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
		expect(page?.indicator.name).toBe(
			'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer'
		);
		expect(page?.members.size).toBe(12);
		expect(page?.targets).toHaveLength(1);
		expect(page?.measurements).toHaveLength(36);
		// The indicator sits under a sub-goal; the page names both, and the plan.
		expect(page?.subGoal?.name).toMatch(/^Vår region ska ha ökat sin andel/);
		expect(page?.goal?.kind).toBe('overall');
		expect(page?.plan?.name).toBe('Verksamhetsplan 2025');
		expect(page?.indicators.some((i) => i.id === HEADLINE_INDICATOR_ID)).toBe(true);
	});

	it('reads a ratio’s numerator and denominator with it, and the members’ counties from Sweden’s list', async () => {
		const page = await loadIndicatorPage(
			db,
			AKADEMI_NORR_ID,
			'akademi-norr-eftergymnasial-3-ar-regionen'
		);
		const series = new Set(page?.measurements.map((m) => m.indicatorId));
		expect(series).toEqual(
			new Set(['akademi-norr-invanare-25-64', 'akademi-norr-eftergymnasial-3-ar-antal'])
		);
		// A plain mean reads its own series only.
		const headline = await loadIndicatorPage(db, AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
		expect(new Set(headline?.measurements.map((m) => m.indicatorId))).toEqual(
			new Set([HEADLINE_INDICATOR_ID])
		);
		// Västerbotten has 15 municipalities, though a device holds only those of its groupings.
		await db.organisations.delete('kommun-2482');
		const counties =
			(await loadIndicatorPage(db, AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID))?.counties ?? [];
		expect(counties.map((c) => c.code).sort()).toEqual(['22', '23', '24', '25']);
		expect(counties.find((c) => c.code === '24')?.municipalityIds).toHaveLength(15);
	});

	it('is null for an indicator of another grouping or an unknown one', async () => {
		expect(await loadIndicatorPage(db, 'umearegionen', HEADLINE_INDICATOR_ID)).toBeNull();
		expect(await loadIndicatorPage(db, AKADEMI_NORR_ID, 'finns-inte')).toBeNull();
	});
});

describe('loadMunicipalityPage', () => {
	it('finds the municipality by kommunkod and loads each of its groupings', async () => {
		const page = await loadMunicipalityPage(db, '2505'); // Arvidsjaur
		expect(page?.municipality.name).toBe('Arvidsjaur');
		expect(page?.groupings.map((g) => g.grouping.id).sort()).toEqual([
			'akademi-norr',
			'norrbottens-kommuner',
			'swpp'
		]);
		expect(await loadMunicipalityPage(db, '9999')).toBeNull();
	});
});
