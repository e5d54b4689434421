import type { Organisation } from '$lib/domain/plan/organisation';
import { municipalityId } from '$lib/domain/ids';
import { parseSimpleCsv, textField } from './csv';
import municipalityCsv from './sources/swedish-geodata_municipality_county.csv?raw';

const FILE = 'swedish-geodata_municipality_county.csv';
const SOURCE = 'Sveriges kommuner och län (swedish-geodata_municipality_county.csv)';

function toOrganisation(row: Record<string, string>): Organisation {
	return {
		id: municipalityId(textField(row, 'municipality_code', FILE)),
		kind: 'municipality',
		// Short names ("Storuman", not "Storumans kommun") are what the documents and the UI use.
		name: textField(row, 'municipality_name_short', FILE),
		kommunkod: textField(row, 'municipality_code', FILE),
		countyCode: textField(row, 'county_code', FILE),
		countyName: textField(row, 'county_name', FILE),
		source: SOURCE
	};
}

let cache: Organisation[] | undefined;

/** All 290 municipalities, in kommunkod order as in the source file. */
export function allMunicipalities(): Organisation[] {
	cache ??= parseSimpleCsv(municipalityCsv, FILE).map(toOrganisation);
	// Copies, so a caller that edits a row cannot change what the next caller gets.
	return cache.map((m) => ({ ...m }));
}

/** The municipality with this short name ("Åsele"); throws on a name that is not a Swedish municipality. */
export function municipalityByName(shortName: string): Organisation {
	const found = allMunicipalities().find((m) => m.name === shortName);
	if (!found)
		throw new Error(`Okänd kommun: "${shortName}" finns inte bland Sveriges 290 kommuner`);
	return found;
}

/** The municipality ids for a list of short names, in the order given. */
export function municipalityIds(shortNames: readonly string[]): string[] {
	return shortNames.map((name) => municipalityByName(name).id);
}

/** The municipalities of one county (two-digit county code), in kommunkod order. */
export function municipalitiesInCounty(countyCode: string): Organisation[] {
	return allMunicipalities().filter((m) => m.countyCode === countyCode);
}
