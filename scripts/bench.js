// npm run bench [-- --runs 5 --pull-runs 5 --scale 290,100,20 --port 4320 --no-build --strict --smoke]
// npm run bench -- --server [--clients 50 --edits 5 --seconds 30 --backends pglite,postgres --instances 1,2
//                            --scale 15,20,20 --database-url postgres://… --port 4320 --no-build --strict --smoke]
//
// Measures the production build in headless Chromium against the goals of
// issue 7 (docs/benchmarks.md): offline cold start, initial pull of the
// national dataset against a plain IndexedDB write of the same rows, one
// indicator across every municipality, incremental sync bytes, and the peak
// JS heap. Prints a table of medians and writes bench-results/latest.json
// (and a timestamped copy) so runs can be compared.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { BENCH_USER, preparedDatabase } from './bench/dataset.js';
import { startServer } from './bench/server.js';
import {
	coldStart,
	countSyncBytes,
	freshBrowsers,
	heapSampler,
	rawBulkWrite,
	rawIndicatorRead,
	storedValueCount,
	timedFirstPull,
	timedIndicatorPage,
	timedSync
} from './bench/browser.js';
import { localRows, otherDevice } from './bench/other-client.js';
import { printTable, result } from './bench/report.js';
import { runServerBench } from './bench/server-bench.js';
import { lighthouseAudits } from './bench/lighthouse.js';

const NATIONAL = { municipalities: 290, indicators: 100, years: 20, seed: 20260101 };
const SMOKE = { municipalities: 6, indicators: 4, years: 3, seed: 20260101 };
const GENDERS = 3;
const CHANGED_VALUES = 100;
const SWITCH_PAUSE_MS = 500;

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string' },
		// At national scale one pull and its raw-write baseline take minutes each; this lets the pull be repeated fewer times than the rest.
		'pull-runs': { type: 'string' },
		scale: { type: 'string' },
		port: { type: 'string' },
		smoke: { type: 'boolean' },
		'no-build': { type: 'boolean' },
		strict: { type: 'boolean' },
		out: { type: 'string' },
		// The server under load (scripts/bench/server-bench.js) instead of the browser.
		server: { type: 'boolean' },
		clients: { type: 'string' },
		edits: { type: 'string' },
		seconds: { type: 'string' },
		backends: { type: 'string' },
		instances: { type: 'string' },
		'database-url': { type: 'string' },
		// Lighthouse's audits (6.) take about half a minute each; --lighthouse-runs 0 leaves them out.
		'lighthouse-runs': { type: 'string' }
	}
});

function scaleFromArgs() {
	if (!args.scale) return args.smoke ? SMOKE : NATIONAL;
	const [municipalities, indicators, years] = args.scale.split(',').map(Number);
	return { municipalities, indicators, years, seed: NATIONAL.seed };
}

const scale = scaleFromArgs();
const runs = Number(args.runs ?? (args.smoke ? 1 : 5));
const pullRuns = Number(args['pull-runs'] ?? runs);
const port = Number(args.port ?? process.env.BENCH_PORT ?? 4320);
const log = (line) => console.log(line);

async function main() {
	const values = scale.municipalities * scale.indicators * scale.years * GENDERS;
	log(
		`Lägesbild benchmark: ${scale.municipalities} kommuner × ${scale.indicators} indikatorer × ${scale.years} år × ${GENDERS} kön = ${values} värden, ${runs} körningar (hämtningen ${pullRuns})`
	);
	execSync('bash scripts/ensure-chromium.sh', { stdio: 'inherit' });
	if (!args['no-build'])
		execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });
	const database = await preparedDatabase(scale, log);
	const server = await startServer({ port, dataDir: database.dataDir });
	const browsers = freshBrowsers(
		server.url,
		join(database.dataDir, '..', `chromium-${process.pid}`)
	);
	try {
		const { measured: browserResults, chromium } = await measureAll(browsers, server.url, values);
		const measured = [
			...browserResults,
			...(await measureLighthouse(server.url, join(database.dataDir, '..')))
		];
		const output = {
			timestamp: new Date().toISOString(),
			commit: execSync('git rev-parse --short HEAD').toString().trim(),
			dirty: execSync('git status --porcelain').toString().trim() !== '',
			scale: { ...scale, genders: GENDERS, values },
			runs,
			pullRuns,
			machine: { cpus: availableParallelism(), node: process.version, chromium },
			database: {
				kind: 'PGlite (inbyggd)',
				seedSeconds: database.seedSeconds,
				cache: database.cacheKey
			},
			results: measured
		};
		mkdirSync('bench-results', { recursive: true });
		const out = args.out ?? 'bench-results/latest.json';
		writeFileSync(out, JSON.stringify(output, null, 2));
		if (!args.out)
			writeFileSync(
				`bench-results/${output.timestamp.replace(/[:.]/g, '-')}.json`,
				JSON.stringify(output, null, 2)
			);
		log('');
		printTable(measured, log);
		log(`\nResultat: ${out}`);
		const missed = measured.filter((r) => r.pass === false);
		if (missed.length > 0) log(`MISS: ${missed.map((r) => r.label).join('; ')}`);
		if (args.strict && missed.length > 0) process.exitCode = 1;
	} finally {
		await browsers.closeAll();
		await server.stop();
		database.remove();
	}
}

