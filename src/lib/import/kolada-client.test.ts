import { describe, it, expect } from 'vitest';
import { fetchKoladaData, koladaDataUrls, normaliseKoladaBaseUrl, KoladaError, DEFAULT_KOLADA_BASE_URL, type KoladaProgress } from './kolada-client';
import { mapKoladaRows, KoladaEnvelope, type KoladaTarget } from '$lib/domain/kolada';
import { koladaSource } from '$lib/domain/import-diff';
import populationFixture from './fixtures/kolada-n01951-2023-2024.json';
import unemploymentPage1 from './fixtures/kolada-n03937-2023-2024-page1.json';
import unemploymentPage2 from './fixtures/kolada-n03937-2023-2024-page2.json';

/** A fetch that answers from the recorded fixtures and remembers what was asked; it never reaches the network. */
function fixtureFetch(routes: Record<string, unknown | ((url: URL) => Response)>) {
	const requested: string[] = [];
	const fake = (async (input: RequestInfo | URL) => {
		const url = new URL(String(input));
		requested.push(url.href);
		const key = url.pathname + (url.searchParams.get('page') ? `?page=${url.searchParams.get('page')}` : '');
		const route = routes[key];
		if (route === undefined) return new Response('Not found', { status: 404 });
		if (typeof route === 'function') return route(url);
		return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
	}) as typeof fetch;
	return { fetch: fake, requested };
}

const MEMBERS = new Map([
	['2421', { id: 'kommun-2421', name: 'Storuman' }],
	['2422', { id: 'kommun-2422', name: 'Sorsele' }],
	['2463', { id: 'kommun-2463', name: 'Åsele' }],
	['2506', { id: 'kommun-2506', name: 'Arjeplog' }]
]);
const CODES = ['0000', ...MEMBERS.keys()];
const online = () => true;
const population = KoladaEnvelope.parse(populationFixture);

function target(kpiId: string, overrides: Partial<KoladaTarget['indicator']> = {}): KoladaTarget {
	return {
		indicator: { id: 'an-ind', name: 'Indikator', unit: 'percent', genderBreakdown: false, scope: 'members', ...overrides },
		kpiId,
		members: MEMBERS,
		source: koladaSource(kpiId)
	};
}

describe('the recorded fixtures', () => {
	it('have the documented v3 shape', () => {
		for (const fixture of [population, unemploymentPage1, unemploymentPage2]) expect(KoladaEnvelope.safeParse(fixture).success).toBe(true);
	});
});

describe('fetchKoladaData with mapKoladaRows', () => {
	const path = '/v3/data/kpi/N03937/municipality/0000,2421,2422,2463,2506/year/2023,2024';

	it('follows next_url across pages and maps totals of members and Riket', async () => {
		const { fetch, requested } = fixtureFetch({ [path]: unemploymentPage1, [`${path}?page=2`]: unemploymentPage2 });
		const progress: KoladaProgress[] = [];
		const rows = await fetchKoladaData({ kpiId: 'N03937', municipalityCodes: CODES, years: [2024, 2023] }, { fetch, online, onProgress: (p) => progress.push(p) });
		expect(requested).toEqual([
			`https://api.kolada.se${path}?per_page=5000`,
			`https://api.kolada.se${path}?page=2&per_page=6`
		]);
		expect(rows).toHaveLength(10);
		expect(progress.at(-1)).toEqual({ fraction: 1, requestsDone: 1, requests: 1, rows: 10 });
		expect(progress.map((p) => p.fraction)).toEqual([...progress.map((p) => p.fraction)].sort((a, b) => a - b));

		const mapped = mapKoladaRows(rows, target('N03937'));
		expect(mapped.errors).toEqual([]);
		// Not split by gender: only T, so Sorsele's missing value for women is not even asked about.
		expect(mapped.values).toHaveLength(10);
		expect(mapped.values.every((v) => v.gender === 'T' && v.source === 'Kolada N03937' && v.status === 'final')).toBe(true);
		expect(mapped.values.find((v) => v.organisationId === 'riket' && v.year === 2024)?.value).toBe(6.9);
		expect(mapped.values.find((v) => v.organisationId === 'kommun-2421' && v.year === 2023)?.value).toBe(4.7);
		expect(mapped.missing).toEqual([]);
	});

	it('keeps women and men apart for an indicator split by gender, and a null value stays missing, never 0', async () => {
		const { fetch } = fixtureFetch({ [path]: unemploymentPage1, [`${path}?page=2`]: unemploymentPage2 });
		const rows = await fetchKoladaData({ kpiId: 'N03937', municipalityCodes: CODES, years: [2023, 2024] }, { fetch, online });
		const mapped = mapKoladaRows(rows, target('N03937', { genderBreakdown: true }));
		expect(mapped.values).toHaveLength(29);
		const sorsele2024 = mapped.values.filter((v) => v.organisationId === 'kommun-2422' && v.year === 2024);
		expect(sorsele2024.map((v) => [v.gender, v.value])).toEqual([
			['T', 4.2],
			['M', 4.6]
		]);
		expect(mapped.missing).toEqual([{ organisationId: 'kommun-2422', name: 'Sorsele', year: 2024, gender: 'K', status: 'Saknas' }]);
	});

	it('maps population by gender, ignoring other KPIs and municipalities that are not members', () => {
		const rows = [...population.values, { kpi: 'N01951', municipality: '0180', period: 2024, values: [{ gender: 'T' as const, value: 988943 }] }];
		const mapped = mapKoladaRows(rows, target('N01951', { unit: 'persons', genderBreakdown: true }));
		expect(mapped.values).toHaveLength(30);
		expect(mapped.ignored).toBe(1);
		expect(mapped.values.find((v) => v.organisationId === 'kommun-2463' && v.year === 2024 && v.gender === 'K')?.value).toBe(1301);
		expect(mapKoladaRows(population.values, target('N03937')).ignored).toBe(10);
	});

	it('refuses values that do not fit the indicator (population into a percent indicator)', () => {
		const mapped = mapKoladaRows(population.values, target('N01951'));
		expect(mapped.errors[0]).toBe('Riket 2023: procentsatsen 10\u00a0551\u00a0707,0 ligger utanför 0–100 – stämmer Kolada-id N01951 med indikatorns enhet?');
	});

	it('asks for at most 25 years per request', () => {
		const years = Array.from({ length: 27 }, (_, i) => 1998 + i);
		const urls = koladaDataUrls(DEFAULT_KOLADA_BASE_URL, { kpiId: 'N01951', municipalityCodes: ['2421', '0000'], years });
		expect(urls).toEqual([
			`https://api.kolada.se/v3/data/kpi/N01951/municipality/2421,0000/year/${years.slice(0, 25).join(',')}?per_page=5000`,
			'https://api.kolada.se/v3/data/kpi/N01951/municipality/2421,0000/year/2023,2024?per_page=5000'
		]);
	});

	it('uses the base URL setting', async () => {
		const { fetch, requested } = fixtureFetch({ '/kolada/v3/data/kpi/N01951/municipality/2421/year/2024': population });
		await fetchKoladaData({ kpiId: 'N01951', municipalityCodes: ['2421'], years: [2024] }, { fetch, online, baseUrl: 'https://spegel.example.se/kolada/v3/' });
		expect(requested).toEqual(['https://spegel.example.se/kolada/v3/data/kpi/N01951/municipality/2421/year/2024?per_page=5000']);
		expect(normaliseKoladaBaseUrl('ftp://x')).toEqual({ ok: false, error: 'Adressen ska börja med https://' });
		expect(normaliseKoladaBaseUrl('')).toEqual({ ok: true, url: DEFAULT_KOLADA_BASE_URL });
	});
});

