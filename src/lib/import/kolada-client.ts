import * as z from 'zod/mini';
import { KoladaEnvelope, type KoladaDataRow } from '$lib/domain/kolada';

/**
 * Fetches values from Kolada's public API v3. The base URL is a setting
 * (Kolada has moved versions before); long year lists are split into
 * requests of at most 25 years, long municipality lists into requests of at
 * most 100, and every answer's `next_url` is followed until there is none.
 * Failures are KoladaErrors with a Swedish message meant for the user.
 */

export const DEFAULT_KOLADA_BASE_URL = 'https://api.kolada.se/v3';
/** Kolada refuses long year lists; about 25 years per request is accepted. */
export const MAX_YEARS_PER_REQUEST = 25;
export const MAX_MUNICIPALITIES_PER_REQUEST = 100;
const PER_PAGE = 5000;
const MAX_PAGES_PER_REQUEST = 500;

export type KoladaErrorKind = 'offline' | 'network' | 'http' | 'malformed' | 'aborted' | 'request';

export class KoladaError extends Error {
	constructor(
		message: string,
		readonly kind: KoladaErrorKind
	) {
		super(message);
		this.name = 'KoladaError';
	}
}

export type KoladaRequest = { kpiId: string; municipalityCodes: readonly string[]; years: readonly number[] };

export type KoladaProgress = { fraction: number; requestsDone: number; requests: number; rows: number };

export type KoladaClientOptions = {
	baseUrl?: string;
	fetch?: typeof fetch;
	onProgress?: (progress: KoladaProgress) => void;
	signal?: AbortSignal;
	/** Whether the device has a connection; the browser's navigator.onLine by default. */
	online?: () => boolean;
};

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
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'Adressen ska börja med https://' };
	if (url.search || url.hash) return { ok: false, error: 'Adressen ska inte ha något efter ? eller #' };
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
	if (status === 404) return `Kolada hittade inte det som efterfrågades (HTTP 404). Kontrollera Kolada-id (t.ex. N01951) och Kolada-adressen.`;
	if (status === 429) return `Kolada tar emot för många frågor just nu (HTTP 429). Vänta en stund och försök igen.`;
	if (status >= 500) return `Kolada har ett fel just nu (HTTP ${status}). Försök igen senare.`;
	return `Kolada svarade med ett fel (HTTP ${status}).`;
}

function describeIssues(error: z.core.$ZodError): string {
	const issue = error.issues[0];
	const path = issue.path.join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}

async function getPage(url: string, fetchFn: typeof fetch, signal: AbortSignal | undefined): Promise<KoladaEnvelope> {
	let response: Response;
	try {
		response = await fetchFn(url, { headers: { Accept: 'application/json' }, signal });
	} catch {
		if (signal?.aborted) throw new KoladaError('Hämtningen från Kolada avbröts.', 'aborted');
		throw new KoladaError(
			'Kolada kunde inte nås. Kontrollera nätanslutningen och Kolada-adressen, och försök igen.',
			'network'
		);
	}
	if (!response.ok) throw new KoladaError(httpMessage(response.status), 'http');
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new KoladaError(`Kolada svarade med något annat än data (inte JSON). Kontrollera att Kolada-adressen pekar på API v3 (${DEFAULT_KOLADA_BASE_URL}).`, 'malformed');
	}
	const parsed = KoladaEnvelope.safeParse(body);
	if (!parsed.success) {
		throw new KoladaError(
			`Kolada svarade i ett oväntat format (${describeIssues(parsed.error)}). Kontrollera att Kolada-adressen pekar på API v3 (${DEFAULT_KOLADA_BASE_URL}).`,
			'malformed'
		);
	}
	return parsed.data;
}

/** Every data row Kolada has for the KPI, municipalities and years asked for. */
export async function fetchKoladaData(request: KoladaRequest, options: KoladaClientOptions = {}): Promise<KoladaDataRow[]> {
	const online = options.online ?? (() => typeof navigator === 'undefined' || navigator.onLine);
	if (!online()) {
		throw new KoladaError(
			'Enheten är inte ansluten till nätet. Hämtning från Kolada kräver nät; allt som redan finns på enheten går att se och ändra som vanligt.',
			'offline'
		);
	}
	if (!/^[A-Z]\d{5}$/.test(request.kpiId)) throw new KoladaError('Kolada-id ska se ut som N01951.', 'request');
	if (request.years.length === 0) throw new KoladaError('Välj minst ett år.', 'request');
	if (request.municipalityCodes.length === 0) throw new KoladaError('Förbundet har inga medlemskommuner att hämta värden för.', 'request');

	const base = normaliseKoladaBaseUrl(options.baseUrl ?? DEFAULT_KOLADA_BASE_URL);
	if (!base.ok) throw new KoladaError(`Kolada-adressen i inställningarna fungerar inte: ${base.error}`, 'request');
	const fetchFn = options.fetch ?? fetch.bind(globalThis);
	const urls = koladaDataUrls(base.url, request);
	const rows: KoladaDataRow[] = [];
	const report = (requestsDone: number, partial: number) =>
		options.onProgress?.({ fraction: Math.min(1, (requestsDone + partial) / urls.length), requestsDone, requests: urls.length, rows: rows.length });
	report(0, 0);

	for (const [i, first] of urls.entries()) {
		const seen = new Set<string>();
		let url: string | null = first;
		let got = 0;
		while (url) {
			if (seen.has(url) || seen.size >= MAX_PAGES_PER_REQUEST) {
				throw new KoladaError('Kolada svarade i ett oväntat format (sidorna tar aldrig slut).', 'malformed');
			}
			seen.add(url);
			const page = await getPage(url, fetchFn, options.signal);
			rows.push(...page.values);
			got += page.values.length;
			report(i, page.count > 0 ? Math.min(1, got / page.count) : 1);
			// A relative link is read against the page it came from.
			url = page.next_url ? new URL(page.next_url, url).href : null;
		}
		report(i + 1, 0);
	}
	return rows;
}
