import { getDatabase } from '$lib/server/database';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { deleteSession } from '$lib/server/auth/sessions';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** POST /api/auth/logout → 204: the session is deleted on the server (the cookie alone no longer signs in) and the cookie cleared. */
export const POST = signedIn(async ({ cookies, url }, session) => {
	await deleteSession(await getDatabase(), session.tokenHash);
	clearSessionCookie(cookies, url);
	return { status: 204 };
});

export const fallback = methodNotAllowed;
