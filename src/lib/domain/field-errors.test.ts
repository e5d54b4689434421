import { describe, expect, it } from 'vitest';
import { checkFields, fieldErrorsOf } from './field-errors';
import { Plan } from './plan/goal-tree';
import { Membership } from './plan/membership';

describe('field errors', () => {
	it('keeps the first message per field', () => {
		expect(
			fieldErrorsOf([
				{ path: ['name'], message: 'A' },
				{ path: ['name'], message: 'B' },
				{ path: ['targets', 0, 'value'], message: 'C' }
			])
		).toEqual({ name: 'A', 'targets.0.value': 'C' });
	});

	it('explains a plan with no name and years in the wrong order, field by field, in Swedish', () => {
		const checked = checkFields(Plan, {
			id: 'p',
			organisationId: 'o',
			name: ' ',
			fromYear: 2027,
			toYear: 2025
		});
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.fieldErrors.name).toBe('Namn saknas');
		expect(checked.fieldErrors.toYear).toBe('Planen kan inte sluta före den börjar');
	});

	it('gives Swedish messages where a schema sets none (a wrong type, a missing field)', () => {
		const checked = checkFields(Membership, {
			id: 'm',
			groupingId: 'g',
			fromYear: 'i fjol',
			feeSek: -5
		});
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		for (const message of Object.values(checked.fieldErrors)) {
			expect(message).not.toMatch(/\b(Invalid|expected|received|Too small|Required)\b/);
		}
		expect(checked.fieldErrors).toMatchObject({
			memberId: 'Uppgiften saknas.',
			fromYear: 'Året måste vara ett heltal',
			feeSek: 'Värdet får inte vara negativt.'
		});
	});
});
