import { database, requestPersistentStorage } from './client';
import { readLocalSession, writeLocalSession, logoutPending } from '$lib/auth/local-session';
import { checkSession, logoutOnServer } from '$lib/auth/session-client';
import { appState } from '$lib/app-state.svelte';

export type StartupResult = { persisted: 'granted' | 'denied' | 'unsupported' };

/**
 * Opens the local store and the remembered session: enough for the app to
 * open offline. Everything that needs the server happens afterwards in
 * refreshFromServer, so a slow or missing network never holds up the start.
 */
export async function openLocalStore(): Promise<StartupResult> {
	const db = database();
	// Side by side: asking for persistent storage can take a while, and opening does not depend on it.
	const [persisted] = await Promise.all([requestPersistentStorage().catch(() => 'unsupported' as const), db.open()]);
	appState.session = await readLocalSession(db);
	return { persisted };
}

/**
 * Online: finishes a sign-out made offline, checks that the session is still
 * valid (roles may have changed), and brings the user's reference data up to
 * date. An unreachable server leaves everything as it is.
 */
export async function refreshFromServer(): Promise<void> {
	if (logoutPending.get() && (await logoutOnServer())) logoutPending.clear();
	if (!appState.session) return;
	const check = await checkSession();
	if (check.state === 'expired') {
		appState.sessionExpired = true;
		return;
	}
	if (check.state === 'unreachable') return;
	appState.sessionExpired = false;
	appState.session = check.session;
	await writeLocalSession(database(), check.session);
	await refreshReferenceData();
}

let refreshing: Promise<void> | null = null;

/**
 * Brings the reference data up to date; calls made while one is under way
 * share it, so start-up and the first sync do not both fetch and rewrite
 * every reference table.
 */
export function refreshReferenceData(): Promise<void> {
	refreshing ??= fetchReferenceData().finally(() => (refreshing = null));
	return refreshing;
}

async function fetchReferenceData(): Promise<void> {
	// Loaded here, not imported: the reference schemas bring all of zod, which a page opening
	// from the local store does without (common.ts), so they stay off the first page.
	const [{ storeReferenceData, storedReferenceRevision }, { ReferenceData }] = await Promise.all([import('./reference-store'), import('$lib/domain/reference')]);
	const db = database();
	const since = await storedReferenceRevision(db);
	const response = await fetch(`/api/reference${since === null ? '' : `?since=${since}`}`).catch(() => null);
	if (!response || response.status === 304 || !response.ok) return;
	await storeReferenceData(db, ReferenceData.parse(await response.json()));
}
