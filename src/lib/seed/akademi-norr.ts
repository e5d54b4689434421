import { municipalityByName } from './municipalities';
import { defaultRoundContent, roundId } from '$lib/domain/entry/reporting-round';
import { Membership } from '$lib/domain/plan/membership';
import { scbContextIndicators } from './scb-series';
import {
	measurementRow,
	membershipRow,
	mergeParts,
	numbered,
	type IndicatorInput,
	type MeasurementInput,
	type SeedPart,
	type SeedRows
} from './rows';

/**
 * Akademi Norr (Kommunalförbundet Partnerskap Inland) from "Budget och
 * verksamhetsplan 2025": members and fees, the goal tree in the table
 * "Verksamhetens mål 2025" with one indicator per bullet, the headline target
 * (16,6 % in 2024, +0,5 procentenheter per år) and the financial goals.
 */

export const AKADEMI_NORR_ID = 'akademi-norr';
export const AKADEMI_NORR_SOURCE = 'Budget och verksamhetsplan 2025, Akademi Norr';
const PLAN_ID = 'akademi-norr-vp-2025';
const ID = AKADEMI_NORR_ID;
const SOURCE = AKADEMI_NORR_SOURCE;

/** The table "Medlemsavgift" 2025, in the document's order (sums to 2 630 000 kr). */
export const MEMBER_FEES_2025: readonly (readonly [name: string, feeSek: number])[] = [
	['Arvidsjaur', 216_000],
	['Storuman', 216_000],
	['Vilhelmina', 216_000],
	['Lycksele', 331_500],
	['Strömsund', 331_500],
	['Sollefteå', 397_000],
	['Kramfors', 397_000],
	['Arjeplog', 105_000],
	['Sorsele', 105_000],
	['Norsjö', 105_000],
	['Åsele', 105_000],
	['Dorotea', 105_000]
];
export const AKADEMI_NORR_MEMBERS = MEMBER_FEES_2025.map(([name]) => name);
export const BUDGET_2025_SEK = 2_630_000;

/**
 * The document names only the 2025 members, but its baseline compares the
 * same twelve in 2022 and 2024. The demo lets the membership start in 2020,
 * the first year of the SCB series, so grouping values exist for every year
 * shown; that start year is a simplification, said so in the source.
 */
export const AKADEMI_NORR_DEMO_FROM_YEAR = 2020;

export const HEADLINE_INDICATOR_ID = 'akademi-norr-eftergymnasial-3-ar';
export const HEADLINE_BASELINE = { year: 2024, value: 16.6 } as const;

/**
 * Example values for the headline indicator (the document gives only the
 * mean of the twelve). Chosen so the unweighted mean is 16,2 % in 2022 and
 * 16,6 % in 2024 (sums 194,4 and 199,2), with 16,4 % in 2023.
 */
export const HEADLINE_EXAMPLE_VALUES: Readonly<
	Record<string, readonly [y2022: number, y2023: number, y2024: number]>
> = {
	Arvidsjaur: [17.0, 17.2, 17.4],
	Storuman: [17.5, 17.6, 17.9],
	Vilhelmina: [16.5, 16.7, 16.8],
	Lycksele: [19.8, 20.1, 20.3],
	Strömsund: [15.3, 15.4, 15.6],
	Sollefteå: [17.7, 17.9, 18.2],
	Kramfors: [16.6, 16.8, 16.9],
	Arjeplog: [15.5, 15.9, 16.1],
	Sorsele: [14.6, 14.7, 14.8],
	Norsjö: [14.9, 15.1, 15.3],
	Åsele: [14.6, 14.8, 15.0],
	Dorotea: [14.4, 14.6, 14.9]
};
export const HEADLINE_EXAMPLE_YEARS = [2022, 2023, 2024] as const;

