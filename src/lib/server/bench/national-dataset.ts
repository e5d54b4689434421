import type { Organisation } from '$lib/domain/plan/organisation';
import type { Membership } from '$lib/domain/plan/membership';
import type { Indicator } from '$lib/domain/plan/indicator';
import type { Gender, Measurement } from '$lib/domain/figures/measurement';
import { measurementId, membershipId } from '$lib/domain/ids';
import { seededRandom } from '$lib/domain/seeded-random';

/**
 * The benchmark's national dataset (`npm run bench`, docs/benchmarks.md):
 * one grouping with every member municipality, `indicators` percent
 * indicators broken down by gender, and a value for every municipality ×
 * indicator × year × gender (T/K/M). At full scale 290 × 100 × 20 × 3 =
 * 1 740 000 values.
 *
 * Deterministic: the same scale and seed give the same rows, byte for byte
 * (a seeded mulberry32 generator, fixed timestamps), so runs on different
 * days and machines measure the same data.
 */
export type BenchScale = {
	municipalities: number;
	indicators: number;
	years: number;
	seed: number;
};

export const NATIONAL_SCALE: BenchScale = {
	municipalities: 290,
	indicators: 100,
	years: 20,
	seed: 20260101
};
export const BENCH_GROUPING_ID = 'bench-riket';
export const BENCH_FIRST_YEAR = 2006;
export const BENCH_GENDERS: readonly Gender[] = ['T', 'K', 'M'];
const UPDATED_AT = '2026-01-15T08:00:00.000Z';

export function indicatorIdOf(index: number): string {
	return `bench-ind-${String(index + 1).padStart(3, '0')}`;
}

export function valueCount(scale: BenchScale): number {
	return scale.municipalities * scale.indicators * scale.years * BENCH_GENDERS.length;
}

/** The grouping, its memberships (the first `municipalities` of the list given) and its indicators. */
export function benchReference(allMunicipalities: readonly Organisation[], scale: BenchScale) {
	const members = allMunicipalities.slice(0, scale.municipalities);
	if (members.length < scale.municipalities)
		throw new Error(`Bara ${members.length} kommuner finns, ${scale.municipalities} begärdes.`);
	const grouping: Organisation = {
		id: BENCH_GROUPING_ID,
		kind: 'federation',
		name: 'Riket (benchmark)',
		description: `Genererad data för npm run bench: ${scale.municipalities} kommuner, ${scale.indicators} indikatorer, ${scale.years} år.`,
		source: 'Benchmark (genererad)'
	};
	const memberships: Membership[] = members.map((m) => ({
		id: membershipId(BENCH_GROUPING_ID, m.id, 2000),
		groupingId: BENCH_GROUPING_ID,
		memberId: m.id,
		fromYear: 2000
	}));
	const indicators: Indicator[] = Array.from({ length: scale.indicators }, (_, i) => ({
		id: indicatorIdOf(i),
		organisationId: BENCH_GROUPING_ID,
		name: `Benchmarkindikator ${i + 1}`,
		unit: 'percent',
		decimals: 1,
		betterDirection: i % 2 === 0 ? 'higher' : 'lower',
		source: { kind: 'manual' },
		aggregation: 'mean',
		scope: 'members',
		genderBreakdown: true,
		order: i,
		exampleData: true
	}));
	return { grouping, memberships, indicators, memberIds: members.map((m) => m.id) };
}

/**
 * Every value, indicator by indicator (so a caller can insert in chunks
 * without holding 1.7 million rows). A value is the indicator's level, the
 * municipality's offset, a yearly trend, a gender gap and noise, kept within
 * 0–100 and rounded to one decimal, as a percent figure would be.
 */
export function* benchMeasurements(
	memberIds: readonly string[],
	scale: BenchScale
): Generator<Measurement[]> {
	const next = seededRandom(scale.seed);
	const offsets = memberIds.map(() => (next() - 0.5) * 20);
	for (let i = 0; i < scale.indicators; i++) {
		const indicatorId = indicatorIdOf(i);
		const level = 20 + next() * 60;
		const trend = (next() - 0.5) * 1.2;
		const rows: Measurement[] = [];
		memberIds.forEach((organisationId, m) => {
			for (let y = 0; y < scale.years; y++) {
				const year = BENCH_FIRST_YEAR + y;
				for (const gender of BENCH_GENDERS) {
					const gap = gender === 'T' ? 0 : gender === 'K' ? 2.5 : -2.5;
					const raw = level + offsets[m] + trend * y + gap + (next() - 0.5) * 4;
					rows.push({
						id: measurementId(indicatorId, organisationId, year, gender),
						indicatorId,
						organisationId,
						year,
						gender,
						value: Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10,
						status: 'final',
						note: '',
						source: 'Benchmark (genererad)',
						updatedBy: 'Benchmark',
						updatedAt: UPDATED_AT,
						exampleData: true
					});
				}
			}
		});
		yield rows;
	}
}
