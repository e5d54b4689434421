import { describe, it, expect } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { buildBoardReport, type BoardReportInput } from './board-report';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';

const demo = buildDemoData();

function input(groupingId: string): BoardReportInput {
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
		goalAreas: demo.goalAreas.filter((a) => plans.some((p) => p.id === a.planId)).sort((a, b) => a.order - b.order),
		goals,
		subGoals: demo.subGoals.filter((s) => goals.some((g) => g.id === s.goalId)),
		indicators,
		targets: demo.targets.filter((t) => indicators.some((i) => i.id === t.indicatorId)),
		measurements: demo.measurements.filter((m) => indicators.some((i) => i.id === m.indicatorId)),
		assessments: demo.assessments.filter((a) => goals.some((g) => g.id === a.goalId))
	};
}

describe('buildBoardReport', () => {
	it('has one page per goal area of Akademi Norr, in order', () => {
		const report = buildBoardReport(input('akademi-norr'));
		expect(report.pages.map((p) => p.title)).toEqual(['Verksamhetens mål 2025', 'God ekonomisk hushållning för kommunalförbundet']);
		expect(report.tally.reduce((n, t) => n + t.count, 0)).toBe(5);
	});

	it('charts the headline series (three years) but not single-year or yes/no values', () => {
		const report = buildBoardReport(input('akademi-norr'));
		const all = report.pages.flatMap((p) => p.goals.flatMap((g) => [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)]));
		expect(all.filter((i) => i.chart).map((i) => i.summary.indicator.id)).toEqual([HEADLINE_INDICATOR_ID]);
		expect(all.find((i) => i.summary.indicator.id === HEADLINE_INDICATOR_ID)?.dashboard.summary).toBe(
			'Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet (exempeldata).'
		);
	});

	it('gives goals without a goal area one page, and one page per area for Norrbottens Kommuner', () => {
		expect(buildBoardReport(input('kompetensmaklare')).pages.map((p) => p.title)).toEqual(['Mål']);
		expect(buildBoardReport(input('norrbottens-kommuner')).pages).toHaveLength(3);
	});
});