function organisationAndMembers(): SeedPart {
	const memberSource = `${SOURCE}, tabellen Medlemsavgift`;
	return {
		organisations: [
			{
				id: ID,
				kind: 'federation',
				name: 'Akademi Norr',
				description:
					'Kommunalförbundet Partnerskap Inland – Akademi Norr. Tolv inlandskommuner i Norrbottens, Västerbottens, Jämtlands och Västernorrlands län som samverkar för kompetensförsörjning och tillgång till eftergymnasial utbildning. Kansliet finns i Storuman.',
				source: SOURCE
			}
		],
		// Two periods per member: the fee in the document is the 2025 fee, and
		// Membership.feeSek holds one yearly fee, so it sits on a period from 2025.
		memberships: MEMBER_FEES_2025.flatMap(([name, feeSek]) => {
			const memberId = municipalityByName(name).id;
			return [
				membershipRow({
					groupingId: ID,
					memberId,
					fromYear: AKADEMI_NORR_DEMO_FROM_YEAR,
					toYear: 2024,
					source: `${memberSource}. Medlem före 2025: förenkling i demodatan, dokumentet anger bara 2025 års medlemmar.`
				}),
				membershipRow({
					groupingId: ID,
					memberId,
					fromYear: 2025,
					feeSek,
					source: `${memberSource} (medlemsavgift 2025)`
				})
			];
		})
	};
}

const GOAL = {
	overall: `${PLAN_ID}-overgripande`,
	horizontal: `${PLAN_ID}-horisontellt`,
	withinBudget: `${PLAN_ID}-inom-budget`,
	noLoans: `${PLAN_ID}-inga-lan`,
	equity: `${PLAN_ID}-eget-kapital`
} as const;
const SUB = {
	education: `${PLAN_ID}-delmal-1`,
	access: `${PLAN_ID}-delmal-2`,
	attractive: `${PLAN_ID}-delmal-3`
} as const;
const AREA = {
	activity: `${PLAN_ID}-verksamhetens-mal`,
	finance: `${PLAN_ID}-ekonomisk-hushallning`
} as const;

function goalTree(): SeedPart {
	return {
		plans: [
			{
				id: PLAN_ID,
				organisationId: ID,
				name: 'Verksamhetsplan 2025',
				fromYear: 2025,
				toYear: 2025,
				vision:
					'Akademi Norr ska vara en organisation som kännetecknas av att ha rollen som ”en-dörr-in” inom all eftergymnasial utbildning.',
				description:
					'Budget och verksamhetsplan 2025. Med utgångspunkt i handlingsplanen 2023–2026 arbetar förbundet för att förbättra tillgången till eftergymnasial utbildning, stärka regionens kompetens och stödja den gröna omställningen och digitaliseringen. Budgeten för 2025 är 2 630 000 kronor, en höjning med 5,0 % jämfört med 2024.',
				source: SOURCE
			}
		],
		goalAreas: numbered([
			{ id: AREA.activity, planId: PLAN_ID, name: 'Verksamhetens mål 2025' },
			{
				id: AREA.finance,
				planId: PLAN_ID,
				name: 'God ekonomisk hushållning för kommunalförbundet',
				description: 'Finansiella mål för kommunalförbundet.'
			}
		]),
		goals: numbered([
			{
				id: GOAL.overall,
				planId: PLAN_ID,
				goalAreaId: AREA.activity,
				kind: 'overall' as const,
				name: 'Vår region erbjuder bättre förutsättningar för utbildning, utveckling och tillväxt'
			},
			{
				id: GOAL.horizontal,
				planId: PLAN_ID,
				goalAreaId: AREA.activity,
				kind: 'horizontal' as const,
				name: 'I Akademi Norrs arbete ska ingen individ diskrimineras utifrån härkomst, religion, kön, ålder, sexualitet, politisk tillhörighet eller socioekonomisk bakgrund. Akademi Norr arbetar aktivt för att bygga kapacitet och synliggöra möjligheter och utmaningar.'
			},
			{
				id: GOAL.withinBudget,
				planId: PLAN_ID,
				goalAreaId: AREA.finance,
				kind: 'financial' as const,
				name: 'Verksamheten ska bedrivas inom tilldelad budget'
			},
			{
				id: GOAL.noLoans,
				planId: PLAN_ID,
				goalAreaId: AREA.finance,
				kind: 'financial' as const,
				name: 'Akademi Norr ska inte uppta långfristiga lån för förbundets verksamhet'
			},
			{
				id: GOAL.equity,
				planId: PLAN_ID,
				goalAreaId: AREA.finance,
				kind: 'financial' as const,
				name: 'Det egna kapitalet ska uppgå till minst 2,5 Mkr'
			}
		]),
		subGoals: numbered([
			{
				id: SUB.education,
				goalId: GOAL.overall,
				name: 'Vår region ska ha ökat sin andel medborgare med eftergymnasial utbildning 3 år eller mer med 0,5% per år.',
				description:
					'Startvärdet för eftergymnasial utbildning 3 år eller mer för Akademi Norrs 12 kommuner är enligt 2024 års data från SCB 16,6 % och baseras på ett medelvärde för alla 12 kommuner. Det är en ökning med 0,4 från 2022.'
			},
			{
				id: SUB.access,
				goalId: GOAL.overall,
				name: 'Vår region ska ha ökad tillgång till eftergymnasiala utbildningar.'
			},
			{
				id: SUB.attractive,
				goalId: GOAL.overall,
				name: 'Vår region ska ha stärkt sina förutsättningar att vara attraktiv för medarbetare, studenter och anordnare av eftergymnasiala utbildningar.'
			}
		])
	};
}

