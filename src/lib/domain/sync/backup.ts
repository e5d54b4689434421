import * as z from 'zod/mini';
import { Id, Timestamp } from '../common';
import { ALL_TABLES, ReferenceData } from './reference';
import { Measurement } from '../figures/measurement';
import { Assessment } from '../figures/assessment';
import { NATIONAL_ID } from '../ids';
import { ReportingRound } from '../entry/reporting-round';

/**
 * A JSON backup of one grouping: its reference rows (the grouping and its
 * member municipalities, memberships, plans and goal tree, indicators,
 * targets) and its values (measurements, assessments), with a format name
 * and version so a later app can tell what it reads. Rows are the domain
 * schemas' rows: nothing local to a device (sync revisions, open conflicts).
 */

export const BACKUP_FORMAT = 'lagesbild-backup';
export const BACKUP_VERSION = 1;

export const BACKUP_TABLES = ALL_TABLES;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const BackupShape = z.extend(z.omit(ReferenceData, { revision: true }), {
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	exportedAt: Timestamp,
	groupingId: Id,
	measurements: z.array(Measurement),
	assessments: z.array(Assessment),
	// Backups made before rounds existed have none.
	reportingRounds: z._default(z.array(ReportingRound), [])
});

/** Every reference inside the backup points at a row in it; every id is unique per table. */
export const Backup = BackupShape.check(
	z.superRefine((b, ctx) => {
		const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
		for (const table of BACKUP_TABLES) {
			const ids = new Set<string>();
			for (const row of b[table]) {
				if (ids.has(row.id)) problem(`${table}: id "${row.id}" förekommer två gånger`);
				ids.add(row.id);
			}
		}
		const idsOf = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
		const organisations = idsOf(b.organisations);
		const plans = idsOf(b.plans);
		const goalAreas = idsOf(b.goalAreas);
		const goals = idsOf(b.goals);
		const goalsAndSubGoals = new Set([...goals, ...idsOf(b.subGoals)]);
		const indicators = idsOf(b.indicators);
		const grouping = b.organisations.find((o) => o.id === b.groupingId);
		if (!grouping || grouping.kind === 'municipality')
			problem(`förbundet "${b.groupingId}" saknas bland organisationerna`);
		for (const m of b.memberships) {
			if (m.groupingId !== b.groupingId)
				problem(`medlemskapet ${m.id} gäller en annan organisation`);
			if (!organisations.has(m.memberId))
				problem(`medlemmen ${m.memberId} saknas bland organisationerna`);
		}
		for (const p of b.plans)
			if (p.organisationId !== b.groupingId)
				problem(`planen ${p.id} hör till en annan organisation`);
		for (const a of b.goalAreas)
			if (!plans.has(a.planId)) problem(`målområdet ${a.id} hör till en plan som saknas`);
		for (const g of b.goals) {
			if (!plans.has(g.planId)) problem(`målet ${g.id} hör till en plan som saknas`);
			if (g.goalAreaId && !goalAreas.has(g.goalAreaId))
				problem(`målet ${g.id} hör till ett målområde som saknas`);
		}
		for (const s of b.subGoals)
			if (!goals.has(s.goalId)) problem(`delmålet ${s.id} hör till ett mål som saknas`);
		for (const i of b.indicators) {
			if (i.organisationId !== b.groupingId)
				problem(`indikatorn ${i.id} hör till en annan organisation`);
			if (i.goalId && !goalsAndSubGoals.has(i.goalId))
				problem(`indikatorn ${i.id} hör till ett mål som saknas`);
		}
		for (const t of b.targets) {
			if (!indicators.has(t.indicatorId))
				problem(`målvärdet ${t.id} hör till en indikator som saknas`);
			if (!organisations.has(t.organisationId))
				problem(`målvärdet ${t.id} gäller en organisation som saknas`);
		}
		for (const m of b.measurements) {
			if (!indicators.has(m.indicatorId))
				problem(`värdet ${m.id} hör till en indikator som saknas`);
			if (m.organisationId !== NATIONAL_ID && !organisations.has(m.organisationId))
				problem(`värdet ${m.id} gäller en organisation som saknas`);
		}
		for (const a of b.assessments)
			if (!goalsAndSubGoals.has(a.goalId))
				problem(`bedömningen ${a.id} hör till ett mål som saknas`);
		for (const r of b.reportingRounds)
			if (r.groupingId !== b.groupingId)
				problem(`rapporteringsomgången ${r.id} gäller en annan organisation`);
	})
);
export type Backup = z.infer<typeof Backup>;

export type BackupRows = {
	[T in BackupTable]: readonly NonNullable<z.input<(typeof BackupShape.shape)[T]>>[number][];
};

/**
 * A backup from the rows of one grouping. Rows are passed through their
 * schemas (which drops what only the device keeps) and sorted by id, so the
 * same data always gives the same file.
 */
export function buildBackup(groupingId: string, rows: BackupRows, exportedAt: string): Backup {
	const sorted = Object.fromEntries(
		BACKUP_TABLES.map((table) => [
			table,
			[...rows[table]].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		])
	);
	return Backup.parse({
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt,
		groupingId,
		...sorted
	});
}

export function serializeBackup(backup: Backup): string {
	return JSON.stringify(backup, null, 2) + '\n';
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: string };

/** Reads a backup file, with a Swedish message for everything that can be wrong with it. */
export function parseBackup(text: string): ParseBackupResult {
	let json: unknown;
	try {
		json = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return {
			ok: false,
			error: 'Filen är inte en säkerhetskopia från Lägesbild (den är inte JSON).'
		};
	}
	const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.int() }).safeParse(json);
	if (!head.success) return { ok: false, error: 'Filen är inte en säkerhetskopia från Lägesbild.' };
	if (head.data.version !== BACKUP_VERSION) {
		return {
			ok: false,
			error:
				head.data.version > BACKUP_VERSION
					? `Säkerhetskopian har formatversion ${head.data.version}, nyare än den här appen läser (${BACKUP_VERSION}). Uppdatera appen och försök igen.`
					: `Säkerhetskopian har formatversion ${head.data.version}, som den här appen inte läser.`
		};
	}
	const parsed = Backup.safeParse(json);
	if (!parsed.success) {
		const issues = parsed.error.issues
			.slice(0, 3)
			.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
		return {
			ok: false,
			error: `Säkerhetskopian är skadad: ${issues.join('; ')}${parsed.error.issues.length > 3 ? ' …' : ''}`
		};
	}
	return { ok: true, backup: parsed.data };
}
