import { demoReportInput } from '$lib/seed/demo-report-input';
import { describe, it, expect } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { buildBoardReport } from './board-report';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import type { Assessment } from '../figures/assessment';

const demo = buildDemoData();

const input = demoReportInput;

describe('buildBoardReport', () => {
	it('has one page per goal area of Akademi Norr, in order', () => {
		const report = buildBoardReport(input('akademi-norr'));
		expect(report.pages.map((p) => p.title)).toEqual([
			'Verksamhetens mål 2025',
			'God ekonomisk hushållning för kommunalförbundet'
		]);
		expect(report.tally.reduce((n, t) => n + t.count, 0)).toBe(5);
	});

	it('charts the headline series (three years) but not single-year or yes/no values', () => {
		const report = buildBoardReport(input('akademi-norr'));
		const all = report.pages.flatMap((p) =>
			p.goals.flatMap((g) => [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)])
		);
		expect(all.filter((i) => i.chart).map((i) => i.summary.indicator.id)).toEqual([
			HEADLINE_INDICATOR_ID
		]);
		expect(
			all.find((i) => i.summary.indicator.id === HEADLINE_INDICATOR_ID)?.dashboard.summary
		).toBe('Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet (exempeldata).');
	});

	it('gives goals without a goal area one page, and one page per area for Norrbottens Kommuner', () => {
		expect(buildBoardReport(input('kompetensmaklare')).pages.map((p) => p.title)).toEqual(['Mål']);
		expect(buildBoardReport(input('norrbottens-kommuner')).pages).toHaveLength(3);
	});
});

describe('a year 4 of 12 members have reported, in the board report', () => {
	// The case: 2025 values of four members for Antal antagna studenter (a sum) and the headline (a mean).
	const reported = ['Dorotea', 'Storuman', 'Vilhelmina', 'Åsele'].map(
		(name) => demo.organisations.find((o) => o.name === name)!.id
	);
	const base = input('akademi-norr');
	const value = (indicatorId: string, organisationId: string, v: number) => ({
		...demo.measurements.find((m) => m.indicatorId === indicatorId)!,
		id: `m:${indicatorId}:${organisationId}:2025:t`,
		organisationId,
		year: 2025,
		value: v,
		exampleData: false
	});
	const report = buildBoardReport({
		...base,
		measurements: [
			...base.measurements,
			...reported.map((id) => value('akademi-norr-antagna-studenter', id, 20)),
			...reported.map((id) => value(HEADLINE_INDICATOR_ID, id, 30))
		]
	});
	const all = report.pages.flatMap((p) =>
		p.goals.flatMap((g) => [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)])
	);
	const find = (id: string) => all.find((i) => i.summary.indicator.id === id)!;

	it('judges and states the last complete year, and gives the new one as preliminary with "4 av 12"', () => {
		const admitted = find('akademi-norr-antagna-studenter');
		expect(admitted.dashboard.latest).toMatchObject({ year: 2024, value: 517 });
		expect(admitted.dashboard.preliminary).toMatchObject({
			year: 2025,
			value: 80,
			memberCount: 12
		});
		expect(admitted.dashboard.preliminary?.contributing).toHaveLength(4);
		// Not "Minskar med 437 per år, en försämring": one final year is no trend.
		expect(admitted.dashboard.trend).toBeNull();
		expect(admitted.dashboard.chartSummary).toContain(
			'Preliminärt, alla kommuner har inte rapporterat: 2025: 80 (4 av 12 kommuner).'
		);
	});

	it('keeps a mean of four out of the status and the trend', () => {
		const headline = find(HEADLINE_INDICATOR_ID);
		expect(headline.summary.latest?.year).toBe(2024);
		expect(headline.summary.status).toBe('onTrack');
		expect(headline.dashboard.trend?.toYear).toBe(2024);
		expect(headline.dashboard.series.find((s) => s.year === 2025)).toMatchObject({
			complete: false
		});
	});
});

describe('the analysis of every goal, in the board report', () => {
	const assessment = (
		goalId: string,
		extra: Pick<Assessment, 'status'> & Partial<Assessment>
	): Assessment => ({
		id: `a:${goalId}:2025`,
		goalId,
		year: 2025,
		analysis: 'Analysen för styrelsen.',
		updatedBy: 'Erik',
		updatedAt: '2026-03-01T10:00:00.000Z',
		exampleData: false,
		...extra
	});

	it('prints the analysis of a goal that has indicators, with its status word', () => {
		const base = input('akademi-norr');
		const goal = base.goals.find((g) => base.indicators.some((i) => i.goalId === g.id))!;
		const report = buildBoardReport({
			...base,
			assessments: [
				...base.assessments.filter((a) => a.goalId !== goal.id),
				assessment(goal.id, { status: 'atRisk' })
			]
		});
		const printed = report.pages.flatMap((p) => p.goals).find((g) => g.goal.goal.id === goal.id)!;
		expect(printed.indicators.length).toBeGreaterThan(0);
		expect(printed.goal.assessment?.analysis).toBe('Analysen för styrelsen.');
		expect(printed.assessmentWord).toBe('Risk');
		expect(printed.goal.status).toBe('atRisk');
	});

	it("prints an SWPP goal's five-step word, its status the one the step counts as", () => {
		const base = input('swpp');
		expect(base.plans.every((p) => p.assessmentScale === 'fiveStep')).toBe(true);
		const goal = base.goals[0];
		const report = buildBoardReport({
			...base,
			assessments: [assessment(goal.id, { status: 'onTrack', step: 4 })]
		});
		const printed = report.pages.flatMap((p) => p.goals).find((g) => g.goal.goal.id === goal.id)!;
		expect(printed.assessmentWord).toBe('I hög grad');
		expect(printed.goal.status).toBe('onTrack');
		expect(
			report.pages
				.flatMap((p) => p.goals)
				.filter((g) => g.goal.goal.id !== goal.id)
				.every((g) => g.assessmentWord === null)
		).toBe(true);
	});
});
