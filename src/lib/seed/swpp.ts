import { municipalityByName } from './municipalities';
import { AKADEMI_NORR_MEMBERS } from './akademi-norr';
import { regionAssessmentRows } from './region-vasterbotten-bedomning';
import {
	measurementRow,
	membershipRow,
	mergeParts,
	numbered,
	type IndicatorInput,
	type SeedPart
} from './rows';

/**
 * "Strategic Workforce Planning Program", applied for by Akademi Norr and
 * rejected by Region Västerbotten: the project's targets (200 key persons,
 * 65 % women / 35 % men, training places on three levels), its budget and
 * financing, and the region's assessment tables. All figures are the
 * application's or the decision's: real, not example data.
 */

export const SWPP_ID = 'swpp';
export const SWPP_SOURCE =
	'Beslut om Strategic Workforce Planning Program, Region Västerbotten (diarie-nr REGAC 161-2026)';
const ID = SWPP_ID;
const SOURCE = SWPP_SOURCE;
const PLAN_ID = 'swpp-2026-2029';
const FIRST_YEAR = 2026;
const LAST_YEAR = 2029;
const APPLICATION_NOTE =
	'Enligt projektansökan; gäller hela projektperioden 2026-08-03–2029-06-30.';

export const SWPP_KEY_PERSONS = 200;
export const SWPP_WOMEN_PERCENT = 65;
export const SWPP_MEN_PERCENT = 35;

function organisationAndMembers(): SeedPart {
	return {
		organisations: [
			{
				id: ID,
				kind: 'project',
				name: 'Strategic Workforce Planning Program',
				description:
					'Projekt som Kommunalförbundet Partnerskap Inland – Akademi Norr sökte medfinansiering för (ESF-projekt inom POA1, utlysning 25-043, RUS prioritering 6.3 Kompetensförsörjning i företag och verksamheter): ett utbildningsprogram i tre nivåer för nyckelpersoner som ansvarar för strategisk kompetensförsörjning i norra Sverige. Region Västerbotten avslog ansökan i konkurrens med andra projektansökningar, trots att projektet uppfyller kraven i Agenda för hållbar finansiering.',
				period: { from: '2026-08-03', to: '2029-06-30' },
				source: SOURCE
			}
		],
		// The decision names no municipalities; the applicant is Akademi Norr and the target group works in
		// Norrbotten and Västerbotten and, to a lesser extent, Jämtland and Västernorrland: Akademi Norr's members.
		memberships: AKADEMI_NORR_MEMBERS.map((name) =>
			membershipRow({
				groupingId: ID,
				memberId: municipalityByName(name).id,
				fromYear: FIRST_YEAR,
				toYear: LAST_YEAR,
				source: `${SOURCE}. Sökande: Akademi Norr; kommunerna är förbundets medlemmar, beslutet namnger inga kommuner.`
			})
		)
	};
}

const GOAL = {
	results: `${PLAN_ID}-resultat`,
	programme: `${PLAN_ID}-utbildningsprogram`,
	finance: `${PLAN_ID}-budget`
} as const;

/** The three levels of the programme and their training places. */
export const TRAINING_LEVELS = [
	{
		key: 'grund',
		name: 'Grund (Strategic Awareness)',
		description:
			'En digital start som ger kunskap om strategisk kompetensförsörjning, digitala verktyg och AI. Ger deltagarna en gemensam förståelse för olika begrepp, samtidigt som den digitala mognaden höjs snabbt för många.',
		places: 200,
		placesText: '150 + 50 platser'
	},
	{
		key: 'fordjupning-1',
		name: 'Fördjupning 1 (Strategic Specialist)',
		description:
			'Fokus på nationella frågor rörande strategisk kompetensförsörjning; deltagarna kan diplomeras/certifieras, vilket stärker deras mandat i den egna organisationen.',
		places: 75,
		placesText: '75 platser'
	},
	{
		key: 'fordjupning-2',
		name: 'Fördjupning 2 (International Lead)',
		description:
			'En mer intensiv och nätverksbaserad insats där deltagarna ses fysiskt, bland annat vid Lillehammer Lifelong Learning ICDE Conference 2027. Bryter organisatoriska silos och bidrar till lärande över gränser.',
		places: 40,
		placesText: '40 platser'
	}
] as const;

