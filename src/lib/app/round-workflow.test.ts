import { describe, it, expect, beforeEach } from 'vitest';
import { createDemoTestDatabase } from '$lib/local-store/test-database';
import type { LagesbildDatabase, LocalMeasurement } from '$lib/local-store/database';
import { loadGroupingReference } from '$lib/local-store/queries';
import { measurementsOfRounds } from '$lib/local-store/round-queries';
import { saveAssessment, saveMeasurements } from '$lib/local-store/edits';
import type { ApiResult } from '$lib/api/request';
import type { RoleAssignment, UserWithRoles } from '$lib/domain/access/auth';
import type { RoundRequest } from '$lib/domain/entry/reporting-round';
import { buildDemoData } from '$lib/seed/demo-data';
import { DEMO_ROUND_YEAR } from '$lib/seed/akademi-norr';
import { RoundWorkflow, type RoundWorkflowOptions } from './round-workflow.svelte';

const GROUPING = 'akademi-norr';
const STORUMAN = 'kommun-2421';
const ARJEPLOG = 'kommun-2506';
const EDITOR: RoleAssignment[] = [{ organisationId: GROUPING, role: 'editor' }];
const ADMIN: RoleAssignment[] = [{ organisationId: GROUPING, role: 'admin' }];
const reporterOf = (municipalityId: string): RoleAssignment[] => [
	{ organisationId: GROUPING, role: 'reporter', municipalityId }
];

const demo = buildDemoData();
// Each test starts from the demo grouping's open 2025 round as a device holds it after its first sync.
let db: LagesbildDatabase;
beforeEach(async () => {
	db = await createDemoTestDatabase(demo);
});

/**
 * The workflow as the round page makes it, over the demo round in the test
 * database. The page's live queries are read here once, and again by
 * `refresh()` (what a live query does by itself after a write or a sync).
 */
async function openRound(roles: RoleAssignment[], options: Partial<RoundWorkflowOptions> = {}) {
	let reference = await loadGroupingReference(db, GROUPING);
	let rows: LocalMeasurement[] = [];
	const workflow = new RoundWorkflow({
		database: db,
		groupingId: GROUPING,
		year: DEMO_ROUND_YEAR,
		reference: () => reference,
		roundRows: () => rows,
		roles: () => roles,
		editorName: () => 'Test Testsson',
		origin: 'https://lagesbild.example',
		runRoundAction: async () => {
			throw new Error('no server in this test');
		},
		listUsers: async () => {
			throw new Error('no server in this test');
		},
		today: '2026-12-07',
		...options
	});
	const refresh = async () => {
		reference = await loadGroupingReference(db, GROUPING);
		rows = workflow.round ? await measurementsOfRounds(db, [workflow.round]) : [];
	};
	await refresh();
	return { workflow, refresh };
}

/** Enters a value for every indicator of the round that a member reports (its row's cells), as the entry page would. */
async function enterRow(workflow: RoundWorkflow, organisationId: string, count = Infinity) {
	const completeness = workflow.completeness!;
	const row = completeness.rows.find((r) => r.organisationId === organisationId)!;
	const indicatorIds = completeness.columns
		.filter((_, i) => row.cells[i] !== null)
		.map((c) => c.indicator.id)
		.slice(0, count);
	await saveMeasurements(
		db,
		indicatorIds.map((indicatorId) => ({
			indicatorId,
			organisationId,
			year: DEMO_ROUND_YEAR,
			gender: 'T' as const,
			value: 5,
			status: 'preliminary' as const
		})),
		{ name: 'Rapportören' }
	);
	return indicatorIds;
}

const cellsOf = (workflow: RoundWorkflow, organisationId: string) =>
	workflow
		.completeness!.rows.find((r) => r.organisationId === organisationId)!
		.cells.flatMap((c) => (c ? [c] : []));

async function snapshot() {
	return { measurements: await db.measurements.toArray(), outbox: await db.outbox.toArray() };
}

const failure = (message: string): ApiResult<never> => ({
	ok: false,
	status: null,
	message,
	fieldErrors: {}
});

