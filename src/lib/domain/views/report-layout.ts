/**
 * The board report laid out on A4 sheets before it is printed, so that the
 * page count the report shows is the count the printer gives.
 *
 * The report becomes a list of blocks (the lead, goal-area and goal headings,
 * indicator tables, charts, text answers and analyses), each with a height
 * estimated at the printed font size and column width. The blocks are then
 * filled into sheets of the A4 content height: a table splits between rows,
 * a text between lines, and a block that fits nowhere (a chart taller than
 * a sheet) is scaled down rather than lost. The estimates are deliberately
 * generous (wide characters, whole lines), so a sheet never needs to clip.
 *
 * The print styles of the report page use these same sizes (PRINT_SIZES).
 */
import { GOAL_STATUS_LABELS, type GoalStatus } from '../figures/assessment';
import type { BoardReport, ReportIndicator, ReportPage } from './board-report';
import { formatValue } from '../format';
import { statusTally, statusTallyText, type StatusCount } from './overview';
import { preliminaryPhrase, targetRuleText } from '../figures/summary-text';

const MM_PER_PT = 25.4 / 72;

/** The printed sizes, in mm and pt. The report page's print CSS is written from these. */
export const PRINT_SIZES = {
	/** A4 portrait less the @page margins of 12 mm. */
	contentWidthMm: 186,
	contentHeightMm: 273,
	/** The sheet is a little lower than the paper's content box, so rounding never spills it onto a second paper page. */
	sheetHeightMm: 271,
	bodyPt: 10,
	lineHeight: 1.35,
	goalPt: 12,
	areaPt: 15,
	/** The chart as drawn (300 × 115 px). */
	chartWidthMm: 300 * (25.4 / 96),
	chartHeightMm: 115 * (25.4 / 96),
	/** Columns of the indicator table, as shares of the width. */
	columns: { name: 0.42, value: 0.22, target: 0.17, status: 0.19 },
	cellPaddingXmm: 1.5,
	cellPaddingYmm: 0.8,
	/** Years per row of a chart's table of values. */
	yearsPerRow: 8
} as const;

/**
 * The average width of a character as a share of the font size. DejaVu Sans
 * (what headless Chromium and many Linux desktops print with) averages about
 * 0.55 em for lower-case text and 0.61 em bold; the estimates round up.
 */
const CHAR_EM = 0.6;
const BOLD_CHAR_EM = 0.66;
/** Room left unused at the foot of every sheet, for what the estimates miss. */
const SAFETY_MM = 4;

const lineMm = (pt: number) => pt * MM_PER_PT * PRINT_SIZES.lineHeight;

/** A line of wrapped text, and whether a line break of the text itself ends it, or the middle of a word too long for a line. */
export type WrappedLine = { text: string; hardBreak: boolean; midWord?: boolean };

/**
 * Wraps text as a browser would, word by word, into lines of at most
 * `widthMm` at `pt` (with generous character widths). Words longer than a
 * line are broken (the report prints with overflow-wrap: anywhere).
 */
export function wrapText(text: string, widthMm: number, pt: number, em = CHAR_EM): WrappedLine[] {
	const perLine = Math.max(1, Math.floor(widthMm / (pt * MM_PER_PT * em)));
	const lines: WrappedLine[] = [];
	const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
	paragraphs.forEach((paragraph, p) => {
		let line = '';
		const push = (hardBreak: boolean, midWord = false) => {
			lines.push(midWord ? { text: line, hardBreak, midWord } : { text: line, hardBreak });
			line = '';
		};
		for (let word of paragraph.split(/[ \t]+/).filter((w) => w !== '')) {
			while (word.length > perLine) {
				if (line !== '') push(false);
				line = word.slice(0, perLine);
				word = word.slice(perLine);
				push(false, true);
			}
			if (line === '') line = word;
			else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
			else {
				push(false);
				line = word;
			}
		}
		// An empty paragraph is an empty line (white-space: pre-line keeps it).
		push(p < paragraphs.length - 1);
	});
	return lines;
}

