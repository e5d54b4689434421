import { describe, it, expect } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import {
	buildIndicatorDashboard,
	rankingForYear,
	type IndicatorDashboardInput
} from './indicator-dashboard';
import { buildMunicipalityDashboard, type GroupingRows } from './municipality-dashboard';
import { measurementId, NATIONAL_ID } from '../ids';
import { roundCompleteness } from '../figures/completeness';
import type { Organisation } from '../plan/organisation';
import { countiesOfMembers } from '../figures/county-comparison';

const demo = buildDemoData();
const organisations = new Map(demo.organisations.map((o) => [o.id, o]));

function indicatorInput(groupingId: string, indicatorId: string): IndicatorDashboardInput {
	const indicator = demo.indicators.find((i) => i.id === indicatorId)!;
	const goal =
		demo.goals.find((g) => g.id === indicator.goalId) ??
		demo.goals.find((g) =>
			demo.subGoals.some((s) => s.id === indicator.goalId && s.goalId === g.id)
		);
	const memberships = demo.memberships.filter((m) => m.groupingId === groupingId);
	return {
		grouping: organisations.get(groupingId)!,
		memberships,
		members: new Map(memberships.map((m) => [m.memberId, organisations.get(m.memberId)!])),
		indicator,
		targets: demo.targets.filter((t) => t.indicatorId === indicatorId),
		measurements: demo.measurements.filter((m) => m.indicatorId === indicatorId),
		plan: goal ? demo.plans.find((p) => p.id === goal.planId) : null
	};
}

function groupingRows(groupingId: string): GroupingRows {
	const plans = demo.plans.filter((p) => p.organisationId === groupingId).map((p) => p.id);
	const indicators = demo.indicators.filter((i) => i.organisationId === groupingId);
	return {
		grouping: organisations.get(groupingId)!,
		memberships: demo.memberships.filter((m) => m.groupingId === groupingId),
		goals: demo.goals.filter((g) => plans.includes(g.planId)),
		indicators,
		targets: demo.targets.filter((t) => indicators.some((i) => i.id === t.indicatorId)),
		measurements: demo.measurements.filter((m) => indicators.some((i) => i.id === m.indicatorId)),
		assessments: demo.assessments
	};
}

