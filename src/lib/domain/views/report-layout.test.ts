import { demoReportInput } from '$lib/seed/demo-report-input';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildDemoData } from '$lib/seed/demo-data';
import { buildBoardReport, type BoardReport } from './board-report';
import {
	PRINT_SIZES,
	areaKey,
	blockHeight,
	headerHeight,
	joinLines,
	layoutBoardReport,
	pageCountText,
	paginate,
	printedValue,
	reportScopes,
	wrapText,
	type Block,
	type BlockContext,
	type LaidOutPage,
	type SheetInput,
	type TableRow
} from './report-layout';
import type { GoalStatus } from '../figures/assessment';

// ---------------------------------------------------------------------------
// Generated goal trees

const STATUSES: GoalStatus[] = ['onTrack', 'atRisk', 'offTrack', 'notAssessed'];
const word = fc.stringMatching(/^[a-zåäöA-ZÅÄÖ0-9,.%–-]{1,14}$/);
/** Short or long texts: a few words to several pages, some with paragraphs and words longer than a line. */
const text = fc.oneof(
	{ weight: 3, arbitrary: fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')) },
	{
		weight: 2,
		arbitrary: fc.array(word, { minLength: 40, maxLength: 900 }).map((w) => w.join(' '))
	},
	{
		weight: 1,
		arbitrary: fc
			.array(
				fc.array(word, { minLength: 1, maxLength: 200 }).map((w) => w.join(' ')),
				{ minLength: 2, maxLength: 8 }
			)
			.map((p) => p.join('\n'))
	},
	{ weight: 1, arbitrary: fc.integer({ min: 100, max: 400 }).map((n) => 'x'.repeat(n)) }
);
const name = fc.array(word, { minLength: 1, maxLength: 25 }).map((w) => w.join(' '));
const status = fc.constantFrom(...STATUSES);

const indicatorRow = fc.record({
	kind: fc.constant('indicator' as const),
	indicatorId: fc.uuid(),
	name,
	method: fc.constantFrom(
		'medelvärde av 12 kommuner, 25–64 år',
		'förbundets eget värde',
		'summa av 290 kommuner'
	),
	exampleData: fc.boolean(),
	value: fc.oneof(
		fc.constantFrom('517 (2024)', 'Ja (2024)', '–', '16,6 % (2024)'),
		text.map((t) => t.slice(0, 140))
	),
	preliminary: fc.option(
		fc.constant('2025 preliminärt: 4 av 12 kommuner har rapporterat: 87 hittills'),
		{ nil: null }
	),
	target: fc.constantFrom(
		'–',
		'16,6 %',
		'minst 200 personer varje år',
		'ökar varje år från 2023 till 2030'
	),
	status
}) satisfies fc.Arbitrary<TableRow>;
const row: fc.Arbitrary<TableRow> = fc.oneof(
	{ weight: 5, arbitrary: indicatorRow },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('subGoal' as const), name, status }) }
);

type GoalSpec = {
	name: string;
	status: GoalStatus;
	rows: TableRow[];
	answers: string[];
	charts: number[];
	analysis: string | null;
};
const goal: fc.Arbitrary<GoalSpec> = fc.record({
	name,
	status,
	rows: fc.array(row, { maxLength: 30 }),
	answers: fc.array(text, { maxLength: 3 }),
	charts: fc.array(fc.integer({ min: 2, max: 20 }), { maxLength: 4 }),
	analysis: fc.option(text)
});
const area = fc.record({ title: name, goals: fc.array(goal, { minLength: 1, maxLength: 8 }) });
const plan = fc.record({ title: name, areas: fc.array(area, { minLength: 1, maxLength: 4 }) });

