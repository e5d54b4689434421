/* eslint-disable svelte/prefer-svelte-reactivity -- every Set and Map here is a value: built whole by a derivation
   or a call and never changed after (a new one replaces it), so Svelte's reactive collections would only add cost;
   the Date is read once, for the year the page was opened in. */
import { entryPath } from '$lib/paths/app-paths';
import type { LagesbildDatabase, LocalMeasurement } from '$lib/local-store/database';
import type { GroupingReference } from '$lib/local-store/queries';
import { applyImport } from '$lib/local-store/import';
import { decodeCsvBytes, parseCsvAsync } from '$lib/domain/files/csv';
import { formatNumber } from '$lib/domain/format';
import { NATIONAL_ID, NATIONAL_NAME } from '$lib/domain/ids';
import {
	diffImport,
	fileSource,
	idsNeedingConfirmation,
	koladaSource
} from '$lib/domain/files/import-diff';
import {
	planBlockedReason,
	planFileImport,
	planKoladaImport,
	type ImportPlan,
	type PendingFile
} from '$lib/domain/files/import-plan';
import {
	fileSizeProblem,
	importDoneMessage,
	importYears,
	koladaMembers,
	koladaMunicipalityCodes,
	koladaYears,
	readKoladaKpiId
} from '$lib/domain/files/import-rules';
import type { Indicator } from '$lib/domain/plan/indicator';
import { seriesOf } from '$lib/domain/plan/indicator';
import { linkedKpiId, type KoladaDataRow } from '$lib/domain/files/kolada';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import type { NumberFormat } from '$lib/domain/files/number-format';
import type { Organisation } from '$lib/domain/plan/organisation';
import { allMunicipalities } from '$lib/seed/municipalities';
import { fetchKoladaData, KoladaError } from './kolada-client';
import { setKoladaBaseUrl } from './settings';

/** What is waiting to be previewed: rows fetched from Kolada, or a file read into memory. Raw: never mutated, often large. */
export type PendingImport =
	| { kind: 'kolada'; kpiId: string; indicatorId: string; rows: KoladaDataRow[] }
	| ({ kind: 'file' } & PendingFile);

export type ImportWorkflowOptions = {
	/** The local store the import is written to (and the Kolada address saved in). */
	database: LagesbildDatabase;
	/**
	 * What the page reads from the local store, as getters: the page's live
	 * queries keep them current (a sync may change them while a preview is
	 * shown), and a test answers them from its own reads.
	 */
	reference: () => GroupingReference | null;
	/** The chosen indicator's stored values (of `seriesId`), which the import is compared with. */
	stored: () => readonly LocalMeasurement[];
	/** Kolada's address as saved on this device. */
	koladaBaseUrl: () => string;
	/** Who the written values are recorded as changed by. */
	editorName: () => string;
	/** Where the chosen indicator is kept (the page's address); the workflow's own state when left out. */
	indicatorChoice?: { get(): string | null; set(id: string): void };
	/** Kolada is reached with this fetch (tests answer with recorded responses). */
	fetch?: typeof fetch;
	/** Whether the device has a connection; the browser's own answer when left out. */
	online?: () => boolean;
	thisYear?: number;
	/** Every Swedish municipality: files and Kolada name municipalities across the country, not only this device's members. */
	municipalities?: readonly Organisation[];
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A file's bytes, with progress as they arrive. Streams, so it reads the same in a browser and in Node. */
async function readFileBytes(
	file: Blob,
	onProgress: (fraction: number) => void
): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	let read = 0;
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (read + value.length > bytes.length) throw new Error('filen ändrades medan den lästes');
		bytes.set(value, read);
		read += value.length;
		onProgress(bytes.length > 0 ? read / bytes.length : 1);
	}
	return read === bytes.length ? bytes : bytes.subarray(0, read);
}

