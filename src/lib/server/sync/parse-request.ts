import { PROTOCOL_VERSION, SyncRequest, type SyncError } from '$lib/domain/sync/sync-protocol';

/** 500 mutations of long texts fit easily; anything bigger is refused before it is parsed. */
export const MAX_SYNC_BODY_BYTES = 5 * 1024 * 1024;

export type ParsedSyncRequest =
	{ ok: true; request: SyncRequest } | { ok: false; status: 400 | 409; body: SyncError };

/** Enough to find the faults; a payload with thousands of bad rows need not echo every one. */
const MAX_REPORTED_ISSUES = 50;

/**
 * Turns a request body into a SyncRequest, or into the 4xx answer that says
 * why not. Never throws: everything a client can send ends here as a 400 or
 * 409, before anything touches the database.
 */
export function parseSyncRequest(text: string): ParsedSyncRequest {
	const json = parseJson(text);
	if (!json.ok) return badRequest(`Ogiltig JSON: ${json.message}`);
	if (hasOtherProtocol(json.value)) {
		return {
			ok: false,
			status: 409,
			body: {
				error: `Appen och servern talar olika protokollversioner (servern kräver ${PROTOCOL_VERSION}). Ladda om appen.`
			}
		};
	}
	const result = SyncRequest.safeParse(json.value);
	if (!result.success) {
		const issues = result.error.issues.map(
			(issue) => `${formatPath(issue.path)}: ${issue.message}`
		);
		return badRequest('Anropet följer inte synkprotokollet.', issues);
	}
	const unstorable = findUnstorableText(result.data);
	if (unstorable.length > 0) {
		return badRequest(
			'Texten innehåller tecken som inte kan sparas (nolltecken eller trasiga UTF-16-par).',
			unstorable.map((p) => `${p}: otillåtet tecken`)
		);
	}
	return { ok: true, request: result.data };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		// Deeply nested input can also end here as a RangeError (stack overflow).
		return { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
}

/** An old or newer app says so with another protocol number; it needs a reload, not a list of field errors. */
function hasOtherProtocol(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.hasOwn(value, 'protocol') &&
		(value as { protocol: unknown }).protocol !== PROTOCOL_VERSION
	);
}

function badRequest(error: string, issues?: string[]): ParsedSyncRequest {
	const body: SyncError = issues ? { error, issues: limitIssues(issues) } : { error };
	return { ok: false, status: 400, body };
}

function limitIssues(issues: string[]): string[] {
	if (issues.length <= MAX_REPORTED_ISSUES) return issues;
	return [
		...issues.slice(0, MAX_REPORTED_ISSUES),
		`… och ${issues.length - MAX_REPORTED_ISSUES} fel till`
	];
}

function formatPath(path: readonly PropertyKey[]): string {
	return path.length === 0 ? '(anropet)' : path.map(String).join('.');
}

/**
 * PostgreSQL refuses two things zod lets through: the NUL character (in text
 * and jsonb) and unpaired UTF-16 surrogates (jsonb). Found here they are a
 * 400 with the field named, instead of a failed insert (500) mid-batch.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isStorable(text: string): boolean {
	return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

export function findUnstorableText(value: unknown, path = ''): string[] {
	if (typeof value === 'string') return isStorable(value) ? [] : [path || '(anropet)'];
	if (Array.isArray(value))
		return value.flatMap((item, i) => findUnstorableText(item, join(path, String(i))));
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).flatMap(([key, item]) =>
			findUnstorableText(item, join(path, key))
		);
	}
	return [];
}

function join(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}