describe('round workflow: sending in', () => {
	it("marks a member's entered values submitted in the local store, each with an outbox entry for the next sync", async () => {
		const { workflow, refresh } = await openRound(reporterOf(STORUMAN));
		expect(workflow.myRows.map((r) => r.organisationId)).toEqual([STORUMAN]);
		await enterRow(workflow, STORUMAN, 2);
		await refresh();
		const ready = workflow.submittable(STORUMAN);
		expect(ready.map((c) => c.state)).toEqual(['entered', 'entered']);
		const outboxBefore = await db.outbox.count();

		await workflow.submit(STORUMAN);
		expect(workflow.message).toEqual({
			text: `2 värden för ${workflow.nameOf(STORUMAN)} är inskickade. De går till förbundet vid nästa synk.`,
			error: false
		});
		expect(workflow.nameOf(STORUMAN)).toBe('Storuman');
		expect(workflow.busy).toBe(false);
		const stored = await db.measurements.bulkGet(ready.map((c) => c.measurementId));
		expect(stored.map((m) => m?.review)).toEqual([
			expect.objectContaining({ state: 'submitted', by: 'Test Testsson' }),
			expect.objectContaining({ state: 'submitted', by: 'Test Testsson' })
		]);
		const outbox = (await db.outbox.toArray()).slice(outboxBefore);
		expect(
			outbox.map((e) => [e.row.id, 'review' in e.row ? e.row.review?.state : undefined]).sort()
		).toEqual(ready.map((c) => [c.measurementId, 'submitted']).sort());

		await refresh();
		expect(workflow.submittable(STORUMAN)).toEqual([]);
		expect(cellsOf(workflow, STORUMAN).filter((c) => c.state === 'submitted')).toHaveLength(2);
		expect(workflow.awaitingReview).toHaveLength(2);
	});

	it('the filter shows only what is outstanding, with each row keeping its whole tally', async () => {
		const { workflow, refresh } = await openRound(EDITOR);
		await enterRow(workflow, STORUMAN);
		await refresh();
		await workflow.submit(STORUMAN);
		await refresh();
		expect(workflow.shownRows.map((r) => r.organisationId)).toContain(STORUMAN);
		workflow.onlyOutstanding = true;
		expect(workflow.shownRows.map((r) => r.organisationId)).not.toContain(STORUMAN);
		expect(workflow.shownRows.length).toBe(workflow.completeness!.rows.length - 1);
		expect(workflow.tallyOf(STORUMAN)).toMatchObject({ reported: 7, expected: 7 });
	});
});

describe('round workflow: review', () => {
	async function submittedValue() {
		const opened = await openRound(EDITOR);
		await enterRow(opened.workflow, STORUMAN, 2);
		await opened.refresh();
		await opened.workflow.submit(STORUMAN);
		await opened.refresh();
		return opened;
	}

	it('refuses to return a value without a comment, in Swedish, and writes nothing', async () => {
		const { workflow } = await submittedValue();
		const cell = workflow.awaitingReview[0];
		workflow.select(cell);
		expect(workflow.selectedIndicator?.id).toBe(cell.indicatorId);
		const before = await snapshot();

		workflow.comment = '   ';
		await workflow.returnSelected();
		expect(workflow.message).toEqual({
			text: 'Skriv en kommentar som säger varför värdet återsänds.',
			error: true
		});
		expect(await snapshot()).toEqual(before);
		// The panel stays open for the comment to be written.
		expect(workflow.selected).toBe(cell);
	});

	it('returns a value with the comment, and closes the panel', async () => {
		const { workflow } = await submittedValue();
		const cell = workflow.awaitingReview[0];
		workflow.select(cell);
		workflow.comment = 'Stämmer källan?';
		await workflow.returnSelected();
		expect(workflow.message).toEqual({
			text: 'Värdet är återsänt med din kommentar.',
			error: false
		});
		expect((await db.measurements.get(cell.measurementId))?.review).toMatchObject({
			state: 'returned',
			comment: 'Stämmer källan?',
			by: 'Test Testsson'
		});
		expect(workflow.selected).toBeNull();
		expect(workflow.comment).toBe('');
	});

	it('approves one value, and then every value waiting', async () => {
		const { workflow, refresh } = await submittedValue();
		const [first, second] = workflow.awaitingReview;
		workflow.select(first);
		await workflow.approveSelected();
		expect(workflow.message).toEqual({ text: 'Värdet godkänt.', error: false });
		expect((await db.measurements.get(first.measurementId))?.review?.state).toBe('approved');
		expect((await db.measurements.get(second.measurementId))?.review?.state).toBe('submitted');
		expect(workflow.selected).toBeNull();

		await enterRow(workflow, ARJEPLOG, 1);
		await refresh();
		await workflow.submit(ARJEPLOG);
		await refresh();
		expect(workflow.awaitingReview).toHaveLength(2);
		const outboxBefore = await db.outbox.count();
		await workflow.approveAllAwaiting();
		expect(workflow.message).toEqual({ text: '2 värden godkänt.', error: false });
		expect(await db.outbox.count()).toBe(outboxBefore + 2);
		await refresh();
		expect(workflow.awaitingReview).toEqual([]);
		expect(workflow.completeness!.total.approved).toBe(3);
	});

	it('opens a returned value with the comment it was returned with', async () => {
		const { workflow, refresh } = await submittedValue();
		const cell = workflow.awaitingReview[0];
		workflow.select(cell);
		workflow.comment = 'Fel år';
		await workflow.returnSelected();
		await refresh();
		workflow.select(cellsOf(workflow, STORUMAN).find((c) => c.state === 'returned')!);
		expect(workflow.comment).toBe('Fel år');
		expect(workflow.message).toBeNull();
	});
});