describe('the headline indicator of Akademi Norr, from the seed', () => {
	const input = indicatorInput(AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
	const dashboard = buildIndicatorDashboard(input);

	it('runs from the first value to the plan year, which the target reaches', () => {
		expect(dashboard.years).toEqual([2022, 2025]);
		expect(dashboard.series.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025]);
		expect(
			dashboard.series.map((s) => (s.value === null ? null : Math.round(s.value * 10) / 10))
		).toEqual([16.2, 16.4, 16.6, null]);
	});

	it('states the 2024 mean against the 2024 target, marked as example data', () => {
		expect(dashboard.latest?.year).toBe(2024);
		expect(dashboard.latestTarget).toBeCloseTo(16.6, 10);
		expect(dashboard.status).toBe('onTrack');
		expect(dashboard.method).toBe('oviktat medelvärde av 12 kommuner, 25–64 år');
		expect(dashboard.summary).toBe(
			'Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet (exempeldata).'
		);
		expect(dashboard.chartSummary).toContain('från 16,2 % till 16,6 %');
	});

	it('has one series per member, by name, and a trend', () => {
		expect(dashboard.members).toHaveLength(12);
		expect(dashboard.members[0].name).toBe('Arjeplog');
		expect(dashboard.members.find((m) => m.name === 'Dorotea')?.latest).toMatchObject({
			year: 2024,
			value: 14.9,
			exampleData: true
		});
		expect(dashboard.trend?.direction).toBe('improving');
	});

	it('draws members against the federation mean', () => {
		expect(dashboard.memberAverage.label).toBe('Akademi Norr (oviktat medelvärde)');
		expect(dashboard.memberAverage.series.map((p) => p.value)).toEqual(
			dashboard.series.map((s) => s.value)
		);
	});

	it('ranks the members for a chosen year', () => {
		const ranking = rankingForYear(input, dashboard, 2024);
		expect(ranking.ranked[0]).toMatchObject({ name: 'Lycksele', value: 20.3, rank: 1 });
		expect(ranking.ranked.at(-1)).toMatchObject({ name: 'Sorsele', value: 14.8 });
		expect(ranking.missing).toEqual([]);
		// No values for 2025 yet: everyone is missing, no one is ranked last.
		expect(rankingForYear(input, dashboard, 2025).ranked).toEqual([]);
	});

	it('knows no national value in the seed, and shows one once stored', () => {
		expect(dashboard.national).toBeNull();
		const withNation = {
			...input,
			measurements: [
				...input.measurements,
				{
					...input.measurements[0],
					id: measurementId(HEADLINE_INDICATOR_ID, NATIONAL_ID, 2024, 'T'),
					organisationId: NATIONAL_ID,
					year: 2024,
					value: 30.1
				}
			]
		};
		const national = buildIndicatorDashboard(withNation).national;
		expect(national?.find((p) => p.year === 2024)?.value).toBe(30.1);
		// The nation is not a member: the federation mean is unchanged.
		expect(buildIndicatorDashboard(withNation).latest?.value).toBeCloseTo(16.6, 10);
	});

	it('offers only the total when the indicator is not broken down by gender', () => {
		expect(dashboard.genders).toEqual(['T']);
		expect(buildIndicatorDashboard(input, 'K').gender).toBe('T');
	});

	it('switches gender where the indicator has the breakdown', () => {
		const byGender = { ...input, indicator: { ...input.indicator, genderBreakdown: true } };
		const women = buildIndicatorDashboard(byGender, 'K');
		expect(women.genders).toEqual(['T', 'K', 'M']);
		expect(women.gender).toBe('K');
		expect(women.latest).toBeNull();
		expect(women.summary).toBe('Akademi Norr: inget värde ännu.');
	});
});

describe('other indicators from the seed', () => {
	it('draws a threshold target for a grouping-level amount', () => {
		const d = buildIndicatorDashboard(indicatorInput(AKADEMI_NORR_ID, 'akademi-norr-eget-kapital'));
		expect(d.members).toEqual([]);
		expect(d.method).toBe('förbundets eget värde');
		expect(d.summary).toBe(
			'Akademi Norr 2024: 2\u00a0840\u00a0000 kr, mål minst 2\u00a0500\u00a0000 kr, når målet och ligger före med 340\u00a0000 kr (exempeldata).'
		);
	});

	it('keeps a far per-year target outside the chart and says so', () => {
		const d = buildIndicatorDashboard(indicatorInput('umearegionen', 'umearegionen-folkmangd'));
		expect(d.years).toEqual([2023, 2024]);
		expect(d.targetsOutside).toEqual([{ year: 2050, value: 300_000 }]);
		expect(d.status).toBe('notAssessed');
	});

	it('draws members of a sum against the mean per member, not the total', () => {
		const d = buildIndicatorDashboard(indicatorInput('umearegionen', 'umearegionen-folkmangd'));
		expect(d.memberAverage.label).toBe('medelvärde per kommun');
		const at2024 = d.memberAverage.series.find((p) => p.year === 2024)!;
		expect(at2024.value).toBeCloseTo(d.series.find((s) => s.year === 2024)!.value! / 7, 6);
	});

	it('shows a share of yes answers in percent', () => {
		const d = buildIndicatorDashboard(
			indicatorInput(AKADEMI_NORR_ID, 'akademi-norr-uppmuntra-vidareutbildning')
		);
		expect(d.unit).toBe('percent');
		expect(d.decimals).toBe(0);
		expect(d.latest?.value).toBe(75);
		expect(d.method).toBe('andel ja bland 12 kommuner');
	});

	it('lists text values newest first', () => {
		const d = buildIndicatorDashboard(
			indicatorInput(AKADEMI_NORR_ID, 'akademi-norr-utbildningstyper')
		);
		expect(d.texts[0]).toMatchObject({ year: 2024, exampleData: true });
		expect(d.texts[0].text).toContain('Yrkeshögskoleutbildningar');
	});
});