/** The text of some wrapped lines, with the text's own line breaks kept. */
export function joinLines(lines: readonly WrappedLine[]): string {
	return lines
		.map((l, i) => l.text + (i === lines.length - 1 || l.midWord ? '' : l.hardBreak ? '\n' : ' '))
		.join('');
}

function linesOf(text: string, widthMm: number, pt: number, em = CHAR_EM): number {
	return text === '' ? 0 : wrapText(text, widthMm, pt, em).length;
}

// ---------------------------------------------------------------------------
// Blocks

/** One row of an indicator table: an indicator, or the heading of a sub-goal's indicators. */
export type TableRow =
	| {
			kind: 'indicator';
			indicatorId: string;
			name: string;
			/** "medelvärde av 12 kommuner" */
			method: string;
			exampleData: boolean;
			/** What is printed as the value: "517 (2024)", "Ja (2024)", a text answer, "–". */
			value: string;
			/** A newer year still being reported: "2025 preliminärt: 4 av 12 kommuner har rapporterat: 87 hittills". */
			preliminary: string | null;
			target: string;
			status: GoalStatus;
	  }
	| { kind: 'subGoal'; name: string; status: GoalStatus };

/** Where a block stands in the goal tree: what a sheet starting with it repeats as its headings. */
export type BlockContext = {
	area: string | null;
	goal: { name: string; status: GoalStatus } | null;
};

export type Block = { id: string; context: BlockContext } & (
	| { kind: 'lead'; text: string }
	| { kind: 'area'; title: string; continued: boolean }
	| { kind: 'goal'; name: string; status: GoalStatus; exampleData: boolean; continued: boolean }
	| { kind: 'table'; rows: TableRow[] }
	| {
			kind: 'chart';
			indicatorId: string;
			caption: string;
			/** The chart's table of values: a year and its value, "87*" for a preliminary year. */
			cells: { year: number; value: string }[];
			footnotes: string[];
	  }
	| { kind: 'text'; role: 'analysis' | 'answer' | 'note'; title: string | null; text: string }
);
export type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

const { contentWidthMm: W, bodyPt: BODY } = PRINT_SIZES;
const BODY_LINE = lineMm(BODY);
const col = (share: number) => W * share - 2 * PRINT_SIZES.cellPaddingXmm;
/** Margins above each kind of block, as the print CSS sets them. */
export const BLOCK_MARGIN_MM = {
	lead: 0,
	area: 3,
	goal: 4,
	table: 1.5,
	chart: 2,
	text: 1.5
} as const;
/** The status badge's text: icon and word. */
const badgeText = (status: GoalStatus) => `✓ ${GOAL_STATUS_LABELS[status] ?? status}`;
const BADGE_EXTRA_MM = 3;

function rowHeight(row: TableRow): number {
	const c = PRINT_SIZES.columns;
	const pad = 2 * PRINT_SIZES.cellPaddingYmm + 0.3;
	if (row.kind === 'subGoal') {
		const lines = Math.max(
			linesOf(`Delmål: ${row.name}`, col(c.name + c.value + c.target), BODY, BOLD_CHAR_EM),
			linesOf(badgeText(row.status), col(c.status) - BADGE_EXTRA_MM, BODY, BOLD_CHAR_EM)
		);
		return lines * BODY_LINE + pad;
	}
	const name = linesOf(
		`${row.name}${row.exampleData ? ' exempeldata' : ''} · ${row.method}`,
		col(c.name),
		BODY,
		BOLD_CHAR_EM
	);
	const value =
		linesOf(row.value, col(c.value), BODY) +
		(row.preliminary ? linesOf(row.preliminary, col(c.value), BODY) : 0);
	const target = linesOf(row.target, col(c.target), BODY);
	const status = linesOf(badgeText(row.status), col(c.status) - BADGE_EXTRA_MM, BODY, BOLD_CHAR_EM);
	return Math.max(name, value, target, status, 1) * BODY_LINE + pad;
}
/** The column headings of the indicator table, as the report page prints them. */
export const TABLE_HEADINGS = {
	name: 'Indikator',
	value: 'Senaste värde',
	target: 'Mål',
	status: 'Status'
} as const;
const TABLE_HEAD_MM =
	Math.max(
		...(Object.keys(TABLE_HEADINGS) as (keyof typeof TABLE_HEADINGS)[]).map((k) =>
			linesOf(TABLE_HEADINGS[k], col(PRINT_SIZES.columns[k]), BODY, BOLD_CHAR_EM)
		)
	) *
		BODY_LINE +
	2 * PRINT_SIZES.cellPaddingYmm +
	0.5;

