import { describe, it, expect, beforeEach } from 'vitest';
import { createDemoTestDatabase } from '$lib/local-store/test-database';
import type { LagesbildDatabase, LocalMeasurement } from '$lib/local-store/database';
import { loadGroupingReference, measurementsOfIndicator } from '$lib/local-store/queries';
import { measurementId } from '$lib/domain/ids';
import { linkedKpiId } from '$lib/domain/files/kolada';
import { buildDemoData } from '$lib/seed/demo-data';
import { DEFAULT_KOLADA_BASE_URL } from './kolada-client';
import { koladaBaseUrl } from './settings';
import { ImportWorkflow, type ImportWorkflowOptions } from './import-workflow.svelte';
import unemploymentPage1 from './fixtures/kolada-n03937-2023-2024-page1.json';
import unemploymentPage2 from './fixtures/kolada-n03937-2023-2024-page2.json';

const MEAN_AGE = 'umearegionen-medelalder';
const UNEMPLOYMENT = 'akademi-norr-arbetsloshet';
const UMEA = 'kommun-2480';
const STORUMAN = 'kommun-2421';
const VINDELN = 'kommun-2404';
const THIS_YEAR = 2026;

const demo = buildDemoData();
// Each test starts from the demo grouping as a device holds it after its first sync.
let db: LagesbildDatabase;
beforeEach(async () => {
	db = await createDemoTestDatabase(demo);
});

/** A fetch that answers Kolada's two recorded pages of N03937 and remembers what was asked; it never reaches the network. */
function koladaFixtureFetch() {
	const requested: URL[] = [];
	const fetch = (async (input: RequestInfo | URL) => {
		const url = new URL(String(input));
		requested.push(url);
		const body = url.searchParams.get('page') === '2' ? unemploymentPage2 : unemploymentPage1;
		return new Response(JSON.stringify(body), {
			status: 200,
			headers: { 'content-type': 'application/json' }
		});
	}) as typeof globalThis.fetch;
	return { fetch, requested };
}

/**
 * The workflow as the import page makes it, over the demo grouping in the test
 * database. The page's live queries are read here once, and again by
 * `refresh()` (what a live query does by itself after a write or a sync).
 */
async function openImport(
	groupingId: string,
	indicatorId: string,
	options: Partial<ImportWorkflowOptions> = {}
) {
	const reference = await loadGroupingReference(db, groupingId);
	let stored: LocalMeasurement[] = [];
	let baseUrl = DEFAULT_KOLADA_BASE_URL;
	const workflow = new ImportWorkflow({
		database: db,
		reference: () => reference,
		stored: () => stored,
		koladaBaseUrl: () => baseUrl,
		editorName: () => 'Test Testsson',
		online: () => true,
		thisYear: THIS_YEAR,
		...options
	});
	const refresh = async () => {
		stored = workflow.seriesId ? await measurementsOfIndicator(db, workflow.seriesId) : [];
		baseUrl = await koladaBaseUrl(db);
	};
	workflow.selectIndicator(indicatorId);
	await refresh();
	return { workflow, refresh };
}

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

async function snapshot() {
	return { measurements: await db.measurements.toArray(), outbox: await db.outbox.toArray() };
}

