import { prettifyError, safeParse, type core } from 'zod/mini';
import { Organisation } from '$lib/domain/plan/organisation';
import { Membership } from '$lib/domain/plan/membership';
import { Plan, GoalArea, Goal, SubGoal } from '$lib/domain/plan/goal-tree';
import { Indicator } from '$lib/domain/plan/indicator';
import { Target } from '$lib/domain/plan/target';
import { Measurement } from '$lib/domain/figures/measurement';
import { Assessment } from '$lib/domain/figures/assessment';
import { ReportingRound } from '$lib/domain/entry/reporting-round';
import { allMunicipalities } from './municipalities';
import { akademiNorr } from './akademi-norr';
import { umearegionen } from './umearegionen';
import { norrbottensKommuner } from './norrbottens-kommuner';
import { kompetensmaklare } from './kompetensmaklare';
import { swpp } from './swpp';
import type { ReferenceData } from '$lib/domain/sync/reference';
import { markExampleIndicators, mergeParts, type SeedRows } from './rows';

/**
 * The app's demo data, built from the five source documents and the SCB
 * extracts in `sources/`. Rows marked `exampleData` are made up for the demo;
 * everything else is a figure or text from a document or from SCB.
 */
export type DemoData = Omit<ReferenceData, 'revision'> & {
	measurements: Measurement[];
	assessments: Assessment[];
};

/** Parses every row of one table; a bad row throws with its table and id, so the faulty source line is easy to find. */
function parseTable<T>(
	table: keyof DemoData,
	schema: core.$ZodType<T>,
	rows: readonly { id: string }[]
): T[] {
	return rows.map((row) => {
		const result = safeParse(schema, row);
		if (!result.success) {
			throw new Error(
				`Ogiltig demorad i ${table}, id "${row.id}":\n${prettifyError(result.error)}`
			);
		}
		return result.data;
	});
}

function validated(rows: SeedRows): DemoData {
	return {
		organisations: parseTable('organisations', Organisation, rows.organisations),
		memberships: parseTable('memberships', Membership, rows.memberships),
		plans: parseTable('plans', Plan, rows.plans),
		goalAreas: parseTable('goalAreas', GoalArea, rows.goalAreas),
		goals: parseTable('goals', Goal, rows.goals),
		subGoals: parseTable('subGoals', SubGoal, rows.subGoals),
		indicators: parseTable('indicators', Indicator, rows.indicators),
		targets: parseTable('targets', Target, rows.targets),
		reportingRounds: parseTable('reportingRounds', ReportingRound, rows.reportingRounds),
		measurements: parseTable('measurements', Measurement, rows.measurements),
		assessments: parseTable('assessments', Assessment, rows.assessments)
	};
}

/** Every row of the demo, validated by the domain schemas. Pure: identical output on every call. */
export function buildDemoData(): DemoData {
	const rows = mergeParts([
		// Every Swedish municipality, so a grouping can add any of them as a member.
		{ organisations: allMunicipalities() },
		akademiNorr(),
		umearegionen(),
		norrbottensKommuner(),
		kompetensmaklare(),
		swpp()
	]);
	return validated(markExampleIndicators(rows));
}
