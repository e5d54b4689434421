// Shared with the production server (scripts/start.js), which sets the same
// headers on the files adapter-node serves without asking SvelteKit.
import { ALWAYS, DEFAULT_CSP, HTTPS_ONLY } from '../../../../scripts/security-headers.js';

/**
 * Headers every response carries. A page's Content-Security-Policy is
 * SvelteKit's (svelte.config.js, with the hashes of its inline scripts);
 * any other response gets DEFAULT_CSP.
 */
export function withSecurityHeaders(response: Response, url: URL): Response {
	const headers: Record<string, string> = {
		...ALWAYS,
		...(url.protocol === 'https:' ? HTTPS_ONLY : {})
	};
	if (!response.headers.has('content-security-policy'))
		headers['content-security-policy'] = DEFAULT_CSP;
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		// Some responses (e.g. from fetch) have immutable headers: copy, then set.
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}
