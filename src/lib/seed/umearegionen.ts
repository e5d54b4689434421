import { assessmentId, slug } from '$lib/domain/ids';
import { municipalityByName } from './municipalities';
import { scbContextIndicators } from './scb-series';
import {
	DEMO_UPDATED_AT,
	measurementRow,
	membershipRow,
	mergeParts,
	numbered,
	type IndicatorInput,
	type MeasurementInput,
	type SeedPart,
	type SubGoalInput
} from './rows';

/**
 * Umeåregionen from "Verksamhetsplan Umeåregionen 2023–2027": seven
 * municipalities with a yearly rotating host (värdkommun), the two focus
 * areas with the working groups' assignments (reported yearly to the
 * kommunchefsgrupp) as goals and sub-goals, the running work groups, and the
 * vision "300 000 invånare år 2050" as a population target.
 */

export const UMEAREGIONEN_ID = 'umearegionen';
export const UMEAREGIONEN_SOURCE = 'Verksamhetsplan Umeåregionen 2023–2027';
const ID = UMEAREGIONEN_ID;
const SOURCE = UMEAREGIONEN_SOURCE;
const PLAN_ID = 'umearegionen-vp-2023-2027';

/** "Bjurholm, Vindeln, Vännäs, Robertsfors, Nordmaling och Umeå kommun har samarbetat sedan 1993. Örnsköldsviks kommun kom med i samarbetet 2013." */
export const UMEAREGIONEN_MEMBERS: readonly (readonly [name: string, fromYear: number])[] = [
	['Bjurholm', 1993],
	['Vindeln', 1993],
	['Vännäs', 1993],
	['Robertsfors', 1993],
	['Nordmaling', 1993],
	['Umeå', 1993],
	['Örnsköldsvik', 2013]
];

export const HOST_ROLE = 'värdkommun';
export const VICE_CHAIR_ROLE = 'vice ordförande i kommunchefsgruppen';

/**
 * Host and vice chair of the kommunchefsgrupp per year. 2023: the plan gives
 * the chairs of Umeåregionrådet and the kommunchefsgrupp from Vindeln (what a
 * host holds) and the group's vice chair from Umeå. 2024–2027: the table
 * "Värdkommuner 2024–2027", rows in order; its further rows (Robertsfors,
 * Umeå, Vindeln) continue the rotation after the plan period.
 */
export const ROLES_BY_YEAR: Readonly<Record<number, { host: string; viceChair: string }>> = {
	2023: { host: 'Vindeln', viceChair: 'Umeå' },
	2024: { host: 'Vännäs', viceChair: 'Örnsköldsvik' },
	2025: { host: 'Örnsköldsvik', viceChair: 'Bjurholm' },
	2026: { host: 'Bjurholm', viceChair: 'Nordmaling' },
	2027: { host: 'Nordmaling', viceChair: 'Robertsfors' }
};
const ROLE_YEARS = Object.keys(ROLES_BY_YEAR).map(Number);
const LAST_ROLE_YEAR = Math.max(...ROLE_YEARS);

function roleInYear(name: string, year: number): string | undefined {
	const roles = ROLES_BY_YEAR[year];
	if (roles?.host === name) return HOST_ROLE;
	if (roles?.viceChair === name) return VICE_CHAIR_ROLE;
	return undefined;
}

/**
 * A membership row holds one role, so a member's membership is cut into
 * periods with the same role: e.g. Vännäs 1993–2023, 2024 as host, 2025 on.
 * The periods do not overlap, so each year the member is counted once.
 */
function membershipPeriods(name: string, joined: number) {
	const memberId = municipalityByName(name).id;
	const periods: { fromYear: number; toYear?: number; role?: string }[] = [];
	for (let year = joined; year <= LAST_ROLE_YEAR + 1; year++) {
		const role = year > LAST_ROLE_YEAR ? undefined : roleInYear(name, year);
		const last = periods.at(-1);
		if (last && last.role === role) last.toYear = year;
		else periods.push({ fromYear: year, toYear: year, role });
	}
	// The last period (after the known rotation) lasts as long as the membership.
	delete periods[periods.length - 1].toYear;
	return periods.map((p) =>
		membershipRow({
			groupingId: ID,
			memberId,
			...p,
			source: p.role
				? `${SOURCE}, avsnitt Organisation och administration (${p.role} ${p.fromYear})`
				: `${SOURCE}, avsnitt Inledning (medlem sedan ${joined})`
		})
	);
}

