import { z } from 'zod';

/** Stable identifier of a row: lower-case letters, digits and dashes, as produced by `ids.ts`. */
export const Id = z
	.string()
	.min(1, 'Id saknas')
	.max(200, 'Id är för långt')
	.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Ogiltigt id');

/** Calendar years the app accepts: statistics series start in the 1960s; plans reach to 2050 and beyond. */
export const MIN_YEAR = 1960;
export const MAX_YEAR = 2100;
export const Year = z
	.number()
	.int('Året måste vara ett heltal')
	.min(MIN_YEAR, `Året måste vara ${MIN_YEAR} eller senare`)
	.max(MAX_YEAR, `Året måste vara ${MAX_YEAR} eller tidigare`);

/** ISO 8601 timestamp with time zone, as produced by `new Date().toISOString()`. */
export const Timestamp = z.iso.datetime({ offset: true, message: 'Ogiltig tidpunkt' });

/** ISO date (YYYY-MM-DD). */
export const IsoDate = z.iso.date({ message: 'Ogiltigt datum' });

/** Rows not taken from a source document are marked, so the UI can say "exempeldata". */
export const ExampleFlag = z.boolean().default(false);

/** Where a figure or definition comes from: a document, a statistics table, or a person. */
export const SourceRef = z.string().trim().max(500, 'Källan får vara högst 500 tecken');
