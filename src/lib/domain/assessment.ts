import * as z from 'zod/mini';
import { Id, Year, Timestamp } from './common';

export const GoalStatus = z.enum(['onTrack', 'atRisk', 'offTrack', 'notAssessed']);
export type GoalStatus = z.infer<typeof GoalStatus>;

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
	onTrack: 'I fas',
	atRisk: 'Risk',
	offTrack: 'Ej i fas',
	notAssessed: 'Ej bedömt'
};

/** A yearly judgement of a goal, with the analysis behind it (for goals without numbers, or beside them). */
export const Assessment = z.object({
	id: Id,
	goalId: Id,
	year: Year,
	status: GoalStatus,
	analysis: z._default(z.string().check(z.maxLength(20000, 'Analysen får vara högst 20 000 tecken')), ''),
	updatedBy: z.string().check(z.maxLength(200)),
	updatedAt: Timestamp,
	exampleData: z._default(z.boolean(), false)
});
export type Assessment = z.infer<typeof Assessment>;
