// Loads one of the server's own TypeScript modules from a plain Node script.
import { resolve } from 'node:path';
import { createServer } from 'vite';

/**
 * Runs `use` with the module at `path` (e.g. '/src/lib/server/…/command.ts'),
 * loaded through Vite with the $lib alias and without the app's plugins, so a
 * command-line script needs no build. Vite is closed afterwards, whatever happens.
 */
export async function withServerModule(path, use) {
	const vite = await createServer({
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false },
		resolve: { alias: { $lib: resolve('src/lib') } }
	});
	try {
		return await use(await vite.ssrLoadModule(path));
	} finally {
		await vite.close();
	}
}
