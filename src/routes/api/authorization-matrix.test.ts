import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildDemoData } from '$lib/seed/demo-data';
import { HEADLINE_INDICATOR_ID } from '$lib/seed/akademi-norr';
import { measurementId, assessmentId, NATIONAL_ID } from '$lib/domain/ids';
import { isMemberInYear } from '$lib/domain/plan/member-years';
import { SyncResponse } from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import type { OpenedDatabase } from '$lib/server/db/connection';
import {
	measurements,
	assessments,
	referenceRows,
	userRoles,
	invitations,
	adminLog
} from '$lib/server/db/schema';
import { CLIENT_A, mutationOf, syncRequest } from '$lib/server/sync/test-rows';
import { TestBrowser, type ApiReply } from '$lib/server/testing/api-client';
import { createInvitation } from '$lib/server/auth/invitations';
import { findUserByEmail } from '$lib/server/auth/users';
import { addUser, DEMO, DEMO_PASSWORD, openDemoServer } from '$lib/server/testing/fixtures';

/**
 * Who may make which write, through the real endpoints (hooks.server.ts,
 * routes, database), for every role of Akademi Norr, an anonymous caller and
 * the admin of another federation (Umeåregionen). The expectations are
 * written once, as the table below; each cell is one real request.
 *
 *   ✓  allowed (sync: applied; REST: 2xx)
 *   ✗  refused (sync: outcome `rejected` with a reason; REST: 403)
 *   401 not signed in
 */
const MATRIX = `
                 | Dorotea | Storuman | riket | Umeå | bedömning | målträd | målvärde | roller | inbjudan | återkalla | omgång | indikator | medlemskap | ta bort roll | ta bort | återställ | ordning | kopiera | gruppering
admin            |    ✓    |    ✓     |   ✓   |  ✗   |     ✓     |    ✓    |    ✓     |   ✓    |    ✓     |     ✓     |   ✓    |     ✓     |     ✓      |      ✓       |    ✓    |     ✓     |    ✓    |    ✓    |     ✓
editor           |    ✓    |    ✓     |   ✓   |  ✗   |     ✓     |    ✗    |    ✗     |   ✗    |    ✗     |     ✗     |   ✗    |     ✗     |     ✗      |      ✗       |    ✗    |     ✗     |    ✗    |    ✗    |     ✗
reporter         |    ✓    |    ✗     |   ✗   |  ✗   |     ✗     |    ✗    |    ✗     |   ✗    |    ✗     |     ✗     |   ✗    |     ✗     |     ✗      |      ✗       |    ✗    |     ✗     |    ✗    |    ✗    |     ✗
viewer           |    ✗    |    ✗     |   ✗   |  ✗   |     ✗     |    ✗    |    ✗     |   ✗    |    ✗     |     ✗     |   ✗    |     ✗     |     ✗      |      ✗       |    ✗    |     ✗     |    ✗    |    ✗    |     ✗
anonymous        |   401   |   401    |  401  | 401  |    401    |   401   |   401    |  401   |   401    |    401    |  401   |    401    |    401     |     401      |   401   |    401    |   401   |   401   |    401
otherFederation  |    ✗    |    ✗     |   ✗   |  ✓   |     ✗     |    ✗    |    ✗     |   ✗    |    ✗     |     ✗     |   ✗    |     ✗     |     ✗      |      ✗       |    ✗    |     ✗     |    ✗    |    ✗    |     ✓
`;

type Verdict = '✓' | '✗' | '401';
type Caller = 'admin' | 'editor' | 'reporter' | 'viewer' | 'anonymous' | 'otherFederation';
type Write =
	| 'Dorotea'
	| 'Storuman'
	| 'riket'
	| 'Umeå'
	| 'bedömning'
	| 'målträd'
	| 'målvärde'
	| 'roller'
	| 'inbjudan'
	| 'återkalla'
	| 'omgång'
	| 'indikator'
	| 'medlemskap'
	| 'ta bort roll'
	| 'ta bort'
	| 'återställ'
	| 'ordning'
	| 'kopiera'
	| 'gruppering';

