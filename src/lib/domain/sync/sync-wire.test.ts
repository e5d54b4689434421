import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { decodeSyncResponse, encodeSyncResponse } from './sync-wire';
import { PROTOCOL_VERSION, SyncResponse, type Change } from './sync-protocol';

const measurement = (i: number, extra: Record<string, unknown> = {}) => ({
	id: `m:ind-${i % 7}:kommun-${1000 + (i % 13)}:${2000 + (i % 20)}:t`,
	indicatorId: `ind-${i % 7}`,
	organisationId: `kommun-${1000 + (i % 13)}`,
	year: 2000 + (i % 20),
	gender: 'T' as const,
	value: i % 11 === 0 ? null : i * 1.5,
	status: 'final' as const,
	note: '',
	source: 'SCB',
	updatedBy: 'Ada',
	updatedAt: '2026-01-15T08:00:00.000Z',
	exampleData: false,
	...extra
});

function response(changes: Change[]): SyncResponse {
	return {
		protocol: PROTOCOL_VERSION,
		serverEpoch: 'e.1',
		outcomes: [],
		changes,
		lastRevision: changes.at(-1)?.revision ?? 0,
		hasMore: false
	};
}

describe('the compact wire format of the pull', () => {
	it('gives back exactly the rows it was given, fields only some rows have included', () => {
		const review = { state: 'approved', comment: 'ok', by: 'Vera', at: '2026-02-01T10:00:00.000Z' };
		const changes: Change[] = [
			{ entity: 'measurement', row: measurement(1), revision: 4, conflicts: [] },
			{
				entity: 'assessment',
				row: {
					id: 'a:g:2025',
					goalId: 'g',
					year: 2025,
					status: 'onTrack',
					analysis: 'Bra',
					updatedBy: 'Ada',
					updatedAt: '2026-01-15T08:00:00.000Z',
					exampleData: false
				},
				revision: 5,
				conflicts: []
			},
			{
				entity: 'measurement',
				row: measurement(2, { review } as never),
				revision: 9,
				conflicts: []
			},
			...Array.from({ length: 20 }, (_, i) => ({
				entity: 'measurement' as const,
				row: measurement(i + 3),
				revision: 10 + i,
				conflicts: []
			}))
		];
		const decoded = decodeSyncResponse(
			JSON.parse(JSON.stringify(encodeSyncResponse(response(changes))))
		);
		expect(decoded).toEqual(response(changes));
		expect(SyncResponse.parse(decoded).changes).toHaveLength(changes.length);
	});

	it('round-trips any page of rows with any extra fields and open conflicts', () => {
		const extra = fc.dictionary(fc.constantFrom('review', 'round', 'x', 'note2'), fc.jsonValue(), {
			maxKeys: 2
		});
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.nat(1000), extra, fc.boolean()), { maxLength: 40 }),
				(specs) => {
					const changes: Change[] = specs.map(([i, more, conflicted], position) => {
						const row = measurement(i, JSON.parse(JSON.stringify(more)));
						const conflicts = conflicted
							? [
									{
										mutationId: '7d9f1f4e-0000-4000-8000-000000000001',
										value: 3,
										row,
										by: 'Erik',
										at: '2026-01-15T08:00:00.000Z'
									}
								]
							: [];
						return { entity: 'measurement', row, revision: position * 3 + 1, conflicts } as Change;
					});
					const wire = JSON.parse(JSON.stringify(encodeSyncResponse(response(changes))));
					expect(decodeSyncResponse(wire)).toEqual(response(changes));
				}
			)
		);
	});

	it('is much smaller than one JSON object per row, before and after gzip', () => {
		const changes = Array.from({ length: 1000 }, (_, i) => ({
			entity: 'measurement' as const,
			row: measurement(i),
			revision: i + 1,
			conflicts: []
		}));
		const plain = JSON.stringify(response(changes));
		const compact = JSON.stringify(encodeSyncResponse(response(changes)));
		expect(compact.length).toBeLessThan(plain.length / 2);
		expect(gzipSync(compact).length).toBeLessThan(gzipSync(plain).length);
	});

	it('refuses what it did not write', () => {
		const wire = (batch: unknown) => ({ ...response([]), changes: { measurement: batch } });
		expect(() => decodeSyncResponse(wire({ n: 2, revisions: [1], columns: {} }))).toThrow();
		expect(() =>
			decodeSyncResponse(
				wire({ n: 1, revisions: [1], columns: { id: { dict: ['a'], index: [3] } } })
			)
		).toThrow();
		expect(() =>
			decodeSyncResponse(wire({ n: 1, revisions: [1], columns: { id: ['a', 'b'] } }))
		).toThrow();
		expect(() =>
			decodeSyncResponse(
				JSON.parse(
					'{"changes":{"measurement":{"n":1,"revisions":[1],"columns":{"__proto__":[1]}}}}'
				)
			)
		).toThrow();
		expect(() => decodeSyncResponse({ ...response([]), changes: { other: {} } })).toThrow();
	});
});
