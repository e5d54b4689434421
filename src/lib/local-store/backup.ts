import { Backup, buildBackup, type BackupRows } from '$lib/domain/sync/backup';
import { NATIONAL_ID } from '$lib/domain/ids';
import type { LagesbildDatabase } from './database';
import { loadGrouping } from './queries';

/** The backup of one grouping as the local store holds it. */
export async function exportBackup(
	db: LagesbildDatabase,
	groupingId: string,
	exportedAt = new Date().toISOString()
): Promise<Backup> {
	const data = await loadGrouping(db, groupingId);
	if (!data) throw new Error(`Organisationen ${groupingId} finns inte på den här enheten.`);
	// Every organisation a row names: the grouping, its members, and any other a value or target is for.
	const referenced = new Set([
		groupingId,
		...data.members.keys(),
		...data.targets.map((t) => t.organisationId),
		...data.measurements.map((m) => m.organisationId)
	]);
	referenced.delete(NATIONAL_ID);
	const organisations = (await db.organisations.bulkGet([...referenced])).flatMap((o) =>
		o ? [o] : []
	);
	const rows: BackupRows = {
		organisations,
		memberships: data.memberships,
		plans: data.plans,
		goalAreas: data.goalAreas,
		goals: data.goals,
		subGoals: data.subGoals,
		indicators: data.indicators,
		targets: data.targets,
		measurements: data.measurements,
		assessments: data.assessments,
		reportingRounds: data.reportingRounds
	};
	return buildBackup(groupingId, rows, exportedAt);
}