function parseMatrix(text: string): { writes: Write[]; rows: [Caller, Record<Write, Verdict>][] } {
	const [header, ...lines] = text
		.trim()
		.split('\n')
		.map((line) => line.split('|').map((cell) => cell.trim()));
	const writes = header.slice(1) as Write[];
	const rows = lines.map(
		([caller, ...cells]) =>
			[caller as Caller, Object.fromEntries(writes.map((w, i) => [w, cells[i] as Verdict]))] as [
				Caller,
				Record<Write, Verdict>
			]
	);
	return { writes, rows };
}

const { writes, rows } = parseMatrix(MATRIX);
const CALLERS = rows.map(([caller]) => caller);
const demo = buildDemoData();
const AKADEMI_NORR = 'akademi-norr';
const DOROTEA = 'kommun-2425';
const STORUMAN = 'kommun-2421';
const UMEA = 'kommun-2480';
/** Each caller writes its own year, so no two cells touch the same row. */
const yearOf = (caller: Caller) => 2031 + CALLERS.indexOf(caller);

let server: OpenedDatabase;
const browsers = new Map<Caller, TestBrowser>();
let bystanderId: string;
/** An invitation of Akademi Norr's, one per caller, for the caller to try to revoke. */
const invitationToRevoke = new Map<Caller, string>();

beforeAll(async () => {
	server = await openDemoServer();
	await addUser(server.db, 'ulla.admin@umearegionen.example', 'Ulla Umeå', [
		{ organisationId: 'umearegionen', role: 'admin' }
	]);
	bystanderId = await addUser(server.db, 'nils.ny@akademinorr.example', 'Nils Ny', []);
	const emails: Partial<Record<Caller, string>> = {
		admin: DEMO.admin,
		editor: DEMO.editor,
		reporter: DEMO.reporter,
		viewer: DEMO.viewer,
		otherFederation: 'ulla.admin@umearegionen.example'
	};
	for (const caller of CALLERS) {
		const browser = new TestBrowser(`192.0.2.${CALLERS.indexOf(caller) + 10}`);
		if (emails[caller])
			expect((await browser.signIn(emails[caller], DEMO_PASSWORD)).status).toBe(200);
		browsers.set(caller, browser);
		const anna = (await findUserByEmail(server.db, DEMO.admin))!;
		await createInvitation(
			server.db,
			{ user: anna, roles: [{ organisationId: AKADEMI_NORR, role: 'admin' }] },
			{
				email: `${caller}.att-aterkalla@example.se`,
				name: 'Att återkalla',
				assignment: { organisationId: AKADEMI_NORR, role: 'viewer' }
			}
		);
		const [made] = await server.db
			.select({ id: invitations.id })
			.from(invitations)
			.where(eq(invitations.email, `${caller}.att-aterkalla@example.se`));
		invitationToRevoke.set(caller, made.id);
	}
	// Each caller's own goals to remove and to restore (one archived already) in Akademi Norr's plan.
	const admin = browsers.get('admin')!;
	for (const caller of CALLERS) {
		expect(
			(
				await admin.call('PUT', `/api/admin/goals/${removable(caller).id}`, {
					body: removable(caller)
				})
			).status
		).toBe(200);
		expect(
			(
				await admin.call('PUT', `/api/admin/goals/${archived(caller).id}`, {
					body: archived(caller)
				})
			).status
		).toBe(200);
	}
}, 60_000);

afterAll(async () => server?.close());

// ------------------------------------------------------------ the writes