function organisationAndMembers(): SeedPart {
	return {
		organisations: [
			{
				id: ID,
				kind: 'partnership',
				name: 'Umeåregionen',
				description:
					'Samarbete mellan Bjurholm, Nordmaling, Robertsfors, Umeå, Vindeln, Vännäs och Örnsköldsvik för att med gemensamma krafter stärka arbetsmarknadsregionen och kommunernas verksamheter. Samarbetet startade 1993; Örnsköldsvik kom med 2013. Från 2023 roterar värdskapet årligen: värdkommunen har ordförandeskapet i Umeåregionrådet och kommunchefsgruppen samt i prioriterade arbetsgrupper.',
				source: SOURCE
			}
		],
		memberships: UMEAREGIONEN_MEMBERS.flatMap(([name, joined]) => membershipPeriods(name, joined))
	};
}

const AREA = {
	labourMarket: `${PLAN_ID}-gemensam-arbetsmarknadsregion`,
	efficiency: `${PLAN_ID}-effektivisera-kommunal-verksamhet`,
	running: `${PLAN_ID}-lopande-verksamhet`
} as const;

const REPORTING = 'Arbetsgruppen återrapporterar årligen till kommunchefsgruppen.';

/** A focus-area goal with the working groups' assignments (each bullet one sub-goal). */
type FocusGoal = {
	key: string;
	area: string;
	name: string;
	description: string;
	assignments: { group: string; tasks: string[] }[];
};