/** The pull first: the browser of its last run, signed in and holding every value, goes on to the rest. */
async function measureAll(browsers, baseURL, values) {
	const { context, page, results: pull } = await measurePull(browsers, values);
	const chromium = await page.evaluate(
		() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? null
	);
	const indicator = await measureIndicatorPage(page);
	const incremental = await measureIncremental(page, baseURL);
	// A cold start is the app starting where it is not already running. Left open, the first tab
	// heard every cold start's offline-and-online and synced each time, at national scale into the
	// next cold start: runs of 1,2–1,4 s among ones of 0,6–0,9 s.
	await page.goto('about:blank');
	const start = await measureColdStart(context);
	return { measured: [...start, ...pull, ...indicator, ...incremental], chromium };
}

/**
 * 2: the initial pull of a new device through the app's own sync, each run in
 * a browser that has never run the app; and the same rows written with plain
 * IndexedDB into a new database, in another new browser.
 */
async function measurePull(browsers, values) {
	const pulls = [];
	const raws = [];
	let peak = 0;
	let signedIn = null;
	for (let i = 0; i < pullRuns; i++) {
		if (signedIn) await browsers.close(signedIn.context);
		const context = await browsers.launch();
		const page = context.pages()[0] ?? (await context.newPage());
		const stopHeap = await heapSampler(page);
		pulls.push(await timedFirstPull(page, BENCH_USER));
		peak = Math.max(peak, await stopHeap());
		const stored = await storedValueCount(page);
		if (stored !== values) throw new Error(`Synken gav ${stored} värden, väntade ${values}.`);
		signedIn = { context, page };
		const rawContext = await browsers.launch();
		const rawPage = rawContext.pages()[0] ?? (await rawContext.newPage());
		// Any page of the origin will do; a static file keeps the app (and its own database) out of it.
		await rawPage.goto('/favicon.png');
		const raw = await rawBulkWrite(page, rawPage);
		await browsers.close(rawContext);
		if (raw.written !== values)
			throw new Error(`Grundmätningen skrev ${raw.written} rader, väntade ${values}.`);
		raws.push(raw.elapsed);
		log(
			`  2. hämtning ${i + 1}: synk ${(pulls[i] / 1000).toFixed(2)} s, IndexedDB direkt ${(raw.elapsed / 1000).toFixed(2)} s (${raw.written} rader)`
		);
	}
	return {
		...signedIn,
		results: [
			result({
				id: 'initialPull',
				label: `2. initial pull, ${values} values vs raw IndexedDB`,
				unit: 's',
				runs: pulls,
				baselineRuns: raws,
				goal: 1,
				goalUnit: 'ratio',
				ratioOf: (a, b) => a / b
			}),
			result({
				id: 'initialPullRate',
				label: '2. initial pull, values per second',
				unit: 'count',
				value: values / (Math.min(...pulls) / 1000)
			}),
			result({ id: 'peakHeapPull', label: '5. peak JS heap during 2', unit: 'mb', value: peak })
		]
	};
}

