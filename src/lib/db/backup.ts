import { Backup, buildBackup, type BackupRows } from '$lib/domain/backup';
import { NATIONAL_ID } from '$lib/domain/ids';
import type { LagesbildDatabase } from './database';
import { loadGrouping } from './queries';
import { writeRestoredRows } from './edits';
import { StorageFullError, isQuotaError } from './storage-errors';

/** The backup of one grouping as the local store holds it. */
export async function exportBackup(db: LagesbildDatabase, groupingId: string, exportedAt = new Date().toISOString()): Promise<Backup> {
	const data = await loadGrouping(db, groupingId);
	if (!data) throw new Error(`Organisationen ${groupingId} finns inte på den här enheten.`);
	// Every organisation a row names: the grouping, its members, and any other a value or target is for.
	const referenced = new Set([groupingId, ...data.members.keys(), ...data.targets.map((t) => t.organisationId), ...data.measurements.map((m) => m.organisationId)]);
	referenced.delete(NATIONAL_ID);
	const organisations = (await db.organisations.bulkGet([...referenced])).flatMap((o) => (o ? [o] : []));
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

export class RestoreError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RestoreError';
	}
}

export type RestoreSummary = { referenceRows: number; measurements: number; assessments: number };

/**
 * Restores a backup into a local store that does not hold the grouping (an
 * empty one, or one without this grouping). Reference rows are put directly,
 * as the demo loader does; measurements and assessments go through the write
 * path with an outbox entry each, so the next sync sends them to the server.
 * Municipalities already in the store are left as they are. One transaction:
 * all or nothing.
 */
export async function restoreBackup(db: LagesbildDatabase, input: unknown): Promise<RestoreSummary> {
	const parsed = Backup.safeParse(input);
	if (!parsed.success) throw new RestoreError(`Säkerhetskopian kan inte läsas: ${parsed.error.issues[0]?.message ?? 'okänt fel'}`);
	const backup = parsed.data;
	try {
		return await db.transaction(
			'rw',
			[db.organisations, db.memberships, db.plans, db.goalAreas, db.goals, db.subGoals, db.indicators, db.targets, db.measurements, db.assessments, db.reportingRounds, db.outbox],
			async () => {
				if (await db.organisations.get(backup.groupingId)) {
					throw new RestoreError(`${backup.groupingId} finns redan på den här enheten; en säkerhetskopia läses bara in där förbundet saknas.`);
				}
				const clashes = [
					...(await db.measurements.bulkGet(backup.measurements.map((m) => m.id))),
					...(await db.assessments.bulkGet(backup.assessments.map((a) => a.id))),
					...(await db.indicators.bulkGet(backup.indicators.map((i) => i.id))),
					...(await db.plans.bulkGet(backup.plans.map((p) => p.id)))
				].filter((row) => row !== undefined);
				if (clashes.length > 0) {
					throw new RestoreError(`Den här enheten har redan ${clashes.length} av säkerhetskopians rader (t.ex. ${clashes[0]!.id}); inget har lästs in.`);
				}
				const present = new Set((await db.organisations.bulkGet(backup.organisations.map((o) => o.id))).flatMap((o) => (o ? [o.id] : [])));
				await db.organisations.bulkPut(backup.organisations.filter((o) => !present.has(o.id)));
				await db.memberships.bulkPut(backup.memberships);
				await db.plans.bulkPut(backup.plans);
				await db.goalAreas.bulkPut(backup.goalAreas);
				await db.goals.bulkPut(backup.goals);
				await db.subGoals.bulkPut(backup.subGoals);
				await db.indicators.bulkPut(backup.indicators);
				await db.targets.bulkPut(backup.targets);
				await db.reportingRounds.bulkPut(backup.reportingRounds);
				await writeRestoredRows(db, { measurements: backup.measurements, assessments: backup.assessments });
				const referenceRows =
					backup.organisations.length - present.size +
					backup.memberships.length + backup.plans.length + backup.goalAreas.length + backup.goals.length +
					backup.subGoals.length + backup.indicators.length + backup.targets.length + backup.reportingRounds.length;
				return { referenceRows, measurements: backup.measurements.length, assessments: backup.assessments.length };
			}
		);
	} catch (error) {
		if (isQuotaError(error)) throw new StorageFullError(error);
		throw error;
	}
}
