import type { LoginRequest, SessionInfo } from '$lib/domain/auth';

/**
 * The session schema, loaded when there is an answer to check: it brings zod,
 * which the app opening from the local store does without (README "Benchmark").
 */
async function sessionSchema() {
	return (await import('$lib/domain/auth')).SessionInfo;
}

export type LoginResult = { ok: true; session: SessionInfo } | { ok: false; message: string };

/** Signs in with the server; the session cookie is HTTP-only, so the client only learns who it is. */
export async function login(credentials: LoginRequest, fetchImpl: typeof fetch = fetch): Promise<LoginResult> {
	try {
		const response = await fetchImpl('/api/auth/login', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(credentials)
		});
		const body = await response.json().catch(() => ({}));
		if (response.ok) return { ok: true, session: (await sessionSchema()).parse(body) };
		return { ok: false, message: typeof body?.error === 'string' ? body.error : `Inloggningen misslyckades (${response.status}).` };
	} catch {
		return { ok: false, message: 'Ingen kontakt med servern. Inloggning kräver nät första gången.' };
	}
}

export type SessionCheck = { state: 'valid'; session: SessionInfo } | { state: 'expired' } | { state: 'unreachable' };

/** Asks the server whether the cookie still holds a session. "unreachable" is not "expired": offline work goes on. */
export async function checkSession(fetchImpl: typeof fetch = fetch): Promise<SessionCheck> {
	try {
		const response = await fetchImpl('/api/auth/me');
		if (response.status === 401) return { state: 'expired' };
		if (!response.ok) return { state: 'unreachable' };
		return { state: 'valid', session: (await sessionSchema()).parse(await response.json()) };
	} catch {
		return { state: 'unreachable' };
	}
}

export async function logoutOnServer(fetchImpl: typeof fetch = fetch): Promise<boolean> {
	try {
		const response = await fetchImpl('/api/auth/logout', { method: 'POST' });
		return response.ok || response.status === 401;
	} catch {
		return false;
	}
}
