import type { LoginRequest, SessionInfo } from '$lib/domain/access/auth';
import { apiRequest, ignoreBody } from './request';

/**
 * The session schema, loaded when there is an answer to check: it brings zod,
 * which the app opening from the local store does without (docs/benchmarks.md).
 */
async function readSession(body: unknown): Promise<SessionInfo> {
	return (await import('$lib/domain/access/auth')).SessionInfo.parse(body);
}

/** Signs in with the server; the session cookie is HTTP-only, so the client only learns who it is. */
export const login = (credentials: LoginRequest) =>
	apiRequest('/api/auth/login', readSession, {
		method: 'POST',
		body: credentials,
		signsIn: true,
		offlineMessage: 'Ingen kontakt med servern. Inloggning kräver nät första gången.'
	});

export type SessionCheck =
	{ state: 'valid'; session: SessionInfo } | { state: 'expired' } | { state: 'unreachable' };

/** Asks the server whether the cookie still holds a session. "unreachable" is not "expired": offline work goes on. */
export async function checkSession(): Promise<SessionCheck> {
	const result = await apiRequest('/api/auth/me', readSession);
	if (result.ok) return { state: 'valid', session: result.value };
	return result.status === 401 ? { state: 'expired' } : { state: 'unreachable' };
}

/** Ends the session on the server; true when it is ended (or already was). */
export async function logoutOnServer(): Promise<boolean> {
	const result = await apiRequest('/api/auth/logout', ignoreBody, {
		method: 'POST',
		signsIn: true
	});
	return result.ok || result.status === 401;
}
