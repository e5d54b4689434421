import { describe, it, expect, beforeAll } from 'vitest';
import { createDemoTestDatabase } from './test-database';
import type { LagesbildDatabase } from './database';
import { loadIndicatorPage, loadMunicipalityPage } from './dashboard-queries';
import { buildDemoData } from '$lib/seed/demo-data';
import { AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';

let db: LagesbildDatabase;
beforeAll(async () => {
	db = await createDemoTestDatabase(buildDemoData());
});

describe('loadIndicatorPage', () => {
	it('loads the headline indicator with its members, target, values, goal and plan', async () => {
		const page = await loadIndicatorPage(db, AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
		expect(page?.indicator.name).toBe('Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer');
		expect(page?.members.size).toBe(12);
		expect(page?.targets).toHaveLength(1);
		expect(page?.measurements).toHaveLength(36);
		// The indicator sits under a sub-goal; the page names both, and the plan.
		expect(page?.subGoal?.name).toMatch(/^Vår region ska ha ökat sin andel/);
		expect(page?.goal?.kind).toBe('overall');
		expect(page?.plan?.name).toBe('Verksamhetsplan 2025');
		expect(page?.indicators.some((i) => i.id === HEADLINE_INDICATOR_ID)).toBe(true);
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
		expect(page?.groupings.map((g) => g.grouping.id).sort()).toEqual(['akademi-norr', 'norrbottens-kommuner', 'swpp']);
		expect(await loadMunicipalityPage(db, '9999')).toBeNull();
	});
});