/**
 * The import page's workflow, from choosing an indicator to the values being
 * written: a CSV file read (decoded and parsed, with progress) or values
 * fetched from Kolada (with progress; cancellable), the plan of what they
 * would write, its comparison with the stored values, why it cannot go ahead
 * yet, and the write itself once the user confirms. Nothing is written before
 * `confirm`; a refusal or failure is a Swedish sentence in `problem` and
 * changes nothing. The page renders this state and forwards the user's input.
 */
export class ImportWorkflow {
	readonly #options: ImportWorkflowOptions;
	readonly #choice: { get(): string | null; set(id: string): void };
	readonly thisYear: number;
	readonly #municipalities: readonly Organisation[];
	readonly #knownCodes: ReadonlySet<string>;
	#abort: AbortController | null = null;

	/** What is waiting to be previewed; replaced, never changed. */
	pending = $state.raw<PendingImport | null>(null);
	/** The file's value column, when the user chose one. */
	valueColumn = $state<string | undefined>(undefined);
	/** The user's answer when the value column's numbers can be read in more than one way. */
	numberFormat = $state.raw<NumberFormat | undefined>(undefined);
	progress = $state<{ label: string; fraction: number } | null>(null);
	problem = $state<string | null>(null);
	busy = $state(false);
	done = $state<{ message: string; href: string } | null>(null);
	fromYear = $state(0);
	toYear = $state(0);
	baseUrlMessage = $state<string | null>(null);
	#chosenIndicatorId = $state<string | null>(null);
	// Typed text, with what it was typed over: it stands until that changes (another indicator, a newly saved
	// address), but a sync that re-reads the same indicator or address must not wipe it.
	#kpiTyped = $state<{ indicatorId: string; linked: string; text: string } | null>(null);
	#baseUrlTyped = $state<{ saved: string; text: string } | null>(null);

