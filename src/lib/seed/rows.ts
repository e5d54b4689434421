import { ALL_TABLES } from '$lib/domain/sync/reference';
import type * as z from 'zod/mini';
import type { Organisation } from '$lib/domain/plan/organisation';
import type { Membership } from '$lib/domain/plan/membership';
import type { Plan, GoalArea, Goal, SubGoal } from '$lib/domain/plan/goal-tree';
import type { Indicator } from '$lib/domain/plan/indicator';
import type { Target } from '$lib/domain/plan/target';
import type { Measurement, Gender, MeasurementValue } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { ReportingRound } from '$lib/domain/entry/reporting-round';
import { measurementId, membershipId } from '$lib/domain/ids';

/**
 * The demo data before validation: rows as the schemas accept them (defaults
 * may be left out). `buildDemoData()` parses every row, so what it returns is
 * the schemas' output type.
 */
export type SeedRows = {
	organisations: z.input<typeof Organisation>[];
	memberships: z.input<typeof Membership>[];
	plans: z.input<typeof Plan>[];
	goalAreas: z.input<typeof GoalArea>[];
	goals: z.input<typeof Goal>[];
	subGoals: z.input<typeof SubGoal>[];
	indicators: z.input<typeof Indicator>[];
	targets: z.input<typeof Target>[];
	measurements: z.input<typeof Measurement>[];
	assessments: z.input<typeof Assessment>[];
	reportingRounds: z.input<typeof ReportingRound>[];
};

export type SeedPart = Partial<SeedRows>;

export type IndicatorInput = SeedRows['indicators'][number];
export type GoalInput = SeedRows['goals'][number];
export type SubGoalInput = SeedRows['subGoals'][number];
export type TargetInput = SeedRows['targets'][number];
export type MeasurementInput = SeedRows['measurements'][number];
export type AssessmentInput = SeedRows['assessments'][number];

/** Gives each row its position as `order`, so the document's order is kept without numbering by hand. */
export function numbered<T extends object>(rows: T[], first = 0): (T & { order: number })[] {
	return rows.map((row, i) => ({ ...row, order: first + i }));
}

export const SEED_TABLES = ALL_TABLES satisfies readonly (keyof SeedRows)[];

/** Concatenates the parts table by table, keeping the order the parts are given in. */
export function mergeParts(parts: SeedPart[]): SeedRows {
	const merged = Object.fromEntries(SEED_TABLES.map((table) => [table, []])) as unknown as SeedRows;
	for (const part of parts) {
		for (const table of SEED_TABLES) {
			(merged[table] as unknown[]).push(...((part[table] ?? []) as unknown[]));
		}
	}
	return merged;
}

/**
 * Flags every indicator that has example values, so the UI can say
 * "exempeldata" next to it; derived from the values so the two cannot drift.
 */
export function markExampleIndicators(rows: SeedRows): SeedRows {
	const withExamples = new Set(
		rows.measurements.filter((m) => m.exampleData).map((m) => m.indicatorId)
	);
	return {
		...rows,
		indicators: rows.indicators.map((ind) =>
			withExamples.has(ind.id) ? { ...ind, exampleData: true } : ind
		)
	};
}

/**
 * One fixed time for every demo row: the data must be identical on every
 * build (the server hashes it to tell clients when the demo changed).
 */
export const DEMO_UPDATED_AT = '2025-05-01T08:00:00.000Z';

/**
 * Where a value comes from decides how it is marked:
 * - 'document': a figure printed in a source document (final, not example);
 * - 'scb': official statistics from an SCB extract (final, not example);
 * - 'example': a plausible value made up for the demo (preliminary, example).
 */
export type ValueOrigin = 'document' | 'scb' | 'example';

export type MeasurementSpec = {
	indicatorId: string;
	organisationId: string;
	year: number;
	value: MeasurementValue;
	origin: ValueOrigin;
	source: string;
	note?: string;
	gender?: Gender;
};

export function measurementRow(spec: MeasurementSpec): z.input<typeof Measurement> {
	const gender = spec.gender ?? 'T';
	const isExample = spec.origin === 'example';
	return {
		id: measurementId(spec.indicatorId, spec.organisationId, spec.year, gender),
		indicatorId: spec.indicatorId,
		organisationId: spec.organisationId,
		year: spec.year,
		gender,
		value: spec.value,
		status: isExample ? 'preliminary' : 'final',
		note: spec.note ?? (isExample ? 'Exempelvärde i demodatan, inte från någon källa.' : ''),
		source: spec.source,
		updatedBy: spec.origin === 'scb' ? 'SCB' : 'demo',
		updatedAt: DEMO_UPDATED_AT,
		exampleData: isExample
	};
}

export type MembershipSpec = {
	groupingId: string;
	memberId: string;
	fromYear: number;
	toYear?: number;
	role?: string;
	feeSek?: number;
	source: string;
};

export function membershipRow(spec: MembershipSpec): z.input<typeof Membership> {
	return { id: membershipId(spec.groupingId, spec.memberId, spec.fromYear), ...spec };
}