function goalTree(): SeedPart {
	return {
		plans: [
			{
				id: PLAN_ID,
				organisationId: ID,
				name: 'Projektansökan 2026–2029',
				fromYear: FIRST_YEAR,
				toYear: LAST_YEAR,
				// Region Västerbotten judges projects on its five-step scale (region-vasterbotten-bedomning.ts).
				assessmentScale: 'fiveStep',
				description:
					'Projektperiod 2026-08-03–2029-06-30. Sökt projektkostnad 14 003 791 kr, sökt belopp från Region Västerbotten 3 220 871 kr. Ansökan avslogs.',
				source: SOURCE
			}
		],
		goals: numbered([
			{
				id: GOAL.results,
				planId: PLAN_ID,
				kind: 'overall' as const,
				name: 'På kort sikt ska 200 nyckelpersoner från målgruppen ha stärkt sin kompetens inom strategisk kompetensförsörjning',
				description:
					'Målgruppen är minst 200 nyckelpersoner (65 % kvinnor och 35 % män) anställda av offentliga aktörer som arbetar med strategisk kompetensförsörjning, med totalt 300 utbildningsplatser.'
			},
			{
				id: GOAL.programme,
				planId: PLAN_ID,
				name: 'Ett processinriktat utbildningsprogram i tre nivåer',
				description:
					'Deltagarna kan ta del av olika insatser beroende på förkunskaper eller yrkesroll, och en del deltar vid fler än en insats. Ansökan uppskattar det totala antalet utbildningsplatser till 265 (på annat ställe: totalt 300).'
			},
			{
				id: GOAL.finance,
				planId: PLAN_ID,
				kind: 'financial' as const,
				name: 'Budget och finansiering',
				description: 'Kostnads- och finansieringsbudget enligt ansökan.'
			}
		]),
		subGoals: [
			...numbered(
				[
					'Blivit stärkta i sin yrkesroll',
					'Stärkt sin förmåga att identifiera och motverka bias i strategiska beslutsprocesser',
					'Ökat sin kunskap om digitala verktyg och AI',
					'Ökat sin kompetens om globala perspektiv avseende kompetensförsörjning'
				].map((name, i) => ({ id: `${GOAL.results}-${i + 1}`, goalId: GOAL.results, name }))
			),
			...numbered(
				TRAINING_LEVELS.map((level) => ({
					id: `${GOAL.programme}-${level.key}`,
					goalId: GOAL.programme,
					name: level.name,
					description: `${level.description} (${level.placesText})`
				}))
			)
		]
	};
}

export const SWPP_IND = {
	keyPersons: 'swpp-nyckelpersoner',
	women: 'swpp-andel-kvinnor',
	men: 'swpp-andel-man',
	places: (levelKey: string) => `swpp-utbildningsplatser-${levelKey}`,
	totalCost: 'swpp-projektkostnad',
	staff: 'swpp-kostnad-personal',
	services: 'swpp-kostnad-externa-tjanster',
	travel: 'swpp-kostnad-resor-och-logi',
	esf: 'swpp-finansiering-svenska-esf-radet',
	regionNorrbotten: 'swpp-finansiering-region-norrbotten',
	regionVasterbotten: 'swpp-sokt-region-vasterbotten'
} as const;

/** The project reports for itself: its values are not spread over the municipalities. */
function projectIndicator(
	spec: Omit<IndicatorInput, 'organisationId' | 'order' | 'aggregation' | 'scope' | 'source'>
): Omit<IndicatorInput, 'order'> {
	return {
		organisationId: ID,
		aggregation: 'none',
		scope: 'grouping',
		source: { kind: 'manual', description: `Mål i ${SOURCE}` },
		...spec
	};
}

function threshold(indicatorId: string, operator: '>=' | '=', value: number, description: string) {
	return {
		id: `${indicatorId}-mal`,
		indicatorId,
		organisationId: ID,
		rule: { kind: 'threshold' as const, operator, value },
		description,
		source: SOURCE
	};
}

