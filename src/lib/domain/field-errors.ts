import { safeParse, type core } from 'zod/mini';

/** Swedish messages per field, keyed by the field's path ("targets.0.value"); "" is the row as a whole. */
export type FieldErrors = Record<string, string>;

type Issue = { path: readonly PropertyKey[]; message: string };

/** The first message for each field: a form shows one sentence next to the field it concerns. */
export function fieldErrorsOf(issues: readonly Issue[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = issue.path.map(String).join('.');
		errors[key] ??= issue.message;
	}
	return errors;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

/** Validates a form's row with the entity's own schema, the same the server applies. */
export function checkFields<T>(schema: core.$ZodType<T>, value: unknown): Checked<T> {
	const result = safeParse(schema, value);
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, fieldErrors: fieldErrorsOf(result.error.issues) };
}