const captionWidth = () => W - PRINT_SIZES.chartWidthMm - 4;

function chartHeight(b: BlockOf<'chart'>): number {
	const top = Math.max(
		PRINT_SIZES.chartHeightMm,
		linesOf(b.caption, captionWidth(), BODY, BOLD_CHAR_EM) * BODY_LINE
	);
	const per = PRINT_SIZES.yearsPerRow;
	const cellWidth = (W - 18) / per - 2 * PRINT_SIZES.cellPaddingXmm;
	let table = 0;
	for (let i = 0; i < b.cells.length; i += per) {
		const chunk = b.cells.slice(i, i + per);
		const valueLines = Math.max(1, ...chunk.map((c) => linesOf(c.value, cellWidth, BODY)));
		table += (1 + valueLines) * BODY_LINE + 2 * (2 * PRINT_SIZES.cellPaddingYmm + 0.3);
	}
	const notes = b.footnotes.reduce((sum, f) => sum + linesOf(f, W, BODY) * BODY_LINE, 0);
	return BLOCK_MARGIN_MM.chart + top + (table > 0 ? 1 + table : 0) + notes;
}

function textLines(b: BlockOf<'text'>): WrappedLine[] {
	return wrapText(b.text, W, BODY);
}
function textTitleHeight(b: BlockOf<'text'>): number {
	return b.title ? linesOf(b.title, W, BODY, BOLD_CHAR_EM) * BODY_LINE : 0;
}

/** The estimated printed height of a block, in mm, margin above included. */
export function blockHeight(b: Block): number {
	switch (b.kind) {
		case 'lead':
			return linesOf(b.text, W, BODY) * BODY_LINE + 2;
		case 'area':
			return (
				BLOCK_MARGIN_MM.area +
				linesOf(b.title + (b.continued ? ' (forts.)' : ''), W, PRINT_SIZES.areaPt, BOLD_CHAR_EM) *
					lineMm(PRINT_SIZES.areaPt) +
				2
			);
		case 'goal': {
			const badge =
				linesOf(
					badgeText(b.status) + (b.exampleData ? ' exempeldata' : ''),
					40,
					BODY,
					BOLD_CHAR_EM
				) * BODY_LINE;
			const name =
				linesOf(
					b.name + (b.continued ? ' (forts.)' : ''),
					W - 46,
					PRINT_SIZES.goalPt,
					BOLD_CHAR_EM
				) * lineMm(PRINT_SIZES.goalPt);
			return BLOCK_MARGIN_MM.goal + Math.max(badge + 1, name) + 1.5;
		}
		case 'table':
			return (
				BLOCK_MARGIN_MM.table + TABLE_HEAD_MM + b.rows.reduce((sum, r) => sum + rowHeight(r), 0)
			);
		case 'chart':
			return chartHeight(b);
		case 'text':
			return BLOCK_MARGIN_MM.text + textTitleHeight(b) + textLines(b).length * BODY_LINE;
	}
}

