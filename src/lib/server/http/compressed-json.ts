import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this, gzip's own header and checksum cost about what it would save. */
const MIN_COMPRESSED_BYTES = 512;

/**
 * A JSON response, gzipped when the client accepts it (every browser does).
 * adapter-node compresses only the static files it built, so the sync
 * answers, by far the largest the server sends, are compressed here. Off the
 * event loop (zlib's thread pool), so one big page does not stall others.
 */
export async function compressedJson(
	request: Request,
	body: unknown,
	init: ResponseInit = {}
): Promise<Response> {
	const text = JSON.stringify(body);
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	headers.append('vary', 'accept-encoding');
	const accepts = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!accepts || text.length < MIN_COMPRESSED_BYTES)
		return new Response(text, { ...init, headers });
	headers.set('content-encoding', 'gzip');
	return new Response(await gzipAsync(text), { ...init, headers });
}
