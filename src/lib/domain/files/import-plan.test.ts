import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes, formatCsv, parseCsv, type CsvDelimiter } from './csv';
import { fileSource } from './import-diff';
import {
	planBlockedReason,
	planFileImport,
	type ImportPlan,
	type PendingFile
} from './import-plan';
import type { ImportIndicator, ImportTarget } from './measurement-import';
import { NUMBER_FORMATS, type NumberFormat } from './number-format';
import type { StoredValue } from './import-plausibility';
import { groupingSeries } from '../figures/series';
import { writeNumber } from './test-numbers';
import { allMunicipalities } from '$lib/seed/municipalities';
import { buildDemoData } from '$lib/seed/demo-data';
import { AKADEMI_NORR_ID } from '$lib/seed/akademi-norr';
import labourCsv from '$lib/seed/sources/scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv?raw';

const LABOUR_FILE = 'scb_TAB3200_arbetsloshet_sysselsattningsgrad_20-64_290kommuner_2020-2024.csv';
const municipalities = allMunicipalities();
const demo = buildDemoData();
const memberships = demo.memberships.filter((m) => m.groupingId === AKADEMI_NORR_ID);
const memberIds = new Set(memberships.map((m) => m.memberId));
const names = new Map(municipalities.map((m) => [m.id, m.name]));

function target(indicator: ImportIndicator, fileName: string): ImportTarget {
	return {
		indicator,
		grouping: { id: AKADEMI_NORR_ID, name: 'Akademi Norr' },
		memberIds,
		municipalities,
		source: fileSource(fileName),
		years: { min: 1960, max: 2027 }
	};
}

function plan(
	text: string,
	indicator: ImportIndicator,
	stored: StoredValue[],
	choices: { valueColumn?: string; numberFormat?: NumberFormat } = {},
	name = 'fil.csv'
): ImportPlan {
	const bytes = new TextEncoder().encode(text);
	const { text: decoded, encoding } = decodeCsvBytes(bytes);
	const file: PendingFile = { name, encoding, parsed: parseCsv(decoded) };
	return planFileImport(file, target(indicator, file.name), choices, { stored, names });
}

/** Whether the import stops: an error, an unanswered question about the format, or values waiting for confirmation. */
const stops = (p: ImportPlan) => planBlockedReason(p, 'file') !== null || p.implausible.length > 0;

describe('a real SCB file through the import: Akademi Norr’s figures match the file', () => {
	// Computed from the file with nothing of the import code: split lines and commas, pick the members' rows, average.
	function independentMeans(column: string): Map<number, number> {
		const [header, ...lines] = labourCsv
			.trim()
			.split(/\r?\n/)
			.map((line) => line.split(','));
		const [code, year, value] = ['region_kod', 'ar', column].map((name) => header.indexOf(name));
		const memberCodes = new Set(
			municipalities.filter((m) => memberIds.has(m.id)).map((m) => m.kommunkod)
		);
		const byYear = new Map<number, number[]>();
		for (const fields of lines) {
			if (!memberCodes.has(fields[code])) continue;
			byYear.set(Number(fields[year]), [
				...(byYear.get(Number(fields[year])) ?? []),
				Number(fields[value])
			]);
		}
		expect([...byYear.values()].every((values) => values.length === 12)).toBe(true);
		return new Map(
			[...byYear].map(([y, values]) => [y, values.reduce((a, b) => a + b, 0) / values.length])
		);
	}

	for (const [column, name] of [
		['arbetsloshet_procent', 'Arbetslöshet 20–64 år'],
		['sysselsattningsgrad_procent', 'Sysselsättningsgrad 20–64 år']
	] as const) {
		it(`${column}: the unweighted mean of the 12 members per year`, () => {
			const indicator: ImportIndicator = {
				id: `an-${column}`,
				name,
				unit: 'percent',
				decimals: 1,
				genderBreakdown: false,
				scope: 'members'
			};
			const read = plan(labourCsv, indicator, [], { valueColumn: column }, LABOUR_FILE);
			expect(read.valueColumn).toBe(column);
			expect(read.details).toBe(
				`${LABOUR_FILE}: kommaavgränsad, decimalpunkt, UTF-8 utan BOM, 1\u00a0450 rader.`
			);
			expect(read.source.label).toBe(`SCB TAB3200 (fil ${LABOUR_FILE})`);
			expect(stops(read)).toBe(false);
			expect(read.values).toHaveLength(12 * 5);

			const years = [2020, 2021, 2022, 2023, 2024];
			const series = groupingSeries(
				{ id: indicator.id, aggregation: 'mean', scope: 'members' },
				memberships,
				read.values.map((v) => ({ ...v, value: v.value as number })),
				AKADEMI_NORR_ID,
				years,
				'T'
			);
			const expected = independentMeans(column);
			for (const point of series) {
				expect(point.contributing).toHaveLength(12);
				expect(point.value).toBeCloseTo(expected.get(point.year)!, 10);
			}
		});
	}
});

