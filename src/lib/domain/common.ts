// Every domain schema is written with zod/mini: mini schemas tree-shake, so a page
// carries only the schemas it uses. One classic zod schema on the first page costs
// about 25 KB gzip; tests/bundle-budget.spec.ts holds the first page to 100 KB.
import * as z from 'zod/mini';
// Messages no schema sets itself are Swedish sentences too (see there).
import './swedish-messages';

/** Stable identifier of a row: lower-case letters, digits and dashes, as produced by `ids.ts`. */
export const Id = z
	.string()
	.check(
		z.minLength(1, 'Id saknas'),
		z.maxLength(200, 'Id är för långt'),
		z.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'Ogiltigt id')
	);

/** Calendar years the app accepts: statistics series start in the 1960s; plans reach to 2050 and beyond. */
export const MIN_YEAR = 1960;
export const MAX_YEAR = 2100;
export const Year = z
	.int('Året måste vara ett heltal')
	.check(
		z.gte(MIN_YEAR, `Året måste vara ${MIN_YEAR} eller senare`),
		z.lte(MAX_YEAR, `Året måste vara ${MAX_YEAR} eller tidigare`)
	);

/** ISO 8601 timestamp with time zone, as produced by `new Date().toISOString()`. */
export const Timestamp = z.iso.datetime({ offset: true, message: 'Ogiltig tidpunkt' });

/** ISO date (YYYY-MM-DD). */
export const IsoDate = z.iso.date({ message: 'Ogiltigt datum' });

/** Where a figure or definition comes from: a document, a statistics table, or a person. */
export const SourceRef = z
	.string()
	.check(z.trim(), z.maxLength(500, 'Källan får vara högst 500 tecken'));
