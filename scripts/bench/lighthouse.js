// Lighthouse's mobile performance audit of signed-in pages, as an outside auditor runs it:
// its own navigation, its default mobile emulation and simulated 4× CPU / slow 4G throttling.
// Lighthouse 13 needs Node ≥ 22, so it runs under Node 24 from the npm registry (npx -p node@24),
// as the unit tests' second run does; it drives a Chromium this script starts and signs in.
import { chromium } from '@playwright/test';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { removeProfileDir } from './profile-dir.js';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS } from './browser.js';
import { freePorts } from './server.js';

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A demo user whose groupings hold the source documents' figures (Akademi Norr). */
export const LIGHTHOUSE_USER = {
	email: 'anna.admin@akademinorr.example',
	password: 'lagesbild-demo'
};

/**
 * Audits each path `runs` times in one signed-in profile (the storage Lighthouse would otherwise
 * clear is what makes the pages signed in, so it is kept). Returns per path the runs' score,
 * total blocking time, cumulative layout shift and largest contentful paint.
 */
export async function lighthouseAudits(
	baseURL,
	{ paths, runs, workDir, user = LIGHTHOUSE_USER, log = () => {} }
) {
	const [port] = await freePorts(9300, 1);
	const profile = join(workDir, `lighthouse-profile-${process.pid}`);
	rmSync(profile, { recursive: true, force: true });
	mkdirSync(profile, { recursive: true });
	const browser = spawn(
		CHROMIUM,
		[
			'--headless=new',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			...CHROMIUM_ARGS,
			'about:blank'
		],
		{ stdio: 'ignore' }
	);
	try {
		await signIn(baseURL, port, user);
		const audits = {};
		for (const path of paths) {
			audits[path] = [];
			for (let i = 0; i < runs; i++) {
				const audit = await auditOnce(
					new URL(path, baseURL).href,
					port,
					join(profile, 'report.json')
				);
				audits[path].push(audit);
				log(
					`  6. Lighthouse ${path} ${i + 1}: ${audit.score} poäng, TBT ${Math.round(audit.tbt)} ms, CLS ${audit.cls.toFixed(3)}, LCP ${Math.round(audit.lcp)} ms`
				);
			}
		}
		return audits;
	} finally {
		// The profile goes once Chromium has let go of it (it writes while it shuts down).
		const exited = once(browser, 'exit');
		browser.kill();
		await exited;
		await removeProfileDir(profile);
	}
}

/** Signs in through the app in the profile Lighthouse will use, and waits for the first sync and the service worker. */
async function signIn(baseURL, port, user) {
	const connected = await connect(port);
	try {
		const page = await connected.contexts()[0].newPage();
		await page.goto(new URL('/logga-in', baseURL).href);
		await page.getByTestId('login-email').fill(user.email);
		await page.getByTestId('login-password').fill(user.password);
		await page.getByTestId('login-submit').click();
		await page.getByTestId('last-sync').waitFor({ timeout: 120_000 });
		await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
			timeout: 60_000
		});
		await page.close();
	} finally {
		// Disconnects; the browser stays up for Lighthouse.
		await connected.close();
	}
}

async function connect(port) {
	for (let attempt = 0; ; attempt++) {
		try {
			return await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
		} catch (error) {
			if (attempt > 50) throw error;
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

async function auditOnce(url, port, output) {
	const cli = join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js');
	const flags = [
		url,
		`--port=${port}`,
		'--only-categories=performance',
		'--disable-storage-reset',
		'--output=json',
		`--output-path=${output}`,
		'--quiet'
	];
	await run('npx', ['-y', '-p', 'node@24', 'node', cli, ...flags], { maxBuffer: 64 * 1024 * 1024 });
	const report = JSON.parse(readFileSync(output, 'utf8'));
	const audit = (id) => report.audits[id]?.numericValue ?? Number.NaN;
	return {
		score: Math.round((report.categories.performance.score ?? 0) * 100),
		tbt: audit('total-blocking-time'),
		cls: audit('cumulative-layout-shift'),
		lcp: audit('largest-contentful-paint')
	};
}
