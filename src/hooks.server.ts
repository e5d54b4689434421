import { building } from '$app/environment';
import type { Handle, RequestEvent, ServerInit } from '@sveltejs/kit';
import { closeDatabase, getDatabase } from '$lib/server/database';
import { SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookie';
import { findSession, renewIfDue } from '$lib/server/auth/sessions';
import { NOT_SIGNED_IN, refusal, toResponse } from '$lib/server/http/api';
import { withSecurityHeaders } from '$lib/server/http/security-headers';

/**
 * Opens (migrates, seeds) the database when the server starts, so the first
 * sync does not wait for it and a broken database shows at start-up. Not while
 * `vite build` prerenders: nothing prerendered needs it.
 */
export const init: ServerInit = async () => {
	if (building) return;
	await getDatabase();
	closeOnShutdown();
};

/**
 * Every response gets the security headers. Every /api request is tied to
 * its session here, once: anonymous requests get 401 except on the few
 * routes meant for them (sign-in, invitations), so a new route is closed
 * unless it is listed below.
 */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.session = null;
	const response = building
		? await resolve(event)
		: isCrossSiteWrite(event)
			? toResponse(refusal(403, 'Anrop från en annan webbplats tas inte emot.'))
			: event.url.pathname.startsWith('/api/')
				? await handleApi(event, resolve)
				: await resolve(event);
	return withSecurityHeaders(response, event.url);
};

/** Route id → the methods anyone may call without a session. */
const PUBLIC_API: Record<string, readonly string[]> = {
	'/api/auth/login': ['POST'],
	'/api/health': ['GET'],
	'/api/invitations/[token]': ['GET', 'POST']
};

function isPublic(event: RequestEvent): boolean {
	return (
		event.route.id !== null && (PUBLIC_API[event.route.id]?.includes(event.request.method) ?? false)
	);
}

async function handleApi(
	event: RequestEvent,
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const db = await getDatabase();
	const token = event.cookies.get(SESSION_COOKIE);
	const session = token ? await findSession(db, token) : null;
	if (session && token) {
		event.locals.session = session;
		if (await renewIfDue(db, session)) setSessionCookie(event.cookies, event.url, token);
	}
	if (!session && !isPublic(event)) return unauthorized(event, token !== undefined);
	if (event.route.id === null) return toResponse(refusal(404, 'Det finns inget sådant API-anrop.'));
	return resolve(event);
}

/**
 * 401, and a cookie that names no valid session (expired, signed out
 * elsewhere) is cleared. Set by hand: SvelteKit adds cookies only to
 * responses that went through resolve().
 */
function unauthorized(event: RequestEvent, hadCookie: boolean): Response {
	const response = toResponse(refusal(401, NOT_SIGNED_IN));
	if (hadCookie) {
		const secure = event.url.protocol === 'https:';
		response.headers.append(
			'set-cookie',
			event.cookies.serialize(SESSION_COOKIE, '', {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure,
				maxAge: 0
			})
		);
	}
	return response;
}

/**
 * CSRF: a write sent by a page of another site is refused, on every path and
 * whatever its content type, in Swedish. It replaces SvelteKit's own check
 * (off in svelte.config.js: it answers in English plain text) and is
 * stricter: SvelteKit looks only at form content types. Besides SameSite=Lax
 * on the session cookie. A form content type (what a plain HTML form on
 * another site can send) without an Origin header is refused too, as
 * SvelteKit does; JSON without one comes from no browser form. Hosts are
 * compared, not whole origins: adapter-node without ORIGIN takes every
 * request for https, while a browser on http://localhost:3000 sends
 * Origin: http://localhost:3000.
 */
function isCrossSiteWrite(event: RequestEvent): boolean {
	if (['GET', 'HEAD', 'OPTIONS'].includes(event.request.method)) return false;
	if (event.request.headers.get('sec-fetch-site') === 'cross-site') return true;
	const origin = event.request.headers.get('origin');
	if (origin === null) return isFormContentType(event.request);
	return hostOf(origin) !== event.url.host;
}

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(type);
}

/** The host of an Origin header; null for "null" (sandboxed frames, file:) or anything unreadable. */
function hostOf(origin: string): string | null {
	try {
		return new URL(origin).host || null;
	} catch {
		return null;
	}
}

let shutdownHooked = false;

/**
 * adapter-node emits 'sveltekit:shutdown' after SIGTERM/SIGINT once requests
 * are done; PGlite left open keeps the process alive for about 12 s more.
 */
function closeOnShutdown(): void {
	if (shutdownHooked) return;
	shutdownHooked = true;
	process.on('sveltekit:shutdown', () => {
		void closeDatabase();
	});
}