describe("round workflow: the goals' assessments", () => {
	async function writtenAssessment() {
		const opened = await openRound(ADMIN);
		const goalId = opened.workflow.round!.goalIds[0];
		await saveAssessment(
			db,
			{ goalId, year: DEMO_ROUND_YEAR, status: 'atRisk', analysis: 'Går långsamt.' },
			{ name: 'Redaktören' }
		);
		await opened.refresh();
		const cell = () => opened.workflow.completeness!.assessments.find((a) => a.goalId === goalId)!;
		return { ...opened, cell };
	}

	it('only an admin reviews them, and not once the year is locked', async () => {
		expect((await openRound(EDITOR)).workflow.mayReviewAssessments).toBe(false);
		expect((await openRound(ADMIN)).workflow.mayReviewAssessments).toBe(true);
	});

	it('refuses to return one without a comment, and writes nothing', async () => {
		const { workflow, cell } = await writtenAssessment();
		expect(cell().state).toBe('written');
		workflow.startReturn(cell());
		workflow.returnComment = ' ';
		const before = await db.outbox.count();
		await workflow.returnAssessment();
		expect(workflow.message).toEqual({
			text: 'Skriv en kommentar som säger varför bedömningen återsänds.',
			error: true
		});
		expect(await db.outbox.count()).toBe(before);
		expect(workflow.returning).not.toBeNull();
	});

	it('returns one with the comment, and approves it once rewritten; the analysis keeps its author', async () => {
		const { workflow, refresh, cell } = await writtenAssessment();
		workflow.startReturn(cell());
		workflow.returnComment = 'Ta med 2024 års siffror.';
		await workflow.returnAssessment();
		await refresh();
		expect(cell().state).toBe('returned');
		expect(cell().assessment?.review).toMatchObject({
			state: 'returned',
			comment: 'Ta med 2024 års siffror.',
			by: 'Test Testsson'
		});
		// The editor rewrites it: back to written, awaiting the admins.
		await saveAssessment(
			db,
			{ goalId: cell().goalId, year: DEMO_ROUND_YEAR, status: 'atRisk', analysis: 'Med 2024.' },
			{ name: 'Redaktören' }
		);
		await refresh();
		expect(cell().state).toBe('written');
		await workflow.approveAssessment(cell());
		await refresh();
		expect(cell().state).toBe('approved');
		expect(cell().assessment).toMatchObject({ updatedBy: 'Redaktören', analysis: 'Med 2024.' });
		expect(workflow.message?.error).toBe(false);
	});
});

