// Starts the production build (as `npm run serve` does) on the bench's own port.
import { spawn } from 'node:child_process';

export async function startServer({ port, dataDir }) {
	// A server left on the port would answer in place of this one and the bench would measure the wrong database.
	const earlier = await fetch(`http://localhost:${port}/`).then(() => true, () => false);
	if (earlier) throw new Error(`Port ${port} är upptagen; välj en annan med --port eller BENCH_PORT.`);
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let stopping = false;
	// A server that dies mid-run would leave the bench waiting for a sync that never ends: say so at once.
	child.once('exit', (code, signal) => {
		if (!stopping) console.error(`Benchmarkservern avslutades oväntat (${code ?? signal}):\n${output.slice(-4000)}`);
	});
	const url = `http://localhost:${port}`;
	const exited = new Promise((done) => child.once('exit', done));
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`Servern avslutades vid start:\n${output}`);
		// /api/auth/me opens the database, so the server is ready only when it answers.
		const answered = await fetch(`${url}/api/auth/me`).then((r) => r.status, () => 0);
		if (answered === 401 || answered === 200) break;
		if (Date.now() > deadline) {
			child.kill('SIGTERM');
			throw new Error(`Servern svarade inte på två minuter:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		url,
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
