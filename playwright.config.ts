import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts run their e2e tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// Room for a slow service-worker install (see waitForServiceWorker) on a busy machine.
	timeout: 120_000,
	// Every expectation waits for a state (a count, a text, an attribute) and passes the moment it holds;
	// this is only how long a busy two-core machine may take to get there (a sync of 140 imported
	// values took more than Playwright's default 5 s once, with another heavy process running).
	expect: { timeout: 30_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		serviceWorkers: 'allow',
		locale: 'sv-SE',
		trace: 'retain-on-failure',
		// A step that cannot happen fails with its own message, not at the end of the test's time.
		actionTimeout: 30_000,
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], channel: undefined },
			testIgnore: /bench-smoke/
		},
		// The benchmark's smoke run starts its own server and browser; it runs after the e2e tests, never between them.
		{ name: 'bench-smoke', testMatch: /bench-smoke/, dependencies: ['chromium'] }
	],
	webServer: {
		// The production build, as `npm start` runs it.
		command: 'node scripts/start.js',
		url: `http://localhost:${PORT}`,
		// A fresh in-memory database per run, so runs never see each other's edits.
		env: { PORT: String(PORT), HOST: '127.0.0.1', PGLITE_DATA_DIR: 'memory://' },
		reuseExistingServer: false,
		timeout: 60_000
	}
});