	constructor(options: ImportWorkflowOptions) {
		this.#options = options;
		this.#choice = options.indicatorChoice ?? {
			get: () => this.#chosenIndicatorId,
			set: (id) => (this.#chosenIndicatorId = id)
		};
		this.thisYear = options.thisYear ?? new Date().getFullYear();
		this.fromYear = this.thisYear - 5;
		this.toYear = this.thisYear - 1;
		this.#municipalities = options.municipalities ?? allMunicipalities();
		this.#knownCodes = new Set(
			this.#municipalities.flatMap((m) => (m.kommunkod ? [m.kommunkod] : []))
		);
	}

	get reference(): GroupingReference | null {
		return this.#options.reference();
	}

	readonly indicators: Indicator[] = $derived(this.reference?.indicators ?? []);
	/** The indicator chosen, or the grouping's first. */
	readonly indicator: Indicator | undefined = $derived(
		this.indicators.find((i) => i.id === this.#choice.get()) ?? this.indicators[0]
	);
	/** The series whose stored values the import is compared with (`stored`). */
	readonly seriesId: string | undefined = $derived(
		this.indicator ? seriesOf(this.indicator) : undefined
	);

	#memberIds = $derived(new Set((this.reference?.memberships ?? []).map((m) => m.memberId)));
	// The server keeps a member's value only for years it was a member: other years are skipped in the preview.
	#memberInYear = $derived.by(() => {
		const memberships = this.reference?.memberships ?? [];
		return (organisationId: string, year: number) =>
			memberships.some((m) => m.memberId === organisationId && isMemberInYear(m, year));
	});
	/** Organisation id → name, for the preview's sentences and table. */
	readonly names: ReadonlyMap<string, string> = $derived(
		new Map([
			[NATIONAL_ID, NATIONAL_NAME],
			...(this.reference
				? [[this.reference.grouping.id, this.reference.grouping.name] as const]
				: []),
			...[...(this.reference?.members.values() ?? [])].map((org) => [org.id, org.name] as const)
		])
	);

	/** What the pending file or fetch would write to the chosen indicator; null when there is nothing for it. */
	readonly plan: ImportPlan | null = $derived.by(() => {
		const reference = this.reference;
		const { pending, indicator } = this;
		if (!pending || !indicator || !reference) return null;
		const context = { stored: this.#options.stored(), names: this.names };
		if (pending.kind === 'file') {
			const target = {
				indicator,
				grouping: reference.grouping,
				memberIds: this.#memberIds,
				memberInYear: this.#memberInYear,
				municipalities: this.#municipalities,
				source: fileSource(pending.name, indicator.source),
				years: importYears(this.thisYear)
			};
			return planFileImport(
				pending,
				target,
				{ valueColumn: this.valueColumn, numberFormat: this.numberFormat },
				context
			);
		}
		// Values fetched for another indicator are not offered for this one.
		if (pending.indicatorId !== indicator.id) return null;
		const target = {
			indicator,
			kpiId: pending.kpiId,
			members: koladaMembers(reference.members.values(), this.#memberIds),
			knownCodes: this.#knownCodes,
			memberInYear: this.#memberInYear,
			source: koladaSource(pending.kpiId)
		};
		return planKoladaImport(pending.rows, target, context);
	});

	/** The plan against the stored values: new, changed and unchanged values, and those that need the user's confirmation. */
	readonly diff = $derived.by(() => {
		const plan = this.plan;
		if (!plan) return null;
		return diffImport(
			plan.values,
			new Map(this.#options.stored().map((m) => [m.id, m])),
			plan.source
		);
	});

	/** Why the plan cannot be imported as it stands; null when only the user's confirmation is left. */
	readonly blocked: string | null = $derived(
		this.plan && this.pending ? planBlockedReason(this.plan, this.pending.kind) : null
	);

	/** The Kolada id the fetch asks for: the indicator's link to Kolada until the user types another. */
	get kpiInput(): string {
		const typed = this.#kpiTyped;
		const linked = this.#linkedKpi;
		return typed && typed.indicatorId === (this.indicator?.id ?? '') && typed.linked === linked
			? typed.text
			: linked;
	}
	set kpiInput(text: string) {
		this.#kpiTyped = { indicatorId: this.indicator?.id ?? '', linked: this.#linkedKpi, text };
	}
	get #linkedKpi(): string {
		return this.indicator ? (linkedKpiId(this.indicator.source) ?? '') : '';
	}

	/** Kolada's address in the settings form: the saved one until the user types another. */
	get baseUrlInput(): string {
		const saved = this.#options.koladaBaseUrl();
		return this.#baseUrlTyped?.saved === saved ? this.#baseUrlTyped.text : saved;
	}
	set baseUrlInput(text: string) {
		this.#baseUrlTyped = { saved: this.#options.koladaBaseUrl(), text };
	}

	/** Another indicator: a Kolada fetch (made for the previous one) and the file's choices start over; a file read stays. */
	selectIndicator(id: string): void {
		if (this.pending?.kind === 'kolada') this.pending = null;
		this.done = null;
		this.valueColumn = undefined;
		this.numberFormat = undefined;
		this.#kpiTyped = null;
		this.#choice.set(id);
	}

	/** Another value column: its numbers are read anew, so an answer about the previous column's format does not carry over. */
	chooseValueColumn(column: string): void {
		this.valueColumn = column;
		this.numberFormat = undefined;
	}

	chooseNumberFormat(format: NumberFormat): void {
		this.numberFormat = format;
	}

	/** Fetches the typed KPI for Riket and every member, for the chosen years; the rows wait in `pending` for the preview. */
	async fetchFromKolada(): Promise<void> {
		this.problem = null;
		this.done = null;
		const reference = this.reference;
		const indicator = this.indicator;
		if (!reference || !indicator || this.busy) return;
		const kpi = readKoladaKpiId(this.kpiInput);
		if (!kpi.ok) {
			this.problem = kpi.problem;
			return;
		}
		const years = koladaYears(this.fromYear, this.toYear, this.thisYear);
		if (!years.ok) {
			this.problem = years.problem;
			return;
		}
		const kpiId = kpi.value;
		const abort = new AbortController();
		this.#abort = abort;
		this.busy = true;
		this.pending = null;
		this.progress = { label: `Hämtar ${kpiId} från Kolada`, fraction: 0 };
		try {
			const rows = await fetchKoladaData(
				{
					kpiId,
					municipalityCodes: koladaMunicipalityCodes(reference.members.values(), this.#memberIds),
					years: years.value
				},
				{
					baseUrl: this.#options.koladaBaseUrl(),
					fetch: this.#options.fetch,
					online: this.#options.online,
					signal: abort.signal,
					onProgress: (p) =>
						(this.progress = {
							label: `Hämtar ${kpiId} från Kolada (${formatNumber(p.rows)} rader)`,
							fraction: p.fraction
						})
				}
			);
			this.pending = { kind: 'kolada', kpiId, indicatorId: indicator.id, rows };
		} catch (error) {
			this.problem =
				error instanceof KoladaError
					? error.message
					: `Hämtningen från Kolada misslyckades: ${messageOf(error)}`;
		} finally {
			this.busy = false;
			this.progress = null;
			this.#abort = null;
		}
	}

	/** Stops a running Kolada fetch (the page is left, or another grouping opened); nothing it fetched is kept. */
	cancelFetch(): void {
		this.#abort?.abort();
	}

	/** Reads a chosen file (or none: the previous one is let go); its rows wait in `pending` for the preview. */
	async chooseFile(file: File | undefined): Promise<void> {
		this.problem = null;
		this.done = null;
		this.pending = null;
		this.valueColumn = undefined;
		this.numberFormat = undefined;
		if (!file) return;
		const tooLarge = fileSizeProblem(file.size);
		if (tooLarge) {
			this.problem = tooLarge;
			return;
		}
		this.busy = true;
		this.progress = { label: `Läser ${file.name}`, fraction: 0 };
		try {
			const bytes = await readFileBytes(
				file,
				(f) => (this.progress = { label: `Läser ${file.name}`, fraction: f * 0.4 })
			);
			const { text, encoding } = decodeCsvBytes(bytes);
			const parsed = await parseCsvAsync(text, {
				onProgress: (f) =>
					(this.progress = { label: `Tolkar ${file.name}`, fraction: 0.4 + f * 0.6 })
			});
			this.pending = { kind: 'file', name: file.name, encoding, parsed };
		} catch (error) {
			this.problem = `Filen kunde inte läsas: ${messageOf(error)}`;
		} finally {
			this.busy = false;
			this.progress = null;
		}
	}

	/**
	 * Writes the plan, all or nothing. Values from other sources are
	 * overwritten only when `overwriteOthers`; values that look a thousand
	 * times off only when `implausibleConfirmed` (local-store/import.ts refuses otherwise).
	 */
	async confirm(overwriteOthers: boolean, implausibleConfirmed: boolean): Promise<void> {
		const { plan, diff, indicator, reference } = this;
		if (!plan || !diff || !indicator || !reference || this.busy) return;
		this.busy = true;
		this.problem = null;
		try {
			const result = await applyImport(
				this.#options.database,
				{
					values: plan.values,
					source: plan.source,
					errorCount: plan.errors.length + plan.fileErrors.length,
					implausibleCount: plan.implausible.length
				},
				{
					confirmed: overwriteOthers ? idsNeedingConfirmation(diff) : new Set(),
					implausibleConfirmed
				},
				{ name: this.#options.editorName() }
			);
			const latest = Math.max(...plan.values.map((v) => v.year));
			this.done = {
				message: importDoneMessage(result, indicator.name, plan.source.label),
				href: entryPath(reference.grouping.id, { indikator: indicator.id, ar: latest })
			};
			this.pending = null;
		} catch (error) {
			this.problem =
				error instanceof Error ? error.message : 'Importen misslyckades; inget har sparats.';
		} finally {
			this.busy = false;
		}
	}

	/** Saves the typed Kolada address (empty: the default) on this device, or says why it cannot be used. */
	async saveBaseUrl(): Promise<void> {
		const error = await setKoladaBaseUrl(this.#options.database, this.baseUrlInput);
		this.baseUrlMessage = error ?? 'Sparat.';
	}
}