describe('property: a column is never imported a thousand times off without stopping', () => {
	const kinds: Pick<ImportIndicator, 'unit' | 'decimals'>[] = [
		{ unit: 'persons', decimals: 0 },
		{ unit: 'count', decimals: 0 },
		{ unit: 'count', decimals: 1 },
		{ unit: 'sek', decimals: 0 },
		{ unit: 'percent', decimals: 1 }
	];
	const members = municipalities.filter((m) => memberIds.has(m.id));

	/** A season of values: per member a level, per year a small change; the stored year before the file within ±25 %. */
	const scenario = fc
		.record({
			kind: fc.constantFrom(...kinds),
			format: fc.constantFrom(...NUMBER_FORMATS),
			other: fc.constantFrom(...NUMBER_FORMATS),
			delimiter: fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
			space: fc.constantFrom(' ', '\u00a0', '\u202f'),
			// No decimals half the time: columns of grouped whole numbers are where "2,745" is ambiguous.
			writtenDecimals: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
			scale: fc.double({ min: 0, max: 6, noNaN: true }),
			memberCount: fc.integer({ min: 3, max: 12 }),
			yearCount: fc.integer({ min: 1, max: 3 }),
			seeds: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
			messy: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 })
		})
		.map((s) => {
			const whole =
				s.kind.unit === 'persons' || (s.kind.unit !== 'percent' && s.kind.decimals === 0);
			const decimals = whole ? 0 : s.writtenDecimals;
			// Percentages stay within 0–100, as real ones do.
			const round = (x: number) =>
				Number((s.kind.unit === 'percent' ? Math.min(x, 100) : x).toFixed(decimals)) + 0;
			const base = s.kind.unit === 'percent' ? 0.5 + (s.scale / 6) * 59.5 : 10 ** s.scale;
			let k = 0;
			const next = () => s.seeds[k++ % s.seeds.length];
			const rows: {
				member: (typeof members)[number];
				year: number;
				value: number;
				messy: boolean;
			}[] = [];
			const stored: StoredValue[] = [];
			members.slice(0, s.memberCount).forEach((member, m) => {
				const level = base * (0.3 + 2.7 * next());
				for (let y = 0; y < s.yearCount; y++) {
					rows.push({
						member,
						year: 2022 + y,
						value: round(level * (0.9 + 0.2 * next())),
						messy: s.messy[m * 3 + y]
					});
				}
				stored.push({
					organisationId: member.id,
					year: 2021,
					gender: 'T',
					value: round(level * (0.8 + 0.45 * next()))
				});
			});
			return { ...s, decimals, rows, stored };
		});

	function fileOf(s: {
		rows: { member: { kommunkod?: string }; year: number; value: number; messy: boolean }[];
		format: NumberFormat;
		other: NumberFormat;
		decimals: number;
		space: string;
		delimiter: CsvDelimiter;
	}) {
		const cells = s.rows.map((r) =>
			writeNumber(r.value, r.messy ? s.other : s.format, s.decimals, s.space)
		);
		return formatCsv(
			[
				['Kommunkod', 'År', 'Värde'],
				...s.rows.map((r, i) => [r.member.kommunkod!, String(r.year), cells[i]])
			],
			s.delimiter
		);
	}

	it('whatever the format, and with cells written in another format mixed in: either every value is right or the import stops', () => {
		fc.assert(
			fc.property(scenario, (s) => {
				const indicator: ImportIndicator = {
					id: 'ind',
					name: 'Värde',
					...s.kind,
					genderBreakdown: false,
					scope: 'members'
				};
				const text = fileOf(s);
				const truth = new Map(s.rows.map((r) => [`${r.member.id}|${r.year}`, r.value]));
				const outcome = (p: ImportPlan) => {
					if (stops(p)) return;
					expect(p.values.map((v) => v.value)).toEqual(
						p.values.map((v) => truth.get(`${v.organisationId}|${v.year}`))
					);
					expect(p.values).toHaveLength(s.rows.length);
				};
				const first = plan(text, indicator, s.stored);
				outcome(first);
				// Whichever reading the user picks when asked, a wrong one is stopped too.
				for (const option of first.formatQuestion?.options ?? [])
					outcome(plan(text, indicator, s.stored, { numberFormat: option.format }));
			}),
			{ numRuns: 1000 }
		);
	});

	it('a column written in one format is imported right whenever the values decide it (no stored values needed)', () => {
		fc.assert(
			fc.property(scenario, (s) => {
				const indicator: ImportIndicator = {
					id: 'ind',
					name: 'Värde',
					...s.kind,
					genderBreakdown: false,
					scope: 'members'
				};
				const clean = { ...s, rows: s.rows.map((r) => ({ ...r, messy: false })) };
				const p = plan(fileOf(clean), indicator, []);
				if (p.formatQuestion && !p.formatQuestion.chosen) return;
				expect(p.errors).toEqual([]);
				expect(p.values.map((v) => v.value)).toEqual(clean.rows.map((r) => r.value));
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('implausible values in the plan', () => {
	const persons: ImportIndicator = {
		id: 'an-antagna',
		name: 'Antal antagna studenter',
		unit: 'persons',
		decimals: 0,
		genderBreakdown: false,
		scope: 'members'
	};
	const averageCount: ImportIndicator = { ...persons, unit: 'count', decimals: 1 };
	const storuman = municipalities.find((m) => m.name === 'Storuman')!;

	it('a value a thousand times off the stored year before is named with its row, and stops the import until confirmed', () => {
		const stored: StoredValue[] = [
			{ organisationId: storuman.id, year: 2023, gender: 'T', value: 2745 }
		];
		// "12,5" makes the column decimal-comma, so "2,745" reads as 2.745: allowed for an average count, but a thousand times off.
		const p = plan('kommun;år;värde\nStoruman;2024;2,745\nÅsele;2024;12,5\n', averageCount, stored);
		expect(p.errors).toEqual([]);
		expect(p.implausible).toEqual([
			'Rad 2, Storuman 2024: 2,745 är omkring 1\u00a0000 gånger mindre än Storumans sparade värde för 2023 (2\u00a0745).'
		]);
		expect(planBlockedReason(p, 'file')).toBeNull();
		expect(stops(p)).toBe(true);
	});
});
