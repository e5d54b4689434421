import { describe, it, expect } from 'vitest';
import {
	diffImport,
	fileSource,
	idsNeedingConfirmation,
	isFromSource,
	koladaSource,
	valuesToWrite,
	type ExistingValue,
	type ImportedMeasurement
} from './import-diff';
import { measurementId } from '../ids';

const source = koladaSource('N03937');
const incoming = (organisationId: string, value: number): ImportedMeasurement => ({
	indicatorId: 'an-arbetsloshet',
	organisationId,
	year: 2024,
	gender: 'T',
	value,
	status: 'final',
	source: source.label
});
const stored = (
	organisationId: string,
	value: number | null,
	storedSource: string
): ExistingValue => ({
	id: measurementId('an-arbetsloshet', organisationId, 2024, 'T'),
	value,
	status: 'final',
	source: storedSource,
	note: ''
});

describe('diffImport', () => {
	const existing = new Map(
		[
			stored('kommun-2421', 5.5, 'Kolada N03937'),
			stored('kommun-2422', 6.1, 'Kolada N03937'),
			stored('kommun-2425', 7.0, 'Manuellt inmatat'),
			stored('kommun-2506', null, 'Manuellt inmatat')
		].map((m) => [m.id, m])
	);
	const values = [
		incoming('kommun-2421', 5.5),
		incoming('kommun-2422', 6.3),
		incoming('kommun-2425', 7.2),
		incoming('kommun-2506', 4.1),
		incoming('kommun-2463', 8)
	];
	const diff = diffImport(values, existing, source);

	it('sorts values into new, changed and unchanged; a stored missing value is filled as new', () => {
		expect(diff.rows.map((r) => r.kind)).toEqual(['unchanged', 'changed', 'changed', 'new', 'new']);
		expect(diff.counts).toEqual({ new: 2, changed: 2, unchanged: 1, needsConfirmation: 1 });
	});

	it('flags a change to a value that came from elsewhere (typed by hand) for confirmation', () => {
		expect(diff.rows.filter((r) => r.needsConfirmation).map((r) => r.previous?.source)).toEqual([
			'Manuellt inmatat'
		]);
	});

	it('writes new and changed values, and overwrites hand-entered ones only when confirmed', () => {
		expect(valuesToWrite(diff, { confirmed: new Set() }).map((v) => v.organisationId)).toEqual([
			'kommun-2422',
			'kommun-2506',
			'kommun-2463'
		]);
		expect(
			valuesToWrite(diff, { confirmed: idsNeedingConfirmation(diff) }).map((v) => v.organisationId)
		).toEqual(['kommun-2422', 'kommun-2425', 'kommun-2506', 'kommun-2463']);
	});

	it('counts a changed status or note as a change', () => {
		const preliminary = {
			...stored('kommun-2421', 5.5, 'Kolada N03937'),
			status: 'preliminary' as const
		};
		expect(
			diffImport([incoming('kommun-2421', 5.5)], new Map([[preliminary.id, preliminary]]), source)
				.rows[0].kind
		).toBe('changed');
		const withNote = { ...incoming('kommun-2421', 5.5), note: 'ny' };
		const existingRow = stored('kommun-2421', 5.5, 'Kolada N03937');
		expect(
			diffImport([withNote], new Map([[existingRow.id, existingRow]]), source).rows[0].kind
		).toBe('changed');
	});
});

describe('import sources', () => {
	it('names SCB tables from the file name, and other files by name', () => {
		expect(fileSource('scb_TAB3200_arbetsloshet.csv')).toEqual({
			key: 'SCB TAB3200',
			label: 'SCB TAB3200 (fil scb_TAB3200_arbetsloshet.csv)'
		});
		expect(fileSource('scb-export.csv', { kind: 'scb', table: 'UF0506' }).key).toBe('SCB UF0506');
		expect(fileSource('egna-siffror.csv', { kind: 'scb', table: 'UF0506' })).toEqual({
			key: 'Fil egna-siffror.csv',
			label: 'Fil egna-siffror.csv'
		});
	});

	it('treats the demo’s SCB values and earlier imports of the same table as the same source', () => {
		const scb = fileSource('scb_TAB3200.csv');
		expect(isFromSource('SCB TAB3200', scb)).toBe(true);
		expect(isFromSource('SCB TAB3200 (fil annan.csv)', scb)).toBe(true);
		expect(isFromSource('SCB TAB32001', scb)).toBe(false);
		expect(isFromSource('Manuellt inmatat', scb)).toBe(false);
	});
});