type IndicatorSpec = Omit<
	IndicatorInput,
	'organisationId' | 'order' | 'source' | 'decimals' | 'betterDirection'
> &
	Partial<Pick<IndicatorInput, 'source' | 'decimals' | 'betterDirection'>>;

/** Bullets in the plan: values are entered by the federation or the members, so the source is manual. */
function planIndicator(spec: IndicatorSpec): Omit<IndicatorInput, 'order'> {
	return {
		organisationId: ID,
		decimals: 0,
		betterDirection: 'higher',
		source: { kind: 'manual', description: `Indikator i ${SOURCE}` },
		...spec
	};
}

/** Akademi Norr's indicators, one per bullet of "Verksamhetens mål 2025", then the financial goals. */
export const IND = {
	encourage: 'akademi-norr-uppmuntra-vidareutbildning',
	agreements: 'akademi-norr-avtal-projekt-samarbeten',
	partner: 'akademi-norr-naturlig-samverkanspart',
	admitted: 'akademi-norr-antagna-studenter',
	headline: HEADLINE_INDICATOR_ID,
	resources: 'akademi-norr-resurser-hogre-utbildning',
	mapping: 'akademi-norr-kompetenskartlaggning',
	yh: 'akademi-norr-yh-ansokningar',
	vfu: 'akademi-norr-vfu-platser',
	visibility: 'akademi-norr-synliggora-utbud',
	studentSupport: 'akademi-norr-stod-till-studenter',
	attractiveness: 'akademi-norr-attraktivitetspaket',
	learningCentres: 'akademi-norr-larcentrum',
	educationTypes: 'akademi-norr-utbildningstyper',
	budget: 'akademi-norr-tilldelad-budget',
	withinBudget: 'akademi-norr-inom-budget',
	noLoans: 'akademi-norr-inga-langfristiga-lan',
	equity: 'akademi-norr-eget-kapital'
} as const;