/** A goal tree as the report's blocks, in the order the report builds them (areaBlocks). */
function sheetsOf(
	plans: { title: string; areas: { title: string; goals: GoalSpec[] }[] }[]
): SheetInput[] {
	let n = 0;
	const id = (kind: string) => `${kind}:${n++}`;
	return plans.map((p, pi) => ({
		title: `Gruppering ${pi} · ${p.title} · 2025–2028`,
		blocks: p.areas.flatMap((a): Block[] => [
			{
				id: id('area'),
				context: { area: a.title, goal: null },
				kind: 'area',
				title: a.title,
				continued: false
			},
			...a.goals.flatMap((g): Block[] => {
				const context: BlockContext = { area: a.title, goal: { name: g.name, status: g.status } };
				return [
					{
						id: id('goal'),
						context,
						kind: 'goal',
						name: g.name,
						status: g.status,
						exampleData: false,
						continued: false
					},
					...(g.rows.length > 0
						? [{ id: id('table'), context, kind: 'table' as const, rows: g.rows }]
						: []),
					...g.answers.map((t): Block => ({
						id: id('answer'),
						context,
						kind: 'text',
						role: 'answer',
						title: `${g.name} (2024):`,
						text: t
					})),
					...g.charts.map((years): Block => ({
						id: id('chart'),
						context,
						kind: 'chart',
						indicatorId: 'x',
						caption: `${g.name}. ${g.analysis ?? ''}`.slice(0, 600),
						cells: Array.from({ length: years }, (_, i) => ({
							year: 2000 + i,
							value: '2 630 000 kr*'
						})),
						footnotes: [
							'* 2025 preliminärt: 4 av 12 kommuner har rapporterat; inte jämförbart med hela år.'
						]
					})),
					{
						id: id('analysis'),
						context,
						kind: 'text',
						role: 'analysis',
						title: 'Bedömning 2025: I fas.',
						text: g.analysis ?? 'Ingen analys skriven.'
					}
				];
			})
		])
	}));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A text split at a word too long for a line has no space there: compare the characters. */
const chars = (s: string) => s.replace(/\s+/g, '');

/** The properties every layout must have: the blocks in order, each once (a split one in consecutive parts), no sheet overfull, "sida i av n" right. */
function expectSound(input: SheetInput[], pages: LaidOutPage[]) {
	const placed = pages.flatMap((p, page) =>
		p.blocks.filter((b) => !b.repeated).map((b) => ({ ...b, page }))
	);
	const ids = input.flatMap((s) => s.blocks.map((b) => b.id));
	// In order, every block: the distinct ids of the placed parts are the input's ids.
	const order = placed.map((p) => p.block.id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
	expect(order).toEqual(ids);
	const byId = new Map<string, typeof placed>();
	for (const p of placed) byId.set(p.block.id, [...(byId.get(p.block.id) ?? []), p]);
	for (const source of input.flatMap((s) => s.blocks)) {
		const parts = byId.get(source.id)!;
		// Parts numbered 0…k-1 on consecutive pages, each knowing k.
		expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
		parts.forEach((p, i) => {
			expect(p.parts).toBe(parts.length);
			if (i > 0) expect(p.page).toBe(parts[i - 1].page + 1);
		});
		// Nothing lost: the parts together are the block.
		if (source.kind === 'text') {
			expect(chars(parts.map((p) => (p.block.kind === 'text' ? p.block.text : '')).join(' '))).toBe(
				chars(source.text)
			);
			expect(parts[0].block.kind === 'text' && parts[0].block.title).toBe(source.title);
		} else if (source.kind === 'table') {
			expect(parts.flatMap((p) => (p.block.kind === 'table' ? p.block.rows : []))).toEqual(
				source.rows
			);
			for (const p of parts)
				expect(p.block.kind === 'table' && p.block.rows.length).toBeGreaterThan(0);
		} else {
			expect(parts).toHaveLength(1);
			expect(parts[0].block).toEqual(source);
		}
		// A part is drawn smaller only when it did not fit a sheet of its own: it is the first on its sheet.
		for (const p of parts)
			if (p.scale < 1) expect(pages[p.page].blocks.find((b) => !b.repeated)?.block).toBe(p.block);
	}
	pages.forEach((page, i) => {
		// No sheet's estimate exceeds the A4 content height; the sum of the parts is the sheet's height.
		expect(page.heightMm).toBeLessThanOrEqual(PRINT_SIZES.sheetHeightMm + 1e-6);
		expect(PRINT_SIZES.sheetHeightMm).toBeLessThanOrEqual(PRINT_SIZES.contentHeightMm);
		expect(page.heightMm).toBeCloseTo(
			headerHeight(page.title) + page.blocks.reduce((s, b) => s + b.heightMm, 0),
			6
		);
		for (const b of page.blocks) expect(b.heightMm).toBeCloseTo(blockHeight(b.block) * b.scale, 6);
		// Every sheet has the header, and the count it shows is the count of sheets.
		expect(page.pageText).toBe(`sida ${i + 1} av ${pages.length}`);
		expect(page.title).toMatch(/^Gruppering|·/);
		expect(page.blocks.some((b) => !b.repeated)).toBe(true);
		// No sheet ends with a heading, unless the heading is all it has room for.
		const last = page.blocks.at(-1)!;
		if (i < pages.length - 1 && (last.block.kind === 'goal' || last.block.kind === 'area'))
			expect(page.blocks.every((b) => b.block.kind === 'goal' || b.block.kind === 'area')).toBe(
				true
			);
	});
	// A new plan starts a new sheet.
	for (let i = 1; i < pages.length; i++)
		if (pages[i].title !== pages[i - 1].title) expect(pages[i].blocks[0].repeated).toBe(false);
}

describe('paginate, over generated goal trees with long and short texts', () => {
	it('puts every block on the sheets in order, splits or scales what is too tall, never overfills a sheet, and counts the sheets it shows', () => {
		fc.assert(
			fc.property(fc.array(plan, { minLength: 1, maxLength: 3 }), (plans) => {
				const input = sheetsOf(plans);
				const pages = paginate(input);
				expectSound(input, pages);
				expect(pageCountText(pages.length)).toBe(
					`${pages.length} ${pages.length === 1 ? 'sida' : 'sidor'}`
				);
			}),
			{ numRuns: 80 }
		);
	});

	it('splits a text of several pages over consecutive sheets and repeats the area and goal headings', () => {
		const long = Array.from({ length: 2500 }, (_, i) => `ord${i}`).join(' ');
		const input = sheetsOf([
			{
				title: 'Plan',
				areas: [
					{
						title: 'Område',
						goals: [
							{ name: 'Målet', status: 'atRisk', rows: [], answers: [], charts: [], analysis: long }
						]
					}
				]
			}
		]);
		const pages = paginate(input);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expectSound(input, pages);
		for (const page of pages.slice(1)) {
			expect(page.blocks[0]).toMatchObject({
				repeated: true,
				block: { kind: 'area', title: 'Område', continued: true }
			});
			expect(page.blocks[1]).toMatchObject({
				repeated: true,
				block: { kind: 'goal', name: 'Målet', continued: true }
			});
		}
	});

	it('scales a block taller than a sheet that cannot be split (a chart whose table runs over a page)', () => {
		const input = sheetsOf([
			{
				title: 'Plan',
				areas: [
					{
						title: 'Område',
						goals: [
							{
								name: 'Mål',
								status: 'onTrack',
								rows: [],
								answers: [],
								charts: [1200],
								analysis: null
							}
						]
					}
				]
			}
		]);
		const pages = paginate(input);
		const chart = pages.flatMap((p) => p.blocks).find((b) => b.block.kind === 'chart')!;
		expect(chart.scale).toBeLessThan(1);
		expectSound(input, pages);
	});

	it('wraps text into lines no wider than the column, keeping the text and its line breaks', () => {
		fc.assert(
			fc.property(text, fc.integer({ min: 20, max: 186 }), (t, width) => {
				const lines = wrapText(t, width, 10);
				const perLine = Math.floor(width / (10 * (25.4 / 72) * 0.6));
				for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(perLine);
				expect(norm(joinLines(lines))).toBe(norm(t));
				expect(joinLines(lines).split('\n').length).toBe(t.split('\n').length);
			})
		);
	});
});

// ---------------------------------------------------------------------------
// The demo groupings' reports

const demo = buildDemoData();
const groupings = [...new Set(demo.plans.map((p) => p.organisationId))];

const input = demoReportInput;

/** The layout's sheets as the report builds them, for the soundness check. */
function sheetsOfLayout(pages: LaidOutPage[]): SheetInput[] {
	const sheets: SheetInput[] = [];
	const seen = new Set<string>();
	for (const page of pages) {
		if (sheets.at(-1)?.title !== page.title) sheets.push({ title: page.title, blocks: [] });
		for (const p of page.blocks) {
			if (p.repeated) continue;
			const blocks = sheets.at(-1)!.blocks;
			if (seen.has(p.block.id)) {
				// A later part: join it to the first.
				const first = blocks.findLast((b) => b.id === p.block.id)!;
				if (first.kind === 'text' && p.block.kind === 'text')
					first.text = `${first.text} ${p.block.text}`;
				if (first.kind === 'table' && p.block.kind === 'table')
					first.rows = [...first.rows, ...p.block.rows];
			} else {
				seen.add(p.block.id);
				blocks.push(structuredClone(p.block));
			}
		}
	}
	return sheets;
}

function allRows(report: BoardReport) {
	return report.pages.flatMap((p) =>
		p.goals.flatMap((g) => [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)])
	);
}

describe('layoutBoardReport on the demo groupings', () => {
	it.each(groupings)(
		'%s: every goal and indicator on a sheet, each sheet with the header and the right count',
		(id) => {
			const report = buildBoardReport(input(id));
			const layout = layoutBoardReport({
				report,
				groupingName: input(id).grouping.name,
				scope: 'all'
			});
			expect(layout.countText).toBe(pageCountText(layout.pages.length));
			const blocks = layout.pages.flatMap((p) => p.blocks.map((b) => b.block));
			for (const page of report.pages)
				for (const g of page.goals)
					expect(
						blocks.some((b) => b.kind === 'goal' && !b.continued && b.name === g.goal.goal.name)
					).toBe(true);
			const rows = blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
			for (const r of allRows(report))
				expect(
					rows.some((row) => row.kind === 'indicator' && row.indicatorId === r.summary.indicator.id)
				).toBe(true);
			for (const page of layout.pages)
				expect(page.title.startsWith(`${input(id).grouping.name} · `)).toBe(true);
			expectSound(sheetsOfLayout(layout.pages), layout.pages);
		}
	);

	it('prints a text answer as the text and a yes/no answer as Ja or Nej, never "text 2024"', () => {
		const report = buildBoardReport(input('akademi-norr'));
		const values = allRows(report).map((r) => ({
			unit: r.summary.indicator.unit,
			...printedValue(r)
		}));
		const texts = values.filter((v) => v.unit === 'text' && (v.cell !== '–' || v.answer));
		expect(texts.length).toBeGreaterThan(0);
		for (const v of texts) {
			expect(v.cell).not.toMatch(/^text \d{4}$/);
			expect(v.answer?.text ?? v.cell).toMatch(/[a-zåäö]{4,}/);
		}
		const yesNo = allRows(report).filter((r) => r.dashboard.unit === 'yesno' && r.dashboard.latest);
		expect(yesNo.length).toBeGreaterThan(0);
		for (const r of yesNo) expect(printedValue(r).cell).toMatch(/^(Ja|Nej) \(\d{4}\)$/);
	});

	it('prints one goal area when asked: only its goals, its own count and tally', () => {
		const report = buildBoardReport(input('akademi-norr'));
		const scopes = reportScopes(report);
		expect(scopes.map((s) => s.label)).toEqual([
			'Hela planen',
			'Verksamhetens mål 2025',
			'God ekonomisk hushållning för kommunalförbundet'
		]);
		const second = report.pages[1];
		const layout = layoutBoardReport({
			report,
			groupingName: 'Akademi Norr',
			scope: areaKey(second)
		});
		const goals = layout.pages
			.flatMap((p) => p.blocks.map((b) => b.block))
			.filter((b) => b.kind === 'goal' && !b.continued);
		expect(goals.map((g) => g.kind === 'goal' && g.name)).toEqual(
			second.goals.map((g) => g.goal.goal.name)
		);
		expect(layout.tally.reduce((n, t) => n + t.count, 0)).toBe(second.goals.length);
		expect(layout.pages.at(-1)!.pageText).toBe(
			`sida ${layout.pages.length} av ${layout.pages.length}`
		);
	});

	it('prints the latest assessment of a goal with indicators too: status and analysis, after its table', () => {
		const base = input('akademi-norr');
		const goal = base.goals.find((g) => base.indicators.some((i) => i.goalId === g.id))!;
		const assessment = (year: number, analysis: string) => ({
			id: `a:${goal.id}:${year}`,
			goalId: goal.id,
			year,
			status: 'atRisk' as const,
			analysis,
			updatedBy: 'test',
			updatedAt: '2026-12-01T00:00:00.000Z',
			exampleData: false
		});
		const report = buildBoardReport({
			...base,
			assessments: [
				...base.assessments,
				assessment(2025, 'Förra årets analys.'),
				assessment(2026, 'Årets analys: antagningen ökar men målet nås inte.')
			]
		});
		const blocks = layoutBoardReport({
			report,
			groupingName: 'Akademi Norr',
			scope: 'all'
		}).pages.flatMap((p) => p.blocks.map((b) => b.block));
		const analysis = blocks.find((b) => b.id === `analysis:${goal.id}`);
		expect(analysis).toMatchObject({
			kind: 'text',
			role: 'analysis',
			title: 'Bedömning 2026: Risk.',
			text: 'Årets analys: antagningen ökar men målet nås inte.'
		});
		expect(blocks.indexOf(analysis!)).toBeGreaterThan(
			blocks.findIndex((b) => b.id === `table:${goal.id}`)
		);
		expect(blocks.some((b) => b.kind === 'text' && b.text.includes('Förra årets analys'))).toBe(
			false
		);
	});

	it('after a season of long analyses, the report runs over more sheets, each within A4', () => {
		const base = input('norrbottens-kommuner');
		const long = (n: number) =>
			Array.from(
				{ length: n },
				(_, k) =>
					`Analysen av året, stycke ${k}: insatserna har gett resultat i flera kommuner och arbetet fortsätter.${k % 3 === 2 ? '\n' : ' '}`
			).join('');
		let i = 0;
		const season = {
			...base,
			assessments: base.goals.map((g) => ({
				id: `a:${g.id}`,
				goalId: g.id,
				year: 2026,
				status: 'atRisk' as const,
				analysis: long(++i * 7),
				updatedBy: 'test',
				updatedAt: '2026-12-01T00:00:00.000Z',
				exampleData: false
			}))
		};
		const before = layoutBoardReport({
			report: buildBoardReport(base),
			groupingName: 'Norrbottens Kommuner',
			scope: 'all'
		});
		const after = layoutBoardReport({
			report: buildBoardReport(season),
			groupingName: 'Norrbottens Kommuner',
			scope: 'all'
		});
		expect(after.pages.length).toBeGreaterThan(before.pages.length);
		expectSound(sheetsOfLayout(after.pages), after.pages);
		const analyses = after.pages
			.flatMap((p) => p.blocks.map((b) => b.block))
			.filter((b) => b.kind === 'text' && b.role === 'analysis');
		expect(analyses.length).toBeGreaterThanOrEqual(base.goals.length);
	});
});
