import { AcceptInvitationRequest } from '$lib/domain/access/auth';
import { getDatabase } from '$lib/server/database';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { acceptInvitation, describeInvitation } from '$lib/server/auth/invitations';
import { readJson, toResponse } from '$lib/server/http/api';
import { clientAddress, methodNotAllowed } from '$lib/server/http/route';
import type { RequestHandler } from './$types';

export const prerender = false;

/** GET /api/invitations/<token> → 200 InvitationInfo, 404 (no such link) or 410 (used or expired). Open to anyone holding the link. */
export const GET: RequestHandler = async ({ params }) =>
	toResponse(await describeInvitation(await getDatabase(), params.token));

/** POST /api/invitations/<token> AcceptInvitationRequest → 200 SessionInfo and the session cookie. */
export const POST: RequestHandler = async (event) => {
	const parsed = await readJson(event.request, AcceptInvitationRequest);
	if (!parsed.ok) return toResponse(parsed.answer);
	const { token, ...answer } = await acceptInvitation(
		await getDatabase(),
		event.params.token,
		parsed.value,
		clientAddress(event)
	);
	if (token) setSessionCookie(event.cookies, event.url, token);
	return toResponse(answer);
};

export const fallback = methodNotAllowed;
