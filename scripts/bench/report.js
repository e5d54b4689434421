// Medians, goals and the printed table of `npm run bench`.

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const UNITS = {
	ms: (v) => `${Math.round(v)} ms`,
	s: (v) => `${(v / 1000).toFixed(2)} s`,
	kb: (v) => `${(v / 1024).toFixed(1)} KB`,
	mb: (v) => `${(v / 1024 / 1024).toFixed(1)} MB`,
	bytes: (v) => `${Math.round(v)} B`,
	ratio: (v) => v.toFixed(2),
	count: (v) => String(Math.round(v)),
	rate: (v) => `${v.toFixed(1)}/s`
};

export function format(value, unit) {
	return value === null || value === undefined || Number.isNaN(value) ? '–' : UNITS[unit](value);
}

/**
 * One result row: the figure (the median of `runs`, or a single value), the
 * goal as "at most" (or "at least" with atLeast), and, where the goal is a
 * ratio against a baseline, both.
 */
export function result({
	id,
	label,
	unit,
	runs,
	value,
	goal,
	goalUnit,
	atLeast,
	baseline,
	baselineRuns,
	ratioOf
}) {
	const figure = value ?? median(runs);
	const base = baseline ?? (baselineRuns ? median(baselineRuns) : null);
	const ratio = ratioOf ? ratioOf(figure, base) : null;
	const judged = goalUnit === 'ratio' ? ratio : figure;
	const pass = goal === undefined ? null : atLeast ? judged >= goal : judged <= goal;
	return {
		id,
		label,
		unit,
		median: figure,
		runs: runs ?? null,
		baseline: base,
		baselineRuns: baselineRuns ?? null,
		ratio,
		goal: goal ?? null,
		goalUnit: goalUnit ?? unit,
		atLeast: atLeast === true,
		pass
	};
}

export function printTable(results, write = console.log) {
	const rows = results.map((r) => [
		r.label,
		r.goal === null ? '' : `${r.atLeast ? '≥' : '≤'} ${format(r.goal, r.goalUnit)}`,
		format(r.median, r.unit),
		r.baseline === null ? '' : format(r.baseline, r.unit),
		r.ratio === null ? '' : format(r.ratio, 'ratio'),
		r.pass === null ? 'info' : r.pass ? 'PASS' : 'MISS'
	]);
	const header = ['measure', 'goal', 'figure (median)', 'baseline', 'ratio', 'result'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	write(line(header));
	write(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) write(line(row));
}
