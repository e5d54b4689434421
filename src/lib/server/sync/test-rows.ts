import type { Measurement } from '$lib/domain/figures/measurement';
import type { Assessment } from '$lib/domain/figures/assessment';
import type { Mutation } from '$lib/domain/sync/mutation';
import type { SyncRequest } from '$lib/domain/sync/sync-protocol';
import { assessmentId, measurementId } from '$lib/domain/ids';
import { PROTOCOL_VERSION } from '$lib/domain/sync/sync-protocol';
import type { Indicator } from '$lib/domain/plan/indicator';
import type { ReferenceSeed } from '../reference/seed';
import type { SyncActor } from './authorize';

/** Builders for the sync tests: valid rows, mutations and requests with readable defaults. */

export const CLIENT_A = '00000000-0000-4000-8000-00000000000a';
export const CLIENT_B = '00000000-0000-4000-8000-00000000000b';
export const CLIENT_C = '00000000-0000-4000-8000-00000000000c';

export function measurement(overrides: Partial<Measurement> = {}): Measurement {
	const key = {
		indicatorId: 'ind-sjukfranvaro',
		organisationId: 'kommun-2401',
		year: 2024,
		gender: 'T' as const,
		...overrides
	};
	return {
		id: measurementId(key.indicatorId, key.organisationId, key.year, key.gender),
		value: 16.6,
		status: 'preliminary',
		note: '',
		source: 'Manuellt inmatat',
		updatedBy: 'Anna Andersson',
		updatedAt: '2025-03-01T10:00:00.000Z',
		exampleData: false,
		...overrides,
		...key
	};
}

export function assessment(overrides: Partial<Assessment> = {}): Assessment {
	const key = { goalId: 'mal-kompetens', year: 2024, ...overrides };
	return {
		id: assessmentId(key.goalId, key.year),
		status: 'onTrack',
		analysis: 'Arbetet går enligt plan.',
		updatedBy: 'Bo Berg',
		updatedAt: '2025-03-01T10:00:00.000Z',
		exampleData: false,
		...overrides,
		...key
	};
}

export function mutationOf(
	row: Measurement | Assessment,
	baseRevision: number | null,
	mutationId: string = crypto.randomUUID()
): Mutation {
	const createdAt = row.updatedAt;
	return 'indicatorId' in row
		? { mutationId, entity: 'measurement', row, baseRevision, createdAt }
		: { mutationId, entity: 'assessment', row, baseRevision, createdAt };
}

export function syncRequest(
	clientId: string,
	mutations: Mutation[],
	lastRevision = 0,
	pageSize?: number
): SyncRequest {
	return {
		protocol: PROTOCOL_VERSION,
		clientId,
		lastRevision,
		mutations,
		...(pageSize ? { pageSize } : {})
	};
}

// ---------------------------------------------------------------- reference data and users for sync tests

/**
 * Since every mutation is authorised, the rows above need a goal tree to
 * belong to: one test federation with the municipalities the tests use as
 * members, the indicators and the goal they name.
 */
export const TEST_GROUPING = 'testforbund';
export const TEST_MEMBERS = [
	'kommun-2401',
	'kommun-2403',
	'kommun-2404',
	'kommun-2421',
	'kommun-2462',
	'kommun-2463'
];
export const TEST_INDICATORS = ['ind-sjukfranvaro', 'ind-a', 'ind-b'];

export function testReference(): ReferenceSeed {
	const indicator = (id: string): Indicator => ({
		id,
		organisationId: TEST_GROUPING,
		name: id,
		unit: 'percent',
		decimals: 1,
		betterDirection: 'lower',
		source: { kind: 'manual' },
		aggregation: 'mean',
		scope: 'members',
		genderBreakdown: false,
		order: 0,
		exampleData: false
	});
	return {
		organisations: [
			{ id: TEST_GROUPING, kind: 'federation', name: 'Testförbundet' },
			...TEST_MEMBERS.map((id) => ({
				id,
				kind: 'municipality' as const,
				name: `Kommun ${id.slice(-4)}`,
				kommunkod: id.slice(-4)
			}))
		],
		memberships: TEST_MEMBERS.map((memberId) => ({
			id: `ms:${TEST_GROUPING}:${memberId}:1960`,
			groupingId: TEST_GROUPING,
			memberId,
			fromYear: 1960
		})),
		plans: [
			{
				id: 'test-plan',
				organisationId: TEST_GROUPING,
				name: 'Testplan',
				fromYear: 2020,
				toYear: 2030,
				assessmentScale: 'status'
			}
		],
		goalAreas: [],
		goals: [
			{ id: 'mal-kompetens', planId: 'test-plan', kind: 'goal', name: 'Kompetens', order: 0 }
		],
		subGoals: [],
		indicators: TEST_INDICATORS.map(indicator),
		targets: [],
		reportingRounds: []
	};
}

/** An editor of the test federation: may write every row above. Named like the rows' default author. */
export function testEditor(name = 'Anna Andersson'): SyncActor {
	return { name, roles: [{ organisationId: TEST_GROUPING, role: 'editor' }] };
}
