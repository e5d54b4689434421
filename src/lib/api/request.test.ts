import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, OFFLINE_MESSAGE } from './request';

function answer(status: number, body?: unknown) {
	vi.stubGlobal(
		'fetch',
		vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }))
	);
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
	it('gives the value read from the body', async () => {
		answer(200, { n: 2 });
		expect(await apiRequest('/x', (b) => (b as { n: number }).n * 2)).toEqual({
			ok: true,
			value: 4
		});
	});

	it('gives the server’s Swedish message and field errors when it refuses', async () => {
		answer(400, { error: 'Uppgifterna är inte giltiga.', fieldErrors: { name: 'Namn saknas' } });
		expect(await apiRequest('/x', () => 1, { method: 'PUT', body: {} })).toEqual({
			ok: false,
			status: 400,
			message: 'Uppgifterna är inte giltiga.',
			fieldErrors: { name: 'Namn saknas' }
		});
	});

	it('says the server cannot be reached when the network fails, in the feature’s own words if given', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
		);
		expect(await apiRequest('/x', () => 1)).toMatchObject({
			ok: false,
			status: null,
			message: OFFLINE_MESSAGE
		});
		expect(await apiRequest('/x', () => 1, { offlineMessage: 'Kräver nät.' })).toMatchObject({
			message: 'Kräver nät.'
		});
	});

	it('never passes on an answer it cannot read, nor an English error page', async () => {
		answer(200, { unexpected: true });
		expect(
			await apiRequest('/x', () => {
				throw new Error('schema');
			})
		).toMatchObject({ ok: false, status: 200 });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response('<html>Internal Error</html>', { status: 502 }))
		);
		expect(await apiRequest('/x', () => 1)).toMatchObject({
			ok: false,
			status: 502,
			message: 'Något gick fel på servern. Försök igen om en stund.'
		});
	});
});
