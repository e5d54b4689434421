import { municipalityByName } from './municipalities';
import { regionAssessmentRows } from './region-vasterbotten-bedomning';
import { scbContextIndicators } from './scb-series';
import {
	measurementRow,
	membershipRow,
	mergeParts,
	numbered,
	type IndicatorInput,
	type SeedPart
} from './rows';

/**
 * "Kompetensmäklare i Västerbotten" from Region Västerbotten's decision
 * (approval): five municipalities, the main goal with four sub-goals, the
 * co-financing per municipality and the budget. All figures are the
 * decision's: real, not example data.
 */

export const KOMPETENSMAKLARE_ID = 'kompetensmaklare';
export const KOMPETENSMAKLARE_SOURCE =
	'Beslut om Kompetensmäklare i Västerbotten, Region Västerbotten (diarie-nr 310-2024)';
const ID = KOMPETENSMAKLARE_ID;
const SOURCE = KOMPETENSMAKLARE_SOURCE;
const PLAN_ID = 'kompetensmaklare-2025-2027';
const FIRST_YEAR = 2025;
const LAST_YEAR = 2027;

/** Budget figures cover the whole project period; they are recorded under its first year, with a note. */
const PERIOD_NOTE = 'Belopp för hela projektperioden 2025-01-01–2027-09-30.';

/** The financing table: each municipality's cash co-financing, in the document's order. */
export const CO_FINANCING_SEK: readonly (readonly [name: string, sek: number])[] = [
	['Umeå', 621_780],
	['Skellefteå', 621_780],
	['Åsele', 207_260],
	['Dorotea', 207_260],
	['Vilhelmina', 207_260]
];
export const KOMPETENSMAKLARE_MEMBERS = CO_FINANCING_SEK.map(([name]) => name);

function organisationAndMembers(): SeedPart {
	return {
		organisations: [
			{
				id: ID,
				kind: 'project',
				name: 'Kompetensmäklare i Västerbotten',
				description:
					'Projekt med Region Västerbotten som projektägare, som effektiviserar det regionala kompetensförsörjningsarbetet med en ny lokal funktion, kompetensmäklare. Samverkande kommuner: Dorotea, Skellefteå, Umeå, Vilhelmina och Åsele. Region Västerbotten beviljade 5 540 069 kr, dock högst 41,15 % av godkända kostnader på 13 464 382 kr (RUS prioritering 6.1 Kapacitet för samverkan och samhandling). Medfinansiering till en ESF+-ansökan.',
				period: { from: '2025-01-01', to: '2027-09-30' },
				source: SOURCE
			}
		],
		memberships: KOMPETENSMAKLARE_MEMBERS.map((name) =>
			membershipRow({
				groupingId: ID,
				memberId: municipalityByName(name).id,
				fromYear: FIRST_YEAR,
				toYear: LAST_YEAR,
				role: 'samverkande kommun',
				source: `${SOURCE}, berörda kommuner`
			})
		)
	};
}

const OVERALL = `${PLAN_ID}-overgripande`;
const MAIN = `${PLAN_ID}-huvudmal`;
const FINANCE = `${PLAN_ID}-budget`;

function goalTree(): SeedPart {
	return {
		plans: [
			{
				id: PLAN_ID,
				organisationId: ID,
				name: 'Kompetensmäklare i Västerbotten 2025–2027',
				fromYear: FIRST_YEAR,
				toYear: LAST_YEAR,
				description:
					'Projektperiod 2025-01-01–2027-09-30. Projektet bygger på en ESF-förstudie 2023 i länets 15 kommuner, varav fem valde att gå vidare till genomförande.',
				source: SOURCE
			}
		],
		goals: numbered([
			{
				id: OVERALL,
				planId: PLAN_ID,
				kind: 'overall' as const,
				name: 'Effektivisera det regionala kompetensförsörjningsarbetet och därmed bidra till en mer inkluderande, hållbar och tillgänglig arbetsmarknad i Västerbotten.'
			},
			{
				id: MAIN,
				planId: PLAN_ID,
				name: 'Etablera och implementera ett strukturerat och gemensamt arbetssätt i Västerbotten för att hantera behov, bristyrken, nyckelkompetenser och insatser.',
				description:
					'Projektets huvudmål. Delmålen beskriver kortsiktiga effekter för målgruppen; delmål 1 är nödvändigt för att fortsätta med delmål 2 och 3.'
			},
			{
				id: FINANCE,
				planId: PLAN_ID,
				kind: 'financial' as const,
				name: 'Budget och finansiering',
				description: 'Kostnads- och finansieringsbudget enligt beslutet.'
			}
		]),
		subGoals: numbered([
			{
				id: `${MAIN}-1`,
				goalId: MAIN,
				name: 'Organisation och funktion: Projektet har etablerat och implementerat en effektiv regional och lokal samordning samt en gemensam och inkluderande arbetsprocess, inklusive nya lokala operativa funktioner/kompetensmäklare.'
			},
			{
				id: `${MAIN}-2`,
				goalId: MAIN,
				name: 'Underlag: Projektet har stärkt samverkan mellan regionen och kommunerna för att systematiskt samla in och sammanställa kompetensbehov samt prioriterade bristyrken på både lokal och regional nivå.'
			},
			{
				id: `${MAIN}-3`,
				goalId: MAIN,
				name: 'Analys och handlingsplaner: Projektet har genomfört analys av underlag gällande behov och bristyrken samt tagit fram och genomfört konkreta och hållbara handlingsplaner.'
			},
			{
				id: `${MAIN}-4`,
				goalId: MAIN,
				name: 'Spridning av lärdomar och projektresultat: Projektet har spridit lärdomar och projektresultat till regionala och nationella aktörer.'
			}
		])
	};
}

