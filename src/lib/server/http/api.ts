import { json } from '@sveltejs/kit';
// A core.$ZodType has no methods: the functional safeParse parses any schema.
import { safeParse, type core } from 'zod/mini';
import { readBodyText } from './read-body';
import { findUnstorableText } from '../sync/parse-request';
import { fieldErrorsOf } from '$lib/domain/field-errors';

/**
 * What a server operation answers, before it becomes a Response: services
 * return these, so they can be tested and composed without HTTP.
 */
export type ApiAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Every 4xx carries a Swedish `error` for the user, and optionally the field-level `issues` and `fieldErrors`. */
export function refusal(
	status: number,
	error: string,
	extra: Record<string, unknown> = {}
): ApiAnswer {
	return { status, body: { error, ...extra } };
}

export function ok(body: unknown, status = 200): ApiAnswer {
	return { status, body };
}

export function toResponse(answer: ApiAnswer): Response {
	if (answer.body === undefined)
		return new Response(null, { status: answer.status, headers: answer.headers });
	return json(answer.body, { status: answer.status, headers: answer.headers });
}

/** Admin forms and sign-in are small; anything larger is refused before it is parsed. */
export const MAX_API_BODY_BYTES = 256 * 1024;
const MAX_REPORTED_ISSUES = 20;

export type Parsed<T> = { ok: true; value: T } | { ok: false; answer: ApiAnswer };

/**
 * Reads a JSON body and validates it with its zod schema. Never throws:
 * whatever a client sends ends as a 400 or 413 before anything touches the
 * database, including text PostgreSQL cannot store (NUL characters, broken
 * surrogate pairs), which would otherwise fail as a 500 at the insert.
 */
export async function readJson<T>(request: Request, schema: core.$ZodType<T>): Promise<Parsed<T>> {
	const text = await readBodyText(request, MAX_API_BODY_BYTES);
	if (!text.ok) {
		return {
			ok: false,
			answer:
				text.reason === 'too-large'
					? refusal(413, 'Anropet är för stort.')
					: refusal(400, 'Anropet är inte UTF-8.')
		};
	}
	return parseJson(text.text, schema);
}

export function parseJson<T>(text: string, schema: core.$ZodType<T>): Parsed<T> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, answer: refusal(400, 'Ogiltig JSON.') };
	}
	return validate(value, schema);
}

export function validate<T>(value: unknown, schema: core.$ZodType<T>): Parsed<T> {
	const result = safeParse(schema, value);
	if (!result.success) {
		const issues = result.error.issues
			.slice(0, MAX_REPORTED_ISSUES)
			.map((issue) => `${issue.path.map(String).join('.') || '(anropet)'}: ${issue.message}`);
		// `fieldErrors` lets a form put each sentence next to its field; `issues` stays for scripts.
		return {
			ok: false,
			answer: refusal(400, 'Uppgifterna är inte giltiga.', {
				issues,
				fieldErrors: fieldErrorsOf(result.error.issues)
			})
		};
	}
	const unstorable = findUnstorableText(result.data);
	if (unstorable.length > 0) {
		return {
			ok: false,
			answer: refusal(400, 'Texten innehåller tecken som inte kan sparas.', {
				issues: unstorable.slice(0, MAX_REPORTED_ISSUES).map((p) => `${p}: otillåtet tecken`)
			})
		};
	}
	return { ok: true, value: result.data };
}

export const NOT_SIGNED_IN = 'Du är inte inloggad. Logga in och försök igen.';
