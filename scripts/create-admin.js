// The first admin of a grouping (or a new password for one), from the command line:
//   npm run create-admin -- --email a@b.se --name "Namn" --organisation akademi-norr
// asks for the password twice without echoing it; or give it on stdin with
// --password-stdin (e.g. from a secrets manager). Uses the same database as the
// server: DATABASE_URL, or PGlite in PGLITE_DATA_DIR (default ./data/pglite).
// With PGlite, stop the server first: only one process may open its folder.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { withServerModule } from './server-module.js';

const USAGE = 'Användning: npm run create-admin -- --email a@b.se --name "Namn" --organisation akademi-norr [--password-stdin]';

async function main() {
	const { values } = parseArgs({
		options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean' } }
	});
	if (values.help || !values.email || !values.name || !values.organisation) {
		console.error(USAGE);
		process.exit(values.help ? 0 : 2);
	}
	const password = values['password-stdin'] ? await readAll(process.stdin) : await askTwice();
	// The server's own TypeScript, loaded through Vite; no build needed.
	await withServerModule('/src/lib/server/auth/create-admin-command.ts', async (command) => {
		console.log(await command.runCreateAdmin({ email: values.email, name: values.name, organisation: values.organisation, password }));
	});
}

/** The whole of stdin, without the final line break a shell adds. */
async function readAll(stream) {
	let text = '';
	for await (const chunk of stream) text += chunk;
	return text.replace(/\r?\n$/, '');
}

async function askTwice() {
	if (!process.stdin.isTTY) throw new Error('Ingen terminal att fråga i: ge lösenordet med --password-stdin.');
	const first = await askHidden('Lösenord (minst 10 tecken): ');
	const second = await askHidden('Samma lösenord igen: ');
	if (first !== second) throw new Error('Lösenorden var inte lika.');
	return first;
}

/** Reads one line from the terminal without showing what is typed. */
function askHidden(question) {
	return new Promise((done) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		rl.stdoutMuted = true;
		rl._writeToOutput = (text) => {
			if (!rl.stdoutMuted || text.startsWith(question)) process.stdout.write(text);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			done(answer);
		});
	});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
