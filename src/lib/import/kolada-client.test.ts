import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	fetchKoladaData,
	koladaDataUrls,
	normaliseKoladaBaseUrl,
	KoladaError,
	DEFAULT_KOLADA_BASE_URL,
	MAX_MUNICIPALITIES_PER_REQUEST,
	type KoladaProgress,
	type SecurityPolicyWatch
} from './kolada-client';
import {
	describeKoladaSkipped,
	mapKoladaRows,
	KoladaEnvelope,
	type KoladaTarget
} from '$lib/domain/files/kolada';
import { koladaSource } from '$lib/domain/files/import-diff';
import { allMunicipalities } from '$lib/seed/municipalities';
import populationFixture from './fixtures/kolada-n01951-2023-2024.json';
import unemploymentPage1 from './fixtures/kolada-n03937-2023-2024-page1.json';
import unemploymentPage2 from './fixtures/kolada-n03937-2023-2024-page2.json';
import thirtyMunicipalities from './fixtures/kolada-n01951-2024-riket-och-30-kommuner.json';
import withoutCount from './fixtures/kolada-n01951-2024-utan-count.json';
import countNull from './fixtures/kolada-n01951-2024-count-null.json';
import groupsAndUnknown from './fixtures/kolada-n03937-2024-grupper-och-okanda-id.json';
import deletedRows from './fixtures/kolada-n03937-2024-isdeleted.json';
import periodAsText from './fixtures/kolada-n03937-period-som-text.json';
import nextPage1 from './fixtures/kolada-n03937-2024-next-page-sida1.json';
import nextPage2 from './fixtures/kolada-n03937-2024-next-page-sida2.json';
import noValues from './fixtures/kolada-ovantat-format-utan-values.json';
import badPeriod from './fixtures/kolada-ovantat-format-period.json';

const notJson = readFileSync(
	path.resolve(import.meta.dirname, 'fixtures/kolada-inte-json.html'),
	'utf8'
);
const knownCodes = new Set(allMunicipalities().map((m) => m.kommunkod!));

