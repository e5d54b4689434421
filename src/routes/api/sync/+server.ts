import { json } from '@sveltejs/kit';
import type { SyncError } from '$lib/domain/sync/sync-protocol';
import { getDatabase } from '$lib/server/database';
import { readBodyText } from '$lib/server/http/read-body';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';
import { MAX_SYNC_BODY_BYTES, parseSyncRequest } from '$lib/server/sync/parse-request';
import { applySync } from '$lib/server/sync/apply-sync';
import { encodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { compressedJson } from '$lib/server/http/compressed-json';

// A live endpoint: it must run on the server, never be written out at build time.
export const prerender = false;

/**
 * POST /api/sync: push the outbox, pull what changed, as the signed-in user
 * (401 without a session). A body that is too big, not JSON, not the
 * protocol or another protocol version is answered with 413/400/409 and
 * nothing is applied. Mutations the user may not make come back `rejected`.
 * The answer goes in the compact wire format (domain/sync/sync-wire.ts), gzipped.
 */
export const POST = signedIn(async ({ request }, session) => {
	const body = await readBodyText(request, MAX_SYNC_BODY_BYTES);
	if (!body.ok) {
		return body.reason === 'too-large'
			? fail(413, 'Anropet är för stort (högst 5 MB). Appen skickar ändringarna i mindre omgångar.')
			: fail(400, 'Ogiltig JSON: anropet är inte UTF-8.');
	}
	const parsed = parseSyncRequest(body.text);
	if (!parsed.ok) return json(parsed.body, { status: parsed.status });
	const response = await applySync(await getDatabase(), parsed.request, {
		name: session.user.name,
		roles: session.roles
	});
	return compressedJson(request, encodeSyncResponse(response));
});

function fail(status: number, error: string): Response {
	const body: SyncError = { error };
	return json(body, { status });
}

export const fallback = methodNotAllowed;