const umeaIndicator = demo.indicators.find(
	(i) =>
		i.organisationId === 'umearegionen' &&
		i.scope === 'members' &&
		demo.memberships.some(
			(m) => m.groupingId === 'umearegionen' && m.memberId === UMEA && isMemberInYear(m, 2036)
		)
)!;
const goal = demo.goals.find((g) => g.planId === 'akademi-norr-vp-2025')!;
const target = demo.targets.find((t) => t.indicatorId === HEADLINE_INDICATOR_ID)!;
const removable = (caller: Caller) => ({
	id: `matris-bort-${caller.toLowerCase()}`,
	planId: goal.planId,
	name: `Att ta bort (${caller})`,
	order: 50 + CALLERS.indexOf(caller)
});
const archived = (caller: Caller) => ({
	id: `matris-arkiv-${caller.toLowerCase()}`,
	planId: goal.planId,
	name: `Arkiverat (${caller})`,
	order: 60 + CALLERS.indexOf(caller),
	archivedFromYear: 2026
});
const headline = demo.indicators.find((i) => i.id === HEADLINE_INDICATOR_ID)!;
const KIRUNA = 'kommun-2584';

function value(indicatorId: string, organisationId: string, year: number) {
	return {
		id: measurementId(indicatorId, organisationId, year, 'T'),
		indicatorId,
		organisationId,
		year,
		gender: 'T' as const,
		value: 17,
		status: 'preliminary' as const,
		note: '',
		source: '',
		updatedBy: 'klienten',
		updatedAt: '2031-01-01T00:00:00.000Z',
		exampleData: false
	};
}

/** One write per column; each answers the verdict it got, checked for its side effects. */
const WRITES: Record<Write, (browser: TestBrowser, caller: Caller) => Promise<Verdict>> = {
	Dorotea: (browser, caller) =>
		syncWrite(browser, mutationOf(value(HEADLINE_INDICATOR_ID, DOROTEA, yearOf(caller)), null)),
	Storuman: (browser, caller) =>
		syncWrite(browser, mutationOf(value(HEADLINE_INDICATOR_ID, STORUMAN, yearOf(caller)), null)),
	riket: (browser, caller) =>
		syncWrite(browser, mutationOf(value(HEADLINE_INDICATOR_ID, NATIONAL_ID, yearOf(caller)), null)),
	Umeå: (browser, caller) =>
		syncWrite(browser, mutationOf(value(umeaIndicator.id, UMEA, yearOf(caller)), null)),
	bedömning: (browser, caller) =>
		syncWrite(
			browser,
			mutationOf(
				{
					id: assessmentId(goal.id, yearOf(caller)),
					goalId: goal.id,
					year: yearOf(caller),
					status: 'atRisk',
					analysis: `av ${caller}`,
					updatedBy: 'klienten',
					updatedAt: '2031-01-01T00:00:00.000Z',
					exampleData: false
				},
				null
			)
		),
	målträd: (browser, caller) =>
		restWrite(browser, 'PUT', `/api/admin/goals/${goal.id}`, {
			...goal,
			description: `Ändrad av ${caller}`
		}),
	målvärde: (browser, caller) =>
		restWrite(browser, 'PUT', `/api/admin/targets/${target.id}`, {
			...target,
			description: `Ändrad av ${caller}`
		}),
	roller: (browser) =>
		restWrite(browser, 'PUT', '/api/admin/roles', {
			userId: bystanderId,
			assignment: { organisationId: AKADEMI_NORR, role: 'viewer' }
		}),
	inbjudan: (browser, caller) =>
		restWrite(browser, 'POST', '/api/invitations', {
			email: `${caller}.inbjuden@example.se`,
			name: 'Inbjuden',
			assignment: { organisationId: AKADEMI_NORR, role: 'viewer' }
		}),
	återkalla: (browser, caller) =>
		restWrite(
			browser,
			'DELETE',
			`/api/invitations/id/${invitationToRevoke.get(caller)}`,
			undefined
		),
	omgång: (browser, caller) =>
		restWrite(browser, 'POST', '/api/rounds', {
			action: 'open',
			groupingId: AKADEMI_NORR,
			year: yearOf(caller),
			indicatorIds: [HEADLINE_INDICATOR_ID],
			memberIds: [DOROTEA],
			goalIds: [],
			deadline: '2032-03-31',
			reportedBy: 'reporters'
		}),
	indikator: (browser, caller) =>
		restWrite(browser, 'PUT', `/api/admin/indicators/${headline.id}`, {
			...headline,
			description: `Ändrad av ${caller}`
		}),
	// A municipality from the national list joins for the caller's own year, so no two cells' periods overlap.
	medlemskap: (browser, caller) =>
		restWrite(browser, 'PUT', `/api/admin/memberships/ms-matris-${caller.toLowerCase()}`, {
			id: `ms-matris-${caller.toLowerCase()}`,
			groupingId: AKADEMI_NORR,
			memberId: KIRUNA,
			fromYear: yearOf(caller),
			toYear: yearOf(caller),
			feeSek: 1000
		}),
	// After `roller` gave the bystander the viewer role: taking it away again.
	'ta bort roll': (browser) =>
		restWrite(browser, 'DELETE', '/api/admin/roles', {
			userId: bystanderId,
			assignment: { organisationId: AKADEMI_NORR, role: 'viewer' }
		}),
	'ta bort': (browser, caller) =>
		restWrite(browser, 'POST', `/api/admin/goals/${removable(caller).id}/remove`, {
			fromYear: 2026
		}),
	återställ: (browser, caller) =>
		restWrite(browser, 'POST', `/api/admin/goals/${archived(caller).id}/restore`, undefined),
	ordning: (browser) =>
		restWrite(browser, 'POST', `/api/admin/goals/${goal.id}/move`, { direction: 'down' }),
	kopiera: (browser, caller) =>
		restWrite(browser, 'POST', `/api/admin/plans/${goal.planId}/copy`, {
			fromYear: yearOf(caller),
			toYear: yearOf(caller),
			name: `Plan ${yearOf(caller)}`
		}),
	gruppering: (browser, caller) =>
		restWrite(browser, 'POST', '/api/admin/groupings', {
			name: `Ny gruppering av ${caller}`,
			kind: 'project'
		})
};

