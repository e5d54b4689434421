import { describe, expect, it } from 'vitest';
import { membershipFromForm } from './membership-form';
import type { Membership } from './membership';

const existing: Membership[] = [
	{ id: 'a', groupingId: 'g', memberId: 'kommun-2421', fromYear: 2018, toYear: 2024 }
];
const form = {
	memberId: 'kommun-2584',
	fromYear: '2026',
	toYear: '',
	feeSek: '120 000',
	role: ' värdkommun '
};

describe('the new membership form', () => {
	it('makes a membership row from what was typed, the fee read the Swedish way', () => {
		expect(membershipFromForm(form, 'g', existing, 'Kiruna')).toEqual({
			ok: true,
			value: {
				id: 'ms:g:kommun-2584:2026',
				groupingId: 'g',
				memberId: 'kommun-2584',
				fromYear: 2026,
				role: 'värdkommun',
				feeSek: 120_000
			}
		});
	});

	it('says in Swedish what is wrong, next to each field', () => {
		expect(
			membershipFromForm(
				{ memberId: '', fromYear: '26', toYear: 'snart', feeSek: 'gratis', role: '' },
				'g',
				existing,
				''
			)
		).toEqual({
			ok: false,
			fieldErrors: {
				memberId: 'Välj en kommun.',
				fromYear: 'Skriv året med fyra siffror, t.ex. 2026.',
				toYear: 'Skriv året med fyra siffror, t.ex. 2027.',
				feeSek: 'Skriv ett tal, t.ex. 16,6'
			}
		});
		expect(membershipFromForm({ ...form, toYear: '2025' }, 'g', existing, 'Kiruna')).toEqual({
			ok: false,
			fieldErrors: { toYear: 'Medlemskapet kan inte sluta före det börjar' }
		});
		expect(membershipFromForm({ ...form, feeSek: '-5' }, 'g', existing, 'Kiruna')).toEqual({
			ok: false,
			fieldErrors: { feeSek: 'Värdet får inte vara negativt.' }
		});
	});

	it('refuses a period overlapping the member’s other period in the grouping', () => {
		expect(
			membershipFromForm(
				{ ...form, memberId: 'kommun-2421', fromYear: '2020' },
				'g',
				existing,
				'Storuman'
			)
		).toEqual({
			ok: false,
			fieldErrors: {
				fromYear:
					'Storuman är redan medlem 2018–2024. Perioderna får inte överlappa: avsluta den andra perioden eller välj andra år.'
			}
		});
		expect(
			membershipFromForm(
				{ ...form, memberId: 'kommun-2421', fromYear: '2025' },
				'g',
				existing,
				'Storuman'
			).ok
		).toBe(true);
		// The same member and first year again is the same id: refused, never a silent replacement.
		const same: Membership[] = [
			{
				id: 'ms:g:kommun-2584:2026',
				groupingId: 'g',
				memberId: 'kommun-2584',
				fromYear: 2026,
				feeSek: 120_000
			}
		];
		expect(membershipFromForm({ ...form, feeSek: '1' }, 'g', same, 'Kiruna')).toEqual({
			ok: false,
			fieldErrors: { fromYear: expect.stringMatching(/^Kiruna är redan medlem 2026–\./) }
		});
	});
});
