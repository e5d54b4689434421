// The measurements that run in Chromium, against the production build.
import { removeProfileDir } from './profile-dir.js';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];

const TABLET = { width: 1024, height: 768 };

/**
 * A Chromium with a profile on disk, as a tablet has: a fresh (incognito)
 * context keeps IndexedDB in memory under a small quota, and 1.7 million
 * values do not fit in it.
 */
export async function launchBrowser(baseURL, profileDir) {
	return chromium.launchPersistentContext(profileDir, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		baseURL,
		serviceWorkers: 'allow',
		locale: 'sv-SE',
		viewport: TABLET
	});
}

/** Samples the page's JS heap every 100 ms until stopped; returns the peak in bytes. */
export async function heapSampler(page) {
	const cdp = await page.context().newCDPSession(page);
	let peak = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			const { usedSize } = await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }));
			peak = Math.max(peak, usedSize);
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	return async () => {
		running = false;
		await loop;
		await cdp.detach().catch(() => {});
		return peak;
	};
}

/** Clicks "Synka nu" and resolves when the sync it started is over, with its duration in ms (timed in the page). */
export async function timedSync(page) {
	return page.evaluate(async () => {
		const button = document.querySelector('[data-testid="sync-now"]');
		const idle = () => button.textContent.trim() === 'Synka nu' && !button.disabled;
		while (!idle()) await new Promise((r) => setTimeout(r, 20));
		const started = performance.now();
		button.click();
		while (button.textContent.trim() !== 'Synkar…' && !button.disabled)
			await new Promise((r) => setTimeout(r, 5));
		while (!idle()) await new Promise((r) => setTimeout(r, 20));
		const elapsed = performance.now() - started;
		const error = document.querySelector('[data-testid="sync-error"]')?.textContent ?? null;
		if (error) throw new Error(`Synken misslyckades: ${error}`);
		return elapsed;
	});
}

/**
 * Fresh browsers, each with a new profile directory of its own: the pull and
 * its baseline each write into a browser that has never held the rows.
 * (Chromium keeps one LevelDB per origin and profile; in one that had held
 * and deleted 1.7 million rows, the same writes took two to three times as
 * long, and whichever side came second was the one slowed.)
 */
export function freshBrowsers(baseURL, root) {
	const open = new Map();
	let made = 0;
	return {
		async launch() {
			const dir = join(root, `profile-${++made}`);
			const context = await launchBrowser(baseURL, dir);
			open.set(context, dir);
			return context;
		},
		async close(context) {
			const dir = open.get(context);
			open.delete(context);
			await context.close();
			if (dir) await removeProfileDir(dir);
		},
		async closeAll() {
			for (const context of [...open.keys()]) await this.close(context);
			await removeProfileDir(root);
		}
	};
}

/**
 * The first pull of a new device, through the app's own paths: a person
 * signs in on a browser that has never run the app, and the app's first sync
 * fills its new, empty store. Timed in the page from the sync's first
 * request to the moment the sync is over; the app's deliberate wait of a
 * second after start-up before it syncs is not counted. Resolves once the
 * service worker controls the page too, as the later measurements need.
 */
export async function timedFirstPull(page, user) {
	await page.goto('/logga-in');
	await page.getByTestId('login-email').fill(user.email);
	await page.getByTestId('login-password').fill(user.password);
	await page.evaluate(() => {
		performance.clearResourceTimings();
		performance.setResourceTimingBufferSize(100_000);
		window.__firstPull = (async () => {
			const button = () => document.querySelector('[data-testid="sync-now"]');
			const running = () => button()?.textContent.trim() === 'Synkar…';
			while (!running()) await new Promise((r) => setTimeout(r, 5));
			while (running() || button().disabled) await new Promise((r) => setTimeout(r, 10));
			return performance.now();
		})();
	});
	await page.getByTestId('login-submit').click();
	// A refused sign-in would leave the wait for the sync below waiting for ever.
	await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 });
	const elapsed = await page.evaluate(async () => {
		const ended = await window.__firstPull;
		const error = document.querySelector('[data-testid="sync-error"]')?.textContent ?? null;
		if (error) throw new Error(`Synken misslyckades: ${error}`);
		const first = performance
			.getEntriesByType('resource')
			.find((e) => new URL(e.name).pathname === '/api/sync');
		if (!first) throw new Error('Synken skickade inget anrop.');
		return ended - first.startTime;
	});
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
		timeout: 60_000
	});
	return elapsed;
}