describe('import workflow: a CSV file', () => {
	it('is read, planned against the stored values, and written with an outbox entry per value once confirmed', async () => {
		const { workflow, refresh } = await openImport('umearegionen', MEAN_AGE);
		const outboxBefore = await db.outbox.count();
		await workflow.chooseFile(
			csv('medelalder-1997.csv', 'Kommun;År;Medelålder\r\nUmeå;1997;38,2\r\nVindeln;1997;43,1\r\n')
		);

		expect(workflow.problem).toBeNull();
		expect(workflow.busy).toBe(false);
		expect(workflow.progress).toBeNull();
		expect(workflow.plan?.details).toBe(
			'medelalder-1997.csv: semikolonavgränsad, decimalkomma, UTF-8 utan BOM, 2 rader.'
		);
		expect(workflow.plan?.errors).toEqual([]);
		expect(workflow.diff?.counts).toEqual({
			new: 2,
			changed: 0,
			unchanged: 0,
			needsConfirmation: 0
		});
		expect(workflow.blocked).toBeNull();
		// Nothing is written before the user confirms.
		expect(await db.outbox.count()).toBe(outboxBefore);

		await workflow.confirm(false, false);
		expect(workflow.problem).toBeNull();
		const umea = await db.measurements.get(measurementId(MEAN_AGE, UMEA, 1997, 'T'));
		expect(umea).toMatchObject({
			value: 38.2,
			status: 'final',
			source: 'Fil medelalder-1997.csv',
			updatedBy: 'Test Testsson'
		});
		const outbox = (await db.outbox.toArray()).slice(outboxBefore);
		expect(outbox.map((e) => e.row.id).sort()).toEqual(
			[measurementId(MEAN_AGE, UMEA, 1997, 'T'), measurementId(MEAN_AGE, VINDELN, 1997, 'T')].sort()
		);
		expect(workflow.done).toEqual({
			message:
				'2 värden importerades till Medelålder (år) (Fil medelalder-1997.csv). De synkas till servern som andra ändringar.',
			href: `/grupp/umearegionen/registrera?indikator=${MEAN_AGE}&ar=1997`
		});
		expect(workflow.pending).toBeNull();
		expect(workflow.plan).toBeNull();

		// Read again, the same file changes nothing: its values are now the stored ones.
		await refresh();
		await workflow.chooseFile(
			csv('medelalder-1997.csv', 'Kommun;År;Medelålder\r\nUmeå;1997;38,2\r\nVindeln;1997;43,1\r\n')
		);
		expect(workflow.done).toBeNull();
		expect(workflow.diff?.counts).toEqual({
			new: 0,
			changed: 0,
			unchanged: 2,
			needsConfirmation: 0
		});
	});

	it('with a row in error imports nothing, even when the user confirms', async () => {
		const { workflow } = await openImport('umearegionen', MEAN_AGE);
		const before = await snapshot();
		// Values may be recorded up to next year, not later.
		await workflow.chooseFile(
			csv('medelalder-fel.csv', 'Kommun;År;Medelålder\r\nUmeå;1997;38,2\r\nVindeln;2028;43,1\r\n')
		);

		expect(workflow.plan?.errors).toEqual(['Rad 3: året 2028 ligger utanför 1960–2027']);
		expect(workflow.blocked).toBe(
			'1 rad har fel. Importen görs helt eller inte alls: rätta filen och läs in den igen.'
		);
		await workflow.confirm(true, true);
		expect(workflow.problem).toBe(
			'En rad kan inte importeras. Rätta filen och läs in den igen; inget har sparats.'
		);
		expect(workflow.done).toBeNull();
		expect(await snapshot()).toEqual(before);
	});

	it('larger than can be read is refused before it is read', async () => {
		const { workflow } = await openImport('umearegionen', MEAN_AGE);
		// A file's size is all that is looked at: a sparse 51 MB blob is never read.
		const huge = new File([new Uint8Array(51 * 1024 * 1024)], 'stor.csv');
		await workflow.chooseFile(huge);
		expect(workflow.problem).toBe(
			'Filen är 51 MB; högst 50 MB kan läsas in. Dela upp den per indikator eller år.'
		);
		expect(workflow.pending).toBeNull();
		expect(workflow.busy).toBe(false);
	});

	it('stays when another indicator is chosen, and is planned for that one; its column and format choices start over', async () => {
		const { workflow } = await openImport('umearegionen', MEAN_AGE);
		await workflow.chooseFile(
			csv('medelalder-1997.csv', 'Kommun;År;Värde\r\nUmeå;1997;38,200\r\nVindeln;1997;43,100\r\n')
		);
		expect(workflow.plan?.formatQuestion?.chosen).toBeNull();
		workflow.chooseNumberFormat(workflow.plan!.formatQuestion!.options[0].format);
		expect(workflow.plan?.formatQuestion?.chosen).not.toBeNull();

		workflow.selectIndicator('umearegionen-folkmangd');
		expect(workflow.indicator?.id).toBe('umearegionen-folkmangd');
		expect(workflow.numberFormat).toBeUndefined();
		expect(workflow.plan?.details).toContain('medelalder-1997.csv');
	});
});

