// `npm run bench -- --server`: scripted, signed-in devices syncing against the
// production build as fast as the server answers them, over real HTTP. Each
// device pushes a few edits of values only it edits and pulls everything
// the others changed since its last sync, as a device of a busy federation
// would, spread over the server instances as a load balancer would.
import { randomUUID } from 'node:crypto';
import { protocolVersion, signIn } from './other-client.js';

const PAGE_SIZE = 10_000;

/** One exchange with POST /api/sync; the answer as JSON (still in the wire format: its changes are columns). */
async function exchange(baseURL, cookie, body) {
	const response = await fetch(`${baseURL}/api/sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: baseURL, cookie },
		body: JSON.stringify(body)
	});
	if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 300)}`);
	return response.json();
}

/**
 * Every row the user can read and the revision to pull after, as a device
 * has them after its first sync: pulled once, untimed, and shared by every
 * load device (each of which would otherwise pull the same rows).
 */
async function pullEverything(baseURL, cookie, decode) {
	const rows = new Map();
	const clientId = randomUUID();
	let lastRevision = 0;
	for (;;) {
		const wire = await exchange(baseURL, cookie, {
			protocol: protocolVersion(),
			clientId,
			lastRevision,
			mutations: [],
			pageSize: PAGE_SIZE
		});
		const page = decode(wire);
		for (const change of page.changes)
			if (change.entity === 'measurement')
				rows.set(change.row.id, { row: change.row, revision: change.revision });
		lastRevision = page.lastRevision;
		if (!page.hasMore) return { rows, lastRevision };
	}
}

/**
 * The rows each device edits: whole (municipality, indicator) series dealt
 * out in turn, so no two devices ever edit the same value. Then every edit
 * must apply, and the server's final value of each row is the one its
 * device was last told was applied.
 */
function dealRows(rows, devices) {
	const series = new Map();
	for (const entry of rows.values()) {
		const key = `${entry.row.organisationId}|${entry.row.indicatorId}`;
		series.set(key, [...(series.get(key) ?? []), entry]);
	}
	const keys = [...series.keys()].sort();
	if (keys.length < devices)
		throw new Error(`${keys.length} serier räcker inte till ${devices} enheter.`);
	const dealt = Array.from({ length: devices }, () => []);
	keys.forEach((key, i) => dealt[i % devices].push(...series.get(key)));
	return dealt;
}

/** A device: its session, its rows and their revisions, the revision it has pulled up to, and what the server acknowledged. */
function loadDevice({ baseURL, cookie, rows, lastRevision, editsPerSync }) {
	const clientId = randomUUID();
	const own = rows.map((entry) => ({ ...entry }));
	const acknowledged = new Map();
	let cursor = 0;
	let pulledUpTo = lastRevision;
	const device = {
		acknowledged,
		/** Rows the device's syncs have pulled. */
		received: 0,
		/** One sync: push the next edits, pull until nothing more waits. Throws on any HTTP error or an edit not applied. */
		async sync() {
			const now = new Date().toISOString();
			const edited = Array.from(
				{ length: Math.min(editsPerSync, own.length) },
				() => own[cursor++ % own.length]
			);
			const mutations = edited.map((entry) => {
				const value = Math.round((((entry.row.value ?? 0) + 0.7) % 100) * 10) / 10;
				return {
					mutationId: randomUUID(),
					entity: 'measurement',
					row: { ...entry.row, value, updatedAt: now },
					baseRevision: entry.revision,
					createdAt: now
				};
			});
			let exchanges = 0;
			for (let body = mutations; ; body = []) {
				const answer = await exchange(baseURL, cookie, {
					protocol: protocolVersion(),
					clientId,
					lastRevision: pulledUpTo,
					mutations: body,
					pageSize: PAGE_SIZE
				});
				exchanges++;
				device.received += Object.values(answer.changes).reduce((sum, batch) => sum + batch.n, 0);
				for (const outcome of answer.outcomes) {
					const index = mutations.findIndex((m) => m.mutationId === outcome.mutationId);
					if (outcome.result !== 'applied')
						throw new Error(`en ändring gav ${outcome.result}: ${outcome.reason ?? ''}`);
					const entry = edited[index];
					entry.row = mutations[index].row;
					entry.revision = outcome.revision;
					acknowledged.set(entry.row.id, { value: entry.row.value, revision: outcome.revision });
				}
				pulledUpTo = answer.lastRevision;
				if (!answer.hasMore) return exchanges;
			}
		}
	};
	return device;
}

/**
 * Runs `devices` devices against `urls` (one per server instance) for
 * `seconds`, each syncing again as soon as its last sync ended. Returns the
 * syncs, their latencies (ms), the errors, and how many acknowledged edits
 * the server's final state does not hold.
 */
export async function runServerLoad({
	urls,
	user,
	devices,
	editsPerSync,
	seconds,
	decode,
	log,
	onStart = () => {}
}) {
	const cookies = [];
	for (let i = 0; i < devices; i++) cookies.push(await signIn(urls[i % urls.length], user));
	const { rows, lastRevision } = await pullEverything(urls[0], cookies[0], decode);
	const dealt = dealRows(rows, devices);
	const fleet = dealt.map((own, i) =>
		loadDevice({
			baseURL: urls[i % urls.length],
			cookie: cookies[i],
			rows: own,
			lastRevision,
			editsPerSync
		})
	);
	log(
		`  ${devices} enheter inloggade på ${urls.length} instans${urls.length > 1 ? 'er' : ''}, ${rows.size} värden, ${editsPerSync} ändringar per synk, ${seconds} s`
	);

	const latencies = [];
	const errors = [];
	let exchanges = 0;
	onStart();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const deadline = started + seconds * 1000;
	await Promise.all(
		fleet.map(async (device) => {
			while (performance.now() < deadline) {
				const begun = performance.now();
				try {
					const used = await device.sync();
					exchanges += used;
					latencies.push(performance.now() - begun);
				} catch (error) {
					errors.push(error instanceof Error ? error.message : String(error));
					// A failing server must not be hammered in a tight loop.
					await new Promise((r) => setTimeout(r, 100));
				}
			}
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	const { user: userCpu, system: systemCpu } = process.cpuUsage(cpuBefore);

	// Nothing lost: every row a device was told was applied holds that value, at that revision.
	const final = await pullEverything(urls[0], cookies[0], decode);
	let lost = 0;
	let acknowledged = 0;
	for (const device of fleet) {
		for (const [id, ack] of device.acknowledged) {
			acknowledged++;
			const stored = final.rows.get(id);
			if (stored?.row.value !== ack.value || stored.revision !== ack.revision) lost++;
		}
	}
	if (errors.length > 0)
		log(`  fel (${errors.length}), t.ex.: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
	const received = fleet.reduce((sum, device) => sum + device.received, 0);
	return {
		syncs: latencies.length,
		exchanges,
		elapsed,
		latencies,
		errors: errors.length,
		acknowledged,
		lost,
		received,
		loadCpuMs: (userCpu + systemCpu) / 1000
	};
}

export function percentile(values, p) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