/** How many values the app's local store holds. */
export async function storedValueCount(page) {
	return page.evaluate(async () => {
		const db = await new Promise((done, fail) => {
			const open = indexedDB.open('lagesbild');
			open.onsuccess = () => done(open.result);
			open.onerror = () => fail(open.error);
		});
		const count = await new Promise((done) => {
			const request = db.transaction('measurements').objectStore('measurements').count();
			request.onsuccess = () => done(request.result);
		});
		db.close();
		return count;
	});
}

/**
 * The browser's own limit for the pull: the same rows, read back from the
 * app's store in chunks (untimed), written with plain IndexedDB puts in
 * `rawPage` (a page of the same origin in another fresh browser) into a new
 * database with the same key and indexes as the app's `measurements`, one
 * transaction per chunk. Only the writes are timed.
 */
export async function rawBulkWrite(appPage, rawPage, chunkSize = 10_000) {
	// The same key and indexes as the app's store has now, whatever its schema version.
	const schema = await appPage.evaluate(async () => {
		window.__benchApp = await new Promise((done, fail) => {
			const request = indexedDB.open('lagesbild');
			request.onsuccess = () => done(request.result);
			request.onerror = () => fail(request.error);
		});
		const store = window.__benchApp.transaction('measurements').objectStore('measurements');
		const indexes = [...store.indexNames]
			.map((name) => store.index(name))
			.map((i) => ({
				name: i.name,
				keyPath: i.keyPath,
				unique: i.unique,
				multiEntry: i.multiEntry
			}));
		return { keyPath: store.keyPath, indexes };
	});
	await rawPage.evaluate(async ({ keyPath, indexes }) => {
		await new Promise((done) => {
			const request = indexedDB.deleteDatabase('bench-raw');
			request.onsuccess = request.onerror = request.onblocked = done;
		});
		window.__raw = await new Promise((done, fail) => {
			const request = indexedDB.open('bench-raw', 1);
			request.onupgradeneeded = () => {
				const store = request.result.createObjectStore('measurements', { keyPath });
				for (const i of indexes)
					store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
			};
			request.onsuccess = () => done(request.result);
			request.onerror = () => fail(request.error);
		});
	}, schema);
	let written = 0;
	let elapsed = 0;
	let after = null;
	for (;;) {
		// Passed as JSON text: Playwright's copying of 10 000 objects took longer than writing them.
		const chunk = await appPage.evaluate(
			({ after, chunkSize }) =>
				new Promise((done) => {
					const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
					const request = window.__benchApp
						.transaction('measurements')
						.objectStore('measurements')
						.getAll(range, chunkSize);
					request.onsuccess = () =>
						done({
							json: JSON.stringify(request.result),
							count: request.result.length,
							last: request.result.at(-1)?.id ?? null
						});
				}),
			{ after, chunkSize }
		);
		if (chunk.count === 0) break;
		after = chunk.last;
		elapsed += await rawPage.evaluate(async (json) => {
			const rows = JSON.parse(json);
			const started = performance.now();
			await new Promise((done, fail) => {
				const tx = window.__raw.transaction('measurements', 'readwrite');
				const store = tx.objectStore('measurements');
				for (const row of rows) store.put(row);
				tx.oncomplete = done;
				tx.onerror = () => fail(tx.error);
			});
			return performance.now() - started;
		}, chunk.json);
		written += chunk.count;
	}
	await appPage.evaluate(() => window.__benchApp.close());
	await rawPage.evaluate(() => window.__raw.close());
	return { elapsed, written };
}