function indicators(): SeedPart {
	const list: Omit<IndicatorInput, 'order'>[] = [
		// Övergripande mål
		planIndicator({
			id: IND.encourage,
			goalId: GOAL.overall,
			name: 'Tydligt uttalat att uppmuntra vidareutbildning',
			description:
				'Ja om kommunen tydligt har uttalat att den uppmuntrar vidareutbildning. Förbundets värde är andelen kommuner som svarat ja.',
			unit: 'yesno',
			aggregation: 'shareYes',
			scope: 'members'
		}),
		planIndicator({
			id: IND.agreements,
			goalId: GOAL.overall,
			name: 'Antal ingångna avtal, projekt och samarbeten',
			unit: 'count',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.partner,
			goalId: GOAL.overall,
			name: 'Akademi Norr och lärcentrum är en naturlig samverkanspart i frågor kopplat till högre utbildning regionalt, nationellt och internationellt',
			description: 'Kvalitativ indikator: beskriv årets läge med egna ord.',
			unit: 'text',
			betterDirection: 'none',
			aggregation: 'none',
			scope: 'grouping'
		}),
		// Delmål 1
		planIndicator({
			id: IND.admitted,
			goalId: SUB.education,
			name: 'Antal antagna studenter',
			description:
				'Från indikatorn ”Mäta antagna studenter och antal ansökningar”. Ett mätvärde rymmer ett tal: antalet antagna registreras här och antalet ansökningar skrivs i anteckningen.',
			unit: 'count',
			aggregation: 'sum',
			scope: 'members'
		}),
		planIndicator({
			id: IND.headline,
			goalId: SUB.education,
			name: 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer',
			description:
				'Mäts i Akademi Norr-regionen via data från SCB:s årliga rapport ”Utbildningsnivå efter kommun och kön”. Förbundets värde är det oviktade medelvärdet av de tolv kommunernas andelar, så som startvärdet 16,6 % är beräknat.',
			unit: 'percent',
			decimals: 1,
			source: {
				kind: 'scb',
				table: 'UF0506',
				description: 'SCB: Utbildningsnivå efter kommun och kön (UF0506)'
			},
			aggregation: 'mean',
			scope: 'members',
			population: '25–64 år',
			// The document gives only the mean; the members' values in the demo are examples.
			exampleData: true
		}),
		// Delmål 2
		planIndicator({
			id: IND.resources,
			goalId: SUB.access,
			name: 'Tillgängliggöra resurser kopplat till arbetet med högre utbildning (projektmedel, personalinsatser)',
			description:
				'Kvalitativ indikator: beskriv vilka projektmedel och personalinsatser som gjorts tillgängliga under året.',
			unit: 'text',
			betterDirection: 'none',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.mapping,
			goalId: SUB.access,
			name: 'Aktuell kompetenskartläggning gjord under året',
			description:
				'Från indikatorn ”Aktuella kompetenskartläggningar varje år som ska ligga till underlag för organisationens arbete med högre utbildning”.',
			unit: 'yesno',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.yh,
			goalId: SUB.access,
			name: 'Antal ansökningar till YH som Akademi Norr varit involverad i',
			description:
				'Från indikatorn ”Antalet ansökningar till YH och beviljade YH-utbildningar (som Akademi Norr varit involverade i)”. Antalet ansökningar registreras här; antalet beviljade utbildningar skrivs i anteckningen.',
			unit: 'count',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.vfu,
			goalId: SUB.access,
			name: 'Antal VFU-platser inom utbildningarna sjuksköterska, lärare och socionom',
			description:
				'Mäta antalet VFU-platser i våra kommuner inom utbildningarna sjuksköterska, lärare och socionomer.',
			unit: 'count',
			aggregation: 'sum',
			scope: 'members'
		}),
		// Delmål 3
		planIndicator({
			id: IND.visibility,
			goalId: SUB.attractive,
			name: 'Regelbundet synliggöra utbud och tillgång till eftergymnasial utbildning',
			unit: 'yesno',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.studentSupport,
			goalId: SUB.attractive,
			name: 'Stötta universitet/högskola/YH-studenter i kommunerna (lärcentraservice, VFU-arbetet)',
			description:
				'Ja om kommunen erbjuder studenterna stöd genom lärcentraservice och VFU-arbete. Förbundets värde är andelen kommuner som svarat ja.',
			unit: 'yesno',
			aggregation: 'shareYes',
			scope: 'members'
		}),
		planIndicator({
			id: IND.attractiveness,
			goalId: SUB.attractive,
			name: 'Antal attraktivitetspaket/satsningar som kommunerna har till studenter inom högre utbildning',
			unit: 'count',
			aggregation: 'sum',
			scope: 'members'
		}),
		planIndicator({
			id: IND.learningCentres,
			goalId: SUB.attractive,
			name: 'Välfungerande lärcentrum och bra teknik för kompetensutveckling som är tillgänglig för alla',
			description:
				'Målet är att det i samtliga medlemskommuner finns välfungerande lärcentrum och bra teknik för kompetensutveckling som är tillgänglig för alla. Förbundets värde är andelen kommuner som svarat ja.',
			unit: 'yesno',
			aggregation: 'shareYes',
			scope: 'members'
		}),
		// Horisontellt mål
		planIndicator({
			id: IND.educationTypes,
			goalId: GOAL.horizontal,
			name: 'Vilken typ av utbildningar bidrar vi med?',
			unit: 'text',
			betterDirection: 'none',
			aggregation: 'none',
			scope: 'grouping'
		}),
		// God ekonomisk hushållning
		planIndicator({
			id: IND.budget,
			goalId: GOAL.withinBudget,
			name: 'Tilldelad budget (medlemsavgifter)',
			description: 'Förbundets budget, finansierad med medlemsavgifterna.',
			unit: 'sek',
			betterDirection: 'none',
			source: { kind: 'document', description: SOURCE },
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.withinBudget,
			goalId: GOAL.withinBudget,
			name: 'Verksamheten bedrivs inom tilldelad budget',
			unit: 'yesno',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.noLoans,
			goalId: GOAL.noLoans,
			name: 'Inga långfristiga lån',
			description: 'Ja när förbundet inte har tagit upp långfristiga lån för sin verksamhet.',
			unit: 'yesno',
			aggregation: 'none',
			scope: 'grouping'
		}),
		planIndicator({
			id: IND.equity,
			goalId: GOAL.equity,
			name: 'Eget kapital',
			unit: 'sek',
			aggregation: 'none',
			scope: 'grouping'
		})
	];
	return { indicators: numbered(list) };
}

