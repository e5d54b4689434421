import { building } from '$app/environment';
import type { ServerInit } from '@sveltejs/kit';
import { closeDatabase, getDatabase } from '$lib/server/database';

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
