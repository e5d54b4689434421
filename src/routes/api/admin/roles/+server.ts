import { RoleChangeRequest } from '$lib/domain/access/auth';
import { getDatabase } from '$lib/server/database';
import { grantRole, revokeRole } from '$lib/server/auth/role-admin';
import { readJson } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** PUT /api/admin/roles {userId, assignment}: gives the role (admins of that grouping); giving it twice changes nothing. */
export const PUT = signedIn(async ({ request }, session) => {
	const parsed = await readJson(request, RoleChangeRequest);
	if (!parsed.ok) return parsed.answer;
	return grantRole(await getDatabase(), session, parsed.value);
});

/** DELETE /api/admin/roles {userId, assignment}: takes it away; never the grouping's last admin. */
export const DELETE = signedIn(async ({ request }, session) => {
	const parsed = await readJson(request, RoleChangeRequest);
	if (!parsed.ok) return parsed.answer;
	return revokeRole(await getDatabase(), session, parsed.value);
});

export const fallback = methodNotAllowed;
