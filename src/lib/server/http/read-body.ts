export type BodyText = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'not-utf8' };

/**
 * Reads a request body as UTF-8 text, but never more than `maxBytes` of it:
 * a declared Content-Length over the limit is refused unread, and a body that
 * grows past it while streaming (a lying or missing header) is cut off.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'too-large' };
	if (!request.body) return { ok: true, text: '' };
	const bytes = await readAtMost(request.body, maxBytes);
	if (!bytes) return { ok: false, reason: 'too-large' };
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return { ok: false, reason: 'not-utf8' };
	}
}

async function readAtMost(
	body: ReadableStream<Uint8Array>,
	maxBytes: number
): Promise<Uint8Array | undefined> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
