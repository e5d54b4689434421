import type { Indicator } from './plan/indicator';

/** Test helper (not a test file): a plain member indicator of grouping 'f', with whatever a test needs changed. */
export function testIndicator(id: string, overrides: Partial<Indicator> = {}): Indicator {
	return {
		id,
		organisationId: 'f',
		name: id,
		unit: 'percent',
		decimals: 1,
		betterDirection: 'higher',
		source: { kind: 'manual' },
		aggregation: 'mean',
		scope: 'members',
		genderBreakdown: false,
		order: 0,
		exampleData: false,
		...overrides
	};
}
