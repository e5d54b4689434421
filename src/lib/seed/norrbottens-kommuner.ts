import { assessmentId } from '$lib/domain/ids';
import type { GoalStatus } from '$lib/domain/figures/assessment';
import { municipalitiesInCounty } from './municipalities';
import {
	DEMO_UPDATED_AT,
	membershipRow,
	numbered,
	type AssessmentInput,
	type SeedPart
} from './rows';

/**
 * Norrbottens Kommuner from "Inriktning 2023–2026": the county's 14
 * municipalities, three goal areas with their goals as written. The goals
 * have no numeric indicators; they are followed by yearly assessments, of
 * which the demo holds a few examples.
 */

export const NORRBOTTENS_KOMMUNER_ID = 'norrbottens-kommuner';
export const NORRBOTTENS_KOMMUNER_SOURCE = 'Inriktning 2023–2026, Norrbottens Kommuner';
const ID = NORRBOTTENS_KOMMUNER_ID;
const SOURCE = NORRBOTTENS_KOMMUNER_SOURCE;
const PLAN_ID = 'norrbottens-kommuner-inriktning-2023-2026';
const NORRBOTTEN_COUNTY = '25';

/**
 * "Norrbottens Kommuner är ett kommunförbund som ägs av länets 14 kommuner."
 * The document gives no years of joining; the demo starts the memberships in
 * 2020 like Akademi Norr's, and says so in the source.
 */
export const NORRBOTTENS_KOMMUNER_DEMO_FROM_YEAR = 2020;

export function norrbottensKommunerMembers() {
	const members = municipalitiesInCounty(NORRBOTTEN_COUNTY);
	if (members.length !== 14)
		throw new Error(`Norrbottens län ska ha 14 kommuner, fann ${members.length}`);
	return members;
}

type GoalAreaText = { key: string; name: string; description: string; goals: string[] };

const GOAL_AREAS: GoalAreaText[] = [
	{
		key: 'jamlik-valfard',
		name: 'Jämlik välfärd',
		description:
			'Likvärdighet, tillgänglighet och kvalitet är ledstjärnor när Norrbottens Kommuner bidrar till goda förutsättningar för en trygg välfärd livet igenom. Vi samordnar initiativ till kommunsamverkan och främjar innovativ verksamhetsutveckling. Vi skapar sammanhang för att gemensamt synliggöra, utveckla och dela behovsgrundad kunskap, såväl erfarenhetsbaserad som vetenskaplig. Tillsammans med kommunerna stärker vi den kommunala självstyrelsen och bevakar att kommunerna har handlingsutrymme och goda förutsättningar att genomföra välfärdsuppdraget.',
		goals: [
			'Vi verkar för välfärd som främjar trygghet och goda livsvillkor genom livets alla skeenden.',
			'Vi stödjer innovativa lösningar kring välfärdens utmaningar.',
			'Vi bidrar till utvecklade kunskaper som stärker kvalitet och verksamhetsutveckling.',
			'Vi bevakar omställningar och förändrade ramverk i välfärden för att stärka kommunernas förutsättningar.'
		]
	},
	{
		key: 'strategisk-kompetensforsorjning',
		name: 'Strategisk kompetensförsörjning',
		description:
			'För att möta kommunernas kompetensutmaning krävs långsiktiga strategier, bred samverkan och nya angreppssätt. Vi behöver se och ta tillvara all kompetens. Norrbottens Kommuner bidrar till en utvecklad samverkan mellan sektorer, fler vägar in på arbetsmarknaden och möjligheter till livslångt lärande och rörlighet i arbetslivet. Vi initierar och stödjer en sammanhållen kompetensutveckling för att stärka välfärdsprofessionerna och kommunens attraktivitet som arbetsgivare.',
		goals: [
			'Vi initierar och utvecklar samverkan för att öka inkluderingen och möta kompetensbehoven på arbetsmarknaden.',
			'Vi tar fram strategier för att vidareutveckla kompetenser och kunskaper genom hela arbetslivet.',
			'Vi bidrar med nyskapande initiativ som långsiktigt stärker kompetensförutsättningarna i kommunerna.'
		]
	},
	{
		key: 'hallbar-samhallsutveckling',
		name: 'Hållbar samhällsutveckling och tillväxt',
		description:
			'En hållbar samhällsutveckling i Norrbotten kräver regional, nationell och internationell samverkan. Norrbottens Kommuner bevakar internationella händelser som påverkar länet och bedriver påverkansarbete för att stärka kommunernas intressen. Vi verkar för hållbara och inkluderande livsmiljöer genom att prioritera dessa värden vid framtagandet av långsiktiga strategier och i utvecklingsarbeten. Genom att bjuda in till mötesarenor för bred samverkan, kunskapsbildning och dialog bidrar vi till att stärka utvecklingskapaciteten i Norrbotten.',
		goals: [
			'Vi stärker kommunerna i Norrbotten som en aktiv part i EU och det europeiska Arktis.',
			'Vi verkar för attraktiva livsmiljöer att växa upp, leva och åldras i.',
			'Vi arbetar för ett sammanhållet hållbarhetsperspektiv i kommunstrategisk utveckling.'
		]
	}
];

