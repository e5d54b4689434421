import { getDatabase } from '$lib/server/database';
import { referenceUnlessUnchanged } from '$lib/server/reference/read';
import { ok } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/**
 * GET /api/reference → the goal trees of the user's groupings with their
 * `revision`. With ?since=<revision>: 304 and no body while that is still
 * the revision, else the full set again (never a partial one).
 */
export const GET = signedIn(async ({ url }, session) => {
	const since = url.searchParams.get('since');
	const data = await referenceUnlessUnchanged(
		await getDatabase(),
		session.roles,
		since !== null && /^\d{1,15}$/.test(since) ? Number(since) : null
	);
	if (data === null)
		return new Response(null, { status: 304, headers: { 'cache-control': 'private, no-cache' } });
	return { ...ok(data), headers: { 'cache-control': 'private, no-cache' } };
});

export const fallback = methodNotAllowed;
