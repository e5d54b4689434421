import { describe, it, expect } from 'vitest';
import {
	assessmentResolution,
	conflictCountBySeries,
	conflictOptions,
	conflictYearsByOrganisation,
	conflictYearsBySeries,
	measurementResolution,
	UnknownConflictChoiceError,
	yearsText
} from './conflicts';
import type { Measurement } from '../figures/measurement';
import type { Assessment } from '../figures/assessment';
import type { ConflictingValue } from './sync-protocol';
import { assessmentId, measurementId } from '../ids';

const row: Measurement = {
	id: measurementId('ind', 'kommun-2403', 2025, 'T'),
	indicatorId: 'ind',
	organisationId: 'kommun-2403',
	year: 2025,
	gender: 'T',
	value: 30,
	status: 'final',
	note: 'Enligt årsredovisningen',
	source: 'Kolada N01951',
	updatedBy: 'Anna Andersson',
	updatedAt: '2026-01-10T09:00:00.000Z',
	exampleData: false
};
const theirs: ConflictingValue = {
	mutationId: '00000000-0000-4000-8000-000000000001',
	value: 25,
	row: {
		...row,
		value: 25,
		status: 'preliminary',
		note: 'Från SCB',
		source: 'Manuellt inmatat',
		updatedBy: 'Erik Ek',
		updatedAt: '2026-01-10T09:05:00.000Z'
	},
	by: 'Erik Ek',
	at: '2026-01-10T09:05:00.000Z'
};

describe('measurementResolution', () => {
	it('keeping the standing value keeps its status, note and source', () => {
		expect(measurementResolution(row, [theirs], { kind: 'current' })).toEqual({
			value: 30,
			status: 'final',
			note: 'Enligt årsredovisningen',
			source: 'Kolada N01951'
		});
	});

	it('choosing the competing value brings what its author gave it', () => {
		expect(
			measurementResolution(row, [theirs], { kind: 'candidate', mutationId: theirs.mutationId })
		).toEqual({ value: 25, status: 'preliminary', note: 'Från SCB', source: 'Manuellt inmatat' });
	});

	it('a new value is the person’s own figure, with the row’s status and note', () => {
		expect(measurementResolution(row, [theirs], { kind: 'new', value: 27.5 })).toEqual({
			value: 27.5,
			status: 'final',
			note: 'Enligt årsredovisningen',
			source: 'Manuellt inmatat'
		});
	});

	it('refuses a choice that is no longer in the conflict (resolved elsewhere)', () => {
		expect(() =>
			measurementResolution(row, [], { kind: 'candidate', mutationId: theirs.mutationId })
		).toThrow(UnknownConflictChoiceError);
	});
});

describe('assessmentResolution', () => {
	const assessment: Assessment = {
		id: assessmentId('mal', 2025),
		goalId: 'mal',
		year: 2025,
		status: 'onTrack',
		analysis: 'Går enligt plan.',
		updatedBy: 'Anna Andersson',
		updatedAt: '2026-01-10T09:00:00.000Z',
		exampleData: false
	};
	const other: ConflictingValue = {
		mutationId: '00000000-0000-4000-8000-000000000002',
		value: 'atRisk',
		row: { ...assessment, status: 'atRisk', analysis: 'Försenat.' },
		by: 'Erik Ek',
		at: '2026-01-10T10:00:00.000Z'
	};

	it('takes the chosen judgement with its analysis', () => {
		expect(
			assessmentResolution(assessment, [other], { kind: 'candidate', mutationId: other.mutationId })
		).toEqual({ status: 'atRisk', analysis: 'Försenat.' });
		expect(assessmentResolution(assessment, [other], { kind: 'current' })).toEqual({
			status: 'onTrack',
			analysis: 'Går enligt plan.'
		});
	});
});

describe('conflictOptions', () => {
	it('offers the standing value first, then each competing one, with who and when', () => {
		expect(conflictOptions(row, [theirs])).toEqual([
			{ choice: { kind: 'current' }, value: 30, by: 'Anna Andersson', at: row.updatedAt },
			{
				choice: { kind: 'candidate', mutationId: theirs.mutationId },
				value: 25,
				by: 'Erik Ek',
				at: theirs.at
			}
		]);
	});
});

describe('where conflicts are marked', () => {
	const key = (
		indicatorId: string,
		organisationId: string,
		year: number,
		gender: 'T' | 'K' = 'T'
	) => ({ indicatorId, organisationId, year, gender });
	const rows = [
		key('a', 'k1', 2024),
		key('a', 'k1', 2025),
		key('a', 'k2', 2025, 'K'),
		key('b', 'k1', 2025)
	];

	it('by organisation and year, for one series and gender', () => {
		expect(conflictYearsByOrganisation(rows, 'a', 'T')).toEqual(
			new Map([['k1', new Set([2024, 2025])]])
		);
		expect(conflictYearsByOrganisation(rows, 'a', 'K')).toEqual(new Map([['k2', new Set([2025])]]));
	});

	it('counted by series, and by series for one organisation', () => {
		expect(conflictCountBySeries(rows)).toEqual(
			new Map([
				['a', 3],
				['b', 1]
			])
		);
		expect(conflictYearsBySeries(rows, 'k1')).toEqual(
			new Map([
				['a', new Set([2024, 2025])],
				['b', new Set([2025])]
			])
		);
		expect(yearsText(new Set([2025, 2023]))).toBe('2023, 2025');
	});
});
