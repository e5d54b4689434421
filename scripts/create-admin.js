// The first admin of a grouping, or a new password for an existing account, from the command line:
//   npm run create-admin -- --email a@b.se --name "Namn" --organisation akademi-norr
//   npm run create-admin -- --email a@b.se --reset-password
// asks for the password twice without echoing it; or give it on stdin with
// --password-stdin (e.g. from a secrets manager). A reset signs the account out
// everywhere and changes no role (unless --organisation is given too). Uses the
// same database as the server: DATABASE_URL, or PGlite in PGLITE_DATA_DIR
// (default ./data/pglite). With PGlite, stop the server first: only one process
// may open its folder.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';

const USAGE = [
	'Användning:',
	'  npm run create-admin -- --email a@b.se --name "Namn" --organisation akademi-norr [--password-stdin]',
	'  npm run create-admin -- --email a@b.se --reset-password [--organisation akademi-norr] [--password-stdin]'
].join('\n');

async function main() {
	const { values } = parseArgs({
		options: {
			email: { type: 'string' },
			name: { type: 'string' },
			organisation: { type: 'string' },
			'reset-password': { type: 'boolean' },
			'password-stdin': { type: 'boolean' },
			help: { type: 'boolean' }
		}
	});
	const resetPassword = values['reset-password'] ?? false;
	if (values.help || !values.email || (!resetPassword && (!values.name || !values.organisation))) {
		console.error(USAGE);
		process.exit(values.help ? 0 : 2);
	}
	const password = values['password-stdin'] ? await readAll(process.stdin) : await askTwice();
	const args = {
		email: values.email,
		name: values.name,
		organisation: values.organisation,
		password,
		resetPassword
	};
	await withCommand(async (command) => console.log(await command.runCreateAdmin(args)));
}

/**
 * The server's own code: in a checkout, its TypeScript through Vite (no build
 * needed, never stale); in a production install without dev dependencies,
 * the copy `npm run build` bundled into build/commands/.
 */
async function withCommand(use) {
	if (await hasVite()) {
		const { withServerModule } = await import('./server-module.js');
		return withServerModule('/src/lib/server/auth/create-admin-command.ts', use);
	}
	const built = resolve('build/commands/create-admin.js');
	if (!existsSync(built))
		throw new Error(
			'Hittar varken Vite eller build/commands/create-admin.js. Kör "npm run build" först.'
		);
	return use(await import(pathToFileURL(built).href));
}

async function hasVite() {
	try {
		await import('vite');
		return existsSync(resolve('src/lib/server/auth/create-admin-command.ts'));
	} catch {
		return false;
	}
}

/** The whole of stdin, without the final line break a shell adds. */
async function readAll(stream) {
	let text = '';
	for await (const chunk of stream) text += chunk;
	return text.replace(/\r?\n$/, '');
}

async function askTwice() {
	if (!process.stdin.isTTY)
		throw new Error('Ingen terminal att fråga i: ge lösenordet med --password-stdin.');
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