/** The sheet's header: grouping, plan and its years on one line, printing date and "sida i av n" on the next. */
export function headerHeight(title: string): number {
	return (linesOf(title, W, BODY, BOLD_CHAR_EM) + 1) * BODY_LINE + 2 + 0.3 + 3;
}

// ---------------------------------------------------------------------------
// Pages

export type PlacedBlock = {
	block: Block;
	/** The part of a block split over sheets (0 when whole), and how many parts it was split into. */
	part: number;
	parts: number;
	/** 1 unless a block taller than a sheet had to be drawn smaller. */
	scale: number;
	/** A heading repeated at the top of a sheet that continues an area or a goal. */
	repeated: boolean;
	heightMm: number;
};

export type LaidOutPage = {
	/** "Akademi Norr · Verksamhetsplan 2025 (2025)" */
	title: string;
	/** "sida 2 av 3" */
	pageText: string;
	blocks: PlacedBlock[];
	/** The estimated height of the sheet's content, header included. */
	heightMm: number;
};

export type SheetInput = { title: string; blocks: Block[] };

/** "sida 2 av 3" */
export function pageText(index: number, count: number): string {
	return `sida ${index + 1} av ${count}`;
}
/** "1 sida", "3 sidor" */
export function pageCountText(count: number): string {
	return `${count} ${count === 1 ? 'sida' : 'sidor'}`;
}

/** The room for blocks on a sheet whose header says `title`. */
export function sheetRoom(title: string): number {
	return PRINT_SIZES.sheetHeightMm - SAFETY_MM - headerHeight(title);
}

/** The least of a block that may start a sheet's last lines: a heading with what follows it, a table's head and first row, two lines of a text. */
function leastStart(blocks: readonly Block[], i: number): number {
	const b = blocks[i];
	if (!b) return 0;
	switch (b.kind) {
		case 'area':
		case 'goal':
			return blockHeight(b) + leastStart(blocks, i + 1);
		case 'table':
			return blockHeight({ ...b, rows: b.rows.slice(0, 1) });
		case 'text':
			return (
				BLOCK_MARGIN_MM.text + textTitleHeight(b) + Math.min(2, textLines(b).length) * BODY_LINE
			);
		default:
			return blockHeight(b);
	}
}

/** Splits a table or a text so its first part fits `room`; null when not even a row or a line (two, if it has more) fits. */
function splitBlock(b: Block, room: number, forced: boolean): [Block, Block] | null {
	if (b.kind === 'table') {
		let used = BLOCK_MARGIN_MM.table + TABLE_HEAD_MM;
		let n = 0;
		while (n < b.rows.length - 1 && used + rowHeight(b.rows[n]) <= room)
			used += rowHeight(b.rows[n++]);
		if (b.rows.length < 2) return null;
		if (n === 0 && forced) n = 1;
		if (n === 0) return null;
		return [
			{ ...b, rows: b.rows.slice(0, n) },
			{ ...b, rows: b.rows.slice(n) }
		];
	}
	if (b.kind === 'text') {
		const lines = textLines(b);
		if (lines.length < 2) return null;
		let n = Math.floor((room - BLOCK_MARGIN_MM.text - textTitleHeight(b)) / BODY_LINE + 1e-9);
		n = Math.min(n, lines.length - 1);
		// No sheet ends with a text's first line alone, unless nothing else can be done.
		if (n < 2 && !forced) return null;
		if (n < 1) {
			if (!forced) return null;
			n = 1; // scaled to fit, below
		}
		return [
			{ ...b, text: joinLines(lines.slice(0, n)) },
			{ ...b, title: null, text: joinLines(lines.slice(n)) }
		];
	}
	return null;
}

/**
 * Fills sheets with the blocks, in order. Each SheetInput (a plan) starts
 * a new sheet, since the header names it; a heading never ends a sheet; a sheet that continues an
 * area or a goal repeats their headings; a table or text too long for the
 * room left is split, and a block taller than a whole sheet is split or, if
 * it cannot be (a chart), scaled to fit.
 */
