import { getDatabase } from '$lib/server/database';
import { readAdminLog } from '$lib/server/reference/admin-log';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** GET /api/admin/log?organisation=<id>: who changed what in the grouping's plan, and when (its admins only). */
export const GET = signedIn(async ({ url }, session) =>
	readAdminLog(await getDatabase(), session.roles, url.searchParams.get('organisation'))
);

export const fallback = methodNotAllowed;
