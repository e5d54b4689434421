// Starts the production build: `npm run serve`, `npm start` (which builds
// first) and the container all run this file, not adapter-node's own
// build/index.js. It serves adapter-node's handler (build/handler.js; every
// setting of adapter-node's such as ORIGIN, ADDRESS_HEADER, XFF_DEPTH,
// PROTOCOL_HEADER, HOST_HEADER, BODY_SIZE_LIMIT works as documented there)
// from a plain Node HTTP server that first sets the security headers on
// every response: adapter-node serves the prerendered start page, the
// service worker and the other built files itself, without SvelteKit's
// hooks, so they would otherwise go out without X-Frame-Options, nosniff or
// a frame-ancestors policy. Also: HOST, PORT, SOCKET_PATH, SHUTDOWN_TIMEOUT,
// KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT (see docs/deployment.md). Systemd
// socket activation (LISTEN_FDS) is not supported.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { ALWAYS, DEFAULT_CSP, HTTPS_ONLY } from './security-headers.js';

if (!existsSync('build/handler.js')) {
	console.error(
		'Ingen bygg-katalog hittades. Kör "npm run build" först (eller "npm start", som bygger).'
	);
	process.exit(1);
}
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
// The sync endpoint takes up to 5 MB and answers larger bodies with a Swedish message; adapter-node's own default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';

// Read after the defaults above: the handler reads its settings when it is loaded.
const { handler } = await import('../build/handler.js');

/** Whether the request reached us over https, decided as adapter-node decides the URL's protocol. */
function isHttps(request) {
	if (process.env.ORIGIN) return process.env.ORIGIN.startsWith('https:');
	const header = process.env.PROTOCOL_HEADER?.toLowerCase();
	return (header ? request.headers[header] : undefined) !== 'http';
}

function setSecurityHeaders(request, response) {
	for (const [name, value] of Object.entries(ALWAYS)) response.setHeader(name, value);
	if (isHttps(request))
		for (const [name, value] of Object.entries(HTTPS_ONLY)) response.setHeader(name, value);
	// A page SvelteKit renders brings its own policy, which replaces this one.
	response.setHeader('content-security-policy', DEFAULT_CSP);
}

const server = http.createServer((request, response) => {
	setSecurityHeaders(request, response);
	handler(request, response, () => {
		response.statusCode = 404;
		response.end('Hittades inte.');
	});
});
const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);
if (seconds('KEEP_ALIVE_TIMEOUT') !== undefined)
	server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT');
if (seconds('HEADERS_TIMEOUT') !== undefined) server.headersTimeout = seconds('HEADERS_TIMEOUT');

const socketPath = process.env.SOCKET_PATH;
server.listen(
	socketPath ? { path: socketPath } : { host: process.env.HOST, port: Number(process.env.PORT) },
	() => {
		const where = socketPath ?? `http://localhost:${process.env.PORT}`;
		console.log(`\nLägesbild körs: öppna ${where} i webbläsaren (avsluta med Ctrl+C).\n`);
	}
);

/**
 * SIGTERM (a container stopping) or Ctrl+C: no new requests, the ones under
 * way finish (at most SHUTDOWN_TIMEOUT seconds, 30 unless set), then the app
 * closes its database ('sveltekit:shutdown', as adapter-node's own server
 * emits it; hooks.server.ts listens).
 */
let stopping = false;
function shutDown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(
		() => server.closeAllConnections(),
		(Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000
	).unref();
}
server.on('request', (request) =>
	request.on('close', () => stopping && server.closeIdleConnections())
);
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));
