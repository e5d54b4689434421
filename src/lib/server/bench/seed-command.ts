import { closeDatabase, getDatabase } from '../database';
import { seedNationalDataset, type BenchUser } from './seed-national';
import type { BenchScale } from './national-dataset';

/**
 * What `npm run bench` runs to build its database (scripts/bench/dataset.js
 * loads this through Vite, as create-admin does): the server's own start-up
 * (migrations, demo data, demo users) in `dataDir`, or in the PostgreSQL
 * database `databaseUrl` names, then the benchmark dataset and its user.
 */
export async function runBenchSeed(options: {
	dataDir?: string;
	databaseUrl?: string;
	scale: BenchScale;
	user: BenchUser;
	log: (line: string) => void;
}) {
	if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
	else {
		process.env.PGLITE_DATA_DIR = options.dataDir;
		delete process.env.DATABASE_URL;
	}
	try {
		return await seedNationalDataset(await getDatabase(), options.scale, options.user, options.log);
	} finally {
		await closeDatabase();
		delete process.env.DATABASE_URL;
	}
}