/**
 * Navigates inside the app (a client-side link, as a person clicking from
 * one indicator to the next) and times until the page has drawn every
 * member: the ranking table has one row per municipality.
 */
export async function timedIndicatorPage(page, href, { name, members }) {
	return page.evaluate(
		async ({ href, name, members }) => {
			const link = document.createElement('a');
			link.href = href;
			link.textContent = 'bench';
			document.querySelector('main').append(link);
			const drawn = () =>
				document.querySelector('h1')?.textContent.includes(name) &&
				document.querySelectorAll('[data-testid="ranking"] tbody tr').length >= members &&
				document.querySelector('[data-testid="small-multiples"]') !== null;
			const started = performance.now();
			link.click();
			await new Promise((done) => {
				const check = () => (drawn() ? done() : requestAnimationFrame(check));
				requestAnimationFrame(check);
			});
			// One more frame: the time includes painting what was rendered.
			await new Promise((r) => requestAnimationFrame(() => r()));
			return performance.now() - started;
		},
		{ href, name, members }
	);
}

/**
 * Plain IndexedDB reads beside the indicator page, timed one after the
 * other in a fresh transaction each: what the page's own query reads (the
 * indicator's slices for the shown gender, one record per year, when the
 * store has them; else its rows as older versions read them), and the
 * indicator's rows themselves through the [indicatorId+year] index, which is
 * what reading rows costs (every gender: the store keeps no gender index).
 */
export async function rawIndicatorRead(page, indicatorId) {
	return page.evaluate(async (indicatorId) => {
		const db = await new Promise((done, fail) => {
			const open = indexedDB.open('lagesbild');
			open.onsuccess = () => done(open.result);
			open.onerror = () => fail(open.error);
		});
		const timedGetAll = async (storeName, indexName, range) => {
			const started = performance.now();
			const store = db.transaction(storeName).objectStore(storeName);
			const source = indexName ? store.index(indexName) : store;
			const records = await new Promise((done) => {
				const request = source.getAll(range);
				request.onsuccess = () => done(request.result);
			});
			return { elapsed: performance.now() - started, records };
		};
		const sliced = db.objectStoreNames.contains('measurementSlices');
		const rowsStore = db.transaction('measurements').objectStore('measurements');
		const byGender = rowsStore.indexNames.contains('[indicatorId+gender+year]');
		const own = sliced
			? await timedGetAll(
					'measurementSlices',
					null,
					IDBKeyRange.bound([indicatorId, 'T', -Infinity], [indicatorId, 'T', Infinity])
				)
			: byGender
				? await timedGetAll(
						'measurements',
						'[indicatorId+gender+year]',
						IDBKeyRange.bound([indicatorId, 'T', -Infinity], [indicatorId, 'T', Infinity])
					)
				: await timedGetAll(
						'measurements',
						'[indicatorId+year]',
						IDBKeyRange.bound([indicatorId, -Infinity], [indicatorId, Infinity])
					);
		const rows = await timedGetAll(
			'measurements',
			'[indicatorId+year]',
			IDBKeyRange.bound([indicatorId, -Infinity], [indicatorId, Infinity])
		);
		db.close();
		const values = sliced
			? own.records.reduce((n, slice) => n + slice.organisationIds.length, 0)
			: own.records.length;
		return {
			elapsed: own.elapsed,
			records: own.records.length,
			values,
			rowsElapsed: rows.elapsed,
			rows: rows.records.length
		};
	}, indicatorId);
}