/** A fetch that answers from the recorded fixtures and remembers what was asked; it never reaches the network. */
function fixtureFetch(routes: Record<string, unknown | ((url: URL) => Response)>) {
	const requested: string[] = [];
	const fake = (async (input: RequestInfo | URL) => {
		const url = new URL(String(input));
		requested.push(url.href);
		const key =
			url.pathname + (url.searchParams.get('page') ? `?page=${url.searchParams.get('page')}` : '');
		const route = routes[key];
		if (route === undefined) return new Response('Not found', { status: 404 });
		if (typeof route === 'function') return route(url);
		return new Response(JSON.stringify(route), {
			status: 200,
			headers: { 'content-type': 'application/json' }
		});
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
		indicator: {
			id: 'an-ind',
			name: 'Indikator',
			unit: 'percent',
			decimals: 1,
			genderBreakdown: false,
			scope: 'members',
			...overrides
		},
		kpiId,
		members: MEMBERS,
		knownCodes,
		source: koladaSource(kpiId)
	};
}

describe('the recorded fixtures', () => {
	it('have the documented v3 shape', () => {
		const usable = [
			population,
			unemploymentPage1,
			unemploymentPage2,
			thirtyMunicipalities,
			withoutCount,
			countNull,
			groupsAndUnknown,
			deletedRows,
			periodAsText,
			nextPage1,
			nextPage2
		];
		for (const fixture of usable) expect(KoladaEnvelope.safeParse(fixture).success).toBe(true);
		for (const fixture of [noValues, badPeriod])
			expect(KoladaEnvelope.safeParse(fixture).success).toBe(false);
	});
});

describe('fetchKoladaData with mapKoladaRows', () => {
	const path = '/v3/data/kpi/N03937/municipality/0000,2421,2422,2463,2506/year/2023,2024';

	it('follows next_url across pages and maps totals of members and Riket', async () => {
		const { fetch, requested } = fixtureFetch({
			[path]: unemploymentPage1,
			[`${path}?page=2`]: unemploymentPage2
		});
		const progress: KoladaProgress[] = [];
		const rows = await fetchKoladaData(
			{ kpiId: 'N03937', municipalityCodes: CODES, years: [2024, 2023] },
			{ fetch, online, onProgress: (p) => progress.push(p) }
		);
		expect(requested).toEqual([
			`https://api.kolada.se${path}?per_page=5000`,
			`https://api.kolada.se${path}?page=2&per_page=6`
		]);
		expect(rows).toHaveLength(10);
		expect(progress.at(-1)).toEqual({ fraction: 1, requestsDone: 1, requests: 1, rows: 10 });
		expect(progress.map((p) => p.fraction)).toEqual(
			[...progress.map((p) => p.fraction)].sort((a, b) => a - b)
		);

		const mapped = mapKoladaRows(rows, target('N03937'));
		expect(mapped.errors).toEqual([]);
		// Not split by gender: only T, so Sorsele's missing value for women is not even asked about.
		expect(mapped.values).toHaveLength(10);
		expect(
			mapped.values.every(
				(v) => v.gender === 'T' && v.source === 'Kolada N03937' && v.status === 'final'
			)
		).toBe(true);
		expect(mapped.values.find((v) => v.organisationId === 'riket' && v.year === 2024)?.value).toBe(
			6.9
		);
		expect(
			mapped.values.find((v) => v.organisationId === 'kommun-2421' && v.year === 2023)?.value
		).toBe(4.7);
		expect(mapped.missing).toEqual([]);
	});

	it('keeps women and men apart for an indicator split by gender, and a null value stays missing, never 0', async () => {
		const { fetch } = fixtureFetch({
			[path]: unemploymentPage1,
			[`${path}?page=2`]: unemploymentPage2
		});
		const rows = await fetchKoladaData(
			{ kpiId: 'N03937', municipalityCodes: CODES, years: [2023, 2024] },
			{ fetch, online }
		);
		const mapped = mapKoladaRows(rows, target('N03937', { genderBreakdown: true }));
		expect(mapped.values).toHaveLength(29);
		const sorsele2024 = mapped.values.filter(
			(v) => v.organisationId === 'kommun-2422' && v.year === 2024
		);
		expect(sorsele2024.map((v) => [v.gender, v.value])).toEqual([
			['T', 4.2],
			['M', 4.6]
		]);
		expect(mapped.missing).toEqual([
			{ organisationId: 'kommun-2422', name: 'Sorsele', year: 2024, gender: 'K', status: 'Saknas' }
		]);
	});

	it('maps population by gender, skipping other KPIs and municipalities that are not members', () => {
		const rows = [
			...population.values,
			{
				kpi: 'N01951',
				municipality: '0180',
				period: 2024,
				values: [{ gender: 'T' as const, value: 988943 }]
			}
		];
		const mapped = mapKoladaRows(
			rows,
			target('N01951', { unit: 'persons', decimals: 0, genderBreakdown: true })
		);
		expect(mapped.values).toHaveLength(30);
		expect(mapped.skipped.notMember).toBe(1);
		expect(
			mapped.values.find(
				(v) => v.organisationId === 'kommun-2463' && v.year === 2024 && v.gender === 'K'
			)?.value
		).toBe(1301);
		expect(mapKoladaRows(population.values, target('N03937')).skipped.otherKpi).toBe(10);
	});

	it('refuses values that do not fit the indicator (population into a percent indicator)', () => {
		const mapped = mapKoladaRows(population.values, target('N01951'));
		expect(mapped.errors[0]).toBe(
			'Riket 2023: procentsatsen 10\u00a0551\u00a0707,0 ligger utanför 0–100 – stämmer Kolada-id N01951 med indikatorns enhet?'
		);
	});

	it('asks a grouping of 30 members (and Riket) in requests of at most 25 ids, and merges the answers', async () => {
		const all = KoladaEnvelope.parse(thirtyMunicipalities);
		const codes = all.values.map((row) => row.municipality);
		expect(codes).toHaveLength(31);
		const requested: string[] = [];
		// The test server answers each request with the recorded rows of the ids it names, as Kolada does.
		const serve = (async (input: RequestInfo | URL) => {
			const url = new URL(String(input));
			requested.push(url.href);
			const ids = url.pathname.match(/\/municipality\/([^/]+)\//)![1].split(',');
			if (ids.length > 25) return new Response('{"error":"too many ids"}', { status: 400 });
			const values = all.values.filter((row) => ids.includes(row.municipality));
			return Response.json({ values, count: values.length, next_url: null });
		}) as typeof globalThis.fetch;
		const rows = await fetchKoladaData(
			{ kpiId: 'N01951', municipalityCodes: codes, years: [2024] },
			{ fetch: serve, online }
		);
		expect(MAX_MUNICIPALITIES_PER_REQUEST).toBe(25);
		expect(requested).toEqual([
			`https://api.kolada.se/v3/data/kpi/N01951/municipality/${codes.slice(0, 25).join(',')}/year/2024?per_page=5000`,
			`https://api.kolada.se/v3/data/kpi/N01951/municipality/${codes.slice(25).join(',')}/year/2024?per_page=5000`
		]);
		expect(rows).toEqual(all.values);
		const members = new Map(
			all.values
				.filter((r) => r.municipality !== '0000')
				.map((r) => [r.municipality, { id: `kommun-${r.municipality}`, name: r.municipality }])
		);
		const mapped = mapKoladaRows(rows, {
			...target('N01951', { unit: 'persons', decimals: 0 }),
			members
		});
		expect(mapped.errors).toEqual([]);
		expect(mapped.values).toHaveLength(31);
		expect(new Set(mapped.values.map((v) => v.organisationId)).size).toBe(31);
	});

	it('asks for at most 25 years per request', () => {
		const years = Array.from({ length: 27 }, (_, i) => 1998 + i);
		const urls = koladaDataUrls(DEFAULT_KOLADA_BASE_URL, {
			kpiId: 'N01951',
			municipalityCodes: ['2421', '0000'],
			years
		});
		expect(urls).toEqual([
			`https://api.kolada.se/v3/data/kpi/N01951/municipality/2421,0000/year/${years.slice(0, 25).join(',')}?per_page=5000`,
			'https://api.kolada.se/v3/data/kpi/N01951/municipality/2421,0000/year/2023,2024?per_page=5000'
		]);
	});

	it('uses the base URL setting', async () => {
		const { fetch, requested } = fixtureFetch({
			'/kolada/v3/data/kpi/N01951/municipality/2421/year/2024': population
		});
		await fetchKoladaData(
			{ kpiId: 'N01951', municipalityCodes: ['2421'], years: [2024] },
			{ fetch, online, baseUrl: 'https://spegel.example.se/kolada/v3/' }
		);
		expect(requested).toEqual([
			'https://spegel.example.se/kolada/v3/data/kpi/N01951/municipality/2421/year/2024?per_page=5000'
		]);
		expect(normaliseKoladaBaseUrl('ftp://x')).toEqual({
			ok: false,
			error: 'Adressen ska börja med https://'
		});
		expect(normaliseKoladaBaseUrl('')).toEqual({ ok: true, url: DEFAULT_KOLADA_BASE_URL });
	});
});

describe('Kolada v3 as it really answers: each recorded shape', () => {
	const fetchOne = (
		fixture: unknown,
		request = { kpiId: 'N01951', municipalityCodes: ['2421', '2463'], years: [2024] }
	) =>
		fetchKoladaData(request, {
			fetch: (async () => Response.json(fixture)) as typeof fetch,
			online
		});
	const persons = target('N01951', { unit: 'persons', decimals: 0 });

	it('an answer without count, in the envelope or the entries, is one whole page', async () => {
		const progress: KoladaProgress[] = [];
		const rows = await fetchKoladaData(
			{ kpiId: 'N01951', municipalityCodes: ['2421', '2463'], years: [2024] },
			{
				fetch: (async () => Response.json(withoutCount)) as typeof fetch,
				online,
				onProgress: (p) => progress.push(p)
			}
		);
		expect(mapKoladaRows(rows, persons).values.map((v) => [v.organisationId, v.value])).toEqual([
			['kommun-2421', 5790],
			['kommun-2463', 2745]
		]);
		expect(progress.at(-1)?.fraction).toBe(1);
	});

	it('count: null and status: null are read as absent', async () => {
		const rows = await fetchOne(countNull);
		const mapped = mapKoladaRows(rows, persons);
		expect(mapped.values.map((v) => v.value)).toEqual([5790, 2745]);
		expect(mapped.errors).toEqual([]);
	});

	it('municipality-group rows and unknown ids are skipped with a note; a region too', async () => {
		const rows = await fetchOne(groupsAndUnknown);
		const mapped = mapKoladaRows(rows, target('N03937'));
		expect(mapped.values.map((v) => [v.organisationId, v.value])).toEqual([
			['kommun-2421', 4.9],
			['kommun-2506', 3.8]
		]);
		expect(mapped.skipped).toMatchObject({
			groups: ['G124007', 'G33782'],
			unknown: ['9999'],
			otherArea: 1
		});
		expect(describeKoladaSkipped(mapped.skipped)).toEqual([
			'Kommungrupper (G124007, G33782) hoppas över: det är Koladas egna grupper, och förbundets värde räknas fram ur medlemmarnas.',
			'Okända kommunkoder (9999) hoppas över: de finns inte bland Sveriges 290 kommuner.',
			'1 rad för län eller regioner hoppas över.'
		]);
	});

	it('rows flagged isdeleted are dropped, never imported', async () => {
		const mapped = mapKoladaRows(await fetchOne(deletedRows), target('N03937'));
		expect(mapped.values.map((v) => [v.organisationId, v.value])).toEqual([['kommun-2421', 4.9]]);
		expect(describeKoladaSkipped(mapped.skipped)).toEqual([
			'2 rader som Kolada markerat som borttagna (isdeleted) hoppas över.'
		]);
	});

	it('period as text or as a number', async () => {
		const mapped = mapKoladaRows(await fetchOne(periodAsText), target('N03937'));
		expect(mapped.values.map((v) => [v.organisationId, v.year, v.value])).toEqual([
			['kommun-2421', 2023, 4.7],
			['kommun-2421', 2024, 4.9],
			['riket', 2024, 6.9]
		]);
	});

	it('follows v2’s next_page link as it follows next_url', async () => {
		const page = '/v3/data/kpi/N03937/municipality/2421,2463/year/2024';
		const { fetch, requested } = fixtureFetch({ [page]: nextPage1, [`${page}?page=2`]: nextPage2 });
		const rows = await fetchKoladaData(
			{ kpiId: 'N03937', municipalityCodes: ['2421', '2463'], years: [2024] },
			{ fetch, online }
		);
		expect(requested).toEqual([
			`https://api.kolada.se${page}?per_page=5000`,
			`https://api.kolada.se${page}?page=2&per_page=1`
		]);
		expect(mapKoladaRows(rows, target('N03937')).values.map((v) => v.value)).toEqual([4.9, 6.3]);
	});
});

describe('clear messages when Kolada cannot be used', () => {
	const request = { kpiId: 'N01951', municipalityCodes: ['2421'], years: [2024] };
	const path = '/v3/data/kpi/N01951/municipality/2421/year/2024';
	const failure = async (
		routes: Parameters<typeof fixtureFetch>[0],
		options: { online?: () => boolean } = {}
	) =>
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

	const failingFetch = (async () => {
		throw new TypeError('Failed to fetch');
	}) as typeof fetch;

	it('network failure', async () => {
		const error = await fetchKoladaData(request, { online, fetch: failingFetch }).catch((e) => e);
		expect(error.kind).toBe('network');
		expect(error.message).toBe(
			'Kolada kunde inte nås (inget svar från api.kolada.se). Kontrollera nätanslutningen och Kolada-adressen, och försök igen.'
		);
		// Another address: the message says the app may only reach Kolada's own.
		const elsewhere = await fetchKoladaData(request, {
			online,
			fetch: failingFetch,
			baseUrl: 'https://spegel.example.se/v3'
		}).catch((e) => e);
		expect(elsewhere.message).toMatch(
			/Kolada-adressen är https:\/\/spegel\.example\.se\/v3; appen får bara hämta från https:\/\/api\.kolada\.se/
		);
	});

	it('the connection lost during the fetch', async () => {
		let connected = true;
		const dropping = (async () => {
			connected = false;
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		const error = await fetchKoladaData(request, {
			online: () => connected,
			fetch: dropping
		}).catch((e) => e);
		expect(error.kind).toBe('offline');
		expect(error.message).toMatch(/Nätet försvann under hämtningen/);
	});

	it('a request the app’s Content-Security-Policy refuses', async () => {
		const refusing: SecurityPolicyWatch = {
			refused: (url) => url.startsWith('https://spegel.example.se/'),
			stop: () => {}
		};
		const error = await fetchKoladaData(request, {
			online,
			fetch: failingFetch,
			baseUrl: 'https://spegel.example.se/v3',
			watchSecurityPolicy: () => refusing
		}).catch((e) => e);
		expect(error.kind).toBe('csp');
		expect(error.message).toBe(
			'Appens säkerhetsinställning (Content-Security-Policy) stoppade anropet till https://spegel.example.se: appen får bara hämta från https://api.kolada.se. Välj standardadressen under Kolada-adress, eller be den som driftar appen lägga till adressen under connect-src.'
		);
	});

	it('HTTP errors', async () => {
		expect((await failure({})).message).toMatch(/HTTP 404.*Kontrollera Kolada-id/);
		expect((await failure({ [path]: () => new Response('', { status: 503 }) })).message).toBe(
			'Kolada har ett fel just nu (HTTP 503). Försök igen senare.'
		);
		expect((await failure({ [path]: () => new Response('', { status: 429 }) })).message).toMatch(
			/för många frågor/
		);
		expect((await failure({ [path]: () => new Response('', { status: 403 }) })).message).toBe(
			'Kolada nekade frågan (HTTP 403). Kontrollera Kolada-adressen.'
		);
		expect((await failure({ [path]: () => new Response('', { status: 418 }) })).message).toBe(
			'Kolada svarade med ett fel (HTTP 418).'
		);
	});

	it('malformed answers name what is wrong: not JSON, no values, a broken row, endless pages', async () => {
		const html = await failure({
			[path]: () => new Response(notJson, { status: 200, headers: { 'content-type': 'text/html' } })
		});
		expect(html.kind).toBe('malformed');
		expect(html.message).toBe(
			'Kolada svarade med något annat än data (inte giltig JSON, HTTP 200). Kontrollera att Kolada-adressen pekar på API v3 (https://api.kolada.se/v3).'
		);
		expect((await failure({ [path]: noValues })).message).toBe(
			'Kolada svarade i ett oväntat format: fältet values saknas. Kontrollera att Kolada-adressen pekar på API v3 (https://api.kolada.se/v3).'
		);
		expect((await failure({ [path]: badPeriod })).message).toMatch(
			/^Kolada svarade i ett oväntat format: fältet period i rad 1 har fel form \("tjugo"\)\./
		);
		expect((await failure({ [path]: { values: 'x', count: 1 } })).message).toMatch(
			/fältet values är text, men ska vara en lista/
		);
		const badGender = {
			values: [
				{ kpi: 'N01951', municipality: '2421', period: 2024, values: [{ gender: 'X', value: 1 }] }
			]
		};
		expect((await failure({ [path]: badGender })).message).toMatch(
			/fältet gender i värde 1 i rad 1 har ett okänt värde \("X"\)/
		);
		const loop = { values: [], count: 0, next_url: `https://api.kolada.se${path}?per_page=5000` };
		expect((await failure({ [path]: loop })).message).toMatch(/sidorna tar aldrig slut/);
	});

	it('a request that cannot be made', async () => {
		await expect(fetchKoladaData({ ...request, kpiId: 'n1951' }, { online })).rejects.toThrow(
			'Kolada-id ska se ut som N01951.'
		);
		await expect(fetchKoladaData({ ...request, years: [] }, { online })).rejects.toThrow(
			'Välj minst ett år.'
		);
	});
});
