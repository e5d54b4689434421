// Test helper (not a test file): a grouping's board-report input from the demo data, as the local store would give it.
import type { BoardReportInput } from '$lib/domain/views/board-report';
import { buildDemoData } from './demo-data';

const demo = buildDemoData();

export function demoReportInput(groupingId: string): BoardReportInput {
	const plans = demo.plans.filter((p) => p.organisationId === groupingId);
	const goals = demo.goals.filter((g) => plans.some((p) => p.id === g.planId));
	const indicators = demo.indicators.filter((i) => i.organisationId === groupingId);
	const memberships = demo.memberships.filter((m) => m.groupingId === groupingId);
	const organisations = new Map(demo.organisations.map((o) => [o.id, o]));
	return {
		groupingId,
		grouping: organisations.get(groupingId)!,
		members: new Map(memberships.map((m) => [m.memberId, organisations.get(m.memberId)!])),
		memberships,
		plans,
		goalAreas: demo.goalAreas
			.filter((a) => plans.some((p) => p.id === a.planId))
			.sort((a, b) => a.order - b.order),
		goals,
		subGoals: demo.subGoals.filter((s) => goals.some((g) => g.id === s.goalId)),
		indicators,
		targets: demo.targets.filter((t) => indicators.some((i) => i.id === t.indicatorId)),
		measurements: demo.measurements.filter((m) => indicators.some((i) => i.id === m.indicatorId)),
		assessments: demo.assessments.filter((a) => goals.some((g) => g.id === a.goalId))
	};
}
