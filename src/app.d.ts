// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Session } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in user of an /api request, with their roles; null when anonymous (set in hooks.server.ts). */
			session: Session | null;
		}
		// interface PageData {}
		interface PageState {
			/** The indicator editor after creating an indicator: the page it moves to says it was saved. */
			indicatorSaved?: boolean;
		}
		// interface Platform {}
	}
}

export {};