const FOCUS_GOALS: FocusGoal[] = [
	{
		key: 'gymnasieutbildning',
		area: AREA.labourMarket,
		name: 'Gymnasieutbildning',
		description: 'En ny arbetsgrupp med skolchefer tillsätts.',
		assignments: [
			{
				group: 'Skolchefgruppen',
				tasks: [
					'Stärka samarbetet för ökad effektivitet och samnyttjande av resurser. Verka för ett systematiskt samarbete som kompletterar samverkan inom Region Västerbotten.',
					'Säkerställa ett gott utbud av gymnasieutbildningar inkluderat introduktionsprogram utifrån behov inom Umeåregionen.'
				]
			}
		]
	},
	{
		key: 'kompetensforsorjning',
		area: AREA.labourMarket,
		name: 'Kompetensförsörjning',
		description:
			'Umeåregionen ska de kommande åren arbeta med att förbereda arbetskraft för nya arbetsuppgifter samt locka ungdomar till att studera (gymnasium och universitet) till konstaterade bristyrken inom Umeåregionen.',
		assignments: [
			{
				group: 'Personalchefgruppen',
				tasks: [
					'Skapa gemensamma utbildningar för Umeåregionens medarbetare',
					'Skapa karriärvägar inom Umeåregionen',
					'Öka rekryteringsinsatserna mot unga, fokus är gemensamma insatser för de kommunala jobben.',
					'Hitta nya lösningar för kompetensförsörjning. Digitala eller tekniska lösningar, kompetensväxling, flexibla anställningar och andra lösningar i samverkan inom Umeåregionen.',
					'Gemensamt utveckla den kommunala vuxenutbildningen.',
					'Ge förutsättningar och inspirera studenter till att stanna i Umeåregionen.'
				]
			}
		]
	},
	{
		key: 'befolkningsokning',
		area: AREA.labourMarket,
		name: 'Befolkningsökning, inflyttning, attraktivitet och positionering',
		description:
			'Umeåregionen behöver befolkningsökning genom inflyttning. Vi måste attrahera nya människor för att klara kompetensförsörjningen. Umeåregionen ska vara attraktiv för företag och medborgare och ska utveckla positioneringsarbetet på flera nivåer. En ny arbetsgrupp med kommunikatörer/informatörer tillsätts.',
		assignments: [
			{
				group: 'Kommunikatörgruppen',
				tasks: [
					'Övergripande synliggöra Umeåregionen.',
					'Tillsammans med projektgruppen för Attrahera flera samt Landsbygdsutvecklingsgruppen ta fram förslag till insatser för att ge ökad attraktivitet till Umeåregionen samt ökad kännedom om Umeåregionen.'
				]
			},
			{
				group: 'LBU-gruppen',
				tasks: [
					'Arbeta med området strategisk kommunikation för att lyfta Umeåregionens landsbygder på nya och positiva sätt. Att arbeta med kommunikation och attitydförändring är ett fokusområde inom landsbygdsstrategin.'
				]
			}
		]
	},
	{
		key: 'samhallsbyggande',
		area: AREA.labourMarket,
		name: 'Samhällsbyggande',
		description:
			'Umeåregionen behöver förbättra planeringskapaciteten för nya etableringar och nya bostäder samt verka för möjlighet till finansiering vid nybyggnation. Samhällsbyggandet är högt prioriterat och särskilda budgetmedel har avsatts för arbetet. En ny arbetsgrupp med mark och exploatering/samhällsplanerare/bygglovshandläggare tillsätts.',
		assignments: [
			{
				group: 'Samhällsbyggnadsgruppen',
				tasks: [
					'Stärka samarbetet med plan- och byggfrågor och samhällsbyggnadsfrågor i stort.',
					'Bygga upp långsiktiga och effektiva samverkansmodeller där kommunerna hjälps åt att möta utmaningarna inom samhällsbyggnadssektorn.',
					'Förbättra planeringskapaciteten för nya etableringar och bostäder. Det handlar om elförsörjning, tillgång till mark, till vatten och till kompetens.',
					'Förbättra samplaneringen mellan kommunerna och se till att kommun- och länsgränserna inte blir ett hinder.'
				]
			},
			{
				group: 'Kommunchefsgruppen',
				tasks: [
					'Undersöka möjligheterna att Umeåregionen blir en pilot för hållbart samhällsbyggande. I en sådan pilot skulle man kunna få möjlighet att införa anpassade regler för strandskydd, kunna få del av ett regionalt etablerings-/expansionsstöd för fastighetsaktörer så att aktörerna kan bygga till rimliga hyresnivåer och snabbt öka volymerna av byggnation.',
					'Starta upp arbete för en revidering av den gemensamma Vindkraftsplanen, tillägg till ÖP, samt en förstudie gällande solkraft.',
					'Starta ett projekt för mobilisering för ökat småhusbyggande.'
				]
			}
		]
	},
	{
		key: 'kommunikationer',
		area: AREA.labourMarket,
		name: 'Kommunikationer och infrastruktur',
		description:
			'Goda kommunikationer har en avgörande betydelse för utvecklingen i Umeåregionen. Inom området finns redan ett stort antal samarbeten varför uppdraget begränsas. (I planens sammanställning av prioriterade arbetsgrupper står uppdraget under Effektivisera kommunal verksamhet.)',
		assignments: [
			{
				group: 'Kommunchefsgruppen',
				tasks: [
					'Verka för ett gemensamt pendlarkort med olika bolag inom Umeåregionen',
					'Påskynda Förbifart Örnsköldsvik',
					'Verka för att Kollektivtrafikmyndigheten identifierar de nya resmönstren och knyter ihop olika trafikslag.'
				]
			}
		]
	},
	{
		key: 'gemensamma-namnder',
		area: AREA.efficiency,
		name: 'De gemensamma nämnderna',
		description:
			'De gemensamma nämndernas arbete ska alltid vara administrativt och ekonomiskt effektivt.',
		assignments: [
			{
				group: 'Kommunchefsgruppen',
				tasks: [
					'Bevaka att de gemensamma nämndernas arbete är administrativt och ekonomiskt effektivt.'
				]
			}
		]
	},
	{
		key: 'civilt-forsvar',
		area: AREA.efficiency,
		name: 'Civilt försvar',
		description:
			'För små kommuner med begränsade resurser kan det vara svårt att leva upp till de nya mål och krav som ställs på kommunerna.',
		assignments: [
			{
				group: 'Kommunchefsgruppen och kanslichef',
				tasks: [
					'Arbeta för att en gemensam säkerhetsskyddschef anställs',
					'Arbeta för att en gemensam informationssäkerhetsskyddschef anställs',
					'Se över om det finns möjligheter till samarbete inom fler områden inom civilt försvar och beredskap.'
				]
			}
		]
	},
	{
		key: 'digitalisering',
		area: AREA.efficiency,
		name: 'Digitalisering',
		description: 'En ny arbetsgrupp med digitaliseringsansvariga tillsätts.',
		assignments: [
			{
				group: 'Digitaliseringsgruppen',
				tasks: [
					'Arbeta för gemensamma upphandlingar av verksamhetssystem',
					'Arbeta för att ta fram gemensamma modeller och processer',
					'Arbeta för att ta fram gemensamma E-tjänster'
				]
			}
		]
	}
];

