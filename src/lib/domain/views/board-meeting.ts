/**
 * The board-meeting mode: the overview one goal area at a time, large enough
 * to read on a shared screen, each goal with its status, its indicators'
 * latest value against target and the analysis written for it. Derived from
 * the overview (overview.ts); the stepping and the swipe are decided here too,
 * so the page only reads keys and pointers.
 */
import type { Assessment, GoalStatus } from '../figures/assessment';
import type { GoalSummary, GroupingOverview } from './overview';
import { indicatorTile, type IndicatorTile } from './indicator-tile';

export type MeetingGoal = {
	id: string;
	name: string;
	status: GoalStatus;
	exampleData: boolean;
	/** The goal's and its sub-goals' indicators, in order. */
	indicators: IndicatorTile[];
	/** The latest assessment: the year's analysis shown beside the figures; null when none is written. */
	assessment: Pick<Assessment, 'year' | 'status' | 'analysis' | 'exampleData'> | null;
	/** Set when values changed after the analysis was written. */
	staleSince: string | null;
};

export type MeetingSlide = {
	/** The goal area's name, or "Övriga mål" for goals outside any area. */
	title: string;
	/** The plan's name, with its years. */
	plan: string;
	goals: MeetingGoal[];
};

function meetingGoal(g: GoalSummary): MeetingGoal {
	const summaries = [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)];
	return {
		id: g.goal.id,
		name: g.goal.name,
		status: g.status,
		exampleData: g.exampleData,
		indicators: summaries.map((s) => indicatorTile(s)),
		assessment: g.assessment
			? {
					year: g.assessment.year,
					status: g.assessment.status,
					analysis: g.assessment.analysis,
					exampleData: g.assessment.exampleData
				}
			: null,
		staleSince: g.assessmentStaleSince
	};
}

/** One slide per goal area that has goals, plan by plan in the overview's order (the newest plan first). */
export function meetingSlides(overview: GroupingOverview): MeetingSlide[] {
	return overview.plans.flatMap(({ plan, areas }) => {
		const planName = `${plan.name} (${plan.fromYear}${plan.toYear !== plan.fromYear ? `–${plan.toYear}` : ''})`;
		return areas
			.filter((a) => a.goals.length > 0)
			.map((a) => ({
				title: a.area?.name ?? 'Övriga mål',
				plan: planName,
				goals: a.goals.map(meetingGoal)
			}));
	});
}

/** The slide after a step, held within the slides (no wrap-around: the last slide stays the last). */
export function stepSlide(index: number, count: number, step: -1 | 1): number {
	if (count <= 0) return 0;
	return Math.min(count - 1, Math.max(0, index + step));
}

/** "2 av 5" */
export function slidePosition(index: number, count: number): string {
	return `${Math.min(index + 1, count)} av ${count}`;
}

/** The least horizontal travel, in CSS pixels, that counts as a swipe. */
export const SWIPE_MIN_DISTANCE = 50;

/**
 * The step a pointer's travel asks for: a mostly horizontal move of at least
 * SWIPE_MIN_DISTANCE; right to left goes forward (as turning a page), left to
 * right back. A vertical move (scrolling a long slide) or a tap is no step.
 */
export function swipeStep(dx: number, dy: number): -1 | 1 | null {
	if (Math.abs(dx) < SWIPE_MIN_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return null;
	return dx < 0 ? 1 : -1;
}

/** The step a key asks for: arrows and Page Up/Down; null for any other key. */
export function keyStep(key: string): -1 | 1 | null {
	if (key === 'ArrowRight' || key === 'PageDown') return 1;
	if (key === 'ArrowLeft' || key === 'PageUp') return -1;
	return null;
}
