import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The server's command-line entry points (npm run create-admin), built
 * beside the app into build/commands/, so a production install without dev
 * dependencies (no Vite, no TypeScript) can run them: the same server code,
 * bundled with what it needs except the runtime dependencies in
 * package.json, which stay imports. `npm run build` runs it after the app.
 */
const RUNTIME_DEPENDENCIES = ['@electric-sql/pglite', 'drizzle-orm', 'postgres'];

export default defineConfig({
	resolve: { alias: { $lib: resolve('src/lib') } },
	logLevel: 'warn',
	ssr: { noExternal: true },
	build: {
		ssr: true,
		outDir: 'build/commands',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		reportCompressedSize: false,
		rolldownOptions: {
			input: { 'create-admin': 'src/lib/server/auth/create-admin-command.ts' },
			external: (id) =>
				id.startsWith('node:') ||
				RUNTIME_DEPENDENCIES.some((name) => id === name || id.startsWith(`${name}/`)),
			output: {
				format: 'esm',
				entryFileNames: '[name].js',
				chunkFileNames: 'chunks/[name]-[hash].js'
			}
		}
	}
});