/** 3: one indicator across every municipality, moving between indicators as a person would. */
async function measureIndicatorPage(page) {
	const indicatorId = (i) => `bench-ind-${String((i % scale.indicators) + 1).padStart(3, '0')}`;
	await page.goto(`/grupp/bench-riket/indikator/${indicatorId(0)}`);
	await page.getByTestId('ranking').waitFor({ timeout: 60_000 });
	// The clock starts once the app's start-up work is over: it checks the session, refreshes the
	// reference data (building its schemas) and syncs a second after it starts, in tasks of up to
	// 250 ms at national scale that fell into the first switches. What is measured here is moving
	// between indicators; the first switches after the page opens, with the JIT still cold, count.
	await page.getByTestId('last-sync').waitFor({ timeout: 120_000 });
	await page.evaluate(
		() => new Promise((done) => requestIdleCallback(() => done(), { timeout: 2000 }))
	);
	const pages = [];
	const stopHeap = await heapSampler(page);
	for (let i = 1; i <= runs; i++) {
		// A person looks at a page before moving on. Switches back to back, about 100 ms apart, took
		// 95–112 ms (medians at national scale) against 67 with this pause: the browser's work after
		// drawing a page, off the main thread (waiting for requestIdleCallback did not help), slowed
		// the next switch on two cores.
		await page.waitForTimeout(SWITCH_PAUSE_MS);
		pages.push(
			await timedIndicatorPage(page, `/grupp/bench-riket/indikator/${indicatorId(i)}`, {
				name: `Benchmarkindikator ${(i % scale.indicators) + 1}`,
				members: scale.municipalities
			})
		);
		log(`  3. indikatorsida ${i}: ${Math.round(pages.at(-1))} ms`);
	}
	const peak = await stopHeap();
	// The baseline reads afterwards, so that neither their time nor their garbage falls between two switches.
	const reads = [];
	const rowReads = [];
	let shape = '';
	for (let i = 1; i <= runs; i++) {
		const raw = await rawIndicatorRead(page, indicatorId(i));
		reads.push(raw.elapsed);
		rowReads.push(raw.rowsElapsed);
		shape = `${raw.values} värden i ${raw.records} poster`;
		log(
			`  3. IndexedDB direkt ${i}: ${Math.round(raw.elapsed)} ms (${shape}); indikatorns rader ${Math.round(raw.rowsElapsed)} ms (${raw.rows} rader)`
		);
	}
	return [
		result({
			id: 'indicatorPage',
			label: `3. indicator page, ${scale.municipalities} municipalities (baseline: raw read of what it reads, ${shape})`,
			unit: 'ms',
			runs: pages,
			baselineRuns: reads,
			goal: 50
		}),
		result({
			id: 'indicatorRowsRead',
			label: "3. raw IndexedDB read of the indicator's rows, every gender",
			unit: 'ms',
			runs: rowReads
		}),
		result({ id: 'peakHeapIndicator', label: '5. peak JS heap during 3', unit: 'mb', value: peak })
	];
}

/** 4: a colleague changes 100 values; the browser's next sync fetches them, and a sync after that finds nothing. */
async function measureIncremental(page, baseURL) {
	await page.goto('/');
	await page.getByTestId('sync-now').waitFor();
	// The app syncs by itself a second after start-up; settle that first, or it would fetch the first changes unmeasured.
	await timedSync(page);
	const device = await otherDevice(baseURL, BENCH_USER);
	const changedCount = Math.min(
		CHANGED_VALUES,
		scale.municipalities * scale.indicators * scale.years * GENDERS
	);
	const totals = [];
	const bodies = [];
	const idle = [];
	const idleBodies = [];
	let reference = 0;
	for (let i = 0; i < runs; i++) {
		const changed = await device.change(await localRows(page, i * changedCount, changedCount));
		reference = gzipSync(JSON.stringify(changed)).length;
		const bytes = await countSyncBytes(page, () => timedSync(page));
		const none = await countSyncBytes(page, () => timedSync(page));
		totals.push(bytes.total);
		bodies.push(bytes.bodies);
		idle.push(none.total);
		idleBodies.push(none.bodies);
		log(
			`  4. ${changedCount} ändringar: ${bytes.total} B (${bytes.exchanges} anrop, kroppar ${bytes.bodies} B) mot gzip ${reference} B; utan ändringar ${none.total} B (kroppar ${none.bodies} B)`
		);
	}
	return [
		result({
			id: 'incrementalBytes',
			label: `4. incremental sync of ${changedCount} changes, bytes on the wire vs gzip of their JSON`,
			unit: 'bytes',
			runs: totals,
			baseline: reference,
			goal: 2,
			goalUnit: 'ratio',
			ratioOf: (a, b) => a / b
		}),
		result({
			id: 'incrementalBodies',
			label: `4. the same, bodies only (no HTTP headers)`,
			unit: 'bytes',
			runs: bodies,
			baseline: reference,
			ratioOf: (a, b) => a / b
		}),
		result({
			id: 'idleSyncBytes',
			label: '4. sync with no changes, bytes on the wire',
			unit: 'bytes',
			runs: idle
		}),
		result({
			id: 'idleSyncBodies',
			label: '4. sync with no changes, bodies only',
			unit: 'bytes',
			runs: idleBodies,
			goal: 512
		})
	];
}

