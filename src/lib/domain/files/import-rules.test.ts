import { describe, it, expect } from 'vitest';
import { MIN_YEAR } from '../common';
import {
	describeKoladaMissing,
	fileSizeProblem,
	importDoneMessage,
	importYears,
	koladaMembers,
	koladaMunicipalityCodes,
	koladaYears,
	MAX_IMPORT_FILE_BYTES,
	readKoladaKpiId
} from './import-rules';

describe('import rules: years', () => {
	it('an imported value may have any year from the shared MIN_YEAR up to next year', () => {
		expect(importYears(2026)).toEqual({ min: MIN_YEAR, max: 2027 });
	});

	it('Kolada is asked for whole years from MIN_YEAR to this year, first to last', () => {
		expect(koladaYears(2022, 2024, 2026)).toEqual({ ok: true, value: [2022, 2023, 2024] });
		expect(koladaYears(MIN_YEAR, MIN_YEAR, 2026)).toEqual({ ok: true, value: [MIN_YEAR] });
		expect(koladaYears(2026, 2026, 2026)).toEqual({ ok: true, value: [2026] });
		const refused = {
			ok: false,
			problem: `Välj år mellan ${MIN_YEAR} och 2026, från och med det första till och med det sista.`
		};
		expect(koladaYears(MIN_YEAR - 1, 2024, 2026)).toEqual(refused);
		expect(koladaYears(2024, 2027, 2026)).toEqual(refused);
		expect(koladaYears(2024, 2023, 2026)).toEqual(refused);
		expect(koladaYears(2023.5, 2024, 2026)).toEqual(refused);
		// An emptied number field reads as NaN (or null, typed as a number).
		expect(koladaYears(Number.NaN, 2024, 2026)).toEqual(refused);
	});
});

describe('import rules: file size', () => {
	it('reads files up to 50 MB and names the size of a larger one', () => {
		expect(fileSizeProblem(0)).toBeNull();
		expect(fileSizeProblem(MAX_IMPORT_FILE_BYTES)).toBeNull();
		expect(fileSizeProblem(MAX_IMPORT_FILE_BYTES + 1)).toBe(
			'Filen är 50 MB; högst 50 MB kan läsas in. Dela upp den per indikator eller år.'
		);
		expect(fileSizeProblem(120 * 1024 * 1024)).toBe(
			'Filen är 120 MB; högst 50 MB kan läsas in. Dela upp den per indikator eller år.'
		);
	});
});

describe('import rules: Kolada', () => {
	it('a KPI id is a letter and five digits, read without case or surrounding spaces', () => {
		expect(readKoladaKpiId(' n01951 ')).toEqual({ ok: true, value: 'N01951' });
		expect(readKoladaKpiId('U00405')).toEqual({ ok: true, value: 'U00405' });
		for (const text of ['', 'N0195', 'N019511', '01951N', 'N 01951']) {
			expect(readKoladaKpiId(text), text).toEqual({
				ok: false,
				problem: 'Kolada-id ska se ut som N01951.'
			});
		}
	});

	const members = [
		{ id: 'kommun-2421', name: 'Storuman', kommunkod: '2421' },
		{ id: 'kommun-2422', name: 'Sorsele', kommunkod: '2422' },
		{ id: 'projekt-x', name: 'Ett projekt' },
		{ id: 'kommun-2506', name: 'Arjeplog', kommunkod: '2506' }
	];

	it('asks for Riket and the members with a kommunkod', () => {
		const memberIds = new Set(['kommun-2421', 'kommun-2422', 'projekt-x']);
		expect(koladaMunicipalityCodes(members, memberIds)).toEqual(['0000', '2421', '2422']);
		expect(koladaMembers(members, memberIds)).toEqual(
			new Map([
				['2421', { id: 'kommun-2421', name: 'Storuman' }],
				['2422', { id: 'kommun-2422', name: 'Sorsele' }]
			])
		);
	});

	it('names a value Kolada lacks with its gender (unless total) and Kolada’s status', () => {
		expect(
			describeKoladaMissing({
				organisationId: 'kommun-2422',
				name: 'Sorsele',
				year: 2024,
				gender: 'K',
				status: 'Saknas'
			})
		).toBe('Sorsele 2024 (kvinnor): Saknas');
		expect(
			describeKoladaMissing({
				organisationId: 'riket',
				name: 'Riket',
				year: 2023,
				gender: 'T',
				status: ''
			})
		).toBe('Riket 2023');
	});
});

describe('import rules: the done message', () => {
	it('counts what was written and what was kept from other sources, in Swedish singular and plural', () => {
		expect(importDoneMessage({ written: 1, kept: 0 }, 'Medelålder (år)', 'Fil a.csv')).toBe(
			'1 värde importerades till Medelålder (år) (Fil a.csv). De synkas till servern som andra ändringar.'
		);
		expect(importDoneMessage({ written: 1234, kept: 1 }, 'Folkmängd', 'Kolada N01951')).toBe(
			'1\u00a0234 värden importerades till Folkmängd (Kolada N01951). 1 värde från andra källor behölls. De synkas till servern som andra ändringar.'
		);
		expect(importDoneMessage({ written: 0, kept: 8 }, 'X', 'Kolada N03937')).toContain(
			'0 värden importerades till X (Kolada N03937). 8 värden från andra källor behölls.'
		);
	});
});
