import { rm } from 'node:fs/promises';

/**
 * Removes a Chromium profile folder once the browser has let go of it. Its
 * helper processes may still write for a moment after the browser's own
 * process has exited (a smoke run in CI failed on ENOTEMPTY after five quick
 * retries), so this retries for several seconds, and a folder that still
 * cannot go is reported and left under bench-results/work: a leftover
 * temporary folder never fails a run whose figures were measured.
 */
export async function removeProfileDir(dir, log = console.warn) {
	try {
		await rm(dir, { recursive: true, force: true, maxRetries: 12, retryDelay: 150 });
	} catch (error) {
		log(`  (profilen ${dir} kunde inte tas bort: ${error?.code ?? error}; den ligger kvar)`);
	}
}
