import type { Measurement } from '$lib/domain/measurement';
import type { Assessment } from '$lib/domain/assessment';
import type { Mutation } from '$lib/domain/mutation';
import type { SyncRequest } from '$lib/domain/sync-protocol';
import { assessmentId, measurementId } from '$lib/domain/ids';
import { PROTOCOL_VERSION } from '$lib/domain/sync-protocol';

/** Builders for the sync tests: valid rows, mutations and requests with readable defaults. */

export const CLIENT_A = '00000000-0000-4000-8000-00000000000a';
export const CLIENT_B = '00000000-0000-4000-8000-00000000000b';
export const CLIENT_C = '00000000-0000-4000-8000-00000000000c';

export function measurement(overrides: Partial<Measurement> = {}): Measurement {
	const key = { indicatorId: 'ind-sjukfranvaro', organisationId: 'kommun-2401', year: 2024, gender: 'T' as const, ...overrides };
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

export function mutationOf(row: Measurement | Assessment, baseRevision: number | null, mutationId: string = crypto.randomUUID()): Mutation {
	const createdAt = row.updatedAt;
	return 'indicatorId' in row
		? { mutationId, entity: 'measurement', row, baseRevision, createdAt }
		: { mutationId, entity: 'assessment', row, baseRevision, createdAt };
}

export function syncRequest(clientId: string, mutations: Mutation[], lastRevision = 0, pageSize?: number): SyncRequest {
	return { protocol: PROTOCOL_VERSION, clientId, lastRevision, mutations, ...(pageSize ? { pageSize } : {}) };
}
