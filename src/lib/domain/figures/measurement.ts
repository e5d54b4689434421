import * as z from 'zod/mini';
import { Id, Year, Timestamp, SourceRef } from '../common';
import { MAX_TEXT_LENGTH } from '../entry/measurement-input';
import { Review } from '../entry/review';

/** Kolada's gender codes: T total, K women (kvinnor), M men (män). */
export const Gender = z.enum(['T', 'K', 'M']);
export type Gender = z.infer<typeof Gender>;

export const GENDER_LABELS: Record<Gender, string> = { T: 'Totalt', K: 'Kvinnor', M: 'Män' };

export const MeasurementStatus = z.enum(['preliminary', 'final']);
export type MeasurementStatus = z.infer<typeof MeasurementStatus>;

export const MEASUREMENT_STATUS_LABELS: Record<MeasurementStatus, string> = {
	preliminary: 'Preliminärt',
	final: 'Slutligt'
};

/**
 * Numbers for numeric units (yes/no as 1/0, scale as 1–5), strings for text
 * indicators, null for a value that is known to be missing.
 */
export const MeasurementValue = z.union([
	z.number(),
	z.string().check(z.maxLength(MAX_TEXT_LENGTH, `Texten får vara högst ${MAX_TEXT_LENGTH} tecken`)),
	z.null()
]);
export type MeasurementValue = z.infer<typeof MeasurementValue>;

/** One value: indicator × organisation × year × gender. The id is derived from that key. */
export const Measurement = z.object({
	id: Id,
	/** The series the value belongs to (seriesOf(indicator)): the indicator itself, or the one whose series it follows. */
	indicatorId: Id,
	organisationId: Id,
	year: Year,
	gender: Gender,
	value: MeasurementValue,
	status: MeasurementStatus,
	note: z._default(
		z.string().check(z.maxLength(2000, 'Anteckningen får vara högst 2000 tecken')),
		''
	),
	source: z._default(SourceRef, ''),
	updatedBy: z.string().check(z.maxLength(200)),
	updatedAt: Timestamp,
	/** True for values in the demo data that no document or statistic gives. */
	exampleData: z._default(z.boolean(), false),
	/** Where the value stands in its year's reporting round; absent while it is only entered. */
	review: z.optional(Review)
});
export type Measurement = z.infer<typeof Measurement>;
