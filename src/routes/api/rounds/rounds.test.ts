import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import { DEMO_ROUND_YEAR, HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { measurementId } from '$lib/domain/ids';
import type { Measurement } from '$lib/domain/figures/measurement';
import { ReportingRound, roundId } from '$lib/domain/entry/reporting-round';
import type { Review } from '$lib/domain/entry/review';
import {
	HistoryResponse,
	SyncResponse,
	type MutationOutcome
} from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import type { OpenedDatabase } from '$lib/server/db/connection';
import { CLIENT_A, CLIENT_B, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { TestBrowser } from '$lib/server/testing/api-client';
import { DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';
import { digestDatabase } from '$lib/server/db/test-support';

/**
 * A reporting round through the real routes (hooks.server.ts, /api/sync,
 * /api/rounds, /api/history) on PGlite: a reporter submits, an editor
 * returns with a comment, the admin locks the year, an edit made offline
 * before the lock is refused with the reason while the rest of its batch
 * applies, and reopening is logged with its reason.
 */

const AKADEMI_NORR = 'akademi-norr';
const DOROTEA = 'kommun-2425';
const ROUND = roundId(AKADEMI_NORR, DEMO_ROUND_YEAR);
const demo = buildDemoData();

let server: OpenedDatabase;
const admin = new TestBrowser('192.0.2.41');
const editor = new TestBrowser('192.0.2.42');
const reporter = new TestBrowser('192.0.2.43');

beforeAll(async () => {
	server = await openDemoServer();
	expect((await admin.signIn(DEMO.admin, DEMO_PASSWORD)).status).toBe(200);
	expect((await editor.signIn(DEMO.editor, DEMO_PASSWORD)).status).toBe(200);
	expect((await reporter.signIn(DEMO.reporter, DEMO_PASSWORD)).status).toBe(200);
}, 60_000);

afterAll(async () => server?.close());

function value(year: number, v: number, review?: Review): Measurement {
	return {
		id: measurementId(HEADLINE_INDICATOR_ID, DOROTEA, year, 'T'),
		indicatorId: HEADLINE_INDICATOR_ID,
		organisationId: DOROTEA,
		year,
		gender: 'T',
		value: v,
		status: 'preliminary',
		note: '',
		source: '',
		updatedBy: 'klienten',
		updatedAt: new Date().toISOString(),
		exampleData: false,
		...(review ? { review } : {})
	};
}

const review = (state: Review['state'], comment = ''): Review => ({
	state,
	comment,
	by: 'klienten',
	at: new Date().toISOString()
});

async function sync(
	browser: TestBrowser,
	clientId: string,
	rows: { row: Measurement; base: number | null }[]
): Promise<SyncResponse> {
	const reply = await browser.call('POST', '/api/sync', {
		body: syncRequest(
			clientId,
			rows.map(({ row, base }) => mutationOf(row, base)),
			0,
			5000
		)
	});
	expect(reply.status).toBe(200);
	return SyncResponse.parse(decodeSyncResponse(reply.body));
}

function revisionOf(response: SyncResponse, id: string): number {
	return response.changes.findLast((c) => c.row.id === id)!.revision;
}

const roundAction = (browser: TestBrowser, body: unknown) =>
	browser.call('POST', '/api/rounds', { body });

describe('a reporting round over the API', () => {
	const id2025 = measurementId(HEADLINE_INDICATOR_ID, DOROTEA, 2025, 'T');
	let revision = 0;

	test('the demo round reaches the grouping’s readers with the reference data', async () => {
		const reply = await reporter.call('GET', '/api/reference');
		const rounds = (reply.body as { reportingRounds: ReportingRound[] }).reportingRounds;
		expect(rounds.map((r) => r.id)).toEqual([ROUND]);
		expect(rounds[0].memberIds).toContain(DOROTEA);
	});

	test('a reporter enters and submits; she cannot approve her own value', async () => {
		const entered = await sync(reporter, CLIENT_A, [{ row: value(2025, 15.2), base: null }]);
		expect(entered.outcomes[0].result).toBe('applied');
		revision = revisionOf(entered, id2025);
		const approved = await sync(reporter, CLIENT_A, [
			{ row: value(2025, 15.2, review('approved')), base: revision }
		]);
		expect(approved.outcomes[0]).toMatchObject({
			result: 'rejected',
			reason: 'Bara förbundets redaktörer kan godkänna eller återsända värden.'
		});
		const submitted = await sync(reporter, CLIENT_A, [
			{ row: value(2025, 15.2, review('submitted')), base: revision }
		]);
		expect(submitted.outcomes[0].result).toBe('applied');
		revision = revisionOf(submitted, id2025);
	});

	test('an editor returns it with a comment; the history shows each move, by whom and why', async () => {
		const noComment = await sync(editor, CLIENT_B, [
			{ row: value(2025, 15.2, review('returned')), base: revision }
		]);
		expect(noComment.outcomes[0]).toMatchObject({
			result: 'rejected',
			reason: 'Skriv en kommentar som säger varför värdet återsänds.'
		});
		const returned = await sync(editor, CLIENT_B, [
			{
				row: value(2025, 15.2, review('returned', 'Stämmer inte med SCB:s siffra')),
				base: revision
			}
		]);
		expect(returned.outcomes[0].result).toBe('applied');
		revision = revisionOf(returned, id2025);
		const row = returned.changes.findLast((c) => c.row.id === id2025)!.row as Measurement;
		expect(row.review).toMatchObject({
			state: 'returned',
			comment: 'Stämmer inte med SCB:s siffra',
			by: 'Erik Eriksson'
		});

		const history = HistoryResponse.parse(
			(await reporter.call('GET', `/api/history/measurement/${encodeURIComponent(id2025)}`)).body
		);
		expect(
			history.entries.map((e) => e.review && [e.review.from, e.review.to, e.review.comment, e.by])
		).toEqual([
			['submitted', 'returned', 'Stämmer inte med SCB:s siffra', 'Erik Eriksson'],
			[null, 'submitted', '', 'Dora Dahlberg'],
			null
		]);
	});

	test('only the grouping’s admin opens, locks and reopens; bad rounds are refused', async () => {
		expect((await roundAction(editor, { action: 'lock', roundId: ROUND })).status).toBe(403);
		const foreign = await roundAction(admin, {
			action: 'open',
			groupingId: AKADEMI_NORR,
			year: 2026,
			indicatorIds: ['umearegionen-befolkning'],
			memberIds: [DOROTEA],
			goalIds: [],
			deadline: '2027-03-31',
			reportedBy: 'reporters'
		});
		expect(foreign.status).toBe(400);
		const notMember = await roundAction(admin, {
			action: 'open',
			groupingId: AKADEMI_NORR,
			year: 2026,
			indicatorIds: [HEADLINE_INDICATOR_ID],
			memberIds: ['kommun-0180'],
			goalIds: [],
			deadline: '2027-03-31',
			reportedBy: 'reporters'
		});
		expect(notMember).toMatchObject({
			status: 400,
			body: { error: 'Stockholm är inte medlem i Akademi Norr år 2026.' }
		});
		const opened = await roundAction(admin, {
			action: 'open',
			groupingId: AKADEMI_NORR,
			year: 2026,
			indicatorIds: [HEADLINE_INDICATOR_ID],
			memberIds: [DOROTEA],
			goalIds: [],
			deadline: '2027-03-31',
			reportedBy: 'editors'
		});
		expect(opened.status).toBe(200);
		expect(
			ReportingRound.parse((opened.body as { round: unknown }).round).log.map((e) => [
				e.action,
				e.by
			])
		).toEqual([['opened', 'Anna Andersson']]);
	});

	test('saving a round unchanged changes nothing; a real change is logged', async () => {
		const content = {
			action: 'open',
			groupingId: AKADEMI_NORR,
			year: 2026,
			indicatorIds: [HEADLINE_INDICATOR_ID],
			memberIds: [DOROTEA],
			goalIds: [],
			deadline: '2027-03-31',
			reportedBy: 'editors'
		};
		const before = await digestDatabase(server.db);
		const unchanged = await roundAction(admin, {
			...content,
			indicatorIds: [...content.indicatorIds]
		});
		expect(unchanged.status).toBe(200);
		expect(
			ReportingRound.parse((unchanged.body as { round: unknown }).round).log.map((e) => e.action)
		).toEqual(['opened']);
		expect(await digestDatabase(server.db)).toBe(before);
		const changed = await roundAction(admin, { ...content, deadline: '2027-04-15' });
		expect(ReportingRound.parse((changed.body as { round: unknown }).round)).toMatchObject({
			deadline: '2027-04-15',
			log: [{ action: 'opened' }, { action: 'changed' }]
		});
	});

	test('an edit made offline before the lock is refused after it, with the reason, and the rest of the batch applies', async () => {
		const offlineEdit = value(2025, 15.9, undefined);
		const locked = await roundAction(admin, { action: 'lock', roundId: ROUND });
		expect(locked.status).toBe(200);
		expect((await roundAction(admin, { action: 'lock', roundId: ROUND })).status).toBe(409);

		const batch = await sync(reporter, CLIENT_A, [
			{ row: offlineEdit, base: revision },
			{ row: value(2024, 14.1), base: null }
		]);
		const [refused, applied] = batch.outcomes as [MutationOutcome, MutationOutcome];
		expect(refused).toMatchObject({ result: 'rejected' });
		expect(refused.result === 'rejected' && refused.reason).toMatch(
			/^År 2025 är godkänt och låst för Akademi Norr sedan \d{4}-\d{2}-\d{2} \(Anna Andersson\)\. Värdet kan inte ändras; en administratör kan öppna året igen\.$/
		);
		expect(applied.result).toBe('applied');
		const stored = batch.changes.filter((c) => c.row.id === id2025).at(-1)?.row as Measurement;
		expect(stored.value).toBe(15.2);

		// Admins too: the lock is for everyone.
		const byAdmin = await sync(admin, CLIENT_B, [
			{ row: value(2025, 16, review('approved')), base: revision }
		]);
		expect(byAdmin.outcomes[0].result).toBe('rejected');
	});

	test('reopening needs a reason, is logged, and lets edits in again', async () => {
		const noReason = await roundAction(admin, { action: 'reopen', roundId: ROUND, reason: ' ' });
		expect(noReason.status).toBe(400);
		const reopened = await roundAction(admin, {
			action: 'reopen',
			roundId: ROUND,
			reason: 'Dorotea har rättat sin siffra'
		});
		expect(reopened.status).toBe(200);
		const round = ReportingRound.parse((reopened.body as { round: unknown }).round);
		expect(round.locked).toBe(false);
		expect(round.log.at(-1)).toMatchObject({
			action: 'reopened',
			by: 'Anna Andersson',
			reason: 'Dorotea har rättat sin siffra'
		});
		const edited = await sync(reporter, CLIENT_A, [{ row: value(2025, 15.9), base: revision }]);
		expect(edited.outcomes[0].result).toBe('applied');
	});

	test('the demo has a round for exactly the plan’s numeric indicators', () => {
		const round = demo.reportingRounds.find((r) => r.id === ROUND)!;
		expect(round.indicatorIds).toContain(HEADLINE_INDICATOR_ID);
		expect(round.memberIds).toHaveLength(12);
	});
});
