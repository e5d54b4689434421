import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
	MAX_MUTATIONS_PER_REQUEST,
	MAX_PAGE_SIZE,
	PROTOCOL_VERSION,
	SyncError,
	SyncRequest,
	SyncResponse
} from '$lib/domain/sync/sync-protocol';
import { decodeSyncResponse } from '$lib/domain/sync/sync-wire';
import { buildDemoData } from '$lib/seed/demo-data';
import { openDatabase, type OpenedDatabase } from '$lib/server/db/connection';
import { seedDemoData } from '$lib/server/db/seed';
import { digestDatabase } from '$lib/server/db/test-support';
import { useDatabase } from '$lib/server/database';
import { seedReferenceData } from '$lib/server/reference/seed';
import { applySync } from '$lib/server/sync/apply-sync';
import { findUnstorableText } from '$lib/server/sync/parse-request';
import {
	CLIENT_A,
	CLIENT_B,
	TEST_GROUPING,
	assessment,
	measurement,
	mutationOf,
	syncRequest,
	testEditor,
	testReference
} from '$lib/server/sync/test-rows';
import { TestBrowser, type ApiReply } from '$lib/server/testing/api-client';
import { addUser } from '$lib/server/testing/fixtures';

/**
 * The real route (through hooks.server.ts, signed in as an editor, and
 * anonymously) against bad input: whatever arrives, the answer is a 4xx
 * with a SyncError body, never a 500, and the database is untouched.
 */

let opened: OpenedDatabase;
const editor = new TestBrowser();
const EDITOR = testEditor('Anna Andersson');

beforeAll(async () => {
	opened = await openDatabase({ dataDir: 'memory://' });
	await seedReferenceData(opened.db, testReference());
	await seedDemoData(opened.db, buildDemoData());
	// Some client history too, so replays, conflicts and applied mutations exist to be disturbed.
	const base = (
		await applySync(
			opened.db,
			syncRequest(CLIENT_A, [
				mutationOf(measurement({ value: 1 }), null),
				mutationOf(assessment(), null)
			]),
			EDITOR
		)
	).lastRevision;
	await applySync(
		opened.db,
		syncRequest(CLIENT_A, [mutationOf(measurement({ value: 2 }), base)]),
		EDITOR
	);
	await applySync(
		opened.db,
		syncRequest(CLIENT_B, [mutationOf(measurement({ value: 3 }), base - 1)]),
		testEditor('Bo Berg')
	);
	useDatabase(opened.db);
	await addUser(
		opened.db,
		'anna@testforbund.example',
		'Anna Andersson',
		[{ organisationId: TEST_GROUPING, role: 'editor' }],
		'ett-bra-losenord'
	);
	expect((await editor.signIn('anna@testforbund.example', 'ett-bra-losenord')).status).toBe(200);
}, 60_000);

afterAll(async () => {
	useDatabase(undefined);
	await opened?.close();
});

async function post(
	body: BodyInit,
	headers?: Record<string, string>,
	as: TestBrowser = editor
): Promise<ApiReply> {
	return as.call('POST', '/api/sync', { body, headers });
}

/** Posts, and checks the one thing that must always hold for bad input. */
async function expectRefused(
	body: BodyInit,
	headers?: Record<string, string>,
	as: TestBrowser = editor
): Promise<{ status: number; error: SyncError }> {
	const reply = await post(body, headers, as);
	if (reply.status < 400 || reply.status >= 500) {
		throw new Error(
			`Väntade 4xx, fick ${reply.status} för ${String(body).slice(0, 300)}: ${JSON.stringify(reply.body).slice(0, 300)}`
		);
	}
	return { status: reply.status, error: SyncError.parse(reply.body) };
}

/** What a well-behaved client sends; the fuzzers break it in every way they can. */
function validRequest(): Record<string, unknown> {
	return JSON.parse(
		JSON.stringify(
			syncRequest(
				CLIENT_A,
				[
					mutationOf(measurement({ year: 2030, value: 42 }), null),
					mutationOf(assessment({ year: 2030 }), 3)
				],
				0,
				100
			)
		)
	);
}

/** The route's own judgement, re-derived: valid JSON, the protocol, and storable text. */
function isAcceptable(text: string): boolean {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return false;
	}
	const parsed = SyncRequest.safeParse(value);
	return parsed.success && findUnstorableText(parsed.data).length === 0;
}

// ------------------------------------------------------------ arbitraries

