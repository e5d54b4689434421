import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { compressedJson } from './compressed-json';

const big = { rows: Array.from({ length: 200 }, (_, i) => ({ id: `m:${i}`, value: i })) };
const asking = (encoding?: string) =>
	new Request('http://localhost/api/sync', {
		method: 'POST',
		headers: encoding ? { 'accept-encoding': encoding } : {}
	});

describe('compressedJson', () => {
	it('gzips a large answer for a client that accepts gzip, and the JSON survives', async () => {
		const response = await compressedJson(asking('gzip, deflate, br'), big);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(bytes.length).toBeLessThan(JSON.stringify(big).length / 3);
		expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(big);
	});

	it('sends plain JSON to a client that does not accept gzip, and small answers as they are', async () => {
		for (const response of [
			await compressedJson(asking(), big),
			await compressedJson(asking('gzip'), { ok: true })
		]) {
			expect(response.headers.get('content-encoding')).toBeNull();
			expect(response.headers.get('content-type')).toBe('application/json');
			expect(await response.json()).toBeTruthy();
		}
	});
});
