// A second device of the bench user, in Node: it changes values through the
// server's sync API, as a colleague's tablet would, so the browser's next
// sync is an incremental pull of exactly those changes.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The protocol the app speaks, read from its source so the bench never sends an old one. */
export function protocolVersion() {
	const match = /PROTOCOL_VERSION = (\d+)/.exec(
		readFileSync('src/lib/domain/sync/sync-protocol.ts', 'utf8')
	);
	if (!match)
		throw new Error('PROTOCOL_VERSION hittades inte i src/lib/domain/sync/sync-protocol.ts');
	return Number(match[1]);
}

/** Signs in through the API as the app does; returns the session cookie to send with each request. */
export async function signIn(baseURL, user) {
	const login = await fetch(`${baseURL}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: baseURL },
		body: JSON.stringify({ email: user.email, password: user.password })
	});
	if (!login.ok)
		throw new Error(
			`Inloggningen som ${user.email} misslyckades: ${login.status} ${await login.text()}`
		);
	return login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

export async function otherDevice(baseURL, user) {
	const cookie = await signIn(baseURL, user);
	const clientId = randomUUID();
	return {
		/** Pushes one edit per row (a new value, based on the row's revision); returns the rows as changed. */
		async change(rows) {
			const now = new Date().toISOString();
			const changed = rows.map(({ serverRevision, row }) => ({
				serverRevision,
				row: { ...row, value: Math.round(((row.value ?? 0) + 1.3) * 10) / 10, updatedAt: now }
			}));
			const response = await fetch(`${baseURL}/api/sync`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: baseURL, cookie },
				body: JSON.stringify({
					protocol: protocolVersion(),
					clientId,
					lastRevision: 0,
					pageSize: 1,
					mutations: changed.map(({ serverRevision, row }) => ({
						mutationId: randomUUID(),
						entity: 'measurement',
						row,
						baseRevision: serverRevision,
						createdAt: now
					}))
				})
			});
			if (!response.ok)
				throw new Error(
					`Den andra enhetens synk misslyckades: ${response.status} ${await response.text()}`
				);
			const { outcomes } = await response.json();
			const notApplied = outcomes.filter((o) => o.result !== 'applied');
			if (notApplied.length > 0)
				throw new Error(
					`${notApplied.length} ändringar tillämpades inte: ${JSON.stringify(notApplied[0])}`
				);
			return changed.map((c) => c.row);
		}
	};
}

/** `count` rows of the app's local store, from position `offset` in id order, split into the row and its local bookkeeping. */
export async function localRows(page, offset, count) {
	return page.evaluate(
		async ({ offset, count }) => {
			const db = await new Promise((done, fail) => {
				const open = indexedDB.open('lagesbild');
				open.onsuccess = () => done(open.result);
				open.onerror = () => fail(open.error);
			});
			const rows = await new Promise((done) => {
				const request = db
					.transaction('measurements')
					.objectStore('measurements')
					.getAll(null, offset + count);
				request.onsuccess = () => done(request.result.slice(offset));
			});
			db.close();
			return rows.map(({ serverRevision, conflicts: _conflicts, ...row }) => ({
				serverRevision,
				row
			}));
		},
		{ offset, count }
	);
}