describe('round workflow: lock and reopen', () => {
	function fakeServer(answer: () => ApiResult<unknown>) {
		const requests: RoundRequest[] = [];
		const runRoundAction = async (request: RoundRequest) => {
			requests.push(request);
			return answer();
		};
		return { requests, runRoundAction };
	}

	it('locks the year with the injected action', async () => {
		const server = fakeServer(() => ({ ok: true, value: null }));
		const { workflow } = await openRound(ADMIN, { runRoundAction: server.runRoundAction });
		expect(workflow.isAdmin).toBe(true);
		await workflow.lock();
		expect(server.requests).toEqual([{ action: 'lock', roundId: workflow.round!.id }]);
		expect(workflow.message).toEqual({
			text: 'År 2025 är godkänt och låst. Inga värden för 2025 kan ändras längre.',
			error: false
		});
		expect(workflow.busy).toBe(false);
	});

	it("reports the action's Swedish error", async () => {
		const offline =
			'Omgångar öppnas, godkänns och låses på servern. Försök igen när enheten har nät.';
		const server = fakeServer(() => failure(offline));
		const { workflow } = await openRound(ADMIN, { runRoundAction: server.runRoundAction });
		await workflow.lock();
		expect(workflow.message).toEqual({ text: offline, error: true });

		workflow.reason = 'Storumans värde var fel';
		await workflow.reopen();
		expect(server.requests[1]).toEqual({
			action: 'reopen',
			roundId: workflow.round!.id,
			reason: 'Storumans värde var fel'
		});
		expect(workflow.message).toEqual({ text: offline, error: true });
		// The reason stays for the next try.
		expect(workflow.reason).toBe('Storumans värde var fel');
		expect(workflow.busy).toBe(false);
	});

	it('reopens with the reason, which is cleared once the server has it', async () => {
		const server = fakeServer(() => ({ ok: true, value: null }));
		const { workflow } = await openRound(ADMIN, { runRoundAction: server.runRoundAction });
		workflow.reason = 'Storumans värde var fel';
		await workflow.reopen();
		expect(server.requests).toEqual([
			{ action: 'reopen', roundId: workflow.round!.id, reason: 'Storumans värde var fel' }
		]);
		expect(workflow.message).toEqual({ text: 'År 2025 är öppnat igen.', error: false });
		expect(workflow.reason).toBe('');
	});

	it('says so when the action throws', async () => {
		const { workflow } = await openRound(ADMIN);
		await workflow.lock();
		expect(workflow.message).toEqual({ text: 'no server in this test', error: true });
		expect(workflow.busy).toBe(false);
	});
});

describe('round workflow: reminders', () => {
	const user = (email: string, roles: RoleAssignment[]): UserWithRoles => ({
		id: email,
		email,
		name: email,
		roles
	});

	it('addresses the reporters of the members behind, and no one else', async () => {
		const users = [
			user('storuman@example.se', reporterOf(STORUMAN)),
			user('arjeplog@example.se', reporterOf(ARJEPLOG)),
			user('redaktor@example.se', EDITOR),
			user('admin@example.se', ADMIN)
		];
		const asked: string[] = [];
		const listUsers = async (organisationId: string) => {
			asked.push(organisationId);
			return { ok: true as const, value: users };
		};
		const { workflow, refresh } = await openRound(ADMIN, { listUsers });
		// Arjeplog sends in everything; Storuman and the others are behind.
		await enterRow(workflow, ARJEPLOG);
		await refresh();
		await workflow.submit(ARJEPLOG);
		await refresh();
		expect(workflow.behind).toContain(STORUMAN);
		expect(workflow.behind).not.toContain(ARJEPLOG);
		expect(workflow.mailto).toBeNull();

		await workflow.loadAddresses();
		expect(asked).toEqual([GROUPING]);
		expect(workflow.emails).toEqual(['storuman@example.se']);
		const mail = new URL(workflow.mailto!);
		expect(mail.searchParams.get('bcc')).toBe('storuman@example.se');
		expect(mail.searchParams.get('subject')).toBe(
			'Påminnelse: rapportering 2025 till Akademi Norr'
		);
		expect(mail.searchParams.get('body')).toContain(
			'https://lagesbild.example/grupp/akademi-norr/rapportering/2025'
		);
	});

	it("says why the addresses could not be fetched, in the server's words", async () => {
		const listUsers = async () => failure('Användare och inbjudningar kan bara hanteras med nät.');
		const { workflow } = await openRound(ADMIN, { listUsers });
		await workflow.loadAddresses();
		expect(workflow.emailError).toBe('Användare och inbjudningar kan bara hanteras med nät.');
		expect(workflow.emails).toBeNull();
		expect(workflow.mailto).toBeNull();
	});
});