const hugeAndOddNumbers = fc.constantFrom(
	1e308,
	-1e308,
	2 ** 53,
	2 ** 64,
	-1,
	-0,
	0.5,
	1e-320,
	Number.MAX_SAFE_INTEGER + 2,
	1.7976931348623157e308
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.jsonValue(),
	hugeAndOddNumbers,
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.constantFrom('', '\u0000', '\ud800', 'null', '1', '__proto__', 'x'.repeat(25_000)),
	fc.constant(null),
	fc.boolean(),
	fc.array(fc.jsonValue(), { maxLength: 5 }),
	fc.dictionary(
		fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'value'),
		fc.jsonValue()
	)
);

/** A path into the valid request: a top-level key, or a key of a mutation, or of its row. */
const requestPath: fc.Arbitrary<Path> = fc.oneof<fc.Arbitrary<Path>[]>(
	fc.constantFrom(['protocol'], ['clientId'], ['lastRevision'], ['mutations'], ['pageSize']),
	fc
		.tuple(
			fc.constantFrom(0, 1),
			fc.constantFrom('mutationId', 'entity', 'row', 'baseRevision', 'createdAt')
		)
		.map(([i, key]) => ['mutations', i, key]),
	fc
		.tuple(
			fc.constantFrom(0, 1),
			fc.constantFrom(
				'id',
				'indicatorId',
				'organisationId',
				'goalId',
				'year',
				'gender',
				'value',
				'status',
				'note',
				'analysis',
				'updatedBy',
				'updatedAt',
				'exampleData'
			)
		)
		.map(([i, key]) => ['mutations', i, 'row', key])
);

type Path = readonly (string | number)[];
type Breakage =
	| { kind: 'set'; path: Path; value: unknown }
	| { kind: 'delete'; path: Path }
	| { kind: 'extra'; key: string; value: unknown };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), path: requestPath, value: anyValue }),
	fc.record({ kind: fc.constant('delete' as const), path: requestPath }),
	fc.record({
		kind: fc.constant('extra' as const),
		key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'admin'), fc.string()),
		value: anyValue
	})
);

function applyBreakage(
	request: Record<string, unknown>,
	change: Breakage
): Record<string, unknown> {
	if (change.kind === 'extra') {
		// defineProperty, so "__proto__" becomes a real key in the JSON text rather than a prototype.
		Object.defineProperty(request, change.key, {
			value: change.value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		return request;
	}
	const parent = change.path
		.slice(0, -1)
		.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], request) as
		Record<string | number, unknown> | undefined;
	if (!parent || typeof parent !== 'object') return request;
	const last = change.path.at(-1)!;
	if (change.kind === 'delete') delete parent[last];
	else
		Object.defineProperty(parent, last, {
			value: change.value,
			enumerable: true,
			configurable: true,
			writable: true
		});
	return request;
}

/** Texts that must never be accepted, from many directions at once. */
const badBody: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 5,
		arbitrary: fc
			.array(breakage, { minLength: 1, maxLength: 3 })
			.map((changes) => JSON.stringify(changes.reduce(applyBreakage, validRequest())))
	},
	{ weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'undefined') },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
	{ weight: 1, arbitrary: fc.nat(400).map((n) => JSON.stringify(validRequest()).slice(0, n)) },
	{
		weight: 1,
		arbitrary: anyValue.map((protocol) => JSON.stringify({ ...validRequest(), protocol }))
	}
);

// ------------------------------------------------------------ tests