function targets(): SeedPart {
	const threshold = (
		indicatorId: string,
		operator: '>=' | '=',
		value: number,
		description: string
	) => ({
		id: `${indicatorId}-mal`,
		indicatorId,
		organisationId: ID,
		rule: { kind: 'threshold' as const, operator, value },
		description,
		source: SOURCE
	});
	return {
		targets: [
			{
				id: `${IND.headline}-mal`,
				indicatorId: IND.headline,
				organisationId: ID,
				baseline: { ...HEADLINE_BASELINE },
				rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' },
				description:
					'Andelen ska öka med 0,5 per år från startvärdet 16,6 % (medelvärde för de 12 kommunerna, SCB 2024). Dokumentet skriver ”0,5%”; ökningen räknas i procentenheter.',
				source: SOURCE
			},
			threshold(IND.mapping, '=', 1, 'Aktuella kompetenskartläggningar varje år.'),
			threshold(IND.withinBudget, '=', 1, 'Verksamheten ska bedrivas inom tilldelad budget.'),
			threshold(
				IND.noLoans,
				'=',
				1,
				'Akademi Norr ska inte uppta långfristiga lån för förbundets verksamhet.'
			),
			threshold(IND.equity, '>=', 2_500_000, 'Det egna kapitalet ska uppgå till minst 2,5 Mkr.')
		]
	};
}

/** Values printed in the document: real, final. */
function documentValues(): MeasurementInput[] {
	return [
		measurementRow({
			indicatorId: IND.budget,
			organisationId: ID,
			year: 2025,
			value: BUDGET_2025_SEK,
			origin: 'document',
			source: SOURCE,
			note: 'Förslag till budget 2025: 2 630 000 kronor, en höjning med 5,0 % jämfört med budget 2024.'
		}),
		measurementRow({
			indicatorId: IND.mapping,
			organisationId: ID,
			year: 2024,
			value: 1,
			origin: 'document',
			source: SOURCE,
			note: '”En omfattande kartläggning av kompetensbehoven i regionen har genomförts.”'
		})
	];
}