export function paginate(sheets: readonly SheetInput[]): LaidOutPage[] {
	const pages: Omit<LaidOutPage, 'pageText'>[] = [];
	for (const sheet of sheets) {
		const firstPage = pages.length;
		const room = sheetRoom(sheet.title);
		const header = headerHeight(sheet.title);
		let current: PlacedBlock[] = [];
		let used = 0;
		const flush = () => {
			if (current.length > 0)
				pages.push({ title: sheet.title, blocks: current, heightMm: header + used });
			current = [];
			used = 0;
		};
		const place = (block: Block, extra: Partial<PlacedBlock> = {}) => {
			const heightMm = extra.heightMm ?? blockHeight(block);
			current.push({ block, part: 0, parts: 1, scale: 1, repeated: false, ...extra, heightMm });
			used += heightMm;
		};
		const onlyRepeated = () => current.every((p) => p.repeated);
		/** A new sheet, with the headings of the area and goal `next` stands in. */
		const newSheet = (next: Block) => {
			flush();
			if (next.kind === 'area' || next.kind === 'lead') return;
			const { area, goal } = next.context;
			if (area !== null)
				place(
					{
						id: `${next.id}:area`,
						context: next.context,
						kind: 'area',
						title: area,
						continued: true
					},
					{ repeated: true }
				);
			if (goal && next.kind !== 'goal')
				place(
					{
						id: `${next.id}:goal`,
						context: next.context,
						kind: 'goal',
						name: goal.name,
						status: goal.status,
						exampleData: false,
						continued: true
					},
					{ repeated: true }
				);
		};

		// Parts of split blocks: id → how many parts so far.
		const partsSoFar = new Map<string, number>();
		const queue = [...sheet.blocks];
		while (queue.length > 0) {
			const block = queue.shift()!;
			const partIndex = partsSoFar.get(block.id) ?? 0;
			const height = blockHeight(block);
			const keep = block.kind === 'area' || block.kind === 'goal' ? leastStart(queue, 0) : 0;
			if (used + height + keep <= room || (onlyRepeated() && used + height <= room)) {
				place(block, { part: partIndex });
				partsSoFar.set(block.id, partIndex + 1);
				continue;
			}
			const fresh = onlyRepeated();
			const split = splitBlock(block, room - used, fresh);
			if (split) {
				const first = blockHeight(split[0]);
				const scale = first > room - used ? (room - used) / first : 1;
				place(split[0], { part: partIndex, scale, heightMm: first * scale });
				partsSoFar.set(block.id, partIndex + 1);
				queue.unshift(split[1]);
				newSheet(split[1]);
				continue;
			}
			if (!fresh) {
				newSheet(block);
				queue.unshift(block);
				continue;
			}
			// Taller than a whole sheet and not splittable: drawn smaller.
			const scale = (room - used) / height;
			place(block, { part: partIndex, scale, heightMm: height * scale });
			partsSoFar.set(block.id, partIndex + 1);
		}
		flush();
		// Every part knows how many there are.
		for (const page of pages.slice(firstPage))
			for (const p of page.blocks) if (!p.repeated) p.parts = partsSoFar.get(p.block.id) ?? 1;
	}
	return pages.map((p, i) => ({ ...p, pageText: pageText(i, pages.length) }));
}

// ---------------------------------------------------------------------------
// The board report as blocks

/** What to print: the whole plan (every plan of the grouping), or one goal area (a ReportPage's key). */
export type ReportScope = 'all' | string;

/** A goal area's key in the report, for the choice of what to print. */
export function areaKey(page: Pick<ReportPage, 'plan' | 'area'>): string {
	return `${page.plan.id}/${page.area?.id ?? 'ovriga'}`;
}

