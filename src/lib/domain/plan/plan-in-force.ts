/**
 * Which of a grouping's plans its pages show. A federation with yearly plans
 * (Akademi Norr's VP 2025, VP 2026 copied from it) has several; the
 * overview, the board report, the board-meeting mode and the plan editor
 * show one at a time, so their tallies and pages are about one plan's
 * goals, never two years' goals added together. Pure: the pages pass what
 * the address asks for.
 */
import { yearsLabel } from './plan-editor';

type PlanYears = { id: string; fromYear: number; toYear: number };

/**
 * The plan asked for, when the grouping has it; otherwise the plan in force
 * in `year` (the latest starting one, should two overlap), else the latest
 * that has started, else the first to come. Undefined without plans.
 */
export function shownPlan<P extends PlanYears>(
	plans: readonly P[],
	year: number,
	requestedId: string | null = null
): P | undefined {
	const requested = plans.find((p) => p.id === requestedId);
	if (requested) return requested;
	const byStart = [...plans].sort((a, b) => b.fromYear - a.fromYear);
	return (
		byStart.find((p) => p.fromYear <= year && year <= p.toYear) ??
		byStart.find((p) => p.fromYear <= year) ??
		byStart.at(-1)
	);
}

/**
 * The plan an address asks for: `?plan=<id>`, or else the plan of the goal
 * it opens (`?bedom=<goal>`, the reporting round's link to a goal's
 * assessment), so a link from last year's round opens last year's plan.
 */
export function requestedPlanId(
	params: { plan: string | null; goalId: string | null },
	goals: readonly { id: string; planId: string }[]
): string | null {
	return params.plan ?? goals.find((g) => g.id === params.goalId)?.planId ?? null;
}

/** "Verksamhetsplan 2026 (2026)", "Handlingsplan 2023–2027 (2023–2027)": a plan in a picker. */
export function planLabel(plan: PlanYears & { name: string }): string {
	return `${plan.name} (${yearsLabel(plan)})`;
}

/** A page's input with only the shown plan: its tallies and pages are about that plan's goals alone. */
export function withOnlyPlan<P, T extends { plans: readonly P[] }>(
	input: T,
	plan: P | undefined
): T {
	return { ...input, plans: plan ? [plan] : [] };
}