describe('POST /api/sync with bad input', () => {
	let digestBefore: string;
	beforeAll(async () => {
		digestBefore = await digestDatabase(opened.db);
	});

	test('hand-made nasty payloads are 4xx with a Swedish message', async () => {
		const valid = validRequest();
		const tooMany = {
			...valid,
			mutations: Array.from({ length: MAX_MUTATIONS_PER_REQUEST + 1 }, (_, i) =>
				mutationOf(measurement({ year: 1960 + (i % 140), organisationId: `kommun-${i}` }), null)
			)
		};
		const cases: [string, BodyInit, number][] = [
			['empty body', '', 400],
			['invalid JSON', `{"protocol": ${PROTOCOL_VERSION},`, 400],
			['JSON null', 'null', 400],
			['a JSON string', '"sync"', 400],
			['an array', '[]', 400],
			['deep nesting', '['.repeat(200_000) + ']'.repeat(200_000), 400],
			['wrong protocol', JSON.stringify({ ...valid, protocol: PROTOCOL_VERSION + 1 }), 409],
			['older protocol', JSON.stringify({ ...valid, protocol: PROTOCOL_VERSION - 1 }), 409],
			[
				'protocol as a string',
				JSON.stringify({ ...valid, protocol: String(PROTOCOL_VERSION) }),
				409
			],
			['no protocol', JSON.stringify({ ...valid, protocol: undefined }), 400],
			['clientId not a UUID', JSON.stringify({ ...valid, clientId: 'abc' }), 400],
			['negative lastRevision', JSON.stringify({ ...valid, lastRevision: -1 }), 400],
			[
				'huge lastRevision',
				`{"protocol":${PROTOCOL_VERSION},"clientId":"${CLIENT_A}","lastRevision":1e400,"mutations":[]}`,
				400
			],
			['fractional lastRevision', JSON.stringify({ ...valid, lastRevision: 1.5 }), 400],
			['pageSize too big', JSON.stringify({ ...valid, pageSize: MAX_PAGE_SIZE + 1 }), 400],
			['pageSize zero', JSON.stringify({ ...valid, pageSize: 0 }), 400],
			['mutations not an array', JSON.stringify({ ...valid, mutations: {} }), 400],
			['too many mutations', JSON.stringify(tooMany), 400],
			[
				'unknown entity',
				JSON.stringify({
					...valid,
					mutations: [{ ...(valid.mutations as object[])[0], entity: 'user' }]
				}),
				400
			],
			[
				'value Infinity via 1e999',
				JSON.stringify(valid).replace('"value":42', '"value":1e999'),
				400
			],
			[
				'value an object',
				JSON.stringify(valid).replace('"value":42', '"value":{"valueOf":1}'),
				400
			],
			['year out of range', JSON.stringify(valid).replace('"year":2030', '"year":99999'), 400],
			['NUL in a note', JSON.stringify(valid).replace('"note":""', '"note":"a\\u0000b"'), 400],
			[
				'lone surrogate in updatedBy',
				JSON.stringify(valid).replace('"updatedBy":"Anna Andersson"', '"updatedBy":"\\ud800"'),
				400
			],
			[
				'__proto__ at the top',
				JSON.stringify(valid).replace('{', '{"__proto__":{"polluted":true},'),
				400
			],
			[
				'__proto__ as the whole row',
				JSON.stringify(valid).replace(
					/"row":\{[^}]*\}/,
					'"row":{"__proto__":{"id":"x","polluted":true}}'
				),
				400
			],
			[
				'constructor.prototype',
				JSON.stringify(valid).replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
				400
			],
			['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 400],
			['body over 5 MB', JSON.stringify({ ...valid, padding: 'x'.repeat(5 * 1024 * 1024) }), 413]
		];
		for (const [name, body, status] of cases) {
			const { status: got, error } = await expectRefused(body);
			expect(got, name).toBe(status);
			expect(error.error.length, name).toBeGreaterThan(0);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	test('field errors name the field', async () => {
		const { error } = await expectRefused(
			JSON.stringify({ ...validRequest(), lastRevision: 'zero' })
		);
		expect(error.issues?.[0]).toMatch(/^lastRevision: /);
	});

	test('a declared Content-Length over 5 MB is refused unread, and a lying one is cut off', async () => {
		expect((await expectRefused('{}', { 'content-length': String(6 * 1024 * 1024) })).status).toBe(
			413
		);
		expect(
			(await expectRefused('x'.repeat(5 * 1024 * 1024 + 1), { 'content-length': '10' })).status
		).toBe(413);
	});

	test('10 000 generated bad payloads: all 4xx, never 500', async () => {
		const tally = { sent: 0, protocolMismatch: 0, fieldErrors: 0, badJson: 0 };
		await fc.assert(
			fc.asyncProperty(badBody, async (body) => {
				fc.pre(!isAcceptable(body));
				tally.sent++;
				const { status, error } = await expectRefused(body);
				if (status === 409) tally.protocolMismatch++;
				else if (error.issues) tally.fieldErrors++;
				else if (error.error.startsWith('Ogiltig JSON')) tally.badJson++;
			}),
			{ numRuns: 10_000, maxSkipsPerRun: 10 }
		);
		expect(tally.sent).toBeGreaterThanOrEqual(10_000);
		// The generators reach every layer: the JSON parser, the protocol check and the field validation.
		expect(tally.fieldErrors).toBeGreaterThan(3000);
		expect(tally.protocolMismatch).toBeGreaterThan(300);
		expect(tally.badJson).toBeGreaterThan(300);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	}, 300_000); // about a minute on an idle 2-core machine; room for a busy one

	test('anonymous callers and forged cookies get 401 for every payload, good or bad', async () => {
		const anonymous = new TestBrowser('198.51.100.7');
		const forged = { cookie: 'lagesbild_session=' + 'A'.repeat(43) };
		expect((await expectRefused(JSON.stringify(validRequest()), undefined, anonymous)).status).toBe(
			401
		);
		const forgedReply = await post(JSON.stringify(validRequest()), forged as never, anonymous);
		expect(forgedReply.status).toBe(401);
		expect(forgedReply.setCookies.join()).toMatch(/^lagesbild_session=; Max-Age=0; Path=\//);
		await fc.assert(
			fc.asyncProperty(badBody, async (body) => {
				const { status, error } = await expectRefused(body, undefined, anonymous);
				expect(status).toBe(401);
				expect(error.error).toBe('Du är inte inloggad. Logga in och försök igen.');
			}),
			{ numRuns: 1000 }
		);
	}, 60_000);

	test('the database is unchanged by all of it', async () => {
		expect(await digestDatabase(opened.db)).toBe(digestBefore);
	});
});

describe('POST /api/sync with unusual but valid input', () => {
	test('a "__proto__" key inside a row is dropped like any unknown key, stored nowhere, polluting nothing', async () => {
		const text = JSON.stringify(validRequest()).replace(
			'"row":{',
			'"row":{"__proto__":{"polluted":true},'
		);
		const response = await post(text);
		expect(response.status).toBe(200);
		const answer = SyncResponse.parse(decodeSyncResponse(response.body));
		expect(answer.outcomes.map((o) => o.result)).toEqual(['applied', 'applied']);
		const revision = (answer.outcomes[0] as { revision: number }).revision;
		const { changes } = await applySync(
			opened.db,
			syncRequest(CLIENT_B, [], revision - 1, 1),
			EDITOR
		);
		expect(changes[0].row.id).toBe(measurement({ year: 2030 }).id);
		expect(Object.keys(changes[0].row)).not.toContain('__proto__');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('POST /api/sync with generated valid input', () => {
	const indicatorIds = ['ind-a', 'ind-b'];
	const organisationIds = ['kommun-2401', 'kommun-2403'];
	const storableText = fc
		.string({ unit: 'grapheme', maxLength: 30 })
		.filter((s) => findUnstorableText(s).length === 0);
	const timestamp = fc
		.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
		.map((d) => d.toISOString());
	const fixedMutationIds = [
		'11111111-1111-4111-8111-111111111111',
		'22222222-2222-4222-8222-222222222222'
	];
	const mutationIdArb = fc.oneof(fc.uuid({ version: 4 }), fc.constantFrom(...fixedMutationIds));

	const measurementMutation = fc
		.record({
			indicatorId: fc.constantFrom(...indicatorIds),
			organisationId: fc.constantFrom(...organisationIds),
			year: fc.integer({ min: 2020, max: 2021 }),
			gender: fc.constantFrom('T' as const, 'K' as const, 'M' as const),
			value: fc.oneof(
				fc.double({ noNaN: true, noDefaultInfinity: true }),
				storableText,
				fc.constant(null)
			),
			status: fc.constantFrom('preliminary' as const, 'final' as const),
			note: storableText,
			updatedBy: storableText,
			updatedAt: timestamp
		})
		.map((fields) => measurement(fields));
	const assessmentMutation = fc
		.record({
			year: fc.integer({ min: 2020, max: 2021 }),
			status: fc.constantFrom('onTrack' as const, 'atRisk' as const, 'offTrack' as const),
			analysis: storableText
		})
		.map((fields) => assessment(fields));
	const mutation = fc
		.tuple(
			fc.oneof(measurementMutation, assessmentMutation),
			fc.option(fc.nat(2000)),
			mutationIdArb
		)
		.map(([row, base, id]) => mutationOf(row, base, id));
	const request = fc.record({
		clientId: fc.constantFrom(CLIENT_A, CLIENT_B, '33333333-3333-4333-8333-333333333333'),
		lastRevision: fc.nat(2000),
		mutations: fc.array(mutation, { maxLength: 8 }),
		pageSize: fc.integer({ min: 1, max: 50 })
	});

	test('300 random valid exchanges: always 200 and a well-formed answer', async () => {
		await fc.assert(
			fc.asyncProperty(request, async ({ clientId, lastRevision, mutations, pageSize }) => {
				const response = await post(
					JSON.stringify(syncRequest(clientId, mutations, lastRevision, pageSize))
				);
				expect(response.status).toBe(200);
				const answer = SyncResponse.parse(decodeSyncResponse(response.body));
				expect(answer.outcomes.map((o) => o.mutationId)).toEqual(
					mutations.map((m) => m.mutationId)
				);
				expect(answer.changes.length).toBeLessThanOrEqual(pageSize);
				expect(answer.lastRevision).toBeGreaterThanOrEqual(lastRevision);
			}),
			{ numRuns: 300 }
		);
	}, 60_000);
});