const areaId = (area: GoalAreaText) => `${PLAN_ID}-${area.key}`;
/** Goal ids by area and position: "…-jamlik-valfard-1". */
export const norrbottenGoalId = (areaKey: string, n: number) => `${PLAN_ID}-${areaKey}-${n}`;

function organisationAndMembers(): SeedPart {
	return {
		organisations: [
			{
				id: ID,
				kind: 'federation',
				name: 'Norrbottens Kommuner',
				description:
					'Kommunförbund som ägs av Norrbottens läns 14 kommuner (anno 1946). Grunduppdraget är att i nära samarbete med medlemmarna organisera, driva och utveckla arenor och nätverk för dialog och kunskapsutveckling. Verksamheten finansieras av länets 14 kommuner; under 2023–2026 är taket 0,34 promille beräknat utifrån medlemskommunens befolkningsantal samt medelskattkraften i riket.',
				source: SOURCE
			}
		],
		memberships: norrbottensKommunerMembers().map((m) =>
			membershipRow({
				groupingId: ID,
				memberId: m.id,
				fromYear: NORRBOTTENS_KOMMUNER_DEMO_FROM_YEAR,
				source: `${SOURCE} (förbundet ägs av länets 14 kommuner). Startåret 2020 är en förenkling i demodatan.`
			})
		)
	};
}

function goalTree(): SeedPart {
	return {
		plans: [
			{
				id: PLAN_ID,
				organisationId: ID,
				name: 'Inriktning 2023–2026',
				fromYear: 2023,
				toYear: 2026,
				vision:
					'Vi ger Norrbottens kommuner en samlad och tydlig röst, både hemma och ute i världen.',
				description:
					'Verksamhetsidé: Norrbottens Kommuner ska genom ett processinriktat arbetssätt och utvecklat beredningsförfarande företräda, samordna och stödja kommunerna i det gemensamma arbetet för en hållbar samhällsutveckling i ett lokalt, nationellt och internationellt perspektiv. Målen följs upp med bedömningar, inte med mätetal.',
				source: SOURCE
			}
		],
		goalAreas: numbered(
			GOAL_AREAS.map((area) => ({
				id: areaId(area),
				planId: PLAN_ID,
				name: area.name,
				description: area.description
			}))
		),
		goals: GOAL_AREAS.flatMap((area) =>
			area.goals.map((name, i) => ({
				id: norrbottenGoalId(area.key, i + 1),
				planId: PLAN_ID,
				goalAreaId: areaId(area),
				name,
				order: i
			}))
		)
	};
}

/** Example assessments (no document gives any): status and a short analysis, 2023 and 2024. */
const EXAMPLE_ASSESSMENTS: readonly (readonly [
	areaKey: string,
	n: number,
	year: number,
	status: GoalStatus,
	analysis: string
])[] = [
	[
		'jamlik-valfard',
		2,
		2023,
		'onTrack',
		'Tre kommuner har gemensamt prövat digital tillsyn i hemtjänsten; erfarenheterna har spridits i socialchefsnätverket.'
	],
	[
		'jamlik-valfard',
		2,
		2024,
		'onTrack',
		'Arbetet med digitala lösningar i välfärden har breddats till fler kommuner och följs upp i den gemensamma beredningen.'
	],
	[
		'jamlik-valfard',
		4,
		2024,
		'atRisk',
		'Nya ramverk inom socialtjänsten kräver omställning i alla kommuner; flera små kommuner saknar resurser för att hinna med.'
	],
	[
		'strategisk-kompetensforsorjning',
		1,
		2023,
		'notAssessed',
		'Samverkansformerna för kompetensförsörjning var under uppbyggnad och bedömdes inte detta år.'
	],
	[
		'strategisk-kompetensforsorjning',
		1,
		2024,
		'atRisk',
		'Samverkan med arbetsmarknadens parter har kommit i gång, men rekryteringsläget inom skola, vård och omsorg har blivit mer ansträngt.'
	],
	[
		'hallbar-samhallsutveckling',
		1,
		2024,
		'onTrack',
		'Kommunerna har varit representerade i de europeiska och arktiska samarbetena under året och lämnat gemensamma synpunkter.'
	]
];

function assessments(): AssessmentInput[] {
	return EXAMPLE_ASSESSMENTS.map(([areaKey, n, year, status, analysis]) => {
		const goalId = norrbottenGoalId(areaKey, n);
		return {
			id: assessmentId(goalId, year),
			goalId,
			year,
			status,
			analysis: `${analysis} (Exempeltext.)`,
			updatedBy: 'demo',
			updatedAt: DEMO_UPDATED_AT,
			exampleData: true
		};
	});
}

/** No indicators: the direction document sets no figures, and the demo keeps it that way. */
export function norrbottensKommuner(): SeedPart {
	return { ...organisationAndMembers(), ...goalTree(), assessments: assessments() };
}