/** 1: offline cold start, 4× CPU throttling, and the gzip size of the JS that first page loads. */
async function measureColdStart(context) {
	const times = [];
	let scripts = [];
	let allScripts = [];
	for (let i = 0; i < runs; i++) {
		const start = await coldStart(context, { throttle: 4 });
		times.push(start.elapsed);
		scripts = start.scripts;
		allScripts = start.allScripts;
		const { html, lastScript } = start.phases;
		log(
			`  1. kallstart offline ${i + 1}: ${Math.round(start.elapsed)} ms (HTML ${Math.round(html)} ms, sista skriptet ${Math.round(lastScript)} ms)`
		);
	}
	const gzip = (paths) =>
		[...new Set(paths)].reduce(
			(sum, path) => sum + gzipSync(readFileSync(`build/client${path}`)).length,
			0
		);
	return [
		result({
			id: 'coldStart',
			label: '1. offline cold start, 4× CPU throttling',
			unit: 'ms',
			runs: times,
			goal: 600
		}),
		result({
			id: 'firstPageJs',
			label: `1. JS the first page loads before it is interactive, gzip (${new Set(scripts).size} files)`,
			unit: 'kb',
			value: gzip(scripts),
			goal: 80 * 1024
		}),
		// The sync machinery loads once the page answers; it is reported, not judged, so nothing hides in "after".
		result({
			id: 'firstPageJsAll',
			label: `1. all JS of the first page incl. the sync loaded after it, gzip (${new Set(allScripts).size} files)`,
			unit: 'kb',
			value: gzip(allScripts)
		})
	];
}

/**
 * 6: Lighthouse's mobile audit of the overview, an indicator page and the entry grid of a
 * grouping from the source documents, signed in as its admin: score, blocking time and layout
 * shift, the median of the runs per page.
 */
const LIGHTHOUSE_PAGES = [
	{ path: '/grupp/akademi-norr', name: 'overview' },
	{
		path: '/grupp/akademi-norr/indikator/akademi-norr-eftergymnasial-3-ar-regionen',
		name: 'indicator page'
	},
	{ path: '/grupp/akademi-norr/registrera', name: 'entry grid' }
];
async function measureLighthouse(baseURL, workDir) {
	const lighthouseRuns = Number(args['lighthouse-runs'] ?? (args.smoke ? 1 : 3));
	if (lighthouseRuns === 0) return [];
	const pages = args.smoke ? LIGHTHOUSE_PAGES.slice(0, 1) : LIGHTHOUSE_PAGES;
	const audits = await lighthouseAudits(baseURL, {
		paths: pages.map((p) => p.path),
		runs: lighthouseRuns,
		workDir,
		log
	});
	return pages.flatMap(({ path, name }) => {
		const runsOf = (key) => audits[path].map((audit) => audit[key]);
		return [
			result({
				id: `lighthouseScore:${name}`,
				label: `6. Lighthouse mobile performance, ${name}`,
				unit: 'count',
				runs: runsOf('score'),
				goal: 95,
				atLeast: true
			}),
			result({
				id: `lighthouseTbt:${name}`,
				label: `6. Lighthouse total blocking time, ${name}`,
				unit: 'ms',
				runs: runsOf('tbt'),
				goal: 200
			}),
			result({
				id: `lighthouseCls:${name}`,
				label: `6. Lighthouse cumulative layout shift, ${name}`,
				unit: 'ratio',
				runs: runsOf('cls'),
				goal: 0.02
			})
		];
	});
}

async function serverMain() {
	const measured = await runServerBench(args, log);
	const missed = measured.filter((r) => r.pass === false);
	if (missed.length > 0) log(`MISS: ${missed.map((r) => r.label).join('; ')}`);
	if (args.strict && missed.length > 0) process.exitCode = 1;
}

(args.server ? serverMain() : main()).catch((error) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exit(1);
});
