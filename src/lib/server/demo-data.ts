import { createHash } from 'node:crypto';
import { buildDemoData } from '$lib/seed/demo-data';

let cached: { body: string; version: string } | undefined;

/** The demo data as served to the client, with a version that changes whenever its content does. */
export function demoDataPayload(): { body: string; version: string } {
	if (!cached) {
		const body = JSON.stringify(buildDemoData());
		cached = { body, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
	}
	return cached;
}
