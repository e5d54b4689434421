import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Session } from '../auth/sessions';
import { NOT_SIGNED_IN, refusal, toResponse, type ApiAnswer } from './api';

/**
 * A route handler that needs a signed-in user. hooks.server.ts already
 * answers 401 to anonymous /api requests; checking again here keeps a
 * handler safe even if the hook's list of public routes is ever wrong.
 */
export function signedIn(
	handler: (event: RequestEvent, session: Session) => Promise<ApiAnswer | Response>
): RequestHandler {
	return async (event) => {
		const session = event.locals.session;
		if (!session) return toResponse(refusal(401, NOT_SIGNED_IN));
		const answer = await handler(event, session);
		return answer instanceof Response ? answer : toResponse(answer);
	};
}

/** For every method a route does not offer: 405 with a Swedish message rather than SvelteKit's English text. */
export const methodNotAllowed: RequestHandler = async ({ request }) =>
	toResponse(refusal(405, `Metoden ${request.method} stöds inte här.`));

/** The caller's IP for the sign-in brake; adapter-node reads it from the socket or ADDRESS_HEADER behind a proxy. */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'okänd';
	}
}
