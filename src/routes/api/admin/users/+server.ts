import { getDatabase } from '$lib/server/database';
import { listUsers } from '$lib/server/auth/role-admin';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** GET /api/admin/users?organisation=<id> → {users: [{id, email, name, roles}]} with their roles in that grouping (admins only). */
export const GET = signedIn(async ({ url }, session) =>
	listUsers(await getDatabase(), session.roles, url.searchParams.get('organisation'))
);

export const fallback = methodNotAllowed;
