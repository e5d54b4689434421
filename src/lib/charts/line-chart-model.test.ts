import { describe, it, expect } from 'vitest';
import { lineChartModel, nearestPoint, withGaps, type TargetLike } from './line-chart-model';

/** Akademi Norr's headline target: 16,6 % in 2024, +0,5 procentenheter per år. */
const headlineTarget: TargetLike = {
	baseline: { year: 2024, value: 16.6 },
	rule: { kind: 'yearlyChange', change: 0.5, changeUnit: 'pp' }
};
const headline = [
	{ year: 2022, value: 16.2 },
	{ year: 2023, value: 16.4 },
	{ year: 2024, value: 16.6 },
	{ year: 2025, value: null }
];

const base = {
	width: 600,
	height: 300,
	unit: 'percent' as const,
	decimals: 1,
	margin: { top: 10, right: 10, bottom: 30, left: 50 }
};

describe('lineChartModel', () => {
	const model = lineChartModel({
		...base,
		series: headline,
		target: headlineTarget,
		years: [2022, 2025]
	});

	it('maps years to the plot width and values upwards', () => {
		expect(model.innerWidth).toBe(540);
		expect(model.innerHeight).toBe(260);
		expect(model.x(2022)).toBe(0);
		expect(model.x(2025)).toBe(540);
		expect(model.y(model.yDomain[0])).toBe(260);
		expect(model.y(model.yDomain[1])).toBe(0);
		expect(model.y(16.6)).toBeLessThan(model.y(16.2));
	});

	it('holds the values and the target in the value domain', () => {
		expect(model.yDomain[0]).toBeLessThanOrEqual(16.2);
		expect(model.yDomain[1]).toBeGreaterThanOrEqual(17.1);
	});

	it('draws a yearly-change target from the baseline year, one point per year', () => {
		expect(model.target?.kind).toBe('path');
		if (model.target?.kind !== 'path') return;
		expect(model.target.points.map((p) => p.year)).toEqual([2024, 2025]);
		expect(model.target.points[0].value).toBeCloseTo(16.6, 10);
		expect(model.target.points[1].value).toBeCloseTo(17.1, 10);
		expect(model.target.d.startsWith('M')).toBe(true);
		expect(model.target.points[1].y).toBeCloseTo(model.y(17.1), 10);
	});

	it('has one focusable point per value, labelled in sv-SE with the year’s target', () => {
		expect(model.points.map((p) => p.year)).toEqual([2022, 2023, 2024]);
		expect(model.points.map((p) => p.label)).toEqual(['16,2 %', '16,4 %', '16,6 %']);
		expect(model.points.map((p) => p.targetValue)).toEqual([null, null, 16.6]);
	});

	it('labels the axes in sv-SE', () => {
		expect(model.xTicks.map((t) => t.label)).toEqual(['2022', '2023', '2024', '2025']);
		expect(model.yTicks.every((t) => /^\d+(,\d+)? %$/.test(t.label))).toBe(true);
		expect(model.yTicks.some((t) => t.label.includes(','))).toBe(true);
	});

	it('draws per-year targets as markers and thresholds as a level', () => {
		const perYear = lineChartModel({
			...base,
			series: [{ year: 2023, value: 10 }],
			target: {
				rule: {
					kind: 'perYear',
					values: [
						{ year: 2024, value: 12 },
						{ year: 2026, value: 14 },
						{ year: 2050, value: 30 }
					]
				}
			},
			years: [2023, 2027]
		});
		expect(perYear.target?.kind).toBe('points');
		if (perYear.target?.kind === 'points')
			expect(perYear.target.points.map((p) => p.year)).toEqual([2024, 2026]);
		expect(perYear.yDomain[1]).toBeLessThan(30);

		const threshold = lineChartModel({
			...base,
			unit: 'sek',
			decimals: 0,
			series: [{ year: 2024, value: 2_840_000 }],
			target: { rule: { kind: 'threshold', operator: '>=', value: 2_500_000 } },
			years: [2024, 2024]
		});
		expect(threshold.target).toMatchObject({ kind: 'threshold', value: 2_500_000, operator: '>=' });
		if (threshold.target?.kind === 'threshold')
			expect(threshold.target.y).toBeCloseTo(threshold.y(2_500_000), 10);
		expect(threshold.yDomain[0]).toBeLessThanOrEqual(2_500_000);
		// A single year sits in the middle, not on the edge.
		expect(threshold.points[0].x).toBeCloseTo(threshold.innerWidth / 2, 10);
		expect(threshold.points[0].label).toBe('2\u00a0840\u00a0000 kr');
	});

	it('breaks the line at a missing year instead of bridging it', () => {
		const gappy = lineChartModel({
			...base,
			series: [
				{ year: 2020, value: 5 },
				{ year: 2021, value: 6 },
				{ year: 2023, value: 7 },
				{ year: 2024, value: 8 }
			],
			years: [2020, 2024]
		});
		expect(gappy.line?.match(/M/g)).toHaveLength(2);
		expect(
			withGaps([
				{ year: 2020, value: 1 },
				{ year: 2022, value: 2 }
			]).map((p) => p.value)
		).toEqual([1, null, 2]);
	});

	it('draws a reference series on the same scale', () => {
		const withReference = lineChartModel({
			...base,
			series: headline,
			reference: [
				{ year: 2022, value: 20 },
				{ year: 2024, value: 21 }
			],
			years: [2022, 2024]
		});
		expect(withReference.referenceLine).not.toBeNull();
		expect(withReference.yDomain[1]).toBeGreaterThanOrEqual(21);
		expect(withReference.referencePoints[1].y).toBeCloseTo(withReference.y(21), 10);
	});

	it('uses a fixed domain when given one (small multiples) and survives no data', () => {
		const fixed = lineChartModel({
			...base,
			series: headline,
			years: [2022, 2024],
			yDomain: [10, 25]
		});
		expect(fixed.yDomain).toEqual([10, 25]);
		const empty = lineChartModel({ ...base, series: [], years: [2024, 2024] });
		expect(empty.line).toBeNull();
		expect(empty.points).toEqual([]);
	});

	it('gives each point a tap area from halfway to its neighbours, covering the plot', () => {
		const hits = model.points.map((p) => p.hit);
		expect(hits[0].x0).toBe(0);
		expect(hits[0].x1).toBeCloseTo((model.x(2022) + model.x(2023)) / 2, 10);
		expect(hits[1].x0).toBe(hits[0].x1);
		expect(hits[2].x1).toBe(model.innerWidth);
		expect(Math.min(...hits.map((h) => h.x1 - h.x0))).toBeGreaterThanOrEqual(44);
	});

	it('finds the point nearest to a tap', () => {
		expect(nearestPoint(model.points, 170)?.year).toBe(2023);
		expect(nearestPoint([], 10)).toBeNull();
	});
});

