// The bench's server database: built once per scale and source version, cached
// under bench-results/cache/, and copied afresh for every bench run (the
// incremental-sync step changes values on the server).
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, resolve } from 'node:path';
import { withServerModule } from '../server-module.js';

export const BENCH_USER = {
	email: 'bench@lagesbild.example',
	name: 'Benchmark',
	password: 'lagesbild-bench'
};

/** Everything that changes what the seeded database holds: the migrations, the demo data, the generator. */
const SOURCES = [
	'drizzle',
	'src/lib/seed',
	'src/lib/server/bench',
	'src/lib/server/db',
	'src/lib/server/reference',
	'src/lib/domain/seeded-random.ts'
];

function filesUnder(path) {
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => filesUnder(join(path, name)));
}

function sourceHash() {
	const hash = createHash('sha256');
	for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update(readFileSync(file));
	return hash.digest('hex').slice(0, 12);
}

/**
 * Returns a fresh copy of the seeded PGlite folder for this scale. The first
 * run at a scale seeds it (about a minute per million values here) and says so.
 */
export async function preparedDatabase(scale, log) {
	const key = `m${scale.municipalities}-i${scale.indicators}-y${scale.years}-s${scale.seed}-${sourceHash()}`;
	const cached = resolve('bench-results/cache', key);
	const done = join(cached, '.seeded');
	if (!existsSync(done)) {
		rmSync(cached, { recursive: true, force: true });
		log(`Bygger benchmarkdatabasen (${key}); den sparas i bench-results/cache och återanvänds.`);
		const started = performance.now();
		await seed(cached, scale, log);
		const seconds = (performance.now() - started) / 1000;
		writeFileSync(done, JSON.stringify({ scale, seconds }));
		log(`Databasen byggd på ${seconds.toFixed(1)} s.`);
	} else log(`Återanvänder benchmarkdatabasen bench-results/cache/${key}.`);
	const seedSeconds = JSON.parse(readFileSync(done, 'utf8')).seconds;
	// One folder per bench process, so two runs (a smoke test beside a national run) never share a database.
	const work = resolve('bench-results/work', `pglite-${process.pid}`);
	rmSync(work, { recursive: true, force: true });
	cpSync(cached, work, { recursive: true });
	return {
		dataDir: work,
		seedSeconds,
		cacheKey: key,
		remove: () => rmSync(work, { recursive: true, force: true })
	};
}

async function seed(dataDir, scale, log) {
	// The server's own TypeScript through Vite, as scripts/create-admin.js loads it.
	await withServerModule('/src/lib/server/bench/seed-command.ts', (command) =>
		command.runBenchSeed({ dataDir, scale, user: BENCH_USER, log })
	);
}

/**
 * A fresh PostgreSQL database for one bench run, seeded as the PGlite one is
 * (migrations, demo data, the benchmark dataset and its user), on the server
 * `adminUrl` names; dropped by remove().
 */
export async function preparedPostgres(scale, adminUrl, log) {
	const { default: postgres } = await import('postgres');
	const name = `lagesbild_bench_${process.pid}_${Date.now().toString(36)}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const remove = async () => {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end({ timeout: 5 });
	};
	try {
		log(`Bygger PostgreSQL-databasen ${name}.`);
		const started = performance.now();
		await withServerModule('/src/lib/server/bench/seed-command.ts', (command) =>
			command.runBenchSeed({ databaseUrl: url.toString(), scale, user: BENCH_USER, log })
		);
		return {
			databaseUrl: url.toString(),
			databaseName: name,
			seedSeconds: (performance.now() - started) / 1000,
			remove
		};
	} catch (error) {
		await remove();
		throw error;
	}
}

/** Whether a PostgreSQL server answers at `url`. */
export async function postgresAnswers(url) {
	const { default: postgres } = await import('postgres');
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
