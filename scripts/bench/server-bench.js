// `npm run bench -- --server`: the server under load (issue 23, "Server
// throughput"), on PGlite and on PostgreSQL with one and with several app
// instances. Prints a table as the browser bench does and writes
// bench-results/server-latest.json (and a timestamped copy).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { BENCH_USER, postgresAnswers, preparedDatabase, preparedPostgres } from './dataset.js';
import { freePorts, startServer } from './server.js';
import { percentile, runServerLoad } from './server-load.js';
import { printTable, result } from './report.js';
import { backendCpu, cpuBetween } from './process-cpu.js';
import { withServerModule } from '../server-module.js';

/** A county's worth of values: 15 municipalities × 20 indicators × 20 years × 3 genders = 18 000. */
const COUNTY = { municipalities: 15, indicators: 20, years: 20, seed: 20260101 };
const SMOKE = { municipalities: 6, indicators: 4, years: 3, seed: 20260101 };
/** The goals of issue 23, judged on PostgreSQL. */
const P95_GOAL_MS = 300;
const THROUGHPUT_GOAL = 100;

export async function runServerBench(args, log = console.log) {
	const smoke = args.smoke === true;
	const scale = args.scale ? scaleOf(args.scale) : smoke ? SMOKE : COUNTY;
	const devices = Number(args.clients ?? (smoke ? 4 : 50));
	const editsPerSync = Number(args.edits ?? 5);
	const seconds = Number(args.seconds ?? (smoke ? 3 : 30));
	const backends = (args.backends ?? 'pglite,postgres').split(',');
	const instanceCounts = (args.instances ?? '1,2').split(',').map(Number);
	const port = Number(args.port ?? process.env.BENCH_PORT ?? 4320);
	const adminUrl =
		args['database-url'] ??
		process.env.BENCH_DATABASE_URL ??
		process.env.TEST_DATABASE_URL ??
		'postgres://postgres@127.0.0.1:5432/test';
	if (backends.includes('postgres') && !(await postgresAnswers(adminUrl))) {
		throw new Error(
			`PostgreSQL svarar inte på ${adminUrl}. Ange en annan med --database-url, eller kör bara PGlite med --backends pglite.`
		);
	}
	log(
		`Lägesbild serverbenchmark: ${devices} enheter × ${editsPerSync} ändringar per synk i ${seconds} s, ${scale.municipalities} kommuner × ${scale.indicators} indikatorer × ${scale.years} år × 3 kön`
	);
	if (!args['no-build'])
		execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });
	// The client's own decoder for the wire format, for the untimed full pulls before and after.
	const { decodeSyncResponse } = await withServerModule(
		'/src/lib/domain/sync/sync-wire.ts',
		(module) => ({ ...module })
	);

	const measured = [];
	const runs = [];
	const configurations = [
		...(backends.includes('pglite') ? [{ id: 'pglite', name: 'PGlite', instances: 1 }] : []),
		...(backends.includes('postgres')
			? instanceCounts.map((n) => ({
					id: `postgres-${n}`,
					name: `PostgreSQL ×${n}`,
					instances: n,
					postgres: true
				}))
			: [])
	];
	for (const configuration of configurations) {
		log(`\n${configuration.name}`);
		const database = configuration.postgres
			? await preparedPostgres(scale, adminUrl, log)
			: await preparedDatabase(scale, log);
		const servers = [];
		try {
			// The instances on the first free ports from --port on (another service may hold one of them).
			for (const free of await freePorts(port, configuration.instances)) {
				servers.push(
					await startServer({
						port: free,
						dataDir: database.dataDir,
						databaseUrl: database.databaseUrl
					})
				);
			}
			let databaseBefore = null;
			const load = await runServerLoad({
				urls: servers.map((s) => s.url),
				user: BENCH_USER,
				devices,
				editsPerSync,
				seconds,
				decode: decodeSyncResponse,
				log,
				onStart: () => {
					for (const server of servers) server.resetMemory();
					databaseBefore = database.databaseName ? backendCpu(database.databaseName) : null;
				}
			});
			const memory = await Promise.all(servers.map((s) => s.memory()));
			const databaseCpuMs = database.databaseName
				? cpuBetween(databaseBefore, backendCpu(database.databaseName))
				: null;
			const run = { ...configuration, ...summarise(load, memory, databaseCpuMs) };
			runs.push(run);
			const cpu = [
				`servern ${run.serverCpuMsPerSync.toFixed(1)}`,
				...(run.databaseCpuMsPerSync === null
					? []
					: [`databasen ${run.databaseCpuMsPerSync.toFixed(1)}`]),
				`lastgeneratorn ${run.loadCpuMsPerSync.toFixed(1)}`
			];
			log(
				`  ${run.syncs} synkar (${load.exchanges} anrop, ${Math.round(run.receivedPerSync)} hämtade rader per synk) på ${load.elapsed.toFixed(1)} s: ${run.perSecond.toFixed(1)}/s, p50 ${Math.round(run.p50)} ms, p95 ${Math.round(run.p95)} ms, p99 ${Math.round(run.p99)} ms, ${run.errors} fel, ${run.lost} av ${load.acknowledged} kvitterade ändringar saknas`
			);
			log(
				`  högsta heap ${(run.peakHeap / 2 ** 20).toFixed(0)} MB, RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MB; CPU per synk: ${cpu.join(', ')} ms; maskinens last ${run.loadAverage.toFixed(1)} på ${availableParallelism()} kärnor`
			);
			measured.push(...rowsOf(run, devices, editsPerSync));
		} finally {
			for (const server of servers) await server.stop();
			await database.remove();
		}
	}
	const output = {
		timestamp: new Date().toISOString(),
		commit: execSync('git rev-parse --short HEAD').toString().trim(),
		dirty: execSync('git status --porcelain').toString().trim() !== '',
		mode: 'server',
		scale: {
			...scale,
			genders: 3,
			values: scale.municipalities * scale.indicators * scale.years * 3
		},
		load: { devices, editsPerSync, seconds },
		machine: { cpus: availableParallelism(), node: process.version },
		runs,
		results: measured
	};
	mkdirSync('bench-results', { recursive: true });
	const out = args.out ?? 'bench-results/server-latest.json';
	writeFileSync(out, JSON.stringify(output, null, 2));
	if (!args.out)
		writeFileSync(
			`bench-results/server-${output.timestamp.replace(/[:.]/g, '-')}.json`,
			JSON.stringify(output, null, 2)
		);
	log('');
	printTable(measured, log);
	log(`\nResultat: ${out}`);
	return measured;
}

