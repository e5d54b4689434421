import { InvitationRequest } from '$lib/domain/access/auth';
import { getDatabase } from '$lib/server/database';
import { createInvitation, listInvitations } from '$lib/server/auth/invitations';
import { readJson } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** GET /api/invitations?organisation=<id> → {invitations: InvitationSummary[]}, newest first; for admins of that grouping. */
export const GET = signedIn(async ({ url }, session) =>
	listInvitations(await getDatabase(), session.roles, url.searchParams.get('organisation'))
);

/** POST /api/invitations InvitationRequest → 201 {url, expiresAt}; only an admin of the grouping invites to it. */
export const POST = signedIn(async ({ request }, session) => {
	const parsed = await readJson(request, InvitationRequest);
	if (!parsed.ok) return parsed.answer;
	return createInvitation(await getDatabase(), session, parsed.value);
});

export const fallback = methodNotAllowed;