async function syncWrite(
	browser: TestBrowser,
	mutation: ReturnType<typeof mutationOf>
): Promise<Verdict> {
	const reply = await browser.call('POST', '/api/sync', {
		body: syncRequest(CLIENT_A, [mutation])
	});
	if (reply.status === 401) return expectSwedishError(reply, '401');
	expect(reply.status).toBe(200);
	const [outcome] = SyncResponse.parse(decodeSyncResponse(reply.body)).outcomes;
	const stored = await storedRow(mutation);
	if (outcome.result === 'rejected') {
		expect(outcome.reason).toMatch(/^Du (är|har) /);
		expect(stored, 'a refused value must not be stored').toBeUndefined();
		return '✗';
	}
	expect(outcome.result).toBe('applied');
	expect(stored).toBeDefined();
	return '✓';
}

async function storedRow(mutation: ReturnType<typeof mutationOf>) {
	const table = mutation.entity === 'measurement' ? measurements : assessments;
	const [row] = await server.db
		.select({ id: table.id })
		.from(table)
		.where(eq(table.id, mutation.row.id));
	return row;
}

async function restWrite(
	browser: TestBrowser,
	method: string,
	path: string,
	body: unknown
): Promise<Verdict> {
	const before = await writableState();
	const reply = await browser.call(method, path, { body });
	if (reply.status === 401 || reply.status === 403) {
		expect(await writableState(), `a refused ${method} ${path} must change nothing`).toEqual(
			before
		);
		return expectSwedishError(reply, reply.status === 401 ? '401' : '✗');
	}
	expect([200, 201, 204], JSON.stringify(reply.body)).toContain(reply.status);
	expect(await writableState(), `an accepted ${method} ${path} must change something`).not.toEqual(
		before
	);
	return '✓';
}

