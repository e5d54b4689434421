import type { LagesbildDatabase, LocalAssessment, LocalMeasurement } from './database';
import type { Indicator } from '$lib/domain/plan/indicator';
import type { Organisation } from '$lib/domain/plan/organisation';
import type { Goal } from '$lib/domain/plan/goal-tree';

/**
 * The open conflicts on the device, read through the index of rows that
 * have one (database.ts), never by reading every value: the header counts
 * them on every page. No schemas here: the header is on the first page.
 */

const HAS_CONFLICT = 'conflicts.length';

export async function openConflictCount(db: LagesbildDatabase): Promise<number> {
	const [values, assessments] = await Promise.all([
		db.measurements.where(HAS_CONFLICT).above(0).count(),
		db.assessments.where(HAS_CONFLICT).above(0).count()
	]);
	return values + assessments;
}

/** Every value on the device with an open conflict. */
export function conflictedMeasurements(db: LagesbildDatabase): Promise<LocalMeasurement[]> {
	return db.measurements.where(HAS_CONFLICT).above(0).toArray();
}

/** Every assessment on the device with an open conflict. */
export function conflictedAssessments(db: LagesbildDatabase): Promise<LocalAssessment[]> {
	return db.assessments.where(HAS_CONFLICT).above(0).toArray();
}

export type MeasurementConflict = {
	entity: 'measurement';
	row: LocalMeasurement;
	/** The indicator the value's series belongs to (its founder), with its grouping. */
	indicator: Indicator | undefined;
	grouping: Organisation | undefined;
	/** The municipality (or the grouping itself) the value is for. */
	organisation: Organisation | undefined;
};

export type AssessmentConflict = {
	entity: 'assessment';
	row: LocalAssessment;
	goal: Goal | undefined;
	grouping: Organisation | undefined;
};

export type OpenConflict = MeasurementConflict | AssessmentConflict;

/** Every open conflict on the device with what it is about, for the inbox: values first, newest change first. */
export async function loadOpenConflicts(db: LagesbildDatabase): Promise<OpenConflict[]> {
	const [values, assessments] = await Promise.all([
		conflictedMeasurements(db),
		conflictedAssessments(db)
	]);
	const indicators = await db.indicators.bulkGet(values.map((v) => v.indicatorId));
	const goals = await db.goals.bulkGet(assessments.map((a) => a.goalId));
	const plans = await db.plans.bulkGet(goals.map((g) => g?.planId ?? ''));
	const organisationIds = [
		...values.map((v) => v.organisationId),
		...indicators.map((i) => i?.organisationId ?? ''),
		...plans.map((p) => p?.organisationId ?? '')
	];
	const organisations = new Map(
		(await db.organisations.bulkGet(organisationIds)).flatMap((o) =>
			o ? [[o.id, o] as const] : []
		)
	);
	const latest = (row: { updatedAt: string; conflicts?: { at: string }[] }) =>
		[row.updatedAt, ...(row.conflicts ?? []).map((c) => c.at)].sort().at(-1)!;
	const byLatest = (a: OpenConflict, b: OpenConflict) => latest(b.row).localeCompare(latest(a.row));
	return [
		...values
			.map((row, i): MeasurementConflict => ({
				entity: 'measurement',
				row,
				indicator: indicators[i],
				grouping: organisations.get(indicators[i]?.organisationId ?? ''),
				organisation: organisations.get(row.organisationId)
			}))
			.sort(byLatest),
		...assessments
			.map((row, i): AssessmentConflict => ({
				entity: 'assessment',
				row,
				goal: goals[i],
				grouping: organisations.get(plans[i]?.organisationId ?? '')
			}))
			.sort(byLatest)
	];
}