/** The choices of what to print: the whole plan, then each goal area. */
export function reportScopes(report: BoardReport): { value: ReportScope; label: string }[] {
	const plans = new Set(report.pages.map((p) => p.plan.id));
	return [
		{ value: 'all', label: plans.size > 1 ? 'Alla planer' : 'Hela planen' },
		...report.pages.map((p) => ({
			value: areaKey(p),
			label: plans.size > 1 ? `${p.plan.name}: ${p.title}` : p.title
		}))
	];
}

/** A text answer short enough to print in its table cell; a longer one prints below the table. */
const CELL_TEXT_MAX = 140;

/** An indicator's printed value: "517 (2024)", "Ja (2024)", the text answer, or "–". */
export function printedValue(r: ReportIndicator): {
	cell: string;
	answer: { title: string; text: string } | null;
} {
	const dash = r.dashboard;
	if (dash.latest)
		return {
			cell: `${formatValue(dash.latest.value, dash.unit, dash.decimals)} (${dash.latest.year})`,
			answer: null
		};
	if (dash.texts.length === 0) return { cell: '–', answer: null };
	const year = dash.texts[0].year;
	const names = new Map(dash.members.map((m) => [m.id, m.name]));
	const texts = dash.texts.filter((t) => t.year === year);
	const text = texts
		.map((t) =>
			texts.length > 1 || names.has(t.organisationId)
				? `${names.get(t.organisationId) ?? t.organisationId}: ${t.text.trim()}`
				: t.text.trim()
		)
		.join('\n');
	if (text.length <= CELL_TEXT_MAX && texts.length === 1)
		return { cell: `${text} (${year})`, answer: null };
	return {
		cell: `Se svaret nedan (${year})`,
		answer: { title: `${r.summary.indicator.name} (${year}):`, text }
	};
}

function indicatorRow(r: ReportIndicator, cell: string): TableRow {
	const dash = r.dashboard;
	const ind = r.summary.indicator;
	return {
		kind: 'indicator',
		indicatorId: ind.id,
		name: ind.name,
		method: dash.method,
		exampleData: r.summary.exampleData,
		value: cell,
		preliminary: dash.preliminary
			? `${preliminaryPhrase(dash.preliminary)}: ${formatValue(dash.preliminary.value, dash.unit, dash.decimals)} hittills`
			: null,
		target:
			dash.latestTarget !== null
				? formatValue(dash.latestTarget, ind.unit, ind.decimals)
				: dash.target
					? targetRuleText(dash.target, ind.unit, ind.decimals)
					: '–',
		status: r.summary.status
	};
}

function chartBlock(r: ReportIndicator, context: BlockContext): BlockOf<'chart'> {
	const dash = r.dashboard;
	const ind = r.summary.indicator;
	const valued = dash.series.filter((s) => s.value !== null);
	return {
		id: `chart:${ind.id}`,
		context,
		kind: 'chart',
		indicatorId: ind.id,
		caption: `${ind.name}. ${dash.summary}${dash.target ? ` Mål: ${targetRuleText(dash.target, ind.unit, ind.decimals)}.` : ''}`,
		cells: valued.map((s) => ({
			year: s.year,
			value: `${formatValue(s.value, dash.unit, dash.decimals)}${s.complete ? '' : '*'}`
		})),
		footnotes: valued
			.filter((s) => !s.complete)
			.map((s) => `* ${preliminaryPhrase(s)}; inte jämförbart med hela år.`)
	};
}

