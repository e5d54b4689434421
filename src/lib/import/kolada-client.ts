import type * as z from 'zod/mini';
import { KoladaEnvelope, nextPageLink, type KoladaDataRow } from '$lib/domain/files/kolada';

/**
 * Fetches values from Kolada's public API v3. The base URL is a setting
 * (Kolada has moved versions before); long year lists are split into
 * requests of at most 25 years, municipality lists into requests of at most
 * 25 ids (v3 refuses more in one path segment), and every answer's link to
 * the next page (`next_url`, or v2's `next_page`) is followed until there is
 * none. Failures are KoladaErrors with a Swedish message that names what went
 * wrong, meant for the user.
 */

export const DEFAULT_KOLADA_BASE_URL = 'https://api.kolada.se/v3';
/** Kolada refuses long year lists; about 25 years per request is accepted. */
export const MAX_YEARS_PER_REQUEST = 25;
/** v3 accepts at most 25 ids in one path segment. */
export const MAX_MUNICIPALITIES_PER_REQUEST = 25;
const PER_PAGE = 5000;
const MAX_PAGES_PER_REQUEST = 500;
/** How long a refused request may take to be reported by the browser as a policy violation. */
const POLICY_REPORT_WAIT_MS = 50;

export type KoladaErrorKind =
	'offline' | 'network' | 'csp' | 'http' | 'malformed' | 'aborted' | 'request';

export class KoladaError extends Error {
	constructor(
		message: string,
		readonly kind: KoladaErrorKind
	) {
		super(message);
		this.name = 'KoladaError';
	}
}

export type KoladaRequest = {
	kpiId: string;
	municipalityCodes: readonly string[];
	years: readonly number[];
};

export type KoladaProgress = {
	fraction: number;
	requestsDone: number;
	requests: number;
	rows: number;
};

export type KoladaClientOptions = {
	baseUrl?: string;
	fetch?: typeof fetch;
	onProgress?: (progress: KoladaProgress) => void;
	signal?: AbortSignal;
	/** Whether the device has a connection; the browser's navigator.onLine by default. */
	online?: () => boolean;
	/** Hears the browser refuse requests under the page's Content-Security-Policy; the document's events by default. */
	watchSecurityPolicy?: () => SecurityPolicyWatch;
};

export type SecurityPolicyWatch = { refused(url: string): boolean; stop(): void };

function sameOrigin(a: string, b: string): boolean {
	try {
		return new URL(a).origin === new URL(b).origin;
	} catch {
		return false;
	}
}

/** Listens for the browser's `securitypolicyviolation` events while a fetch runs. */
export function watchDocumentSecurityPolicy(): SecurityPolicyWatch {
	if (typeof document === 'undefined') return { refused: () => false, stop: () => {} };
	const blocked: string[] = [];
	const listener = (event: SecurityPolicyViolationEvent) => blocked.push(event.blockedURI);
	document.addEventListener('securitypolicyviolation', listener);
	return {
		refused: (url) => blocked.some((uri) => sameOrigin(uri, url)),
		stop: () => document.removeEventListener('securitypolicyviolation', listener)
	};
}

export type BaseUrlResult = { ok: true; url: string } | { ok: false; error: string };

