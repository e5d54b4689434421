import { describe, it, expect } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { createDemoTestDatabase } from './test-database';
import { loadOpenConflicts, openConflictCount } from './conflict-queries';
import { loadMunicipalityForm } from './municipality-form-queries';
import { measurementId } from '$lib/domain/ids';
import type { ConflictingValue } from '$lib/domain/sync/sync-protocol';

const demo = buildDemoData();
const DOROTEA = 'kommun-2425';

describe('the conflict inbox’s read', () => {
	it('lists every open conflict with its indicator, grouping and municipality, values and assessments', async () => {
		const db = await createDemoTestDatabase(demo);
		const value = demo.measurements.find(
			(m) => m.indicatorId === 'akademi-norr-eftergymnasial-3-ar' && m.organisationId === DOROTEA
		)!;
		const candidate: ConflictingValue = {
			mutationId: crypto.randomUUID(),
			value: 99,
			row: { ...value, value: 99 },
			by: 'Erik Ek',
			at: '2026-01-01T00:00:00.000Z'
		};
		await db.measurements.update(value.id, { conflicts: [candidate] });
		const assessment = demo.assessments[0];
		await db.assessments.update(assessment.id, {
			conflicts: [{ ...candidate, value: 'atRisk', row: { ...assessment, status: 'atRisk' } }]
		});

		expect(await openConflictCount(db)).toBe(2);
		const [first, second] = await loadOpenConflicts(db);
		expect(first).toMatchObject({
			entity: 'measurement',
			row: { id: value.id },
			indicator: { id: 'akademi-norr-eftergymnasial-3-ar' },
			grouping: { id: 'akademi-norr' },
			organisation: { name: 'Dorotea' }
		});
		expect(second).toMatchObject({
			entity: 'assessment',
			row: { id: assessment.id },
			goal: { id: assessment.goalId }
		});
		expect(second.entity === 'assessment' && second.grouping).toBeTruthy();
	});
});

describe('the municipality form’s read', () => {
	it('reads the municipality, its groupings and only its own values of the year', async () => {
		const db = await createDemoTestDatabase(demo);
		const data = await loadMunicipalityForm(db, '2425', 2024, 2026);
		expect(data?.municipality.id).toBe(DOROTEA);
		expect(data?.groupings.map((g) => g.grouping.id).sort()).toEqual([
			'akademi-norr',
			'kompetensmaklare',
			'swpp'
		]);
		expect(
			[...data!.measurements.values()].every(
				(m) => m.organisationId === DOROTEA && m.year === 2024 && m.gender === 'T'
			)
		).toBe(true);
		expect(
			data!.measurements.has(measurementId('akademi-norr-eftergymnasial-3-ar', DOROTEA, 2024, 'T'))
		).toBe(true);
	});

	it('opens on the year of an open round when none is asked for', async () => {
		const db = await createDemoTestDatabase(demo);
		expect((await loadMunicipalityForm(db, '2425', null, 2026))?.year).toBe(2025);
		expect(await loadMunicipalityForm(db, '9999', null, 2026)).toBeNull();
	});
});
