import { describe, expect, it } from 'vitest';
import type { Membership } from './membership';
import { Membership as MembershipSchema } from './membership';
import { checkFields } from '../field-errors';
import {
	changeFromYear,
	endMembership,
	membershipInYear,
	membershipsOfYear,
	overlapProblem,
	periodText,
	totalFee
} from './membership-terms';

// Akademi Norr's shape: a period without fee before 2025, one with the 2025 fee after.
const storumanBefore: Membership = {
	id: 'a',
	groupingId: 'g',
	memberId: 'storuman',
	fromYear: 2018,
	toYear: 2024
};
const storuman2025: Membership = {
	id: 'b',
	groupingId: 'g',
	memberId: 'storuman',
	fromYear: 2025,
	feeSek: 250_000
};
const dorotea: Membership = {
	id: 'c',
	groupingId: 'g',
	memberId: 'dorotea',
	fromYear: 2018,
	feeSek: 180_000
};
const elsewhere: Membership = {
	id: 'd',
	groupingId: 'other',
	memberId: 'storuman',
	fromYear: 2000,
	feeSek: 1
};
// Umeåregionen's shape: the host role sits on a one-year period.
const bjurholmHost: Membership = {
	id: 'e',
	groupingId: 'g',
	memberId: 'bjurholm',
	fromYear: 2026,
	toYear: 2026,
	role: 'värdkommun'
};
const bjurholmAfter: Membership = {
	id: 'f',
	groupingId: 'g',
	memberId: 'bjurholm',
	fromYear: 2027
};
const all = [storumanBefore, storuman2025, dorotea, elsewhere, bjurholmHost, bjurholmAfter];

describe('the fee and role of a year', () => {
	it('takes the period that covers the year, not the first row', () => {
		expect(membershipInYear(all, 'g', 'storuman', 2024)).toBe(storumanBefore);
		expect(membershipInYear(all, 'g', 'storuman', 2025)?.feeSek).toBe(250_000);
		expect(membershipInYear(all, 'g', 'storuman', 2030)?.feeSek).toBe(250_000);
		expect(membershipInYear(all, 'g', 'storuman', 2010)).toBeNull();
		expect(membershipInYear(all, 'g', 'bjurholm', 2026)?.role).toBe('värdkommun');
		expect(membershipInYear(all, 'g', 'bjurholm', 2027)?.role).toBeUndefined();
	});

	it('lists one period per member of the year and sums their fees', () => {
		const of2025 = membershipsOfYear(all, 'g', 2025);
		expect(of2025.map((m) => m.id).sort()).toEqual(['b', 'c']);
		expect(totalFee(of2025)).toBe(430_000);
		expect(
			totalFee(membershipsOfYear(all, 'g', 2024).filter((m) => m.memberId === 'storuman'))
		).toBeNull();
	});

	it('writes periods in words', () => {
		expect(periodText(storuman2025)).toBe('2025–');
		expect(periodText(storumanBefore)).toBe('2018–2024');
		expect(periodText(bjurholmHost)).toBe('2026');
	});
});

describe('overlapping periods', () => {
	it('refuses a second period of a member in a year it is already a member, in Swedish', () => {
		const again: Membership = {
			id: 'new',
			groupingId: 'g',
			memberId: 'storuman',
			fromYear: 2024,
			toYear: 2026
		};
		expect(overlapProblem(all, again, 'Storuman')).toBe(
			'Storuman är redan medlem 2018–2024. Perioderna får inte överlappa: avsluta den andra perioden eller välj andra år.'
		);
		const openEnded: Membership = {
			id: 'new',
			groupingId: 'g',
			memberId: 'dorotea',
			fromYear: 2040
		};
		expect(overlapProblem(all, openEnded)).toMatch(/^Kommunen är redan medlem 2018–\./);
	});

	it('accepts a period that only touches another, one in another grouping, and the row itself', () => {
		expect(
			overlapProblem(all, {
				id: 'new',
				groupingId: 'g',
				memberId: 'dorotea',
				fromYear: 2010,
				toYear: 2017
			})
		).toBeNull();
		expect(
			overlapProblem(all, { id: 'new', groupingId: 'other2', memberId: 'storuman', fromYear: 2025 })
		).toBeNull();
		expect(overlapProblem(all, { ...storuman2025, feeSek: 260_000 })).toBeNull();
	});
});

describe('ending a membership', () => {
	it('sets the last year, inclusive', () => {
		expect(endMembership(dorotea, 2026)).toEqual({
			ok: true,
			rows: [{ ...dorotea, toYear: 2026 }]
		});
		expect(endMembership(dorotea, 2018)).toEqual({
			ok: true,
			rows: [{ ...dorotea, toYear: 2018 }]
		});
	});

	it('refuses a last year before the start or after an earlier end', () => {
		expect(endMembership(dorotea, 2017)).toEqual({
			ok: false,
			message: 'Medlemskapet började 2018 och kan inte sluta före det.'
		});
		expect(endMembership(storumanBefore, 2026)).toEqual({
			ok: false,
			message: 'Medlemskapet slutar redan 2024.'
		});
	});

	it('the schema refuses an end before the start, next to the field', () => {
		expect(checkFields(MembershipSchema, { ...dorotea, toYear: 2010 })).toEqual({
			ok: false,
			fieldErrors: { toYear: 'Medlemskapet kan inte sluta före det börjar' }
		});
		expect(checkFields(MembershipSchema, { ...dorotea, feeSek: -5 })).toMatchObject({
			ok: false,
			fieldErrors: { feeSek: expect.stringMatching(/[åäö]|minst|större/) }
		});
	});
});

describe('a fee per year', () => {
	it('a new fee from a later year splits the period: earlier years keep their fee', () => {
		const result = changeFromYear(dorotea, 2026, { feeSek: 190_000 }, 'c2026');
		expect(result).toEqual({
			ok: true,
			rows: [
				{ ...dorotea, toYear: 2025 },
				{ id: 'c2026', groupingId: 'g', memberId: 'dorotea', fromYear: 2026, feeSek: 190_000 }
			]
		});
		if (!result.ok) return;
		const after = [...all.filter((m) => m.id !== 'c'), ...result.rows];
		expect(membershipInYear(after, 'g', 'dorotea', 2025)?.feeSek).toBe(180_000);
		expect(membershipInYear(after, 'g', 'dorotea', 2026)?.feeSek).toBe(190_000);
		for (const row of result.rows) expect(overlapProblem(after, row)).toBeNull();
	});

	it('from the first year of the period, changes the period itself; a role can be set and removed', () => {
		expect(
			changeFromYear(storuman2025, 2025, { feeSek: 260_000, role: 'värdkommun' }, 'x')
		).toEqual({ ok: true, rows: [{ ...storuman2025, feeSek: 260_000, role: 'värdkommun' }] });
		expect(changeFromYear(bjurholmHost, 2026, { role: ' ' }, 'x')).toEqual({
			ok: true,
			rows: [{ id: 'e', groupingId: 'g', memberId: 'bjurholm', fromYear: 2026, toYear: 2026 }]
		});
	});

	it('refuses a year outside the period', () => {
		expect(changeFromYear(storumanBefore, 2025, { feeSek: 1 }, 'x')).toEqual({
			ok: false,
			message: 'Året 2025 ligger utanför medlemskapet 2018–2024.'
		});
	});
});