/** Checks a base URL typed in the settings: http(s), no query, no trailing slash. */
export function normaliseKoladaBaseUrl(text: string): BaseUrlResult {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, url: DEFAULT_KOLADA_BASE_URL };
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return { ok: false, error: 'Skriv en hel adress, t.ex. https://api.kolada.se/v3' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return { ok: false, error: 'Adressen ska börja med https://' };
	if (url.search || url.hash)
		return { ok: false, error: 'Adressen ska inte ha något efter ? eller #' };
	return { ok: true, url: url.href.replace(/\/+$/, '') };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/** The first page of every request: `/data/kpi/{kpi}/municipality/{ids}/year/{years}`. */
export function koladaDataUrls(baseUrl: string, request: KoladaRequest): string[] {
	const base = baseUrl.replace(/\/+$/, '');
	const years = [...new Set(request.years)].sort((a, b) => a - b);
	const codes = [...new Set(request.municipalityCodes)];
	const urls: string[] = [];
	for (const codeChunk of chunk(codes, MAX_MUNICIPALITIES_PER_REQUEST)) {
		for (const yearChunk of chunk(years, MAX_YEARS_PER_REQUEST)) {
			urls.push(
				`${base}/data/kpi/${encodeURIComponent(request.kpiId)}/municipality/${codeChunk.join(',')}/year/${yearChunk.join(',')}?per_page=${PER_PAGE}`
			);
		}
	}
	return urls;
}

function httpMessage(status: number): string {
	if (status === 400) return `Kolada förstod inte frågan (HTTP 400). Kontrollera Kolada-id och år.`;
	if (status === 403) return `Kolada nekade frågan (HTTP 403). Kontrollera Kolada-adressen.`;
	if (status === 404)
		return `Kolada hittade inte det som efterfrågades (HTTP 404). Kontrollera Kolada-id (t.ex. N01951) och Kolada-adressen.`;
	if (status === 414) return `Kolada tyckte att frågan var för lång (HTTP 414). Välj färre år.`;
	if (status === 429)
		return `Kolada tar emot för många frågor just nu (HTTP 429). Vänta en stund och försök igen.`;
	if (status >= 500) return `Kolada har ett fel just nu (HTTP ${status}). Försök igen senare.`;
	return `Kolada svarade med ett fel (HTTP ${status}).`;
}

const EXPECTED: Record<string, string> = {
	number: 'ett tal',
	int: 'ett heltal',
	string: 'text',
	array: 'en lista',
	object: 'ett objekt',
	boolean: 'sant eller falskt'
};

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'en lista';
	return (
		{ string: 'text', number: 'ett tal', boolean: 'sant eller falskt', object: 'ett objekt' }[
			typeof value as string
		] ?? typeof value
	);
}

/** "values.2.period" → "fältet period i rad 3". */
function fieldName(path: readonly PropertyKey[]): string {
	const [top, row, ...rest] = path;
	if (path.length === 0) return 'svaret';
	if (top !== 'values' || typeof row !== 'number') return `fältet ${path.map(String).join('.')}`;
	if (rest.length === 0) return `rad ${row + 1}`;
	const [inner, entry, ...field] = rest;
	if (inner === 'values' && typeof entry === 'number') {
		return field.length === 0
			? `värde ${entry + 1} i rad ${row + 1}`
			: `fältet ${field.map(String).join('.')} i värde ${entry + 1} i rad ${row + 1}`;
	}
	return `fältet ${rest.map(String).join('.')} i rad ${row + 1}`;
}

/** The first thing wrong with an answer, in Swedish: "fältet period i rad 3 har fel form ("20x4")". */
export function describeShapeIssue(issue: z.core.$ZodIssue): string {
	const where = fieldName(issue.path);
	const input = (issue as { input?: unknown }).input;
	const shown =
		typeof input === 'string'
			? ` ("${input.slice(0, 40)}")`
			: typeof input === 'number'
				? ` (${input})`
				: '';
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined) return `${where} saknas`;
			return `${where} är ${kindOf(input)}, men ska vara ${EXPECTED[issue.expected] ?? issue.expected}`;
		case 'invalid_format':
			return `${where} har fel form${shown}`;
		case 'invalid_value':
			return `${where} har ett okänt värde${shown}`;
		default:
			return `${where} har ett oväntat värde${shown}`;
	}
}

type PageContext = {
	fetchFn: typeof fetch;
	signal: AbortSignal | undefined;
	online: () => boolean;
	watchPolicy: () => SecurityPolicyWatch;
	baseUrl: string;
};

async function fetchFailure(
	url: string,
	context: PageContext,
	watch: SecurityPolicyWatch
): Promise<KoladaError> {
	if (context.signal?.aborted) return new KoladaError('Hämtningen från Kolada avbröts.', 'aborted');
	// The browser reports a refusal under the policy as an event, not in the fetch's error; give it a moment to arrive.
	await new Promise((resolve) => setTimeout(resolve, POLICY_REPORT_WAIT_MS));
	if (watch.refused(url)) {
		return new KoladaError(
			`Appens säkerhetsinställning (Content-Security-Policy) stoppade anropet till ${new URL(url).origin}: appen får bara hämta från ${new URL(DEFAULT_KOLADA_BASE_URL).origin}. Välj standardadressen under Kolada-adress, eller be den som driftar appen lägga till adressen under connect-src.`,
			'csp'
		);
	}
	if (!context.online()) {
		return new KoladaError(
			'Nätet försvann under hämtningen från Kolada. Inget har sparats; försök igen när enheten är ansluten.',
			'offline'
		);
	}
	const elsewhere = !sameOrigin(context.baseUrl, DEFAULT_KOLADA_BASE_URL)
		? ` Kolada-adressen är ${context.baseUrl}; appen får bara hämta från ${new URL(DEFAULT_KOLADA_BASE_URL).origin} om inte den som driftar appen har lagt till fler adresser.`
		: '';
	return new KoladaError(
		`Kolada kunde inte nås (inget svar från ${new URL(url).host}). Kontrollera nätanslutningen och Kolada-adressen, och försök igen.${elsewhere}`,
		'network'
	);
}