/** The table "Arbetsgrupper/projekt i löpande verksamhet": assignment and who is responsible. */
const RUNNING_WORK: readonly (readonly [assignment: string, responsible: string])[] = [
	['Avfallsplanens genomförande', 'Arbetsgrupp för avfallsplanen'],
	['Arbetsmarknadskunskap i skolan, projekt', 'Kanslichef'],
	['Studenter möter arbetsliv, projekt', 'Kanslichef'],
	['Attrahera flera, projekt', 'Näringslivsgruppen'],
	['Thriving Northern Capacities', 'RISE'],
	['Business Arena', 'Näringslivsgruppen'],
	['Rally VM', 'Näringslivsgruppen'],
	['Aktiviteter kring Landsbygdsstrategin', 'LBU-gruppen'],
	['Idériket 2030', 'Styrelsen'],
	['Utveckla, samverkan Bibliotek', 'Urax-gruppen'],
	['Utvärdera avtalet med Visit Umeå', 'Turismgruppen'],
	['Samverkan inom upphandlingar', 'Upphandlingsgruppen'],
	['Kompetensförsörjning samt utveckling inom arbetsmarknadsregionen', 'Personalchefgruppen']
];

const goalId = (key: string) => `${PLAN_ID}-${key}`;
const runningGoalId = (assignment: string) => goalId(`lopande-${slug(assignment)}`);

/** Sub-goal ids: goal id plus the task's position, e.g. "…-digitalisering-3". */
function subGoalsOf(goal: FocusGoal): SubGoalInput[] {
	const tasks = goal.assignments.flatMap(({ group, tasks }) =>
		tasks.map((task) => ({ group, task }))
	);
	return tasks.map(({ group, task }, i) => ({
		id: `${goalId(goal.key)}-${i + 1}`,
		goalId: goalId(goal.key),
		name: task,
		description: `Ansvarig: ${group}. ${REPORTING}`,
		order: i
	}));
}

function goalTree(): SeedPart {
	return {
		plans: [
			{
				id: PLAN_ID,
				organisationId: ID,
				name: 'Verksamhetsplan 2023–2027',
				fromYear: 2023,
				toYear: 2027,
				vision: 'Världens bästa livsmiljö för 300 000 invånare år 2050!',
				description:
					'Umeåregionens prioriteringar för mandatperioden 2023–2027. Planen revideras vid första Umeåregionrådet varje år. Genom årlig avrapportering till kommunchefsgruppen från arbetsgrupperna följs samarbetets resultat upp; ordförande i prioriterade arbetsgrupper är representant från värdkommunen.',
				source: SOURCE
			}
		],
		goalAreas: numbered([
			{
				id: AREA.labourMarket,
				planId: PLAN_ID,
				name: 'Gemensam arbetsmarknadsregion',
				description:
					'Umeåregionen ska vara en stark arbetsmarknadsregion med god tillgång till kompetens och arbete. Genom samarbete och samverkan ska kommunerna skapa goda förutsättningar för en växande befolkning att leva, bo, arbeta och studera och för fler företag och organisationer att bildas, etableras och utvecklas på ett hållbart sätt inom Umeåregionen.'
			},
			{
				id: AREA.efficiency,
				planId: PLAN_ID,
				name: 'Effektivisera kommunal verksamhet',
				description:
					'Umeåregionens kommuner ska arbeta tillsammans för att ge invånarna bästa möjliga service, för effektivt utförd välfärdsservice av hög kvalitet som säkrar välfärdsutbudet och det kommunala uppdraget i hela Umeåregionen.'
			},
			{
				id: AREA.running,
				planId: PLAN_ID,
				name: 'Löpande verksamhet',
				description:
					'Arbetsgrupper och projekt i löpande verksamhet, med ansvarig för varje uppdrag.'
			}
		]),
		goals: numbered([
			...FOCUS_GOALS.map((g) => ({
				id: goalId(g.key),
				planId: PLAN_ID,
				goalAreaId: g.area,
				name: g.name,
				description: g.description
			})),
			...RUNNING_WORK.map(([assignment, responsible]) => ({
				id: runningGoalId(assignment),
				planId: PLAN_ID,
				goalAreaId: AREA.running,
				name: assignment,
				description: `Ansvarig: ${responsible}.`
			}))
		]),
		subGoals: FOCUS_GOALS.flatMap(subGoalsOf)
	};
}

