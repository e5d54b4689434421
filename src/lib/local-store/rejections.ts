import type { Indicator } from '$lib/domain/plan/indicator';
import { NATIONAL_ID, NATIONAL_NAME } from '$lib/domain/ids';
import type { Measurement } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { LagesbildDatabase, Rejection } from './database';

/**
 * Edits the server refused (a locked year, a missing right), each kept with
 * the value the user typed until the user dismisses it: a refusal is never
 * silent, and what was typed is never lost without the user's say.
 */
export type RejectionInContext = Rejection & {
	/** What the edit was about: "Andel med eftergymnasial utbildning, Dorotea kommun, 2025". */
	subject: string;
	indicator: Indicator | undefined;
	groupingId: string | undefined;
};

export async function listRejections(db: LagesbildDatabase): Promise<RejectionInContext[]> {
	const rejections = await db.rejections.orderBy('mutationId').toArray();
	const inContext = await Promise.all(rejections.map((r) => describe(db, r)));
	return inContext.sort((a, b) => b.at.localeCompare(a.at));
}

async function describe(db: LagesbildDatabase, rejection: Rejection): Promise<RejectionInContext> {
	if (rejection.entity === 'measurement') {
		const row = rejection.row as Measurement;
		const indicator = await db.indicators.get(row.indicatorId);
		const organisation =
			row.organisationId === NATIONAL_ID
				? { name: NATIONAL_NAME }
				: await db.organisations.get(row.organisationId);
		const subject = `${indicator?.name ?? row.indicatorId}, ${organisation?.name ?? row.organisationId}, ${row.year}`;
		return { ...rejection, subject, indicator, groupingId: indicator?.organisationId };
	}
	const row = rejection.row as Assessment;
	const goal = await db.goals.get(row.goalId);
	const plan = goal ? await db.plans.get(goal.planId) : undefined;
	return {
		...rejection,
		subject: `Bedömning av ${goal?.name ?? row.goalId}, ${row.year}`,
		indicator: undefined,
		groupingId: plan?.organisationId
	};
}

export function dismissRejection(db: LagesbildDatabase, mutationId: string): Promise<void> {
	return db.rejections.delete(mutationId);
}
