/**
 * Whether the browser believes it has a network, kept by the app's one
 * listener (app/lifecycle.svelte.ts). navigator.onLine can say "online"
 * behind a captive portal; a failed sync is what finds out for sure, and the
 * header says so from the sync's state.
 */
export const connection = $state({ online: true });
