import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'lagesbild_session';
export const SESSION_DAYS = 30;
export const SESSION_MAX_AGE_SECONDS = SESSION_DAYS * 24 * 60 * 60;

/**
 * HttpOnly: scripts (and so an injected script) never see the token.
 * SameSite=Lax: other sites' forms and fetches do not carry it.
 * Secure only over https, so signing in still works on http://localhost.
 */
function cookieOptions(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(SESSION_COOKIE, token, { ...cookieOptions(url), maxAge: SESSION_MAX_AGE_SECONDS });
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, cookieOptions(url));
}
