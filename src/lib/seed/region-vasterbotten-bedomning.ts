import { FIVE_STEP_LABELS } from '$lib/domain/figures/assessment';
import { measurementRow, type SeedPart } from './rows';

/**
 * Region Västerbotten's two assessment tables, printed in each of its project
 * decisions ("Agenda för hållbar regional finansiering"): six requirements
 * answered yes/no, and three priority-raising aspects judged on a five-step
 * scale. Both project decisions in the documents use the same tables, so the
 * goals and indicators are built here from one definition.
 */

export const REQUIREMENTS = {
	avgransat:
		'Projektet är avgränsad från den sökandes ordinarie verksamhet i fråga om tid, ekonomi och arbetsinsats',
	projektlogik:
		'Projektet har en projektlogik som visar vilka problem ska lösas, vad ska uppnås, genom vilka åtgärder projektets mål uppnås och med vilka resurser detta görs',
	jamstalldhet: 'Jämställdhet är integrerad i projektet',
	mangfald: 'Mångfald inklusive integration och andra sociala aspekter är integrerad i projektet',
	ekologisk: 'Ekologisk hållbarhet är integrerad i projektet',
	ekonomisk: 'Ekonomisk hållbarhet är integrerad i projektet'
} as const;

export const PRIORITY_ASPECTS = {
	sammanhallen: 'Projektet bidrar till att Västerbotten är en sammanhållen region',
	tillvaxt: 'Projektet bidrar till hållbar regional tillväxt',
	hallbarhetseffekter:
		'Projektet bidrar till positiva hållbarhetseffekter genom insatser som i huvudsak syftar till att hantera regionala hållbarhetsutmaningar inom jämställdhet, mångfald inklusive integration och andra sociala dimensioner och miljö och klimat'
} as const;

/**
 * The table's columns, stored as 1–5: the five-step assessment scale
 * (assessment.ts). An indicator keeps no labels for a scale, so they go in the description.
 */
export const SCALE_STEPS = FIVE_STEP_LABELS;
export type ScaleStep = (typeof SCALE_STEPS)[number];
const SCALE_TEXT = SCALE_STEPS.map((label, i) => `${i + 1} = ${label}`).join(', ');

export type RegionAssessment = {
	groupingId: string;
	planId: string;
	/** Order of the first of the two goals in the plan. */
	goalOrder: number;
	/** Order of the first indicator in the grouping. */
	indicatorOrder: number;
	/** The year the decision's figures are recorded under. */
	year: number;
	/** The decision, as a source string. */
	source: string;
	/** A note on each value, e.g. the decision's diary number. */
	note: string;
	requirements: Record<keyof typeof REQUIREMENTS, 'Ja' | 'Nej'>;
	/** null where the decision marks no column for the aspect. */
	aspects: Record<keyof typeof PRIORITY_ASPECTS, ScaleStep | null>;
};

export function regionAssessmentRows(a: RegionAssessment): SeedPart {
	const requirementsGoal = `${a.planId}-agenda-krav`;
	const aspectsGoal = `${a.planId}-agenda-prioritet`;
	const part: Required<Pick<SeedPart, 'goals' | 'indicators' | 'targets' | 'measurements'>> = {
		goals: [
			{
				id: requirementsGoal,
				planId: a.planId,
				kind: 'goal',
				name: 'Projektet uppfyller kraven i Region Västerbottens Agenda för hållbar regional finansiering',
				description:
					'Region Västerbottens bedömning i beslutet, tabellen ”KRAV fastställda i Agenda för hållbar regional finansiering” (nej/ja).',
				order: a.goalOrder
			},
			{
				id: aspectsGoal,
				planId: a.planId,
				kind: 'goal',
				name: 'Projektet bidrar till de prioritetshöjande aspekterna i Agenda för hållbar finansiering',
				description: `Region Västerbottens bedömning i beslutet, tabellen ”PRIORITETSHÖJANDE ASPEKTER” på en femgradig skala: ${SCALE_TEXT}.`,
				order: a.goalOrder + 1
			}
		],
		indicators: [],
		targets: [],
		measurements: []
	};

	const measure = (indicatorId: string, value: number | null, note = a.note) =>
		measurementRow({
			indicatorId,
			organisationId: a.groupingId,
			year: a.year,
			value,
			origin: 'document',
			source: a.source,
			note
		});

	for (const [key, name] of Object.entries(REQUIREMENTS) as [keyof typeof REQUIREMENTS, string][]) {
		const id = `${a.groupingId}-krav-${key}`;
		part.indicators.push({
			id,
			organisationId: a.groupingId,
			goalId: requirementsGoal,
			name,
			unit: 'yesno',
			decimals: 0,
			betterDirection: 'higher',
			source: { kind: 'document', description: a.source },
			aggregation: 'none',
			scope: 'grouping',
			order: a.indicatorOrder + part.indicators.length
		});
		// A requirement is a condition for funding: it must be met.
		part.targets.push({
			id: `${id}-mal`,
			indicatorId: id,
			organisationId: a.groupingId,
			rule: { kind: 'threshold', operator: '=', value: 1 },
			description: 'Kravet ska vara uppfyllt.',
			source: a.source
		});
		part.measurements.push(measure(id, a.requirements[key] === 'Ja' ? 1 : 0));
	}

	for (const [key, name] of Object.entries(PRIORITY_ASPECTS) as [
		keyof typeof PRIORITY_ASPECTS,
		string
	][]) {
		const id = `${a.groupingId}-prioritet-${key}`;
		const step = a.aspects[key];
		part.indicators.push({
			id,
			organisationId: a.groupingId,
			goalId: aspectsGoal,
			name,
			description: `Skala: ${SCALE_TEXT}.`,
			unit: 'scale5',
			decimals: 0,
			betterDirection: 'higher',
			source: { kind: 'document', description: a.source },
			aggregation: 'none',
			scope: 'grouping',
			order: a.indicatorOrder + part.indicators.length
		});
		const value = step === null ? null : SCALE_STEPS.indexOf(step) + 1;
		part.measurements.push(
			measure(
				id,
				value,
				step === null ? `${a.note} Ingen kolumn är markerad i beslutet.` : `${a.note} ”${step}”.`
			)
		);
	}
	return part;
}
