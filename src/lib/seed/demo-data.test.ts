import { describe, it, expect } from 'vitest';
import { safeParse, type core } from 'zod/mini';
import { Organisation } from '$lib/domain/plan/organisation';
import { Membership } from '$lib/domain/plan/membership';
import { membersInYear } from '$lib/domain/plan/member-years';
import { Plan, GoalArea, Goal, SubGoal } from '$lib/domain/plan/goal-tree';
import { Indicator } from '$lib/domain/plan/indicator';
import { Target } from '$lib/domain/plan/target';
import { Measurement } from '$lib/domain/figures/measurement';
import { ReportingRound } from '$lib/domain/entry/reporting-round';
import { Assessment } from '$lib/domain/figures/assessment';
import { aggregate } from '$lib/domain/figures/aggregation';
import { assessmentId, measurementId, municipalityId } from '$lib/domain/ids';
import { buildDemoData, type DemoData } from './demo-data';
import { allMunicipalities, municipalityByName } from './municipalities';
import { HEADLINE_INDICATOR_ID } from './akademi-norr';
import { POPULATION_INDICATOR_ID } from './umearegionen';
import { SWPP_IND } from './swpp';
import labourCsv from './sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';

const data = buildDemoData();

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const organisations = byId(data.organisations);
const plans = byId(data.plans);
const goalAreas = byId(data.goalAreas);
const goals = byId(data.goals);
const subGoals = byId(data.subGoals);
const indicators = byId(data.indicators);

const idOf = (name: string) => municipalityByName(name).id;
const members = (groupingId: string, year: number) =>
	membersInYear(data.memberships, groupingId, year);
const groupingsOf = (memberId: string) =>
	new Set(data.memberships.filter((m) => m.memberId === memberId).map((m) => m.groupingId));

/** The plan a goal or sub-goal belongs to. */
function planOfGoal(goalId: string): string | undefined {
	const goal = goals.get(goalId) ?? goals.get(subGoals.get(goalId)?.goalId ?? '');
	return goal?.planId;
}