/** The blocks of one goal area of the report. */
function areaBlocks(page: ReportPage): Block[] {
	const key = areaKey(page);
	const blocks: Block[] = [
		{
			id: `area:${key}`,
			context: { area: page.title, goal: null },
			kind: 'area',
			title: page.title,
			continued: false
		}
	];
	for (const g of page.goals) {
		const goal = g.goal.goal;
		const context: BlockContext = {
			area: page.title,
			goal: { name: goal.name, status: g.goal.status }
		};
		blocks.push({
			id: `goal:${goal.id}`,
			context,
			kind: 'goal',
			name: goal.name,
			status: g.goal.status,
			exampleData: g.goal.exampleData && g.goal.status !== 'notAssessed',
			continued: false
		});
		const all = [...g.indicators, ...g.subGoals.flatMap((s) => s.indicators)];
		const rows: TableRow[] = [];
		const answers: Block[] = [];
		const add = (r: ReportIndicator) => {
			const { cell, answer } = printedValue(r);
			rows.push(indicatorRow(r, cell));
			if (answer)
				answers.push({
					id: `answer:${r.summary.indicator.id}`,
					context,
					kind: 'text',
					role: 'answer',
					...answer
				});
		};
		g.indicators.forEach(add);
		for (const s of g.subGoals) {
			if (s.indicators.length === 0) continue;
			rows.push({ kind: 'subGoal', name: s.name, status: s.status });
			s.indicators.forEach(add);
		}
		if (rows.length > 0) blocks.push({ id: `table:${goal.id}`, context, kind: 'table', rows });
		blocks.push(...answers);
		for (const r of all) if (r.chart && r.dashboard.years) blocks.push(chartBlock(r, context));
		const a = g.goal.assessment;
		if (a) {
			blocks.push({
				id: `analysis:${goal.id}`,
				context,
				kind: 'text',
				role: 'analysis',
				title: `Bedömning ${a.year}: ${g.assessmentWord ?? GOAL_STATUS_LABELS[a.status]}.${a.exampleData ? ' (exempeldata)' : ''}`,
				text: a.analysis.trim() || 'Ingen analys skriven.'
			});
		} else if (all.length === 0) {
			blocks.push({
				id: `note:${goal.id}`,
				context,
				kind: 'text',
				role: 'note',
				title: null,
				text: 'Ingen indikator och ingen bedömning ännu.'
			});
		}
	}
	return blocks;
}

export type ReportLayoutInput = { report: BoardReport; groupingName: string; scope: ReportScope };
export type ReportLayout = { pages: LaidOutPage[]; tally: StatusCount[]; countText: string };

/** The sheet header's first line: "Umeåregionen · Verksamhetsplan · 2024–2027" ("Akademi Norr · Verksamhetsplan 2025" when the name says the year). */
export function sheetTitle(groupingName: string, plan: ReportPage['plan']): string {
	const years =
		plan.fromYear === plan.toYear ? `${plan.fromYear}` : `${plan.fromYear}–${plan.toYear}`;
	return `${groupingName} · ${plan.name}${plan.name.includes(years) ? '' : ` · ${years}`}`;
}

/** The report (or one goal area of it) on A4 sheets: what the report page renders, sheet by sheet. */
export function layoutBoardReport({
	report,
	groupingName,
	scope
}: ReportLayoutInput): ReportLayout {
	const chosen = scope === 'all' ? report.pages : report.pages.filter((p) => areaKey(p) === scope);
	const shown = chosen.length > 0 ? chosen : report.pages;
	const tally =
		scope === 'all' || chosen.length === 0
			? report.tally
			: statusTally(shown.flatMap((p) => p.goals.map((g) => g.goal)));
	const sheets: SheetInput[] = [];
	shown.forEach((page, i) => {
		const title = sheetTitle(groupingName, page.plan);
		const blocks = areaBlocks(page);
		if (sheets.at(-1)?.title === title) sheets.at(-1)!.blocks.push(...blocks);
		else sheets.push({ title, blocks });
		if (i === 0) {
			const tallyText = statusTallyText(tally);
			sheets[0].blocks.unshift({
				id: 'lead',
				context: { area: null, goal: null },
				kind: 'lead',
				text: `Läget: ${tallyText || 'inga mål'}. Status räknas fram ur årets värde och mål; en bedömning av målet gäller före indikatorerna.`
			});
		}
	});
	const pages = paginate(sheets);
	return { pages, tally, countText: pageCountText(pages.length) };
}