async function getPage(url: string, context: PageContext): Promise<KoladaEnvelope> {
	let response: Response;
	const watch = context.watchPolicy();
	try {
		response = await context.fetchFn(url, {
			headers: { Accept: 'application/json' },
			signal: context.signal
		});
	} catch {
		throw await fetchFailure(url, context, watch);
	} finally {
		watch.stop();
	}
	if (!response.ok) throw new KoladaError(httpMessage(response.status), 'http');
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new KoladaError(
			`Kolada svarade med något annat än data (inte giltig JSON, HTTP ${response.status}). Kontrollera att Kolada-adressen pekar på API v3 (${DEFAULT_KOLADA_BASE_URL}).`,
			'malformed'
		);
	}
	const parsed = KoladaEnvelope.safeParse(body, { reportInput: true });
	if (!parsed.success) {
		throw new KoladaError(
			`Kolada svarade i ett oväntat format: ${describeShapeIssue(parsed.error.issues[0])}. Kontrollera att Kolada-adressen pekar på API v3 (${DEFAULT_KOLADA_BASE_URL}).`,
			'malformed'
		);
	}
	return parsed.data;
}

/** Every data row Kolada has for the KPI, municipalities and years asked for. */
export async function fetchKoladaData(
	request: KoladaRequest,
	options: KoladaClientOptions = {}
): Promise<KoladaDataRow[]> {
	const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine);
	if (!online()) {
		throw new KoladaError(
			'Enheten är inte ansluten till nätet. Hämtning från Kolada kräver nät; allt som redan finns på enheten går att se och ändra som vanligt.',
			'offline'
		);
	}
	if (!/^[A-Z]\d{5}$/.test(request.kpiId))
		throw new KoladaError('Kolada-id ska se ut som N01951.', 'request');
	if (request.years.length === 0) throw new KoladaError('Välj minst ett år.', 'request');
	if (request.municipalityCodes.length === 0)
		throw new KoladaError('Förbundet har inga medlemskommuner att hämta värden för.', 'request');

	const base = normaliseKoladaBaseUrl(options.baseUrl ?? DEFAULT_KOLADA_BASE_URL);
	if (!base.ok)
		throw new KoladaError(
			`Kolada-adressen i inställningarna fungerar inte: ${base.error}`,
			'request'
		);
	const context: PageContext = {
		fetchFn: options.fetch ?? fetch.bind(globalThis),
		signal: options.signal,
		online,
		watchPolicy: options.watchSecurityPolicy ?? watchDocumentSecurityPolicy,
		baseUrl: base.url
	};
	const urls = koladaDataUrls(base.url, request);
	const rows: KoladaDataRow[] = [];
	const report = (requestsDone: number, partial: number) =>
		options.onProgress?.({
			fraction: Math.min(1, (requestsDone + partial) / urls.length),
			requestsDone,
			requests: urls.length,
			rows: rows.length
		});
	report(0, 0);

	for (const [i, first] of urls.entries()) {
		const seen = new Set<string>();
		let url: string | null = first;
		let got = 0;
		while (url) {
			if (seen.has(url) || seen.size >= MAX_PAGES_PER_REQUEST) {
				throw new KoladaError(
					'Kolada svarade i ett oväntat format (sidorna tar aldrig slut).',
					'malformed'
				);
			}
			seen.add(url);
			const page = await getPage(url, context);
			rows.push(...page.values);
			got += page.values.length;
			const next = nextPageLink(page);
			// Without a count (v3 may leave it out) a request's progress is known only when its last page is in.
			report(i, page.count ? Math.min(1, got / page.count) : next ? 0 : 1);
			// A relative link is read against the page it came from.
			url = next ? new URL(next, url).href : null;
		}
		report(i + 1, 0);
	}
	return rows;
}
