import { describe, it, expect, beforeAll } from 'vitest';
import { createDemoTestDatabase } from './test-database';
import { saveMeasurement, saveAssessment } from './edits';
import { exportBackup } from './backup';
import { buildDemoData, type DemoData } from '$lib/seed/demo-data';
import { parseBackup, serializeBackup, BACKUP_VERSION } from '$lib/domain/sync/backup';

const AT = '2026-11-23T10:00:00.000Z';
let demo: DemoData;
beforeAll(() => {
	demo = buildDemoData();
});

async function demoStore() {
	return createDemoTestDatabase(demo);
}

describe('JSON backup of a grouping', () => {
	it.each(['akademi-norr', 'norrbottens-kommuner', 'umearegionen'])(
		'%s: export → read back gives every row of the grouping, and writing it again gives the identical file',
		async (groupingId) => {
			const source = await demoStore();
			// Local edits, a national value and an assessment are part of the backup too.
			const indicator = await source.indicators.where('organisationId').equals(groupingId).first();
			if (indicator)
				await saveMeasurement(
					source,
					{
						indicatorId: indicator.id,
						organisationId: 'riket',
						year: 2024,
						gender: 'T',
						value: 1,
						status: 'final',
						source: 'Kolada N03937'
					},
					{ name: 'Anna' }
				);
			const firstGoal = (await source.goals.toArray()).find((g) => g.planId.startsWith(groupingId));
			if (firstGoal)
				await saveAssessment(
					source,
					{ goalId: firstGoal.id, year: 2026, status: 'atRisk', analysis: 'Arbetet är försenat.' },
					{ name: 'Anna' }
				);

			const file = serializeBackup(await exportBackup(source, groupingId, AT));
			const read = parseBackup(file);
			if (!read.ok) throw new Error(read.error);
			expect(read.backup.version).toBe(BACKUP_VERSION);
			// Norrbottens Kommuner follows its goals with assessments only.
			expect(read.backup.measurements.length + read.backup.assessments.length).toBeGreaterThan(0);
			expect(read.backup.measurements.some((m) => m.organisationId === 'riket')).toBe(
				indicator !== undefined
			);

			expect(read.backup.measurements).toHaveLength(
				(await source.measurements.toArray()).filter(
					(m) =>
						m.organisationId === groupingId ||
						read.backup.indicators.some((i) => i.id === m.indicatorId)
				).length
			);
			expect(serializeBackup(read.backup)).toBe(file);
		}
	);

	it('a damaged or foreign file gets a clear message', async () => {
		const db = await demoStore();
		const file = serializeBackup(await exportBackup(db, 'akademi-norr', AT));
		expect(parseBackup('{')).toEqual({
			ok: false,
			error: 'Filen är inte en säkerhetskopia från Lägesbild (den är inte JSON).'
		});
		expect(parseBackup('{"values":[]}')).toEqual({
			ok: false,
			error: 'Filen är inte en säkerhetskopia från Lägesbild.'
		});
		expect(parseBackup(file.replace('"version": 1', '"version": 2'))).toMatchObject({
			ok: false,
			error: expect.stringMatching(/formatversion 2, nyare/)
		});
		const json = JSON.parse(file);
		json.indicators = json.indicators.slice(1);
		expect(parseBackup(JSON.stringify(json))).toMatchObject({
			ok: false,
			error: expect.stringMatching(/hör till en indikator som saknas/)
		});
	});
});
