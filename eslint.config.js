import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Links are plain hrefs; resolve() adds nothing for an app served at the root.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// The architecture's seams (docs/architecture.md), kept by the linter rather than by review.
	{
		files: ['src/lib/domain/**'],
		ignores: ['**/*.test.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(\\$lib/(?!domain/)|\\$app/|svelte|dexie)',
							message: 'domain/ is pure: it imports only other domain modules and zod.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				{ name: 'fetch', message: 'domain/ does no I/O.' },
				{ name: 'indexedDB', message: 'domain/ does no I/O.' }
			]
		}
	},
	{
		files: ['src/lib/local-store/**'],
		ignores: ['**/*.test.ts', 'src/lib/local-store/test-database.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							// National reference data (the 290 municipalities) is read like the domain's own.
							regex: '^(\\$lib/(?!domain/|seed/municipalities$)|\\$app/(?!environment$)|svelte$)',
							message:
								'The local store imports only domain/ and Dexie: no server calls, app state or components.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				{
					name: 'fetch',
					message: 'The local store does not talk to the server; src/lib/api/ does.'
				}
			]
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		// The server's own code, the one client of our server, and the Kolada client (a third party's API).
		ignores: [
			'src/lib/server/**',
			'src/lib/api/**',
			'src/lib/import/kolada-client.ts',
			'src/routes/api/**',
			'src/hooks.server.ts',
			'**/*.test.ts'
		],
		rules: {
			'no-restricted-globals': [
				'error',
				{
					name: 'fetch',
					message:
						'Every call to the server goes through src/lib/api/ (one result shape, Swedish errors, 401 handling).'
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench-results/',
			'data/'
		]
	}
);
