import * as z from 'zod/mini';
import { Id, Year, Timestamp } from '../common';
import { Review } from '../entry/review';

export const GoalStatus = z.enum(['onTrack', 'atRisk', 'offTrack', 'notAssessed']);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
	onTrack: 'I fas',
	atRisk: 'Risk',
	offTrack: 'Ej i fas',
	notAssessed: 'Ej bedömt'
};

/**
 * The scale a plan's goals are assessed on. 'status' is the app's own
 * (I fas / Risk / Ej i fas); 'fiveStep' is the five-step scale of Region
 * Västerbotten's decisions and the SWPP application (Inte alls … I mycket hög grad).
 */
export const AssessmentScale = z.enum(['status', 'fiveStep']);
export type AssessmentScale = z.infer<typeof AssessmentScale>;

export const ASSESSMENT_SCALE_LABELS: Record<AssessmentScale, string> = {
	status: 'I fas / Risk / Ej i fas',
	fiveStep: 'Femgradig: Inte alls – I låg grad – Delvis – I hög grad – I mycket hög grad'
};

/** The five-step scale's words, step 1 to 5. */
export const FIVE_STEP_LABELS = [
	'Inte alls',
	'I låg grad',
	'Delvis',
	'I hög grad',
	'I mycket hög grad'
] as const;

/** A step of the five-step scale, stored as 1–5. */
export const FiveStep = z
	.int('Steget måste vara ett heltal')
	.check(z.gte(1, 'Steget måste vara 1–5'), z.lte(5, 'Steget måste vara 1–5'));

/**
 * The overall status a five-step answer counts as, for colours and tallies:
 * Inte alls and I låg grad are off track, Delvis at risk, I hög grad and I
 * mycket hög grad on track.
 */
export function statusOfStep(step: number): Exclude<GoalStatus, 'notAssessed'> {
	return step <= 2 ? 'offTrack' : step === 3 ? 'atRisk' : 'onTrack';
}

/**
 * A yearly judgement of a goal, with the analysis behind it: for every goal,
 * with or without indicators. On a five-step plan the row keeps the step
 * (its own word is what is shown) and the status it counts as.
 */
export const Assessment = z
	.object({
		id: Id,
		goalId: Id,
		year: Year,
		status: GoalStatus,
		/** The five-step answer (1–5), on plans assessed on that scale; absent on the status scale. */
		step: z.optional(FiveStep),
		analysis: z._default(
			z.string().check(z.maxLength(20000, 'Analysen får vara högst 20 000 tecken')),
			''
		),
		updatedBy: z.string().check(z.maxLength(200)),
		updatedAt: Timestamp,
		exampleData: z._default(z.boolean(), false),
		/** The admins' approval or return (with why) in the reporting round; none while it awaits them. */
		review: z.optional(Review)
	})
	.check(
		z.refine((a) => a.step === undefined || a.status === statusOfStep(a.step), {
			message: 'Statusen stämmer inte med steget på den femgradiga skalan',
			path: ['status']
		})
	);
export type Assessment = z.infer<typeof Assessment>;

/** The word an assessment is shown with: its five-step word, or its status's. */
export function assessmentWord(a: Pick<Assessment, 'status' | 'step'>): string {
	return a.step !== undefined ? FIVE_STEP_LABELS[a.step - 1] : GOAL_STATUS_LABELS[a.status];
}

/** One choice of the assessment form: its key (the select's value), its word, and what is stored. */
export type AssessmentChoice = { key: string; label: string; status: GoalStatus; step?: number };

/**
 * What the assessment form offers on a scale. The status scale offers the
 * four statuses as before; the five-step scale its five words, after "Ej
 * bedömt" for an analysis saved without a judgement.
 */
export function assessmentChoices(scale: AssessmentScale | undefined): AssessmentChoice[] {
	if (scale !== 'fiveStep')
		return GoalStatus.options.map((status) => ({
			key: status,
			label: GOAL_STATUS_LABELS[status],
			status
		}));
	return [
		{ key: 'notAssessed', label: GOAL_STATUS_LABELS.notAssessed, status: 'notAssessed' },
		...FIVE_STEP_LABELS.map((label, i) => ({
			key: `step-${i + 1}`,
			label,
			status: statusOfStep(i + 1),
			step: i + 1
		}))
	];
}

/**
 * The form's choice for a stored assessment on a scale. An assessment made on
 * the other scale (the plan's scale was changed afterwards) starts the form
 * at "Ej bedömt" on the five-step scale, or at its status on the status scale.
 */
export function choiceKeyOf(
	a: Pick<Assessment, 'status' | 'step'> | undefined,
	scale: AssessmentScale | undefined
): string {
	if (!a) return 'notAssessed';
	if (scale === 'fiveStep') return a.step !== undefined ? `step-${a.step}` : 'notAssessed';
	return a.status;
}
