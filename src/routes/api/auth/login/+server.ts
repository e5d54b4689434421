import { json } from '@sveltejs/kit';
import { LoginRequest } from '$lib/domain/access/auth';
import { getDatabase } from '$lib/server/database';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { deleteSession } from '$lib/server/auth/sessions';
import { failedCheckAnswer, signIn } from '$lib/server/auth/sign-in';
import { readJson, toResponse } from '$lib/server/http/api';
import { clientAddress, methodNotAllowed } from '$lib/server/http/route';
import type { RequestHandler } from './$types';

export const prerender = false;

/** POST /api/auth/login {email, password} → 200 SessionInfo and the session cookie; 401, 429 or 503 otherwise. */
export const POST: RequestHandler = async (event) => {
	const parsed = await readJson(event.request, LoginRequest);
	if (!parsed.ok) return toResponse(parsed.answer);
	const db = await getDatabase();
	const result = await signIn(db, parsed.value, clientAddress(event));
	if (!result.ok) return toResponse(failedCheckAnswer(result));
	// Signing in again (perhaps as someone else) ends the session the browser had.
	if (event.locals.session) await deleteSession(db, event.locals.session.tokenHash);
	setSessionCookie(event.cookies, event.url, result.token);
	return json(result.session);
};

export const fallback = methodNotAllowed;