function targetsOfTheProject(): SeedPart {
	return {
		indicators: [
			projectIndicator({
				id: SWPP_IND.keyPersons,
				goalId: GOAL.results,
				name: 'Antal nyckelpersoner som deltagit',
				unit: 'persons',
				decimals: 0,
				betterDirection: 'higher',
				genderBreakdown: true
			}),
			projectIndicator({
				id: SWPP_IND.women,
				goalId: GOAL.results,
				name: 'Andel kvinnor bland deltagarna',
				description: 'Målgruppen är 65 % kvinnor och 35 % män; andelarna följs upp löpande.',
				unit: 'percent',
				decimals: 0,
				betterDirection: 'none'
			}),
			projectIndicator({
				id: SWPP_IND.men,
				goalId: GOAL.results,
				name: 'Andel män bland deltagarna',
				description: 'Målgruppen är 65 % kvinnor och 35 % män; andelarna följs upp löpande.',
				unit: 'percent',
				decimals: 0,
				betterDirection: 'none'
			}),
			...TRAINING_LEVELS.map((level) =>
				projectIndicator({
					id: SWPP_IND.places(level.key),
					goalId: `${GOAL.programme}-${level.key}`,
					name: `Utbildningsplatser, ${level.name}`,
					description: `Enligt ansökan: ${level.placesText}.`,
					unit: 'count',
					decimals: 0,
					betterDirection: 'higher'
				})
			)
		],
		targets: [
			threshold(
				SWPP_IND.keyPersons,
				'>=',
				SWPP_KEY_PERSONS,
				'Minst 200 nyckelpersoner från målgruppen.'
			),
			threshold(SWPP_IND.women, '=', SWPP_WOMEN_PERCENT, 'Målgruppen: 65 % kvinnor.'),
			threshold(SWPP_IND.men, '=', SWPP_MEN_PERCENT, 'Målgruppen: 35 % män.'),
			...TRAINING_LEVELS.map((level) =>
				threshold(
					SWPP_IND.places(level.key),
					'>=',
					level.places,
					`${level.name}: ${level.placesText}.`
				)
			)
		]
	};
}

/** [indicator id, name, SEK] from the cost and financing budgets. */
const BUDGET_LINES: readonly (readonly [id: string, name: string, sek: number])[] = [
	[SWPP_IND.totalCost, 'Projektkostnad', 14_003_791],
	[SWPP_IND.staff, 'Kostnad: personal', 4_978_791],
	[SWPP_IND.services, 'Kostnad: externa tjänster', 7_925_000],
	[SWPP_IND.travel, 'Kostnad: resor och logi', 1_100_000],
	[SWPP_IND.esf, 'Finansiering: Svenska ESF-rådet', 7_562_048],
	[SWPP_IND.regionNorrbotten, 'Finansiering: Region Norrbotten', 3_220_872],
	[SWPP_IND.regionVasterbotten, 'Sökt finansiering: Region Västerbotten (avslaget)', 3_220_871]
];

function budget(): SeedPart {
	return {
		indicators: BUDGET_LINES.map(([id, name]) => ({
			id,
			organisationId: ID,
			goalId: GOAL.finance,
			name,
			unit: 'sek' as const,
			decimals: 0,
			betterDirection: 'none' as const,
			source: { kind: 'document' as const, description: SOURCE },
			aggregation: 'none' as const,
			scope: 'grouping' as const
		})),
		measurements: BUDGET_LINES.map(([indicatorId, , sek]) =>
			measurementRow({
				indicatorId,
				organisationId: ID,
				year: FIRST_YEAR,
				value: sek,
				origin: 'document',
				source: SOURCE,
				note: APPLICATION_NOTE
			})
		)
	};
}

export function swpp(): SeedPart {
	const own = mergeParts([targetsOfTheProject(), budget()]);
	own.indicators = numbered(own.indicators);
	const assessment = regionAssessmentRows({
		groupingId: ID,
		planId: PLAN_ID,
		goalOrder: 3,
		indicatorOrder: own.indicators.length,
		year: FIRST_YEAR,
		source: SOURCE,
		note: 'Region Västerbottens bedömning i beslutet (diarie-nr REGAC 161-2026).',
		// "Projektet uppfyller kraven … och bidrar i hög grad till … Sammanhållen region samt delvis till en Hållbar regional tillväxt."
		requirements: {
			avgransat: 'Ja',
			projektlogik: 'Ja',
			jamstalldhet: 'Ja',
			mangfald: 'Ja',
			ekologisk: 'Ja',
			ekonomisk: 'Ja'
		},
		aspects: { sammanhallen: 'I hög grad', tillvaxt: 'Delvis', hallbarhetseffekter: null }
	});
	return mergeParts([organisationAndMembers(), goalTree(), own, assessment]);
}
