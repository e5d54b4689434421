import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The seams the linter keeps (eslint.config.js): each rule must refuse what it is for, and pass the allowed. */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.message);
}

describe('architecture rules', () => {
	it('keeps domain/ pure: no app modules, Svelte, Dexie or fetch', async () => {
		expect(
			await problems(
				'src/lib/domain/example.ts',
				"import { database } from '$lib/local-store/client';\nexport const x = database;\n"
			)
		).toHaveLength(1);
		expect(
			await problems(
				'src/lib/domain/example.ts',
				"import Dexie from 'dexie';\nexport const x = Dexie;\n"
			)
		).toHaveLength(1);
		expect(
			await problems(
				'src/lib/domain/example.ts',
				"import { onMount } from 'svelte';\nexport const x = onMount;\n"
			)
		).toHaveLength(1);
		expect(
			await problems('src/lib/domain/example.ts', "export const x = () => fetch('/api/x');\n")
		).toHaveLength(1);
		expect(
			await problems(
				'src/lib/domain/example.ts',
				"import { Id } from '$lib/domain/common';\nimport * as z from 'zod/mini';\nexport const x = [Id, z];\n"
			)
		).toEqual([]);
	});

	it('keeps the local store to domain/ and Dexie', async () => {
		expect(
			await problems(
				'src/lib/local-store/example.ts',
				"import { appState } from '$lib/app/app-state.svelte';\nexport const x = appState;\n"
			)
		).toHaveLength(1);
		expect(
			await problems(
				'src/lib/local-store/example.ts',
				"import { login } from '$lib/api/session';\nexport const x = login;\n"
			)
		).toHaveLength(1);
		expect(
			await problems('src/lib/local-store/example.ts', "export const x = () => fetch('/api/x');\n")
		).toHaveLength(1);
		expect(
			await problems(
				'src/lib/local-store/example.ts',
				"import Dexie from 'dexie';\nimport { Id } from '$lib/domain/common';\nexport const x = [Dexie, Id];\n"
			)
		).toEqual([]);
	});

	it('sends every call to the server through src/lib/api/', async () => {
		expect(
			await problems('src/lib/sync/example.ts', "export const x = () => fetch('/api/sync');\n")
		).toHaveLength(1);
		expect(
			await problems('src/routes/example/+page.ts', "export const x = () => fetch('/api/x');\n")
		).toHaveLength(1);
		expect(
			await problems('src/lib/api/example.ts', "export const x = () => fetch('/api/x');\n")
		).toEqual([]);
	});
});
