import type { Gender } from '$lib/domain/figures/measurement';
import type { Organisation } from '$lib/domain/plan/organisation';
import { numberField, parseSimpleCsv, textField, type CsvRow } from './csv';
import { measurementRow, type IndicatorInput, type SeedPart } from './rows';
import labourCsv from './sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';
import meanAgeCsv from './sources/scb_TAB637_medelalder_lan22-25_1998-2025.csv?raw';

/**
 * Real context indicators from the SCB extracts in `sources/`: unemployment
 * and employment rate 20–64 (all 290 municipalities, 2020–2024) and mean age
 * (municipalities in counties 22–25, 1998–2025). Values are official
 * statistics: final, not example data.
 */

const LABOUR_FILE = 'scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv';
const MEAN_AGE_FILE = 'scb_TAB637_medelalder_lan22-25_1998-2025.csv';
export const LABOUR_SOURCE = 'SCB TAB3200';
export const MEAN_AGE_SOURCE = 'SCB TAB637';

/**
 * Mean age is kept from 2020, the first year of the labour series, so all
 * context indicators cover the same years (plus 2025, the newest mean age).
 */
export const MEAN_AGE_FROM_YEAR = 2020;

/** SCB writes "totalt" for both sexes together; the app uses Kolada's codes. */
const SCB_GENDER: Record<string, Gender> = { totalt: 'T', kvinnor: 'K', män: 'M' };

type SeriesPoint = { kommunkod: string; year: number; gender: Gender; value: number };

function gender(row: CsvRow, file: string): Gender {
	const kon = textField(row, 'kon', file);
	const code = SCB_GENDER[kon];
	if (!code) throw new Error(`${file}: okänt kön "${kon}"`);
	return code;
}

let labourCache: CsvRow[] | undefined;

function labourRows(): CsvRow[] {
	if (!labourCache) {
		labourCache = parseSimpleCsv(labourCsv, LABOUR_FILE);
		// The extract holds one population only; refuse a file that holds others rather than mix them.
		for (const row of labourCache) {
			if (row.alder !== '20-64' || row.fodelseregion !== 'totalt') {
				throw new Error(`${LABOUR_FILE}: oväntad population ${row.alder}/${row.fodelseregion}`);
			}
		}
	}
	return labourCache;
}

function labourSeries(
	column: 'arbetsloshet_procent' | 'sysselsattningsgrad_procent'
): SeriesPoint[] {
	return labourRows().map((row) => ({
		kommunkod: textField(row, 'region_kod', LABOUR_FILE),
		year: numberField(row, 'ar', LABOUR_FILE),
		gender: gender(row, LABOUR_FILE),
		value: numberField(row, column, LABOUR_FILE)
	}));
}

function meanAgeSeries(): SeriesPoint[] {
	return parseSimpleCsv(meanAgeCsv, MEAN_AGE_FILE)
		.map((row) => ({
			kommunkod: textField(row, 'region_kod', MEAN_AGE_FILE),
			year: numberField(row, 'ar', MEAN_AGE_FILE),
			gender: gender(row, MEAN_AGE_FILE),
			value: numberField(row, 'medelalder_ar', MEAN_AGE_FILE)
		}))
		.filter((point) => point.year >= MEAN_AGE_FROM_YEAR);
}

export type ScbSeriesKey = 'arbetsloshet' | 'sysselsattningsgrad' | 'medelalder';

type SeriesDefinition = {
	key: ScbSeriesKey;
	name: string;
	description: string;
	unit: 'percent' | 'count';
	betterDirection: 'higher' | 'lower' | 'none';
	table: string;
	tableDescription: string;
	population: string;
	source: string;
	points: () => SeriesPoint[];
};