describe('demo data: schemas and integrity', () => {
	const schemas: { [K in keyof DemoData]: core.$ZodType } = {
		organisations: Organisation,
		memberships: Membership,
		plans: Plan,
		goalAreas: GoalArea,
		goals: Goal,
		subGoals: SubGoal,
		indicators: Indicator,
		targets: Target,
		measurements: Measurement,
		assessments: Assessment,
		reportingRounds: ReportingRound
	};

	it.each(Object.keys(schemas) as (keyof DemoData)[])(
		'every row of %s parses with its schema and has a unique id',
		(table) => {
			const rows = data[table] as { id: string }[];
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows)
				expect(safeParse(schemas[table], row).success, `${table} ${row.id}`).toBe(true);
			expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		}
	);

	it('memberships join a grouping and a municipality', () => {
		for (const m of data.memberships) {
			expect(organisations.get(m.groupingId)?.kind, m.id).not.toBe('municipality');
			expect(organisations.get(m.memberId)?.kind, m.id).toBe('municipality');
		}
	});

	it('a municipality has at most one membership of a grouping in any year', () => {
		const seen = new Set<string>();
		for (const m of data.memberships) {
			for (let year = m.fromYear; year <= (m.toYear ?? 2030); year++) {
				const key = `${m.groupingId}/${m.memberId}/${year}`;
				expect(seen.has(key), key).toBe(false);
				seen.add(key);
			}
		}
	});

	it('goal trees hang together', () => {
		for (const p of data.plans)
			expect(organisations.get(p.organisationId)?.kind, p.id).not.toBe('municipality');
		for (const a of data.goalAreas) expect(plans.has(a.planId), a.id).toBe(true);
		for (const g of data.goals) {
			expect(plans.has(g.planId), g.id).toBe(true);
			if (g.goalAreaId) expect(goalAreas.get(g.goalAreaId)?.planId, g.id).toBe(g.planId);
		}
		for (const s of data.subGoals) expect(goals.has(s.goalId), s.id).toBe(true);
	});

	it('indicators belong to a grouping and to a goal or sub-goal of that grouping', () => {
		for (const ind of data.indicators) {
			expect(organisations.get(ind.organisationId)?.kind, ind.id).not.toBe('municipality');
			if (ind.goalId) {
				const planId = planOfGoal(ind.goalId);
				expect(planId, ind.id).toBeDefined();
				expect(plans.get(planId!)?.organisationId, ind.id).toBe(ind.organisationId);
			}
		}
	});

	it('targets point at an indicator, for its grouping or one of its members', () => {
		for (const t of data.targets) {
			const ind = indicators.get(t.indicatorId);
			expect(ind, t.id).toBeDefined();
			const allowed =
				t.organisationId === ind!.organisationId ||
				groupingsOf(t.organisationId).has(ind!.organisationId);
			expect(allowed, t.id).toBe(true);
		}
	});

	it('measurements point at an indicator and at its grouping or a member of it', () => {
		for (const m of data.measurements) {
			const ind = indicators.get(m.indicatorId);
			expect(ind, m.id).toBeDefined();
			expect(m.id).toBe(measurementId(m.indicatorId, m.organisationId, m.year, m.gender));
			if (ind!.scope === 'grouping') expect(m.organisationId, m.id).toBe(ind!.organisationId);
			else expect(groupingsOf(m.organisationId).has(ind!.organisationId), m.id).toBe(true);
		}
	});

	it('gives Akademi Norr a weighted mean and a ratio of sums whose parts are its own indicators', () => {
		const meanAge = indicators.get('akademi-norr-medelalder')!;
		expect(meanAge).toMatchObject({
			aggregation: 'weightedMean',
			weightSeriesId: 'akademi-norr-folkmangd'
		});
		const pooled = indicators.get('akademi-norr-eftergymnasial-3-ar-regionen')!;
		expect(pooled.aggregation).toBe('ratio');
		for (const id of [
			meanAge.weightSeriesId!,
			pooled.ratio!.numeratorId,
			pooled.ratio!.denominatorId
		]) {
			expect(indicators.get(id)?.organisationId, id).toBe('akademi-norr');
			// Their values are example data, and say so.
			expect(indicators.get(id)?.exampleData, id).toBe(true);
		}
	});

	it('measurement values fit the indicator unit', () => {
		for (const m of data.measurements) {
			const unit = indicators.get(m.indicatorId)!.unit;
			if (m.value === null) continue;
			if (unit === 'text') expect(typeof m.value, m.id).toBe('string');
			else expect(typeof m.value, m.id).toBe('number');
			if (unit === 'yesno') expect([0, 1], m.id).toContain(m.value);
			if (unit === 'scale5') expect([1, 2, 3, 4, 5], m.id).toContain(m.value);
		}
	});

	it('assessments point at a goal and have derived ids', () => {
		for (const a of data.assessments) {
			expect(goals.has(a.goalId), a.id).toBe(true);
			expect(a.id).toBe(assessmentId(a.goalId, a.year));
		}
	});

	it('example values are preliminary and marked; document and SCB values are final', () => {
		for (const m of data.measurements) {
			expect(m.status, m.id).toBe(m.exampleData ? 'preliminary' : 'final');
			expect(m.source.length, m.id).toBeGreaterThan(0);
			expect(m.updatedBy, m.id).toMatch(/^(demo|SCB)$/);
		}
		for (const ind of data.indicators) {
			if (data.measurements.some((m) => m.indicatorId === ind.id && m.exampleData))
				expect(ind.exampleData, ind.id).toBe(true);
		}
	});

	it('groupings, memberships, plans and targets name their source', () => {
		for (const row of [
			...data.organisations,
			...data.memberships,
			...data.plans,
			...data.targets
		]) {
			expect(row.source?.length ?? 0, row.id).toBeGreaterThan(0);
		}
	});

	it('is deterministic', () => {
		expect(JSON.stringify(buildDemoData())).toBe(JSON.stringify(data));
	});
});