describe('the municipality page of Dorotea and Arjeplog, from the seed', () => {
	const dorotea = demo.organisations.find((o) => o.name === 'Dorotea') as Organisation;
	const groupingsOf = (m: Organisation) =>
		[
			...new Set(demo.memberships.filter((ms) => ms.memberId === m.id).map((ms) => ms.groupingId))
		].map(groupingRows);

	it('holds Dorotea against the federation average and target', () => {
		const sections = buildMunicipalityDashboard(dorotea, groupingsOf(dorotea));
		expect(sections.map((s) => s.grouping.name)).toEqual([
			'Akademi Norr',
			'Kompetensmäklare i Västerbotten',
			'Strategic Workforce Planning Program'
		]);
		const headline = sections[0].rows.find((r) => r.indicator.id === HEADLINE_INDICATOR_ID)!;
		expect(headline).toMatchObject({
			year: 2024,
			value: 14.9,
			status: 'offTrack',
			kind: 'numeric'
		});
		expect(headline.comparison.value).toBeCloseTo(16.6, 10);
		expect(headline.comparison.method).toBe('oviktat medelvärde av 12 kommuner, 25–64 år');
		expect(headline.target).toMatchObject({ scope: 'grouping' });
		expect(headline.summary).toBe(
			'Dorotea 2024: 14,9 %, förbundets medelvärde 16,6 %, förbundets mål 16,6 %, ligger efter med 1,7 procentenheter (exempeldata).'
		);
		expect(headline.trendText).toBe(
			'Ökar med 0,3 procentenheter per år 2022–2024, en förbättring.'
		);
		expect(sections[0].membership).toBe('medlem sedan 2020');
	});

	it('compares sums per municipality and never applies the total’s target to one member', () => {
		const sections = buildMunicipalityDashboard(dorotea, groupingsOf(dorotea));
		const admitted = sections[0].rows.find(
			(r) => r.indicator.id === 'akademi-norr-antagna-studenter'
		)!;
		expect(admitted.value).toBe(11);
		expect(admitted.comparison.label).toBe('medelvärde per kommun');
		expect(admitted.comparison.value).toBeCloseTo(517 / 12, 10);
		expect(admitted.comparison.method).toBe('oviktat medelvärde av 12 kommuner');
		expect(admitted.target).toBeNull();
		const encourage = sections[0].rows.find(
			(r) => r.indicator.id === 'akademi-norr-uppmuntra-vidareutbildning'
		)!;
		expect(encourage.kind).toBe('yesno');
		expect(encourage.summary).toBe(
			'Dorotea 2024: Ja, andel ja i förbundet 75 %, inget mål för året (exempeldata).'
		);
	});

	it('includes a federation without indicators, and says its goals are assessed', () => {
		const arjeplog = demo.organisations.find((o) => o.name === 'Arjeplog') as Organisation;
		const sections = buildMunicipalityDashboard(arjeplog, groupingsOf(arjeplog));
		const nk = sections.find((s) => s.grouping.id === 'norrbottens-kommuner')!;
		expect(nk.rows).toEqual([]);
		expect(nk.assessedGoals).toBeGreaterThan(0);
	});
});