describe('clear messages when Kolada cannot be used', () => {
	const request = { kpiId: 'N01951', municipalityCodes: ['2421'], years: [2024] };
	const path = '/v3/data/kpi/N01951/municipality/2421/year/2024';
	const failure = async (routes: Parameters<typeof fixtureFetch>[0], options: { online?: () => boolean } = {}) =>
		fetchKoladaData(request, { fetch: fixtureFetch(routes).fetch, online, ...options }).then(
			() => {
				throw new Error('expected a KoladaError');
			},
			(error: KoladaError) => error
		);

	it('offline', async () => {
		const error = await failure({}, { online: () => false });
		expect(error).toBeInstanceOf(KoladaError);
		expect(error.kind).toBe('offline');
		expect(error.message).toMatch(/inte ansluten till nätet/);
	});

	it('network failure', async () => {
		const error = await fetchKoladaData(request, { online, fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch }).catch((e) => e);
		expect(error.kind).toBe('network');
		expect(error.message).toMatch(/Kolada kunde inte nås/);
	});

	it('HTTP errors', async () => {
		expect((await failure({})).message).toMatch(/HTTP 404.*Kontrollera Kolada-id/);
		expect((await failure({ [path]: () => new Response('', { status: 503 }) })).message).toBe('Kolada har ett fel just nu (HTTP 503). Försök igen senare.');
		expect((await failure({ [path]: () => new Response('', { status: 429 }) })).message).toMatch(/för många frågor/);
	});

	it('malformed answers: not JSON, v2-shaped, broken rows, endless pages', async () => {
		expect((await failure({ [path]: () => new Response('<html>') })).message).toMatch(/inte JSON/);
		const v2 = { values: [], count: 0, next_page: null, page: 1 };
		expect(KoladaEnvelope.safeParse(v2).success).toBe(true); // no next_url: one page, nothing more
		expect((await failure({ [path]: { values: 'x', count: 1 } })).message).toMatch(/oväntat format \(values: /);
		const badRow = { values: [{ kpi: 'N01951', municipality: '2421', period: '2024', values: [] }], count: 1 };
		expect((await failure({ [path]: badRow })).message).toMatch(/oväntat format \(values\.0\.period/);
		const loop = { values: [], count: 0, next_url: `https://api.kolada.se${path}?per_page=5000` };
		expect((await failure({ [path]: loop })).message).toMatch(/sidorna tar aldrig slut/);
	});

	it('a request that cannot be made', async () => {
		await expect(fetchKoladaData({ ...request, kpiId: 'n1951' }, { online })).rejects.toThrow('Kolada-id ska se ut som N01951.');
		await expect(fetchKoladaData({ ...request, years: [] }, { online })).rejects.toThrow('Välj minst ett år.');
	});
});