describe('demo data: municipalities', () => {
	const municipalities = data.organisations.filter((o) => o.kind === 'municipality');

	it('holds all 290 municipalities with four-digit codes and a county', () => {
		expect(municipalities).toHaveLength(290);
		expect(new Set(municipalities.map((m) => m.kommunkod)).size).toBe(290);
		for (const m of municipalities) {
			expect(m.kommunkod).toMatch(/^\d{4}$/);
			expect(m.id).toBe(municipalityId(m.kommunkod!));
			expect(m.countyCode).toMatch(/^\d{2}$/);
			expect(m.countyName).toMatch(/län$/);
		}
	});

	it('finds municipalities by short name and rejects unknown names', () => {
		expect(municipalityByName('Storuman')).toMatchObject({
			id: 'kommun-2421',
			kommunkod: '2421',
			countyCode: '24'
		});
		expect(municipalityByName('Åsele').countyName).toBe('Västerbottens län');
		expect(() => municipalityByName('Storumans kommun')).toThrow(/Okänd kommun/);
		expect(allMunicipalities()).toHaveLength(290);
	});

	it('shares municipalities between groupings as the documents say', () => {
		for (const name of ['Arjeplog', 'Arvidsjaur']) {
			expect(members('akademi-norr', 2025)).toContain(idOf(name));
			expect(members('norrbottens-kommuner', 2025)).toContain(idOf(name));
		}
		for (const name of ['Dorotea', 'Vilhelmina', 'Åsele']) {
			expect(members('akademi-norr', 2025)).toContain(idOf(name));
			expect(members('kompetensmaklare', 2025)).toContain(idOf(name));
		}
	});
});