export const POPULATION_INDICATOR_ID = 'umearegionen-folkmangd';

const IND = {
	population: POPULATION_INDICATOR_ID,
	trainings: 'umearegionen-gemensamma-utbildningar',
	housingProject: 'umearegionen-projekt-smahusbyggande',
	commuterCard: 'umearegionen-gemensamt-pendlarkort',
	securityChief: 'umearegionen-gemensam-sakerhetsskyddschef',
	infoSecurityChief: 'umearegionen-gemensam-informationssakerhetschef',
	procurements: 'umearegionen-gemensamma-upphandlingar',
	eServices: 'umearegionen-gemensamma-e-tjanster',
	studentsFunding: 'umearegionen-finansiering-studenter-moter-arbetsliv'
} as const;

/** A countable assignment, followed by the grouping as a whole. */
function assignmentIndicator(
	id: string,
	goal: string,
	name: string,
	unit: 'count' | 'yesno',
	description?: string
): Omit<IndicatorInput, 'order'> {
	return {
		id,
		organisationId: ID,
		goalId: goal,
		name,
		description,
		unit,
		decimals: 0,
		betterDirection: 'higher',
		source: { kind: 'manual', description: `Uppdrag i ${SOURCE}` },
		aggregation: 'none',
		scope: 'grouping',
		exampleData: true
	};
}

function indicators(): SeedPart {
	const sub = (key: string, n: number) => `${goalId(key)}-${n}`;
	const list: Omit<IndicatorInput, 'order'>[] = [
		{
			id: IND.population,
			organisationId: ID,
			goalId: goalId('befolkningsokning'),
			name: 'Folkmängd i Umeåregionen',
			description:
				'Antal invånare i de sju kommunerna den 31 december. Visionen: Världens bästa livsmiljö för 300 000 invånare år 2050.',
			unit: 'persons',
			decimals: 0,
			betterDirection: 'higher',
			source: { kind: 'scb', table: 'BE0101', description: 'SCB: folkmängd per kommun (BE0101)' },
			aggregation: 'sum',
			scope: 'members',
			// The values in the demo are rounded examples, not SCB's figures.
			exampleData: true
		},
		assignmentIndicator(
			IND.trainings,
			sub('kompetensforsorjning', 1),
			'Antal gemensamma utbildningar för Umeåregionens medarbetare',
			'count'
		),
		assignmentIndicator(
			IND.housingProject,
			sub('samhallsbyggande', 7),
			'Projekt för mobilisering för ökat småhusbyggande startat',
			'yesno'
		),
		assignmentIndicator(
			IND.commuterCard,
			sub('kommunikationer', 1),
			'Gemensamt pendlarkort inom Umeåregionen',
			'yesno'
		),
		assignmentIndicator(
			IND.securityChief,
			sub('civilt-forsvar', 1),
			'Gemensam säkerhetsskyddschef anställd',
			'yesno'
		),
		assignmentIndicator(
			IND.infoSecurityChief,
			sub('civilt-forsvar', 2),
			'Gemensam informationssäkerhetsskyddschef anställd',
			'yesno'
		),
		assignmentIndicator(
			IND.procurements,
			sub('digitalisering', 1),
			'Antal gemensamma upphandlingar av verksamhetssystem',
			'count'
		),
		assignmentIndicator(
			IND.eServices,
			sub('digitalisering', 3),
			'Antal gemensamma e-tjänster',
			'count'
		),
		{
			id: IND.studentsFunding,
			organisationId: ID,
			goalId: runningGoalId('Studenter möter arbetsliv, projekt'),
			name: 'Umeåregionens finansiering av Studenter möter arbetsliv',
			description:
				'Projektet skapar kontaktytor mellan studenter på Umeå universitet och SLU och Västerbottens arbetsgivare. Umeåregionen finansierar med 100 000 kr/år.',
			unit: 'sek',
			decimals: 0,
			betterDirection: 'none',
			source: { kind: 'document', description: SOURCE },
			aggregation: 'none',
			scope: 'grouping'
		}
	];
	return { indicators: numbered(list) };
}

