import { getDatabase } from '$lib/server/database';
import { revokeInvitation } from '$lib/server/auth/invitations';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** DELETE /api/invitations/id/<id> → 204: an admin of the invitation's grouping withdraws it (409 once it has been used). */
export const DELETE = signedIn(async ({ params }, session) =>
	revokeInvitation(await getDatabase(), session, params.id!)
);

export const fallback = methodNotAllowed;
