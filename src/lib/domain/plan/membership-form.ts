/**
 * The members page's form for a new membership period: what the admin typed,
 * turned into a Membership row checked with the schema the server applies and
 * against the grouping's other periods (no overlaps), each Swedish message
 * keyed by its field.
 */
import { checkFields, type FieldErrors } from '../field-errors';
import { membershipId } from '../ids';
import { Membership } from './membership';
import { overlapProblem } from './membership-terms';
import { parseSwedishNumber } from '../format';

export type MembershipFormInput = {
	memberId: string;
	fromYear: string;
	toYear: string;
	feeSek: string;
	role: string;
};

export type MembershipFormResult =
	{ ok: true; value: Membership } | { ok: false; fieldErrors: FieldErrors };

function year(text: string): number | undefined | null {
	if (text.trim() === '') return undefined;
	return /^\s*\d{4}\s*$/.test(text) ? Number(text) : null;
}

export function membershipFromForm(
	input: MembershipFormInput,
	groupingId: string,
	existing: readonly Membership[],
	memberName: string
): MembershipFormResult {
	const errors: FieldErrors = {};
	if (!input.memberId) errors.memberId = 'Välj en kommun.';
	const fromYear = year(input.fromYear);
	if (fromYear === undefined) errors.fromYear = 'Ange året medlemskapet börjar.';
	if (fromYear === null) errors.fromYear = 'Skriv året med fyra siffror, t.ex. 2026.';
	const toYear = year(input.toYear);
	if (toYear === null) errors.toYear = 'Skriv året med fyra siffror, t.ex. 2027.';
	let feeSek: number | undefined;
	if (input.feeSek.trim() !== '') {
		const fee = parseSwedishNumber(input.feeSek);
		if (fee.ok) feeSek = fee.value;
		else errors.feeSek = fee.error;
	}
	if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
	const row = {
		id: membershipId(groupingId, input.memberId, fromYear!),
		groupingId,
		memberId: input.memberId,
		fromYear,
		toYear: toYear ?? undefined,
		role: input.role.trim() === '' ? undefined : input.role.trim(),
		feeSek
	};
	const checked = checkFields(Membership, row);
	if (!checked.ok) return checked;
	// A new period: even one with the id of an existing period (same member, same first year) overlaps it, it does not replace it.
	const overlap = overlapProblem(existing, { ...checked.value, id: '' }, memberName);
	return overlap ? { ok: false, fieldErrors: { fromYear: overlap } } : checked;
}