/** Example values per member for 2024 (the document has none), keyed by municipality. */
const MEMBER_EXAMPLES_2024: Record<string, Partial<Record<keyof typeof IND, number>>> = {
	Arvidsjaur: {
		encourage: 1,
		admitted: 41,
		vfu: 12,
		attractiveness: 2,
		studentSupport: 1,
		learningCentres: 1
	},
	Storuman: {
		encourage: 1,
		admitted: 38,
		vfu: 10,
		attractiveness: 2,
		studentSupport: 1,
		learningCentres: 1
	},
	Vilhelmina: {
		encourage: 1,
		admitted: 44,
		vfu: 14,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 1
	},
	Lycksele: {
		encourage: 1,
		admitted: 86,
		vfu: 27,
		attractiveness: 3,
		studentSupport: 1,
		learningCentres: 1
	},
	Strömsund: {
		encourage: 0,
		admitted: 52,
		vfu: 15,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 1
	},
	Sollefteå: {
		encourage: 1,
		admitted: 97,
		vfu: 31,
		attractiveness: 2,
		studentSupport: 1,
		learningCentres: 1
	},
	Kramfors: {
		encourage: 1,
		admitted: 90,
		vfu: 24,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 0
	},
	Arjeplog: {
		encourage: 0,
		admitted: 14,
		vfu: 4,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 1
	},
	Sorsele: {
		encourage: 1,
		admitted: 12,
		vfu: 3,
		attractiveness: 0,
		studentSupport: 0,
		learningCentres: 1
	},
	Norsjö: {
		encourage: 1,
		admitted: 19,
		vfu: 5,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 0
	},
	Åsele: {
		encourage: 0,
		admitted: 13,
		vfu: 4,
		attractiveness: 0,
		studentSupport: 1,
		learningCentres: 1
	},
	Dorotea: {
		encourage: 1,
		admitted: 11,
		vfu: 3,
		attractiveness: 1,
		studentSupport: 1,
		learningCentres: 1
	}
};

/** Example values for the federation itself for 2024. */
const GROUPING_EXAMPLES_2024: Partial<Record<keyof typeof IND, number | string>> = {
	agreements: 14,
	yh: 9,
	visibility: 1,
	withinBudget: 1,
	noLoans: 1,
	equity: 2_840_000,
	educationTypes:
		'Yrkeshögskoleutbildningar och universitetsutbildningar på distans, samt kortare specialkurser för yrkesverksamma.'
};

function exampleValues(): MeasurementInput[] {
	const rows: MeasurementInput[] = [];
	const example = (
		indicatorId: string,
		organisationId: string,
		year: number,
		value: number | string
	) =>
		rows.push(
			measurementRow({
				indicatorId,
				organisationId,
				year,
				value,
				origin: 'example',
				source: 'Exempeldata'
			})
		);

	for (const [name, values] of Object.entries(HEADLINE_EXAMPLE_VALUES)) {
		const memberId = municipalityByName(name).id;
		HEADLINE_EXAMPLE_YEARS.forEach((year, i) => example(IND.headline, memberId, year, values[i]));
	}
	for (const [name, values] of Object.entries(MEMBER_EXAMPLES_2024)) {
		const memberId = municipalityByName(name).id;
		for (const [key, value] of Object.entries(values) as [keyof typeof IND, number][])
			example(IND[key], memberId, 2024, value);
	}
	for (const [key, value] of Object.entries(GROUPING_EXAMPLES_2024) as [
		keyof typeof IND,
		number | string
	][]) {
		example(IND[key], ID, 2024, value);
	}
	return rows;
}

export const POPULATION_ID = `${ID}-folkmangd`;
export const RESIDENTS_25_64_ID = `${ID}-invanare-25-64`;
export const POST_SECONDARY_COUNT_ID = `${ID}-eftergymnasial-3-ar-antal`;
export const POOLED_SHARE_ID = `${ID}-eftergymnasial-3-ar-regionen`;

