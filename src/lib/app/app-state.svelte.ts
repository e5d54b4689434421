import type { SessionInfo } from '$lib/domain/access/auth';

/**
 * App-wide state: whether the local store is open, who is signed in on this
 * device, and whether the server has said that person's session ended (work
 * goes on locally; syncing waits for a new sign-in).
 */
export const appState = $state({
	ready: false,
	session: null as SessionInfo | null,
	sessionExpired: false
});

export function editorName(): string {
	return appState.session?.user.name ?? 'Okänd användare';
}