function expectSwedishError(reply: ApiReply, verdict: Verdict): Verdict {
	expect((reply.body as { error: string }).error).toMatch(/[a-zåäö]{3,}/);
	return verdict;
}

async function writableState() {
	return {
		reference: await server.db.select().from(referenceRows),
		roles: await server.db.select().from(userRoles),
		invitations: await server.db.select().from(invitations),
		log: await server.db.select().from(adminLog)
	};
}

// ------------------------------------------------------------ the tests

describe('authorization matrix: every role × every kind of write, through the real endpoints', () => {
	for (const [caller, expected] of rows) {
		test(`${caller}: ${writes.map((w) => `${w} ${expected[w]}`).join(', ')}`, async () => {
			const got = {} as Record<Write, Verdict>;
			for (const write of writes) got[write] = await WRITES[write](browsers.get(caller)!, caller);
			expect(got).toEqual(expected);
		});
	}
});

describe('a sync batch with refused mutations', () => {
	test("the reporter's refused mutations come back rejected with a clear reason, and the rest of the batch applies", async () => {
		const reporter = browsers.get('reporter')!;
		const batch = [
			mutationOf(value(HEADLINE_INDICATOR_ID, DOROTEA, 2040), null),
			mutationOf(value(HEADLINE_INDICATOR_ID, STORUMAN, 2040), null),
			mutationOf(value(HEADLINE_INDICATOR_ID, AKADEMI_NORR, 2040), null),
			mutationOf(value(umeaIndicator.id, UMEA, 2040), null),
			mutationOf(value(HEADLINE_INDICATOR_ID, DOROTEA, 2041), null)
		];
		const reply = await reporter.call('POST', '/api/sync', { body: syncRequest(CLIENT_A, batch) });
		const { outcomes, changes } = SyncResponse.parse(decodeSyncResponse(reply.body));
		expect(outcomes).toEqual([
			{ mutationId: batch[0].mutationId, result: 'applied', revision: expect.any(Number) },
			{
				mutationId: batch[1].mutationId,
				result: 'rejected',
				reason: 'Du är rapportör för Dorotea och kan inte ändra värden för Storuman.'
			},
			{
				mutationId: batch[2].mutationId,
				result: 'rejected',
				reason: 'Du är rapportör för Dorotea och kan inte ändra värden för Akademi Norr.'
			},
			{
				mutationId: batch[3].mutationId,
				result: 'rejected',
				reason: 'Du har ingen roll i Umeåregionen och kan inte ändra dess värden.'
			},
			{ mutationId: batch[4].mutationId, result: 'applied', revision: expect.any(Number) }
		]);
		// The applied ones are stored under the reporter's own name, whatever the client wrote.
		const mine = changes.filter(
			(c) => c.row.id === batch[0].row.id || c.row.id === batch[4].row.id
		);
		expect(mine.map((c) => c.row.updatedBy)).toEqual(['Dora Dahlberg', 'Dora Dahlberg']);
	});

	test("the pull sends only the caller's groupings: the reporter sees Akademi Norr's values, none of Umeåregionen's", async () => {
		const pulled = SyncResponse.parse(
			decodeSyncResponse(
				(
					await browsers
						.get('reporter')!
						.call('POST', '/api/sync', { body: syncRequest(CLIENT_A, [], 0, 5000) })
				).body
			)
		);
		const akademiIndicators = new Set(
			demo.indicators.filter((i) => i.organisationId === AKADEMI_NORR).map((i) => i.id)
		);
		const measurementsPulled = pulled.changes.filter((c) => c.entity === 'measurement');
		expect(measurementsPulled.length).toBeGreaterThan(0);
		expect(
			measurementsPulled.every((c) =>
				akademiIndicators.has((c.row as { indicatorId: string }).indicatorId)
			)
		).toBe(true);
		expect(
			pulled.changes
				.filter((c) => c.entity === 'assessment')
				.every((c) => (c.row as { goalId: string }).goalId.startsWith('akademi-norr-'))
		).toBe(true);
	});
});