describe('a preliminary year', () => {
	// Antal antagna studenter: a sum of all twelve members in 2023 and 2024, of four in 2025.
	const sum = [
		{ year: 2023, value: 480 },
		{ year: 2024, value: 517 },
		{ year: 2025, value: 87, preliminary: { counted: 4, of: 12 } }
	];
	const model = lineChartModel({
		...base,
		unit: 'count',
		decimals: 0,
		series: sum,
		years: [2023, 2025]
	});

	it('is drawn as a point of its own, not joined to the line as a fall', () => {
		// One segment, 2023 to 2024: the path moves to 2025 nowhere.
		expect(model.line).toMatch(/^M0,[\d.]+L270,[\d.]+$/);
		expect(model.x(2025)).toBe(540);
		const last = model.points.at(-1)!;
		expect(last).toMatchObject({ year: 2025, value: 87, preliminary: { counted: 4, of: 12 } });
		expect(model.points[1].preliminary).toBeUndefined();
	});

	it('breaks a reference line too', () => {
		const withReference = lineChartModel({
			...base,
			unit: 'count',
			decimals: 0,
			series: sum,
			reference: sum,
			years: [2023, 2025]
		});
		expect(withReference.referenceLine).toMatch(/^M0,[-\d.]+L270,[-\d.]+$/);
	});
});