const SERIES: SeriesDefinition[] = [
	{
		key: 'arbetsloshet',
		name: 'Arbetslöshet 20–64 år',
		description:
			'Andel arbetslösa i procent av arbetskraften, 20–64 år, kvinnor och män totalt. Omvärldsindikator från SCB.',
		unit: 'percent',
		betterDirection: 'lower',
		table: 'TAB3200',
		tableDescription: 'SCB: arbetslöshet och sysselsättningsgrad 20–64 år per kommun (TAB3200)',
		population: '20–64 år',
		source: LABOUR_SOURCE,
		points: () => labourSeries('arbetsloshet_procent')
	},
	{
		key: 'sysselsattningsgrad',
		name: 'Sysselsättningsgrad 20–64 år',
		description:
			'Andel sysselsatta i procent av befolkningen 20–64 år, kvinnor och män totalt. Omvärldsindikator från SCB.',
		unit: 'percent',
		betterDirection: 'higher',
		table: 'TAB3200',
		tableDescription: 'SCB: arbetslöshet och sysselsättningsgrad 20–64 år per kommun (TAB3200)',
		population: '20–64 år',
		source: LABOUR_SOURCE,
		points: () => labourSeries('sysselsattningsgrad_procent')
	},
	{
		key: 'medelalder',
		// The schema has no unit for years of age; 'count' with one decimal shows "44,2" and the name says "år".
		name: 'Medelålder (år)',
		description:
			'Befolkningens medelålder i år, kvinnor och män totalt. Omvärldsindikator från SCB; finns för kommunerna i Västernorrlands, Jämtlands, Västerbottens och Norrbottens län.',
		unit: 'count',
		betterDirection: 'none',
		table: 'TAB637',
		tableDescription: 'SCB: medelålder per kommun, län 22–25 (TAB637)',
		population: 'hela befolkningen',
		source: MEAN_AGE_SOURCE,
		points: meanAgeSeries
	}
];

/** Id of a grouping's copy of an SCB series, e.g. "akademi-norr-arbetsloshet". */
export function scbIndicatorId(groupingId: string, key: ScbSeriesKey): string {
	return `${groupingId}-${key}`;
}

export type ScbContextOptions = {
	/** Changes to a series' indicator, e.g. a weighted mean with its weight series. */
	overrides?: Partial<Record<ScbSeriesKey, Partial<IndicatorInput>>>;
};

/**
 * The SCB context indicators for one grouping, with every member's values.
 * An Indicator belongs to one grouping, so each grouping gets its own rows
 * (the values are the same official figures). A series with no value for any
 * member (mean age outside counties 22–25) is left out for that grouping.
 */
export function scbContextIndicators(
	groupingId: string,
	members: readonly Organisation[],
	firstOrder: number,
	options: ScbContextOptions = {}
): SeedPart {
	const part: Required<Pick<SeedPart, 'indicators' | 'measurements'>> = {
		indicators: [],
		measurements: []
	};
	const byCode = new Map(members.map((m) => [m.kommunkod, m.id]));

	for (const series of SERIES) {
		const indicatorId = scbIndicatorId(groupingId, series.key);
		const points = series.points().filter((p) => byCode.has(p.kommunkod));
		if (points.length === 0) continue;

		part.indicators.push({
			id: indicatorId,
			organisationId: groupingId,
			name: series.name,
			description: series.description,
			unit: series.unit,
			decimals: 1,
			betterDirection: series.betterDirection,
			source: { kind: 'scb', table: series.table, description: series.tableDescription },
			// Unweighted, like the federations' own headline figure; the extracts carry no population weights.
			aggregation: 'mean',
			scope: 'members',
			genderBreakdown: false,
			population: series.population,
			order: firstOrder + part.indicators.length,
			exampleData: false,
			...options.overrides?.[series.key]
		});
		for (const p of points) {
			part.measurements.push(
				measurementRow({
					indicatorId,
					organisationId: byCode.get(p.kommunkod)!,
					year: p.year,
					gender: p.gender,
					value: p.value,
					origin: 'scb',
					source: series.source
				})
			);
		}
	}
	return part;
}