function scaleOf(text) {
	const [municipalities, indicators, years] = text.split(',').map(Number);
	return { municipalities, indicators, years, seed: COUNTY.seed };
}

function summarise(load, memory, databaseCpuMs) {
	const perSync = (ms) => ms / Math.max(1, load.syncs);
	return {
		syncs: load.syncs,
		perSecond: load.syncs / load.elapsed,
		p50: percentile(load.latencies, 50),
		p95: percentile(load.latencies, 95),
		p99: percentile(load.latencies, 99),
		errors: load.errors,
		lost: load.lost,
		acknowledged: load.acknowledged,
		receivedPerSync: perSync(load.received),
		loadAverage: loadavg()[0],
		peakHeap: Math.max(...memory.map((m) => m.heapUsed)),
		peakRss: Math.max(...memory.map((m) => m.rss)),
		serverCpuMsPerSync: perSync(memory.reduce((sum, m) => sum + m.cpuMs, 0)),
		databaseCpuMsPerSync: databaseCpuMs === null ? null : perSync(databaseCpuMs),
		loadCpuMsPerSync: perSync(load.loadCpuMs)
	};
}

/** The table's rows for one configuration; the goals are judged on PostgreSQL only, as issue 23 sets them. */
function rowsOf(run, devices, editsPerSync) {
	const judged = run.postgres === true;
	const prefix = `6. server, ${run.name}, ${devices} devices × ${editsPerSync} edits`;
	return [
		result({
			id: `serverThroughput-${run.id}`,
			label: `${prefix}: syncs per second`,
			unit: 'rate',
			value: run.perSecond,
			...(judged ? { goal: THROUGHPUT_GOAL, atLeast: true } : {})
		}),
		result({
			id: `serverP50-${run.id}`,
			label: `${prefix}: latency p50`,
			unit: 'ms',
			value: run.p50
		}),
		result({
			id: `serverP95-${run.id}`,
			label: `${prefix}: latency p95`,
			unit: 'ms',
			value: run.p95,
			...(judged ? { goal: P95_GOAL_MS } : {})
		}),
		result({
			id: `serverP99-${run.id}`,
			label: `${prefix}: latency p99`,
			unit: 'ms',
			value: run.p99
		}),
		result({
			id: `serverErrors-${run.id}`,
			label: `${prefix}: failed syncs`,
			unit: 'count',
			value: run.errors,
			goal: 0
		}),
		result({
			id: `serverLost-${run.id}`,
			label: `${prefix}: acknowledged edits missing afterwards`,
			unit: 'count',
			value: run.lost,
			goal: 0
		}),
		result({
			id: `serverPeakHeap-${run.id}`,
			label: `${prefix}: peak server JS heap (largest instance)`,
			unit: 'mb',
			value: run.peakHeap
		}),
		result({
			id: `serverPeakRss-${run.id}`,
			label: `${prefix}: peak server RSS (largest instance)`,
			unit: 'mb',
			value: run.peakRss
		}),
		// CPU time per sync changes less with a busy machine than the rates do: the machine's cores at full use divided by
		// the server's and the database's CPU time per sync bound the syncs per second it can do when nothing else runs.
		result({
			id: `serverCpuPerSync-${run.id}`,
			label: `${prefix}: server CPU time per sync (all instances)`,
			unit: 'ms',
			value: run.serverCpuMsPerSync
		}),
		...(run.databaseCpuMsPerSync === null
			? []
			: [
					result({
						id: `databaseCpuPerSync-${run.id}`,
						label: `${prefix}: PostgreSQL CPU time per sync`,
						unit: 'ms',
						value: run.databaseCpuMsPerSync
					}),
					result({
						id: `cpuBound-${run.id}`,
						label: `${prefix}: syncs per second ${availableParallelism()} idle cores would allow (cores ÷ server and database CPU per sync)`,
						unit: 'rate',
						value:
							(availableParallelism() * 1000) / (run.serverCpuMsPerSync + run.databaseCpuMsPerSync)
					})
				])
	];
}
