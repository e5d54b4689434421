// The security headers every response carries, in one place for both the
// app's hook (src/lib/server/http/security-headers.ts: what SvelteKit
// answers, also under `vite dev` and in the unit tests) and the production
// server (scripts/start.js: also the files adapter-node serves before
// SvelteKit sees the request, such as the prerendered start page and the
// service worker). The Content-Security-Policy of pages is SvelteKit's own
// (svelte.config.js: only it knows its inline scripts' hashes); the one here
// is what every other response gets, which is what a prerendered page
// cannot say in its <meta> tag: that no other site may frame it.

/** @type {Readonly<Record<string, string>>} */
export const ALWAYS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** For responses SvelteKit does not give a policy of its own. */
export const DEFAULT_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

/** Browsers ignore HSTS over http, and sending it on http://localhost would only confuse; so https only. */
/** @type {Readonly<Record<string, string>>} */
export const HTTPS_ONLY = {
	'strict-transport-security': 'max-age=31536000; includeSubDomains'
};
