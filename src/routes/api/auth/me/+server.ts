import { sessionInfo } from '$lib/server/auth/sessions';
import { ok } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** GET /api/auth/me → 200 SessionInfo (who is signed in, with their current roles), or 401. */
export const GET = signedIn(async (_event, session) => ok(sessionInfo(session)));

export const fallback = methodNotAllowed;
