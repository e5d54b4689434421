import { describe, expect, it } from 'vitest';
import {
	entryPath,
	groupingPagePath,
	groupingPath,
	groupingPlanPath,
	indicatorEditorPath,
	indicatorPath,
	municipalityFormPath,
	municipalityPath,
	newIndicatorPath,
	roundPath
} from './app-paths';

describe('app paths', () => {
	it('builds the addresses the pages live at', () => {
		expect(groupingPath('akademi-norr')).toBe('/grupp/akademi-norr');
		expect(groupingPlanPath('akademi-norr', 'vp 2026')).toBe('/grupp/akademi-norr?plan=vp%202026');
		expect(groupingPagePath('akademi-norr', 'plan/logg')).toBe('/grupp/akademi-norr/plan/logg');
		expect(indicatorPath('akademi-norr', 'akademi-norr-arbetsloshet')).toBe(
			'/grupp/akademi-norr/indikator/akademi-norr-arbetsloshet'
		);
		expect(indicatorEditorPath('g', 'i')).toBe('/grupp/g/plan/indikator/i');
		expect(roundPath('g')).toBe('/grupp/g/rapportering');
		expect(roundPath('g', 2025)).toBe('/grupp/g/rapportering/2025');
		expect(municipalityPath('2425')).toBe('/kommun/2425');
		expect(municipalityFormPath('2425')).toBe('/kommun/2425/rapportera');
		expect(municipalityFormPath('2425', 2025)).toBe('/kommun/2425/rapportera?ar=2025');
	});

	it('adds only the query parameters given, encoded', () => {
		expect(entryPath('g')).toBe('/grupp/g/registrera');
		expect(entryPath('g', { indikator: 'a b', ar: 2024 })).toBe(
			'/grupp/g/registrera?indikator=a%20b&ar=2024'
		);
		expect(entryPath('g', { ar: 2024, kon: undefined })).toBe('/grupp/g/registrera?ar=2024');
		expect(newIndicatorPath('g', 'mal.2026')).toBe('/grupp/g/plan/indikator/ny?mal=mal.2026');
	});

	it("opens a goal's assessment form on the overview at the goal", () => {
		expect(groupingPath('g', { goalId: 'g-mal-1', year: 2025 })).toBe(
			'/grupp/g?bedom=g-mal-1&ar=2025#mal-g-mal-1'
		);
	});

	it('encodes ids, so an odd id never breaks out of its segment', () => {
		expect(indicatorPath('g', 'x/y?z')).toBe('/grupp/g/indikator/x%2Fy%3Fz');
	});
});
