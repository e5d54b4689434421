import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import postgres from 'postgres';

/**
 * `npm run bench` at a tiny scale (6 municipalities × 4 indicators × 3 years),
 * against the build this test run made, so the benchmark cannot rot: every
 * figure of the table must come out as a number. The goals are not judged
 * here; at this scale they say little.
 */
const run = promisify(execFile);
// BENCH_PORT when given (each checkout has its own); otherwise beside the e2e server's port, so parallel
// checkouts (E2E_PORT) never collide. (E2E_PORT 4212 + 10 is 4222, NATS's port, taken on some machines.)
const PORT = Number(process.env.BENCH_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
const OUT = 'test-results/bench-smoke.json';
const SERVER_OUT = 'test-results/bench-server-smoke.json';

const EXPECTED = [
	'coldStart',
	'firstPageJs',
	'firstPageJsAll',
	'initialPull',
	'initialPullRate',
	'peakHeapPull',
	'indicatorPage',
	'indicatorRowsRead',
	'peakHeapIndicator',
	'incrementalBytes',
	'incrementalBodies',
	'idleSyncBytes',
	'idleSyncBodies',
	'lighthouseScore:overview',
	'lighthouseTbt:overview',
	'lighthouseCls:overview'
];
/** Figures that are 0 on a good run: no blocking time, no layout shift. */
const MAY_BE_ZERO = ['lighthouseTbt:overview', 'lighthouseCls:overview'];
const SERVER_MEASURES = [
	'serverThroughput',
	'serverP50',
	'serverP95',
	'serverP99',
	'serverErrors',
	'serverLost',
	'serverPeakHeap',
	'serverPeakRss',
	'serverCpuPerSync'
];
/** Only where the bench can read the database's processes (/proc, PostgreSQL on this machine). */
const DATABASE_CPU_MEASURES = ['databaseCpuPerSync', 'cpuBound'];

test('the benchmark runs end to end at a tiny scale and reports every figure', async () => {
	test.setTimeout(300_000);
	await run(
		process.execPath,
		['scripts/bench.js', '--smoke', '--no-build', '--port', String(PORT), '--out', OUT],
		{ timeout: 290_000 }
	);
	const output = JSON.parse(readFileSync(OUT, 'utf8'));
	expect(output.scale.values).toBe(6 * 4 * 3 * 3);
	expect(output.results.map((r: { id: string }) => r.id).sort()).toEqual([...EXPECTED].sort());
	for (const r of output.results) {
		expect(Number.isFinite(r.median), r.id).toBe(true);
		if (MAY_BE_ZERO.includes(r.id)) expect(r.median, r.id).toBeGreaterThanOrEqual(0);
		else expect(r.median, r.id).toBeGreaterThan(0);
	}
	const pull = output.results.find((r: { id: string }) => r.id === 'initialPull');
	expect(pull.baseline).toBeGreaterThan(0);
	expect(Number.isFinite(pull.ratio)).toBe(true);
});

/** PostgreSQL is optional on a developer's machine (the run says so) but required in CI, as for the unit tests. */
async function postgresAnswers(url: string): Promise<boolean> {
	const client = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
	try {
		await client`select 1`;
		return true;
	} catch {
		return false;
	} finally {
		await client.end({ timeout: 1 });
	}
}

test('the server benchmark runs a few devices against PGlite and two instances on PostgreSQL, and loses nothing', async () => {
	test.setTimeout(240_000);
	const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const withPostgres = process.env.CI ? true : await postgresAnswers(url);
	if (!withPostgres)
		test.info().annotations.push({
			type: 'notice',
			description: `PostgreSQL svarar inte på ${url}: serverbenchmarken körs bara på PGlite.`
		});
	const backends = withPostgres ? 'pglite,postgres' : 'pglite';
	await run(
		process.execPath,
		[
			'scripts/bench.js',
			'--server',
			'--smoke',
			'--no-build',
			'--port',
			String(PORT + 1),
			'--backends',
			backends,
			'--instances',
			'2',
			'--database-url',
			url,
			'--out',
			SERVER_OUT
		],
		{
			timeout: 230_000
		}
	);
	const output = JSON.parse(readFileSync(SERVER_OUT, 'utf8'));
	const configurations = withPostgres ? ['pglite', 'postgres-2'] : ['pglite'];
	const ids: string[] = output.results.map((r: { id: string }) => r.id);
	const required = configurations.flatMap((c) => SERVER_MEASURES.map((m) => `${m}-${c}`));
	const optional = configurations
		.filter((c) => c.startsWith('postgres'))
		.flatMap((c) => DATABASE_CPU_MEASURES.map((m) => `${m}-${c}`));
	expect(ids.filter((id) => !optional.includes(id)).sort()).toEqual(required.sort());
	if (process.platform === 'linux' && withPostgres && /127\.0\.0\.1|localhost/.test(url))
		expect(ids).toEqual(expect.arrayContaining(optional));
	for (const r of output.results) {
		expect(Number.isFinite(r.median), r.id).toBe(true);
		if (/^server(Errors|Lost)-/.test(r.id)) expect(r.median, r.id).toBe(0);
		else expect(r.median, r.id).toBeGreaterThan(0);
	}
	for (const configuration of output.runs)
		expect(configuration.acknowledged, configuration.id).toBeGreaterThan(0);
	if (withPostgres)
		expect(
			output.results.find((r: { id: string }) => r.id === 'serverThroughput-postgres-2').goal
		).toBe(100);
});
