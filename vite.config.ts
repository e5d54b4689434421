import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				name: 'Lägesbild – mål och indikatorer för kommunalförbund',
				short_name: 'Lägesbild',
				description:
					'Följ mål, indikatorer och årliga mätvärden för kommunalförbund och deras medlemskommuner.',
				lang: 'sv',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#ffffff',
				theme_color: '#1d4e89',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				// The shell is prerendered (ssr = false); every route falls back to it offline.
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webmanifest,json}',
					'prerendered/**/*.{html,json}'
				],
				navigateFallback: '/',
				navigateFallbackDenylist: [/^\/api\//],
				clientsClaim: true,
				cleanupOutdatedCaches: true
			},
			devOptions: { enabled: false }
		})
	],
	optimizeDeps: { exclude: ['@electric-sql/pglite'] },
	build: {
		rolldownOptions: {
			// A zod/mini schema built at a module's top level (`z.…`) is dropped when nothing reads
			// it, so importing a domain module for one of its pure functions does not bring its
			// schemas onto the page (docs/benchmarks.md). Nothing in zod's builders has side effects.
			treeshake: { manualPureFunctions: ['z'] },
			// Rolldown reports which plugins took the build's time when they take most of it, as they
			// do here (Svelte's compiler, SvelteKit's writing of the output): useful when profiling
			// the build, noise that reads like a warning in every other build.
			checks: { bundlerTimings: false }
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Hundreds of passwords are hashed and checked in the unit tests: at a lower scrypt cost
		// (src/lib/server/auth/password.ts, costFromEnvironment). The real cost has its own tests.
		env: { LAGESBILD_TEST_PASSWORD_LOG2N: '12' },
		testTimeout: 20000
	}
});
