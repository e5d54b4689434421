import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

/**
 * `npm run bench` at a tiny scale (6 municipalities × 4 indicators × 3 years),
 * against the build this test run made, so the benchmark cannot rot: every
 * figure of the table must come out as a number. The goals are not judged
 * here; at this scale they say little.
 */
const run = promisify(execFile);
// Beside the e2e server's port, so parallel checkouts (E2E_PORT) never collide.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 10;
const OUT = 'test-results/bench-smoke.json';

const EXPECTED = ['coldStart', 'firstPageJs', 'firstPageJsAll', 'initialPull', 'initialPullRate', 'peakHeapPull', 'indicatorPage', 'indicatorRowsRead', 'peakHeapIndicator', 'incrementalBytes', 'incrementalBodies', 'idleSyncBytes', 'idleSyncBodies'];

test('the benchmark runs end to end at a tiny scale and reports every figure', async () => {
	test.setTimeout(180_000);
	await run(process.execPath, ['scripts/bench.js', '--smoke', '--no-build', '--port', String(PORT), '--out', OUT], { timeout: 170_000 });
	const output = JSON.parse(readFileSync(OUT, 'utf8'));
	expect(output.scale.values).toBe(6 * 4 * 3 * 3);
	expect(output.results.map((r: { id: string }) => r.id).sort()).toEqual([...EXPECTED].sort());
	for (const r of output.results) {
		expect(Number.isFinite(r.median), r.id).toBe(true);
		expect(r.median, r.id).toBeGreaterThan(0);
	}
	const pull = output.results.find((r: { id: string }) => r.id === 'initialPull');
	expect(pull.baseline).toBeGreaterThan(0);
	expect(Number.isFinite(pull.ratio)).toBe(true);
});