/**
 * Example population per member in 2020, of the order of the real figures
 * (the real ones are Kolada N01951 and SCB's population tables, not in the
 * demo's extracts). Each year a little smaller, as inland municipalities are.
 */
const EXAMPLE_POPULATION_2020: Readonly<Record<string, number>> = {
	Arvidsjaur: 6_000,
	Storuman: 5_800,
	Vilhelmina: 6_600,
	Lycksele: 12_000,
	Strömsund: 11_300,
	Sollefteå: 19_000,
	Kramfors: 17_800,
	Arjeplog: 2_700,
	Sorsele: 2_400,
	Norsjö: 3_900,
	Åsele: 2_700,
	Dorotea: 2_500
};
const POPULATION_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
/** About this share of an inland municipality's population is 25–64 years old (example). */
const SHARE_25_64 = 0.45;

export function examplePopulation(name: string, year: number): number {
	return Math.round((EXAMPLE_POPULATION_2020[name] * (1 - 0.005 * (year - 2020))) / 10) * 10;
}

/**
 * The weights and counts behind a weighted mean and a ratio of sums, all
 * example data: population (the weight of the members' mean age, whose
 * values are SCB's), residents 25–64 and those of them with three years or
 * more of post-secondary education. The counts are chosen so each member's
 * own share is its example headline value; the region's share, Σ counts /
 * Σ residents, weighs the large members more than the unweighted mean of the
 * headline indicator does, as SCB's figure for a region would.
 */
function populationAndPooledShare(firstOrder: number): SeedPart {
	const exampleNote =
		'Exempeldata: värdena är påhittade i rätt storleksordning, inte Koladas eller SCB:s siffror.';
	const indicatorRows: IndicatorInput[] = [
		{
			id: POPULATION_ID,
			organisationId: ID,
			name: 'Folkmängd',
			description: `Invånare totalt den 31 december. Vikten i medelåldern för förbundet som helhet. ${exampleNote} Riktiga värden: Kolada N01951, under Importera.`,
			unit: 'persons',
			decimals: 0,
			betterDirection: 'higher',
			source: {
				kind: 'kolada',
				kpiId: 'N01951',
				description: 'Kolada N01951, Invånare totalt, antal (demodatans värden är exempeldata)'
			},
			aggregation: 'sum',
			population: 'hela befolkningen'
		},
		{
			id: RESIDENTS_25_64_ID,
			organisationId: ID,
			name: 'Invånare 25–64 år',
			description: `Nämnaren i regionens andel med eftergymnasial utbildning 3 år eller mer. ${exampleNote}`,
			unit: 'persons',
			decimals: 0,
			betterDirection: 'none',
			source: {
				kind: 'scb',
				table: 'UF0506',
				description:
					'SCB UF0506, Befolkning 25–64 år efter utbildningsnivå (demodatans värden är exempeldata)'
			},
			aggregation: 'sum',
			population: '25–64 år'
		},
		{
			id: POST_SECONDARY_COUNT_ID,
			organisationId: ID,
			name: 'Invånare 25–64 år med eftergymnasial utbildning 3 år eller mer',
			description: `Täljaren i regionens andel. ${exampleNote} Valda så att varje kommuns egen andel är dess exempelvärde för målindikatorn.`,
			unit: 'persons',
			decimals: 0,
			betterDirection: 'higher',
			source: {
				kind: 'scb',
				table: 'UF0506',
				description:
					'SCB UF0506, Befolkning 25–64 år efter utbildningsnivå (demodatans värden är exempeldata)'
			},
			aggregation: 'sum',
			population: '25–64 år'
		},
		{
			id: POOLED_SHARE_ID,
			organisationId: ID,
			name: 'Regionens andel med eftergymnasial utbildning 3 år eller mer, 25–64 år',
			description:
				'Samma andel som målindikatorn, räknad som SCB räknar en regions andel: alla medlemskommuners invånare med sådan utbildning delat med alla deras invånare 25–64 år. Målindikatorns 16,6 % är i stället medelvärdet av kommunernas andelar, som verksamhetsplanen anger det; de stora kommunerna väger här tyngre.',
			unit: 'percent',
			decimals: 1,
			betterDirection: 'higher',
			source: {
				kind: 'scb',
				table: 'UF0506',
				description:
					'SCB UF0506, Befolkning 25–64 år efter utbildningsnivå (demodatans värden är exempeldata)'
			},
			aggregation: 'ratio',
			ratio: { numeratorId: POST_SECONDARY_COUNT_ID, denominatorId: RESIDENTS_25_64_ID },
			population: '25–64 år'
		}
	];
	const measurements: MeasurementInput[] = [];
	const example = (indicatorId: string, name: string, year: number, value: number) =>
		measurements.push(
			measurementRow({
				indicatorId,
				organisationId: municipalityByName(name).id,
				year,
				value,
				origin: 'example',
				source: 'Exempeldata'
			})
		);
	for (const name of AKADEMI_NORR_MEMBERS) {
		for (const year of POPULATION_YEARS)
			example(POPULATION_ID, name, year, examplePopulation(name, year));
		HEADLINE_EXAMPLE_YEARS.forEach((year, i) => {
			const residents = Math.round(examplePopulation(name, year) * SHARE_25_64);
			example(RESIDENTS_25_64_ID, name, year, residents);
			example(
				POST_SECONDARY_COUNT_ID,
				name,
				year,
				Math.round((residents * HEADLINE_EXAMPLE_VALUES[name][i]) / 100)
			);
		});
	}
	return { indicators: numbered(indicatorRows, firstOrder), measurements };
}

