import * as z from 'zod/mini';
import { getDatabase } from '$lib/server/database';
import { applyRoundRequest } from '$lib/server/rounds/round-actions';
import { readJson } from '$lib/server/http/api';
import { methodNotAllowed, signedIn } from '$lib/server/http/route';

export const prerender = false;

/** POST /api/rounds: open or change a reporting round, approve and lock its year, or reopen it (admins). */
export const POST = signedIn(async ({ request }, session) => {
	// Parsed as JSON here; validated against RoundRequest in applyRoundRequest.
	const body = await readJson(request, z.unknown());
	if (!body.ok) return body.answer;
	return applyRoundRequest(
		await getDatabase(),
		{ name: session.user.name, roles: session.roles },
		body.value
	);
});

export const fallback = methodNotAllowed;
