import { json } from '@sveltejs/kit';
import { demoDataPayload } from '$lib/server/demo-data';

// A few bytes the client checks at every start; the full data is fetched only when this changes.
export const prerender = true;

export function GET() {
	return json({ version: demoDataPayload().version });
}
