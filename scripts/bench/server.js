// Starts the production build (as `npm run serve` does) on the bench's own port:
// on a PGlite folder, or on a PostgreSQL database (databaseUrl).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const HOST = '127.0.0.1';

/** Whether this machine lets a server listen on the port (anything else there, HTTP or not, makes it busy). */
export function portIsFree(port) {
	return new Promise((done) => {
		const probe = createServer();
		probe.once('error', () => done(false));
		probe.listen(port, HOST, () => probe.close(() => done(true)));
	});
}

/** `count` free ports, the first at `from` or after it, each after the one before. */
export async function freePorts(from, count) {
	const ports = [];
	for (let port = from; ports.length < count && port < from + 100; port++)
		if (await portIsFree(port)) ports.push(port);
	if (ports.length < count) throw new Error(`Hittade inte ${count} lediga portar från ${from}.`);
	return ports;
}

export async function startServer({ port, dataDir, databaseUrl }) {
	// A server left on the port would answer in place of this one and the bench would measure the wrong database.
	if (!(await portIsFree(port)))
		throw new Error(`Port ${port} är upptagen; välj en annan med --port eller BENCH_PORT.`);
	const database = databaseUrl
		? { DATABASE_URL: databaseUrl }
		: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' };
	// The memory probe answers over IPC with the server's peak heap and RSS (scripts/bench/memory-probe.cjs).
	// BENCH_SERVER_NODE_OPTIONS: extra node flags for the server, e.g. --cpu-prof to see where its time goes.
	const extra = process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(
		process.execPath,
		[...extra, '--require', './scripts/bench/memory-probe.cjs', 'scripts/start.js'],
		{
			env: { ...process.env, PORT: String(port), HOST, ...database },
			stdio: ['ignore', 'pipe', 'pipe', 'ipc']
		}
	);
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let stopping = false;
	// A server that dies mid-run would leave the bench waiting for a sync that never ends: say so at once.
	child.once('exit', (code, signal) => {
		if (!stopping)
			console.error(
				`Benchmarkservern avslutades oväntat (${code ?? signal}):\n${output.slice(-4000)}`
			);
	});
	const url = `http://localhost:${port}`;
	const exited = new Promise((done) => child.once('exit', done));
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Servern avslutades vid start:\n${output}`);
		// /api/auth/me opens the database, so the server is ready only when it answers.
		const answered = await fetch(`${url}/api/auth/me`).then(
			(r) => r.status,
			() => 0
		);
		if (answered === 401 || answered === 200) break;
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`Servern svarade inte på två minuter:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		url,
		pid: child.pid,
		/** Forgets the peak memory so far (start-up, seeding), so the next report covers what follows. */
		resetMemory() {
			child.send('memory:reset');
		},
		/** The server process's peak RSS and V8 heap (bytes), and its CPU time (ms), since the last reset. */
		memory() {
			return new Promise((done, fail) => {
				const timer = setTimeout(
					() => fail(new Error('Servern svarade inte med sin minnesåtgång.')),
					5000
				);
				child.once('message', (message) => {
					clearTimeout(timer);
					done(message.memory);
				});
				child.send('memory:report');
			});
		},
		async stop() {
			stopping = true;
			if (child.exitCode !== null) return;
			child.kill('SIGTERM');
			const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(forced);
		}
	};
}