describe('import workflow: Kolada', () => {
	it('fetches with the injected fetch, for Riket and every member, and previews what would change', async () => {
		const { fetch, requested } = koladaFixtureFetch();
		const { workflow } = await openImport('akademi-norr', UNEMPLOYMENT, { fetch });
		const before = await snapshot();
		workflow.kpiInput = ' n03937 ';
		workflow.fromYear = 2023;
		workflow.toYear = 2024;
		await workflow.fetchFromKolada();

		expect(workflow.problem).toBeNull();
		expect(requested[0].pathname).toMatch(
			/^\/v3\/data\/kpi\/N03937\/municipality\/0000,[\d,]+\/year\/2023,2024$/
		);
		expect(requested[1].searchParams.get('page')).toBe('2');
		expect(workflow.plan?.details).toBe('Kolada N03937: 10 rader hämtade.');
		expect(workflow.plan?.source.label).toBe('Kolada N03937');
		// Riket is new; the four members in the recording already hold SCB's figures, which differ.
		expect(workflow.diff?.counts).toEqual({
			new: 2,
			changed: 8,
			unchanged: 0,
			needsConfirmation: 8
		});
		expect(workflow.blocked).toBeNull();
		expect(workflow.busy).toBe(false);
		expect(workflow.progress).toBeNull();
		expect(await snapshot()).toEqual(before);
	});

	it('a failed fetch gives a Swedish message and changes nothing', async () => {
		const refused = (async () => new Response('fel', { status: 503 })) as typeof fetch;
		const { workflow } = await openImport('akademi-norr', UNEMPLOYMENT, { fetch: refused });
		const before = await snapshot();
		workflow.kpiInput = 'N03937';
		await workflow.fetchFromKolada();
		expect(workflow.problem).toBe('Kolada har ett fel just nu (HTTP 503). Försök igen senare.');
		expect(workflow.pending).toBeNull();
		expect(workflow.plan).toBeNull();
		expect(workflow.busy).toBe(false);
		expect(await snapshot()).toEqual(before);

		const unreachable = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		const second = (await openImport('akademi-norr', UNEMPLOYMENT, { fetch: unreachable }))
			.workflow;
		second.kpiInput = 'N03937';
		await second.fetchFromKolada();
		expect(second.problem).toBe(
			'Kolada kunde inte nås (inget svar från api.kolada.se). Kontrollera nätanslutningen och Kolada-adressen, och försök igen.'
		);
		expect(second.plan).toBeNull();
		expect(await snapshot()).toEqual(before);
	});

	it('asks nothing of Kolada for a KPI id or years it would not answer', async () => {
		const { fetch, requested } = koladaFixtureFetch();
		const { workflow } = await openImport('akademi-norr', UNEMPLOYMENT, { fetch });
		workflow.kpiInput = 'N0393';
		await workflow.fetchFromKolada();
		expect(workflow.problem).toBe('Kolada-id ska se ut som N01951.');

		workflow.kpiInput = 'N03937';
		workflow.fromYear = 2024;
		workflow.toYear = THIS_YEAR + 1;
		await workflow.fetchFromKolada();
		expect(workflow.problem).toBe(
			`Välj år mellan 1960 och ${THIS_YEAR}, från och med det första till och med det sista.`
		);
		expect(requested).toEqual([]);
	});

	it('a fetch stopped while it runs keeps nothing and says so', async () => {
		const hanging = ((_: RequestInfo | URL, init?: RequestInit) =>
			new Promise<Response>((_resolve, reject) =>
				init?.signal?.addEventListener('abort', () =>
					reject(new DOMException('Aborted', 'AbortError'))
				)
			)) as typeof fetch;
		const { workflow } = await openImport('akademi-norr', UNEMPLOYMENT, { fetch: hanging });
		workflow.kpiInput = 'N03937';
		const running = workflow.fetchFromKolada();
		expect(workflow.busy).toBe(true);
		expect(workflow.progress?.label).toMatch(/^Hämtar N03937 från Kolada/);
		workflow.cancelFetch();
		await running;
		expect(workflow.problem).toBe('Hämtningen från Kolada avbröts.');
		expect(workflow.pending).toBeNull();
		expect(workflow.busy).toBe(false);
	});

	it('choosing another indicator clears the preview: values fetched for one are never offered for another', async () => {
		const { fetch } = koladaFixtureFetch();
		const { workflow } = await openImport('akademi-norr', UNEMPLOYMENT, { fetch });
		workflow.kpiInput = 'N03937';
		workflow.fromYear = 2023;
		workflow.toYear = 2024;
		await workflow.fetchFromKolada();
		expect(workflow.plan).not.toBeNull();

		const other = workflow.indicators.find((i) => i.id !== UNEMPLOYMENT && i.scope !== 'grouping')!;
		workflow.selectIndicator(other.id);
		expect(workflow.pending).toBeNull();
		expect(workflow.plan).toBeNull();
		// The KPI typed for the first indicator does not carry over either.
		expect(workflow.kpiInput).not.toBe('N03937');
		workflow.selectIndicator(UNEMPLOYMENT);
		expect(workflow.plan).toBeNull();
		expect(workflow.diff).toBeNull();
		// Back on the first indicator, the field starts over from its link to Kolada, as it did when first chosen.
		expect(workflow.kpiInput).toBe(linkedKpiId(workflow.indicator!.source) ?? '');
	});

	it('keeps values from other sources unless the overwrite is confirmed', async () => {
		const storumanId = measurementId(UNEMPLOYMENT, STORUMAN, 2024, 'T');
		const scbValue = (await db.measurements.get(storumanId))!;
		expect(scbValue.source).toBe('SCB TAB3200');

		const first = await openImport('akademi-norr', UNEMPLOYMENT, {
			fetch: koladaFixtureFetch().fetch
		});
		Object.assign(first.workflow, { kpiInput: 'N03937', fromYear: 2023, toYear: 2024 });
		await first.workflow.fetchFromKolada();
		await first.workflow.confirm(false, false);
		expect(first.workflow.done?.message).toBe(
			'2 värden importerades till Arbetslöshet 20–64 år (Kolada N03937). 8 värden från andra källor behölls. De synkas till servern som andra ändringar.'
		);
		expect(await db.measurements.get(storumanId)).toMatchObject({
			value: scbValue.value,
			source: 'SCB TAB3200'
		});
		expect(
			await db.measurements.get(measurementId(UNEMPLOYMENT, 'riket', 2024, 'T'))
		).toMatchObject({ source: 'Kolada N03937' });

		const second = await openImport('akademi-norr', UNEMPLOYMENT, {
			fetch: koladaFixtureFetch().fetch
		});
		Object.assign(second.workflow, { kpiInput: 'N03937', fromYear: 2023, toYear: 2024 });
		await second.workflow.fetchFromKolada();
		expect(second.workflow.diff?.counts).toMatchObject({
			new: 0,
			changed: 8,
			unchanged: 2,
			needsConfirmation: 8
		});
		await second.workflow.confirm(true, false);
		expect(second.workflow.done?.message).toBe(
			'8 värden importerades till Arbetslöshet 20–64 år (Kolada N03937). De synkas till servern som andra ändringar.'
		);
		expect(await db.measurements.get(storumanId)).toMatchObject({
			value: 4.9,
			source: 'Kolada N03937'
		});
	});
});

describe('import workflow: the Kolada address', () => {
	it('is saved on the device, and a typed address that is no address is refused with the reason', async () => {
		const { workflow, refresh } = await openImport('akademi-norr', UNEMPLOYMENT);
		expect(workflow.baseUrlInput).toBe(DEFAULT_KOLADA_BASE_URL);
		workflow.baseUrlInput = 'ftp://kolada.example.se';
		await workflow.saveBaseUrl();
		expect(workflow.baseUrlMessage).toBe('Adressen ska börja med https://');
		expect(await koladaBaseUrl(db)).toBe(DEFAULT_KOLADA_BASE_URL);

		workflow.baseUrlInput = 'https://kolada-spegel.example.se/v3/';
		await workflow.saveBaseUrl();
		expect(workflow.baseUrlMessage).toBe('Sparat.');
		await refresh();
		expect(await koladaBaseUrl(db)).toBe('https://kolada-spegel.example.se/v3');
		// Once the saved address is read back, the form shows it as saved.
		expect(workflow.baseUrlInput).toBe('https://kolada-spegel.example.se/v3');
	});
});