const IND = {
	coFinancing: 'kompetensmaklare-kommunal-medfinansiering',
	totalCost: 'kompetensmaklare-projektkostnad',
	regionGrant: 'kompetensmaklare-stod-region-vasterbotten',
	regionShare: 'kompetensmaklare-andel-region-vasterbotten',
	esf: 'kompetensmaklare-svenska-esf-radet'
} as const;

const TOTAL_COST_SEK = 13_464_382;
const REGION_GRANT_SEK = 5_540_069;
const ESF_SEK = 6_058_973;
const MAX_REGION_SHARE_PERCENT = 41.15;

function budgetIndicator(
	id: string,
	name: string,
	unit: 'sek' | 'percent',
	extra: Partial<IndicatorInput> = {}
): Omit<IndicatorInput, 'order'> {
	return {
		id,
		organisationId: ID,
		goalId: FINANCE,
		name,
		unit,
		decimals: unit === 'percent' ? 2 : 0,
		betterDirection: 'none',
		source: { kind: 'document', description: SOURCE },
		aggregation: 'none',
		scope: 'grouping',
		...extra
	};
}

function budget(): SeedPart {
	const value = (indicatorId: string, organisationId: string, v: number, note = PERIOD_NOTE) =>
		measurementRow({
			indicatorId,
			organisationId,
			year: FIRST_YEAR,
			value: v,
			origin: 'document',
			source: SOURCE,
			note
		});
	return {
		indicators: numbered([
			budgetIndicator(IND.coFinancing, 'Kommunal medfinansiering', 'sek', {
				description:
					'Varje samverkande kommuns kontanta medfinansiering enligt finansieringsbudgeten, för hela projektperioden.',
				aggregation: 'sum',
				scope: 'members'
			}),
			budgetIndicator(IND.totalCost, 'Projektkostnad', 'sek', {
				description: 'Personal 12 964 382 kr och externa tjänster 500 000 kr.'
			}),
			budgetIndicator(IND.regionGrant, 'Stöd från Region Västerbotten', 'sek'),
			budgetIndicator(
				IND.regionShare,
				'Region Västerbottens andel av godkända kostnader',
				'percent',
				{
					description: 'Stödet beviljas med högst 41,15 % av godkända kostnader.',
					betterDirection: 'lower'
				}
			),
			budgetIndicator(IND.esf, 'Stöd från Svenska ESF-rådet', 'sek')
		]),
		targets: [
			{
				id: `${IND.regionShare}-mal`,
				indicatorId: IND.regionShare,
				organisationId: ID,
				rule: { kind: 'threshold', operator: '<=', value: MAX_REGION_SHARE_PERCENT },
				description:
					'Region Västerbotten beviljar 5 540 069 kr, dock högst 41,15 % av godkända kostnader.',
				source: SOURCE
			}
		],
		measurements: [
			...CO_FINANCING_SEK.map(([name, sek]) =>
				value(IND.coFinancing, municipalityByName(name).id, sek)
			),
			value(IND.totalCost, ID, TOTAL_COST_SEK),
			value(IND.regionGrant, ID, REGION_GRANT_SEK),
			// 5 540 069 / 13 464 382 = 41,146… %, shown with two decimals as in the decision.
			value(
				IND.regionShare,
				ID,
				Math.round((10_000 * REGION_GRANT_SEK) / TOTAL_COST_SEK) / 100,
				'Beräknat: 5 540 069 kr / 13 464 382 kr.'
			),
			value(IND.esf, ID, ESF_SEK)
		]
	};
}

export function kompetensmaklare(): SeedPart {
	const own = budget();
	const assessment = regionAssessmentRows({
		groupingId: ID,
		planId: PLAN_ID,
		goalOrder: 3,
		indicatorOrder: own.indicators?.length ?? 0,
		year: FIRST_YEAR,
		source: SOURCE,
		note: 'Region Västerbottens bedömning i beslutet (diarie-nr 310-2024).',
		requirements: {
			avgransat: 'Ja',
			projektlogik: 'Ja',
			jamstalldhet: 'Ja',
			mangfald: 'Ja',
			ekologisk: 'Ja',
			ekonomisk: 'Ja'
		},
		aspects: { sammanhallen: 'I hög grad', tillvaxt: 'I hög grad', hallbarhetseffekter: null }
	});
	return mergeParts([
		organisationAndMembers(),
		goalTree(),
		own,
		assessment,
		// Before the project starts: the members' labour market and age as a starting point.
		scbContextIndicators(
			ID,
			KOMPETENSMAKLARE_MEMBERS.map(municipalityByName),
			(own.indicators?.length ?? 0) + (assessment.indicators?.length ?? 0)
		)
	]);
}