describe('demo data: Akademi Norr', () => {
	it('has 12 members in 2025 whose fees sum to 2 630 000 kr', () => {
		const active = data.memberships.filter(
			(m) => m.groupingId === 'akademi-norr' && m.fromYear <= 2025 && (m.toYear ?? 9999) >= 2025
		);
		expect(active).toHaveLength(12);
		expect(members('akademi-norr', 2025)).toHaveLength(12);
		expect(active.reduce((sum, m) => sum + (m.feeSek ?? NaN), 0)).toBe(2_630_000);
	});

	it('has the goal tree of "Verksamhetens mål 2025"', () => {
		const plan = data.plans.find((p) => p.organisationId === 'akademi-norr');
		expect(plan?.name).toBe('Verksamhetsplan 2025');
		const planGoals = data.goals.filter((g) => g.planId === plan!.id);
		expect(planGoals.filter((g) => g.kind === 'overall')).toHaveLength(1);
		expect(planGoals.filter((g) => g.kind === 'horizontal')).toHaveLength(1);
		expect(planGoals.filter((g) => g.kind === 'financial')).toHaveLength(3);
		const overall = planGoals.find((g) => g.kind === 'overall')!;
		expect(data.subGoals.filter((s) => s.goalId === overall.id)).toHaveLength(3);
	});

	it('has the headline indicator and its target: 16,6 % in 2024, +0,5 procentenheter per år', () => {
		expect(indicators.get(HEADLINE_INDICATOR_ID)).toMatchObject({
			unit: 'percent',
			decimals: 1,
			betterDirection: 'higher',
			aggregation: 'mean',
			population: '25–64 år',
			source: { kind: 'scb', table: 'UF0506' }
		});
		const target = data.targets.find((t) => t.indicatorId === HEADLINE_INDICATOR_ID);
		expect(target?.organisationId).toBe('akademi-norr');
		expect(target?.baseline).toEqual({ year: 2024, value: 16.6 });
		expect(target?.rule).toEqual({ kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' });
	});

	it.each([
		[2022, 16.2],
		[2024, 16.6]
	])('the example member values average %i to %d %', (year, mean) => {
		const values = new Map(
			data.measurements
				.filter((m) => m.indicatorId === HEADLINE_INDICATOR_ID && m.year === year)
				.map((m) => [m.organisationId, m.value as number])
		);
		const result = aggregate('mean', members('akademi-norr', year), values);
		expect(result.complete).toBe(true);
		expect(result.contributing).toHaveLength(12);
		expect(Math.abs(result.value! - mean)).toBeLessThan(1e-9);
		for (const m of data.measurements.filter((m) => m.indicatorId === HEADLINE_INDICATOR_ID))
			expect(m.exampleData).toBe(true);
	});

	it('leaves 2025 open for users to enter', () => {
		expect(
			data.measurements.filter((m) => m.indicatorId === HEADLINE_INDICATOR_ID && m.year === 2025)
		).toHaveLength(0);
	});

	it('has the financial goals as yes/no and SEK thresholds', () => {
		const rule = (id: string) => data.targets.find((t) => t.indicatorId === id)?.rule;
		expect(rule('akademi-norr-inom-budget')).toEqual({
			kind: 'threshold',
			operator: '=',
			value: 1
		});
		expect(rule('akademi-norr-inga-langfristiga-lan')).toEqual({
			kind: 'threshold',
			operator: '=',
			value: 1
		});
		expect(rule('akademi-norr-eget-kapital')).toEqual({
			kind: 'threshold',
			operator: '>=',
			value: 2_500_000
		});
	});
});

describe('demo data: Umeåregionen', () => {
	it('has 7 members and one host municipality per year 2023–2027', () => {
		expect(members('umearegionen', 2025)).toHaveLength(7);
		expect(members('umearegionen', 2012)).toHaveLength(6);
		for (let year = 2023; year <= 2027; year++) {
			const hosts = data.memberships.filter(
				(m) =>
					m.groupingId === 'umearegionen' &&
					m.role === 'värdkommun' &&
					m.fromYear <= year &&
					(m.toYear ?? 9999) >= year
			);
			expect(hosts, String(year)).toHaveLength(1);
		}
		const host2025 = data.memberships.find(
			(m) => m.groupingId === 'umearegionen' && m.role === 'värdkommun' && m.fromYear === 2025
		);
		expect(host2025?.memberId).toBe(idOf('Örnsköldsvik'));
	});

	it('has the vision and the population target of 300 000 in 2050, summed over the members', () => {
		expect(data.plans.find((p) => p.organisationId === 'umearegionen')?.vision).toContain(
			'300 000 invånare år 2050'
		);
		expect(indicators.get(POPULATION_INDICATOR_ID)).toMatchObject({
			aggregation: 'sum',
			unit: 'persons',
			exampleData: true
		});
		expect(data.targets.find((t) => t.indicatorId === POPULATION_INDICATOR_ID)?.rule).toEqual({
			kind: 'perYear',
			values: [{ year: 2050, value: 300_000 }]
		});
	});

	it('has its focus areas with goals and the working groups’ assignments', () => {
		const plan = data.plans.find((p) => p.organisationId === 'umearegionen')!;
		const areas = data.goalAreas.filter((a) => a.planId === plan.id).map((a) => a.name);
		expect(areas).toEqual(
			expect.arrayContaining(['Gemensam arbetsmarknadsregion', 'Effektivisera kommunal verksamhet'])
		);
		const planGoals = new Set(data.goals.filter((g) => g.planId === plan.id).map((g) => g.id));
		expect(data.subGoals.filter((s) => planGoals.has(s.goalId)).length).toBeGreaterThan(20);
	});
});

describe('demo data: Norrbottens Kommuner', () => {
	it('has 14 members, 3 goal areas, goals but no indicators', () => {
		expect(members('norrbottens-kommuner', 2024)).toHaveLength(14);
		const plan = data.plans.find((p) => p.organisationId === 'norrbottens-kommuner');
		expect(plan?.name).toBe('Inriktning 2023–2026');
		expect(data.goalAreas.filter((a) => a.planId === plan!.id).map((a) => a.name)).toEqual([
			'Jämlik välfärd',
			'Strategisk kompetensförsörjning',
			'Hållbar samhällsutveckling och tillväxt'
		]);
		expect(data.goals.filter((g) => g.planId === plan!.id)).toHaveLength(10);
		expect(data.indicators.filter((i) => i.organisationId === 'norrbottens-kommuner')).toHaveLength(
			0
		);
	});

	it('has example assessments for 2023 and 2024', () => {
		const planGoals = new Set(
			data.goals.filter((g) => g.planId.startsWith('norrbottens-kommuner')).map((g) => g.id)
		);
		const own = data.assessments.filter((a) => planGoals.has(a.goalId));
		expect(new Set(own.map((a) => a.year))).toEqual(new Set([2023, 2024]));
		for (const a of own) {
			expect(a.exampleData).toBe(true);
			expect(a.analysis.length).toBeGreaterThan(20);
		}
	});
});

describe('demo data: projects', () => {
	it('Kompetensmäklare has 5 members for 2025–2027 and their co-financing', () => {
		expect(members('kompetensmaklare', 2025)).toHaveLength(5);
		expect(members('kompetensmaklare', 2028)).toHaveLength(0);
		expect(organisations.get('kompetensmaklare')?.period).toEqual({
			from: '2025-01-01',
			to: '2027-09-30'
		});
		const coFinancing = data.measurements.filter(
			(m) => m.indicatorId === 'kompetensmaklare-kommunal-medfinansiering'
		);
		expect(coFinancing).toHaveLength(5);
		expect(coFinancing.reduce((sum, m) => sum + (m.value as number), 0)).toBe(1_865_340);
		expect(coFinancing.every((m) => !m.exampleData && m.status === 'final')).toBe(true);
	});

	it('SWPP targets 200 key persons, 65 % women and 35 % men', () => {
		const rule = (id: string) => data.targets.find((t) => t.indicatorId === id)?.rule;
		expect(indicators.get(SWPP_IND.keyPersons)?.unit).toBe('persons');
		expect(rule(SWPP_IND.keyPersons)).toEqual({ kind: 'threshold', operator: '>=', value: 200 });
		expect(rule(SWPP_IND.women)).toEqual({ kind: 'threshold', operator: '=', value: 65 });
		expect(rule(SWPP_IND.men)).toEqual({ kind: 'threshold', operator: '=', value: 35 });
		expect(organisations.get('swpp')?.description).toMatch(/avslog/);
	});

	it('SWPP financing adds up to the project cost', () => {
		const value = (id: string) =>
			data.measurements.find((m) => m.indicatorId === id)?.value as number;
		expect(
			value(SWPP_IND.esf) + value(SWPP_IND.regionNorrbotten) + value(SWPP_IND.regionVasterbotten)
		).toBe(value(SWPP_IND.totalCost));
		expect(value(SWPP_IND.staff) + value(SWPP_IND.services) + value(SWPP_IND.travel)).toBe(
			value(SWPP_IND.totalCost)
		);
	});
});

describe('demo data: SCB series', () => {
	it('copies the unemployment figure for Storuman 2024 from the SCB extract', () => {
		const line = labourCsv
			.split('\n')
			.find((l) => l.startsWith('2421,Storuman,') && l.includes(',2024,'));
		const [, , , , kon, , , unemployment] = line!.split(',');
		expect(kon).toBe('totalt');
		const m = data.measurements.find(
			(m) => m.id === measurementId('akademi-norr-arbetsloshet', 'kommun-2421', 2024, 'T')
		);
		expect(m).toMatchObject({
			value: Number(unemployment),
			status: 'final',
			exampleData: false,
			source: 'SCB TAB3200',
			updatedBy: 'SCB'
		});
		expect(m?.value).toBe(2.3);
	});

	it('gives every member of the groupings with SCB indicators values for 2020–2024', () => {
		for (const groupingId of ['akademi-norr', 'umearegionen', 'kompetensmaklare']) {
			const memberIds = new Set(
				data.memberships.filter((m) => m.groupingId === groupingId).map((m) => m.memberId)
			);
			for (const key of ['arbetsloshet', 'sysselsattningsgrad', 'medelalder']) {
				const rows = data.measurements.filter((m) => m.indicatorId === `${groupingId}-${key}`);
				for (const memberId of memberIds) {
					const years = rows.filter((m) => m.organisationId === memberId).map((m) => m.year);
					expect(years, `${groupingId} ${key} ${memberId}`).toEqual(
						expect.arrayContaining([2020, 2021, 2022, 2023, 2024])
					);
				}
			}
		}
		expect(indicators.get('akademi-norr-arbetsloshet')).toMatchObject({
			betterDirection: 'lower',
			aggregation: 'mean',
			unit: 'percent'
		});
		expect(indicators.get('akademi-norr-sysselsattningsgrad')).toMatchObject({
			betterDirection: 'higher'
		});
	});
});