export function akademiNorr(): SeedPart {
	const goalIndicators = indicators();
	const context = scbContextIndicators(
		ID,
		AKADEMI_NORR_MEMBERS.map(municipalityByName),
		goalIndicators.indicators?.length ?? 0,
		{
			// The region's mean age is its members' mean ages weighted by their populations.
			overrides: { medelalder: { aggregation: 'weightedMean', weightSeriesId: POPULATION_ID } }
		}
	);
	return mergeParts([
		organisationAndMembers(),
		goalTree(),
		goalIndicators,
		targets(),
		{ measurements: [...documentValues(), ...exampleValues()] },
		// Context after the plan's own indicators, then the weights and counts of the weighted mean and the ratio
		// (by `order`; placed first, because an indicator can only name a weight series the server already holds).
		populationAndPooledShare(
			(goalIndicators.indicators?.length ?? 0) + (context.indicators?.length ?? 0)
		),
		context,
		{ reportingRounds: [reportingRound2025(goalIndicators)] }
	]);
}

/**
 * The demo's open round: the members report their 2025 values for the
 * plan's numeric indicators (the federation's editors its own), and the goals
 * without such indicators are assessed. Not in the document (exampleData in spirit: the deadline is made up).
 */
export const DEMO_ROUND_YEAR = 2025;
export const DEMO_ROUND_DEADLINE = '2026-12-15';

function reportingRound2025(part: SeedPart): SeedRows['reportingRounds'][number] {
	const tree = goalTree();
	const memberships = organisationAndMembers().memberships ?? [];
	const content = defaultRoundContent(ID, DEMO_ROUND_YEAR, {
		indicators: part.indicators ?? [],
		goals: tree.goals ?? [],
		subGoals: tree.subGoals ?? [],
		plans: tree.plans ?? [],
		memberships: memberships.map((m) => Membership.parse(m))
	});
	return {
		id: roundId(ID, DEMO_ROUND_YEAR),
		groupingId: ID,
		year: DEMO_ROUND_YEAR,
		...content,
		deadline: DEMO_ROUND_DEADLINE,
		reportedBy: 'reporters',
		locked: false,
		log: [
			{ action: 'opened', by: 'Anna Andersson (demo)', at: '2026-10-01T08:00:00.000Z', reason: '' }
		]
	};
}
