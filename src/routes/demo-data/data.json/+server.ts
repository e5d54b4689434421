import { demoDataPayload } from '$lib/server/demo-data';

// Prerendered so the service worker precaches it: a first start offline still gets the demo.
export const prerender = true;

export function GET() {
	return new Response(demoDataPayload().body, { headers: { 'content-type': 'application/json' } });
}
