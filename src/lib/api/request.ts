import type { FieldErrors } from '$lib/domain/field-errors';

/**
 * Every call to the server goes through here and answers in one shape: the
 * value, or a Swedish message for the user (the server's own when it gave
 * one) with the per-field messages of a refused form. Never throws.
 */
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;
export type ApiFailure = {
	ok: false;
	/** The HTTP status, or null when the server could not be reached. */
	status: number | null;
	message: string;
	fieldErrors: FieldErrors;
};

export const OFFLINE_MESSAGE =
	'Servern kan inte nås just nu. Det kräver nät; försök igen när du är uppkopplad.';

export type RequestOptions = {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	body?: unknown;
	/** What to say when the server cannot be reached, if a plainer sentence fits the feature. */
	offlineMessage?: string;
	/** A 401 here is a wrong password or link, not an ended session (signing in, taking an invitation). */
	signsIn?: boolean;
};

let sessionEnded: () => void = () => {};

/**
 * Who to tell when the server says the session has ended (401): the app's
 * owner of the session (app/lifecycle.ts), which stops the sync and asks the
 * user to sign in again without touching what waits on the device.
 */
export function whenSessionEnds(handler: () => void): void {
	sessionEnded = handler;
}

/** For the sync transport, which reads its own answers (a 401 from the sync is the same news). */
export function reportSessionEnded(): void {
	sessionEnded();
}

export async function apiRequest<T>(
	url: string,
	read: (body: unknown) => T | Promise<T>,
	options: RequestOptions = {}
): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: options.method ?? 'GET',
			headers: options.body === undefined ? undefined : { 'content-type': 'application/json' },
			body: options.body === undefined ? undefined : JSON.stringify(options.body)
		});
	} catch {
		return failure(null, options.offlineMessage ?? OFFLINE_MESSAGE);
	}
	const body =
		response.status === 204 || response.status === 304
			? null
			: await response.json().catch(() => null);
	if (response.status === 401 && !options.signsIn) sessionEnded();
	if (!response.ok) return refused(response.status, body);
	try {
		return { ok: true, value: await read(body) };
	} catch {
		return failure(
			response.status,
			'Servern gav ett svar appen inte känner igen. Ladda om sidan och försök igen.'
		);
	}
}

function refused(status: number, body: unknown): ApiFailure {
	const { error, fieldErrors } = (body ?? {}) as { error?: unknown; fieldErrors?: unknown };
	const message =
		typeof error === 'string'
			? error
			: status === 401
				? 'Du behöver logga in igen. Inget av det du skrivit har gått förlorat.'
				: status >= 500
					? 'Något gick fel på servern. Försök igen om en stund.'
					: `Servern svarade ${status}.`;
	return failure(status, message, isFieldErrors(fieldErrors) ? fieldErrors : {});
}

function failure(
	status: number | null,
	message: string,
	fieldErrors: FieldErrors = {}
): ApiFailure {
	return { ok: false, status, message, fieldErrors };
}

function isFieldErrors(value: unknown): value is FieldErrors {
	return (
		typeof value === 'object' &&
		value !== null &&
		Object.values(value).every((v) => typeof v === 'string')
	);
}

/** For calls whose answer carries nothing the caller needs. */
export const ignoreBody = (): null => null;