function targets(): SeedPart {
	return {
		targets: [
			{
				id: `${IND.population}-mal`,
				indicatorId: IND.population,
				organisationId: ID,
				// The vision names only the end point; no path between today and 2050 is decided.
				rule: { kind: 'perYear', values: [{ year: 2050, value: 300_000 }] },
				description: 'Vision: Världens bästa livsmiljö för 300 000 invånare år 2050!',
				source: SOURCE
			}
		]
	};
}

/** Rounded example populations (not SCB figures) for 2023 and 2024. */
const POPULATION_EXAMPLES: Readonly<Record<string, readonly [y2023: number, y2024: number]>> = {
	Bjurholm: [2_450, 2_430],
	Vindeln: [5_350, 5_300],
	Vännäs: [8_900, 8_950],
	Robertsfors: [6_650, 6_600],
	Nordmaling: [6_900, 6_850],
	Umeå: [131_000, 132_200],
	Örnsköldsvik: [55_900, 55_800]
};

/** Example values for the countable assignments (the plan gives no figures). */
const ASSIGNMENT_EXAMPLES: readonly (readonly [
	indicatorId: string,
	year: number,
	value: number
])[] = [
	[IND.trainings, 2023, 2],
	[IND.trainings, 2024, 4],
	[IND.housingProject, 2023, 0],
	[IND.housingProject, 2024, 1],
	[IND.commuterCard, 2024, 0],
	[IND.securityChief, 2024, 1],
	[IND.infoSecurityChief, 2024, 0],
	[IND.procurements, 2024, 2],
	[IND.eServices, 2024, 3]
];

function values(): MeasurementInput[] {
	const example = (indicatorId: string, organisationId: string, year: number, value: number) =>
		measurementRow({
			indicatorId,
			organisationId,
			year,
			value,
			origin: 'example',
			source: 'Exempeldata'
		});
	return [
		measurementRow({
			indicatorId: IND.studentsFunding,
			organisationId: ID,
			year: 2023,
			value: 100_000,
			origin: 'document',
			source: `${SOURCE}, avsnitt Löpande verksamhet`,
			note: 'Umeåregionen finansierar med 100 000 kr/år; projektet pågår fram till 2023-08-31.'
		}),
		...Object.entries(POPULATION_EXAMPLES).flatMap(([name, [y2023, y2024]]) => {
			const memberId = municipalityByName(name).id;
			return [
				example(IND.population, memberId, 2023, y2023),
				example(IND.population, memberId, 2024, y2024)
			];
		}),
		...ASSIGNMENT_EXAMPLES.map(([indicatorId, year, value]) =>
			example(indicatorId, ID, year, value)
		)
	];
}

/** Example yearly reports for two assignments without figures. */
function assessments(): SeedPart {
	const row = (key: string, year: number, status: 'onTrack' | 'atRisk', analysis: string) => ({
		id: assessmentId(goalId(key), year),
		goalId: goalId(key),
		year,
		status,
		analysis,
		updatedBy: 'demo',
		updatedAt: DEMO_UPDATED_AT,
		exampleData: true
	});
	return {
		assessments: [
			row(
				'gymnasieutbildning',
				2024,
				'onTrack',
				'Skolchefgruppen har träffats regelbundet och tagit fram en gemensam översikt över gymnasieutbudet, inklusive introduktionsprogrammen. (Exempeltext.)'
			),
			row(
				'samhallsbyggande',
				2024,
				'atRisk',
				'Samhällsbyggnadsgruppen är tillsatt, men bristen på planhandläggare gör att samplaneringen mellan kommunerna går långsammare än planerat. (Exempeltext.)'
			)
		]
	};
}

export function umearegionen(): SeedPart {
	const own = indicators();
	return mergeParts([
		organisationAndMembers(),
		goalTree(),
		own,
		targets(),
		{ measurements: values() },
		assessments(),
		scbContextIndicators(
			ID,
			UMEAREGIONEN_MEMBERS.map(([name]) => municipalityByName(name)),
			own.indicators?.length ?? 0
		)
	]);
}
