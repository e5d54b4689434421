/**
 * Headers every response carries. The Content-Security-Policy is not here:
 * SvelteKit writes it (svelte.config.js), since only it knows the hashes of
 * its own inline scripts.
 */
const ALWAYS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Browsers ignore HSTS over http, and sending it on http://localhost would only confuse; so https only. */
const HTTPS_ONLY: Record<string, string> = {
	'strict-transport-security': 'max-age=31536000; includeSubDomains'
};

export function withSecurityHeaders(response: Response, url: URL): Response {
	const headers = { ...ALWAYS, ...(url.protocol === 'https:' ? HTTPS_ONLY : {}) };
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