/** Counts every byte of the page's /api/sync exchanges (headers and bodies, as on the wire) while `action` runs. */
export async function countSyncBytes(page, action) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const requests = new Map();
	const entry = (id) =>
		requests.get(id) ??
		requests
			.set(id, { sentHeaders: 0, sentBody: 0, received: 0, receivedHeaders: 0, sync: false })
			.get(id);
	cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
		const e = entry(requestId);
		e.sync = new URL(request.url).pathname === '/api/sync';
		e.sentBody = request.postData ? Buffer.byteLength(request.postData) : 0;
		e.hasPostData = request.hasPostData;
	});
	cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
		entry(requestId).sentHeaders = Object.entries(headers).reduce(
			(n, [k, v]) => n + k.length + String(v).length + 4,
			40
		);
	});
	cdp.on('Network.responseReceivedExtraInfo', ({ requestId, headersText, headers }) => {
		entry(requestId).receivedHeaders = headersText
			? headersText.length
			: Object.entries(headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 20);
	});
	cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
		entry(requestId).received = encodedDataLength;
	});
	await action();
	await new Promise((r) => setTimeout(r, 200));
	const sync = [...requests.entries()].filter(([, e]) => e.sync);
	for (const [id, e] of sync) {
		if (e.sentBody === 0 && e.hasPostData) {
			const { postData } = await cdp
				.send('Network.getRequestPostData', { requestId: id })
				.catch(() => ({ postData: '' }));
			e.sentBody = Buffer.byteLength(postData);
		}
	}
	await cdp.detach().catch(() => {});
	const total = (pick) => sync.reduce((n, [, e]) => n + pick(e), 0);
	const sentBody = total((e) => e.sentBody);
	const sentHeaders = total((e) => e.sentHeaders);
	const receivedAll = total((e) => e.received);
	const receivedHeaders = total((e) => e.receivedHeaders);
	return {
		exchanges: sync.length,
		sent: sentBody + sentHeaders,
		received: receivedAll,
		bodies: sentBody + Math.max(0, receivedAll - receivedHeaders),
		total: sentBody + sentHeaders + receivedAll
	};
}

const DEFERRED_SCRIPTS_MS = 3000;
const READY_SIGNAL = 'lagesbild-bench-ready';

/**
 * Offline cold start: a new tab, no network, the CPU 4× slower, the app from
 * the service worker's cache. Timed in the page, from navigation start to
 * the moment the dashboard shows its first grouping link (the app renders
 * in the browser only, so what shows is hydrated and answers clicks).
 */
export async function coldStart(context, { throttle = 4 } = {}) {
	const page = await context.newPage();
	await page.addInitScript((signal) => {
		const ready = () => document.querySelector('main a[href^="/grupp/"]') !== null;
		const observer = new MutationObserver(() => {
			if (ready()) {
				observer.disconnect();
				requestAnimationFrame(() => {
					window.__benchReady = performance.now();
					console.debug(signal);
				});
			}
		});
		observer.observe(document, { childList: true, subtree: true });
	}, READY_SIGNAL);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
	await context.setOffline(true);
	try {
		// Heard as a console message: polling the page (waitForFunction) would have Playwright
		// evaluate its own script in the page while the app starts, 50 ms of the throttled CPU.
		const ready = page.waitForEvent('console', {
			predicate: (message) => message.text() === READY_SIGNAL,
			timeout: 60_000
		});
		await page.goto('/');
		await ready;
		// Code the app loads after the dashboard answers (the sync machinery) is fetched by then too.
		await page.waitForTimeout(DEFERRED_SCRIPTS_MS);
		const result = await page.evaluate(() => ({
			elapsed: window.__benchReady,
			// Where the time went: the shell's HTML, the last script fetched, DOMContentLoaded.
			phases: {
				html: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
				domContentLoaded:
					performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
				lastScript: Math.max(
					0,
					...performance
						.getEntriesByType('resource')
						.filter((e) => e.name.endsWith('.js'))
						.map((e) => e.responseEnd)
				)
			},
			controlled: navigator.serviceWorker.controller !== null,
			// Scripts requested before the dashboard was interactive, and every script of the first page.
			scripts: performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('.js') && e.startTime < window.__benchReady)
				.map((e) => new URL(e.name).pathname),
			allScripts: performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('.js'))
				.map((e) => new URL(e.name).pathname)
		}));
		if (!result.controlled) throw new Error('Kallstarten styrdes inte av service workern.');
		return result;
	} finally {
		await context.setOffline(false);
		await cdp.detach().catch(() => {});
		await page.close();
	}
}