describe('an indicator of a plan copied forward follows the series of the one it was copied from', () => {
	const founder = indicatorInput(AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
	const follower = {
		...founder.indicator,
		id: 'akademi-norr-eftergymnasial-2026',
		seriesId: HEADLINE_INDICATOR_ID
	};
	const newTarget = {
		...founder.targets[0],
		id: 'mal-2026',
		indicatorId: follower.id,
		baseline: { year: 2024, value: 16.6 },
		rule: { kind: 'perYear' as const, values: [{ year: 2026, value: 17.5 }] }
	};
	const copied = buildIndicatorDashboard({
		...founder,
		indicator: follower,
		targets: [...founder.targets, newTarget]
	});
	const original = buildIndicatorDashboard(founder);

	it("shows the founder's values, year by year, and its own target", () => {
		expect(copied.series.filter((s) => s.value !== null).map((s) => [s.year, s.value])).toEqual(
			original.series.filter((s) => s.value !== null).map((s) => [s.year, s.value])
		);
		expect(copied.target?.id).toBe('mal-2026');
		expect(original.target?.id).toBe(founder.targets[0].id);
	});

	it('ranks the members from the same values', () => {
		expect(rankingForYear({ ...founder, indicator: follower }, copied, 2024).ranked).toEqual(
			rankingForYear(founder, original, 2024).ranked
		);
	});

	it("counts a round's cells by the series", () => {
		const cells = roundCompleteness({
			round: {
				...demo.reportingRounds[0],
				indicatorIds: [follower.id],
				memberIds: ['kommun-2425'],
				year: 2024,
				goalIds: []
			},
			indicators: [follower],
			measurements: founder.measurements as never,
			assessments: [],
			today: '2024-01-01'
		}).rows[0].cells;
		expect(cells[0]?.measurementId).toBe(
			measurementId(HEADLINE_INDICATOR_ID, 'kommun-2425', 2024, 'T')
		);
		expect(cells[0]?.measurement).toBeDefined();
	});
});

describe('true aggregates and comparisons of Akademi Norr, from the seed', () => {
	const memberships = demo.memberships.filter((m) => m.groupingId === AKADEMI_NORR_ID);
	const indicators = demo.indicators.filter((i) => i.organisationId === AKADEMI_NORR_ID);
	const counties = countiesOfMembers(
		demo.organisations,
		new Set(memberships.map((m) => m.memberId))
	);
	const dashboardOf = (id: string) =>
		buildIndicatorDashboard({
			grouping: organisations.get(AKADEMI_NORR_ID)!,
			memberships,
			members: new Map(memberships.map((m) => [m.memberId, organisations.get(m.memberId)!])),
			indicator: indicators.find((i) => i.id === id)!,
			indicators,
			counties,
			targets: [],
			measurements: demo.measurements
		});

	it('pools the share of the region: Σ residents with a degree / Σ residents, beside the members’ own shares', () => {
		const pooled = dashboardOf('akademi-norr-eftergymnasial-3-ar-regionen');
		const rows = (id: string) =>
			demo.measurements.filter((m) => m.indicatorId === id && m.year === 2024);
		const sum = (id: string) => rows(id).reduce((a, m) => a + (m.value as number), 0);
		expect(pooled.latest?.value).toBeCloseTo(
			(100 * sum('akademi-norr-eftergymnasial-3-ar-antal')) / sum('akademi-norr-invanare-25-64'),
			10
		);
		// Not the unweighted mean of the members' shares (16,6 %): the large members weigh more.
		expect(pooled.latest!.value! - 16.6).toBeGreaterThan(0.3);
		expect(pooled.method).toBe(
			'kvot av summor för 12 kommuner (summa Invånare 25–64 år med eftergymnasial utbildning 3 år eller mer / summa Invånare 25–64 år), 25–64 år'
		);
		// Each member's value is its own ratio, about its example headline share.
		expect(pooled.members.find((m) => m.name === 'Dorotea')?.latest?.value).toBeCloseTo(14.9, 1);
		expect(pooled.exampleData).toBe(true);
		expect(pooled.summary).toContain('(exempeldata)');
	});

	it('weighs the members’ mean ages by their populations, and names the weight', () => {
		const meanAge = dashboardOf('akademi-norr-medelalder');
		expect(meanAge.method).toBe(
			'viktat medelvärde av 12 kommuner, vikt: Folkmängd, hela befolkningen'
		);
		expect(meanAge.latest?.value).not.toBeNull();
		// SCB's mean ages are real, the weights example data: the figure says so.
		expect(meanAge.latest?.exampleData).toBe(true);
	});

	it('compares with the county computed from all its municipalities where Riket is not stored', () => {
		// The demo holds no county in full; here Västerbotten's other eight municipalities get a 2024 value.
		const västerbotten = demo.organisations.filter((o) => o.countyCode === '24').map((o) => o.id);
		const others = västerbotten.filter((id) => !memberships.some((m) => m.memberId === id));
		expect(others).toHaveLength(8);
		const extra = others.map((organisationId, i) => ({
			indicatorId: 'akademi-norr-arbetsloshet',
			organisationId,
			year: 2024,
			gender: 'T' as const,
			value: 2 + i / 10
		}));
		const indicator = indicators.find((i) => i.id === 'akademi-norr-arbetsloshet')!;
		const input = {
			grouping: organisations.get(AKADEMI_NORR_ID)!,
			memberships,
			members: new Map(memberships.map((m) => [m.memberId, organisations.get(m.memberId)!])),
			indicator,
			indicators,
			counties,
			targets: [],
			measurements: [...demo.measurements, ...extra]
		};
		const unemployment = buildIndicatorDashboard(input);
		expect(unemployment.national).toBeNull();
		expect(unemployment.comparison?.label).toBe(
			'Västerbottens län, oviktat medelvärde av 15 kommuner'
		);
		const values = [...demo.measurements, ...extra].filter(
			(m) =>
				m.indicatorId === indicator.id && m.year === 2024 && västerbotten.includes(m.organisationId)
		);
		expect(values).toHaveLength(15);
		const mean = values.reduce((a, m) => a + (m.value as number), 0) / 15;
		expect(unemployment.comparison?.series.find((p) => p.year === 2024)?.value).toBeCloseTo(
			mean,
			10
		);
		// A year the county is not covered in full has no county figure: never a mean of some of its municipalities.
		expect(unemployment.comparison?.series.find((p) => p.year === 2023)?.value).toBeNull();
		// The members are still twelve: the county's other municipalities are only compared with.
		expect(unemployment.members).toHaveLength(12);
		expect(unemployment.method).toBe('oviktat medelvärde av 12 kommuner, 20–64 år');
		// Without the whole county there is no comparison.
		expect(
			buildIndicatorDashboard({ ...input, measurements: [...demo.measurements, ...extra.slice(1)] })
				.comparison
		).toBeNull();
	});

	it('marks each member above or below the federation figure', () => {
		const headline = dashboardOf(HEADLINE_INDICATOR_ID);
		expect(headline.members.find((m) => m.name === 'Lycksele')?.versus).toMatchObject({
			year: 2024,
			position: 'above',
			preliminary: false
		});
		expect(headline.members.find((m) => m.name === 'Dorotea')?.versus).toMatchObject({
			year: 2024,
			position: 'below'
		});
	});
});

describe('the exempeldata label', () => {
	it('follows the values: gone once real values replace the examples, though the indicator was seeded with them', () => {
		const input = indicatorInput(AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
		expect(input.indicator.exampleData).toBe(true);
		expect(buildIndicatorDashboard(input).exampleData).toBe(true);
		const replaced = buildIndicatorDashboard({
			...input,
			measurements: input.measurements.map((m) => ({ ...m, exampleData: false }))
		});
		expect(replaced.exampleData).toBe(false);
		expect(replaced.summary).toBe('Akademi Norr 2024: 16,6 %, mål 16,6 %, når målet.');
		expect(replaced.members.some((m) => m.series.some((p) => p.exampleData))).toBe(false);
	});
});

describe('an indicator whose only year is still coming in', () => {
	// Three of Akademi Norr's twelve members have reported 2024, and no year is complete: a new plan's first season.
	const input = indicatorInput(AKADEMI_NORR_ID, HEADLINE_INDICATOR_ID);
	const reporters = new Set([...new Set(input.memberships.map((m) => m.memberId))].slice(0, 3));
	const dashboard = buildIndicatorDashboard({
		...input,
		measurements: input.measurements.filter(
			(m) => m.year === 2024 && reporters.has(m.organisationId)
		)
	});

	it('describes the method by the members who have reported, as the overview does, not as "värde saknas för alla"', () => {
		expect(dashboard.latest).toBeNull();
		expect(dashboard.preliminary?.contributing).toHaveLength(3);
		expect(dashboard.method).toMatch(/^oviktat medelvärde av 3 av 12 kommuner/);
		expect(dashboard.method).not.toContain('saknas för alla');
	});
});
