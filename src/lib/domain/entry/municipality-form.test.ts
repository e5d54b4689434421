import { describe, it, expect } from 'vitest';
import { buildDemoData } from '$lib/seed/demo-data';
import {
	buildMunicipalityForm,
	defaultFormYear,
	progressText,
	type FormGrouping,
	type MunicipalityFormInput
} from './municipality-form';
import type { RoleAssignment } from '../access/auth';
import type { Measurement } from '../figures/measurement';
import { measurementId } from '../ids';
import { seriesOf } from '../plan/indicator';

const demo = buildDemoData();
const DOROTEA = 'kommun-2425';
const AKADEMI_NORR = 'akademi-norr';
const KOMPETENSMAKLARE = 'kompetensmaklare';

function grouping(id: string): FormGrouping {
	const plans = demo.plans.filter((p) => p.organisationId === id);
	const planIds = new Set(plans.map((p) => p.id));
	const goals = demo.goals.filter((g) => planIds.has(g.planId));
	const goalIds = new Set(goals.map((g) => g.id));
	return {
		grouping: demo.organisations.find((o) => o.id === id)!,
		memberships: demo.memberships.filter((m) => m.groupingId === id),
		plans,
		goalAreas: demo.goalAreas.filter((a) => planIds.has(a.planId)),
		goals,
		subGoals: demo.subGoals.filter((s) => goalIds.has(s.goalId)),
		indicators: demo.indicators.filter((i) => i.organisationId === id),
		reportingRounds: demo.reportingRounds.filter((r) => r.groupingId === id)
	};
}
const groupings = [
	grouping(AKADEMI_NORR),
	grouping(KOMPETENSMAKLARE),
	grouping('norrbottens-kommuner'),
	grouping('umearegionen')
];
const doraEverywhere: RoleAssignment[] = [
	{ organisationId: AKADEMI_NORR, role: 'reporter', municipalityId: DOROTEA },
	{ organisationId: KOMPETENSMAKLARE, role: 'reporter', municipalityId: DOROTEA }
];

const value = (
	indicatorId: string,
	v: number | null,
	extra: Partial<Measurement> = {}
): Measurement => {
	const indicator = demo.indicators.find((i) => i.id === indicatorId)!;
	return {
		id: measurementId(seriesOf(indicator), DOROTEA, 2025, 'T'),
		indicatorId: seriesOf(indicator),
		organisationId: DOROTEA,
		year: 2025,
		gender: 'T',
		value: v,
		status: 'preliminary',
		note: '',
		source: 'Manuellt inmatat',
		updatedBy: 'Dora Dahlberg',
		updatedAt: '2026-02-01T10:00:00.000Z',
		exampleData: false,
		...extra
	};
};
const form = (over: Partial<MunicipalityFormInput> = {}) =>
	buildMunicipalityForm({
		municipalityId: DOROTEA,
		year: 2025,
		groupings,
		roles: doraEverywhere,
		measurements: new Map(),
		today: '2026-02-01',
		...over
	});

describe('the municipality’s form', () => {
	it('holds every value the municipality reports in every grouping it belongs to that year, where this person may enter it', () => {
		const sections = form();
		expect(sections.map((s) => s.grouping.id)).toEqual([AKADEMI_NORR, KOMPETENSMAKLARE]);
		// Akademi Norr's round asks for its seven member indicators; the grouping's own indicators are not the municipality's.
		expect(sections[0].total).toBe(7);
		expect(
			sections[0].goals.flatMap((g) => g.items).every((i) => i.indicator.scope === 'members')
		).toBe(true);
		// Kompetensmäklare has no round: its plan's member indicator and the context indicators (no goal) come last.
		expect(sections[1].goals.map((g) => g.heading).at(-1)).toBe('Omvärldsindikatorer');
		expect(sections[1].goals.flatMap((g) => g.items).map((i) => i.indicator.id)).toContain(
			'kompetensmaklare-kommunal-medfinansiering'
		);
	});

	it('leaves out groupings the person may not enter values in, and years the municipality was no member', () => {
		expect(form({ roles: [doraEverywhere[0]] }).map((s) => s.grouping.id)).toEqual([AKADEMI_NORR]);
		expect(form({ roles: [{ organisationId: AKADEMI_NORR, role: 'viewer' }] })).toEqual([]);
		expect(form({ year: 2019 })).toEqual([]);
	});

	it('an editor of a grouping gets the form of any of its members', () => {
		expect(
			form({ roles: [{ organisationId: KOMPETENSMAKLARE, role: 'editor' }] }).map(
				(s) => s.grouping.id
			)
		).toEqual([KOMPETENSMAKLARE]);
	});

	it('counts what is filled in and shows each value’s state in the round, late after the deadline', () => {
		const rows = [
			value('akademi-norr-antagna-studenter', 14),
			value('akademi-norr-vfu-platser', 4, {
				review: { state: 'submitted', comment: '', by: 'Dora', at: '2026-02-01T10:00:00.000Z' }
			}),
			value('akademi-norr-attraktivitetspaket', 1, {
				review: {
					state: 'returned',
					comment: 'Kontrollera',
					by: 'Erik',
					at: '2026-02-02T10:00:00.000Z'
				}
			}),
			value('akademi-norr-larcentrum', 1, {
				review: { state: 'approved', comment: '', by: 'Erik', at: '2026-02-02T10:00:00.000Z' }
			}),
			value('akademi-norr-stod-till-studenter', null)
		];
		const [an] = form({ measurements: new Map(rows.map((r) => [r.id, r])) });
		const state = (id: string) =>
			an.goals.flatMap((g) => g.items).find((i) => i.indicator.id === id);
		expect(progressText(an)).toBe('4 av 7 ifyllda');
		expect(state('akademi-norr-antagna-studenter')).toMatchObject({
			state: 'entered',
			late: false,
			readOnlyReason: null
		});
		expect(state('akademi-norr-vfu-platser')?.state).toBe('submitted');
		expect(state('akademi-norr-attraktivitetspaket')?.state).toBe('returned');
		expect(state('akademi-norr-larcentrum')).toMatchObject({
			state: 'approved',
			readOnlyReason: expect.stringContaining('godkänt')
		});
		expect(state('akademi-norr-stod-till-studenter')?.state).toBe('missing');
		// "Skicka in" sends the entered value and the corrected returned one, not what is sent, approved or missing.
		expect(an.submittable.sort()).toEqual([rows[0].id, rows[2].id].sort());
		const late = form({
			measurements: new Map(rows.map((r) => [r.id, r])),
			today: '2026-12-16'
		})[0];
		expect(
			late.goals
				.flatMap((g) => g.items)
				.filter((i) => i.late)
				.map((i) => i.state)
				.sort()
		).toEqual(['entered', 'missing', 'missing', 'missing', 'returned']);
	});

	it('an editor in a round the reporters report in approves, and does not send in for them', () => {
		const rows = [value('akademi-norr-antagna-studenter', 14)];
		const [an] = form({
			roles: [{ organisationId: AKADEMI_NORR, role: 'editor' }],
			measurements: new Map(rows.map((r) => [r.id, r]))
		});
		expect(an).toMatchObject({ submits: false, submittable: [] });
		expect(form({ measurements: new Map(rows.map((r) => [r.id, r])) })[0].submits).toBe(true);
	});

	it('a locked year is read-only with the reason', () => {
		const locked = groupings.map((g) =>
			g.grouping.id === AKADEMI_NORR
				? { ...g, reportingRounds: g.reportingRounds.map((r) => ({ ...r, locked: true })) }
				: g
		);
		const [an] = form({ groupings: locked });
		expect(an.goals.flatMap((g) => g.items).every((i) => i.readOnlyReason?.includes('låst'))).toBe(
			true
		);
		expect(an).toMatchObject({ submits: false, submittable: [] });
	});

	it('shows a series once when two of a grouping’s indicators follow it (a plan copied forward)', () => {
		const g = grouping(KOMPETENSMAKLARE);
		const founder = g.indicators.find((i) => i.id === 'kompetensmaklare-kommunal-medfinansiering')!;
		const follower = {
			...founder,
			id: 'kompetensmaklare-kommunal-medfinansiering-ny',
			seriesId: founder.id
		};
		const [km] = buildMunicipalityForm({
			municipalityId: DOROTEA,
			year: 2025,
			groupings: [{ ...g, indicators: [...g.indicators, follower] }],
			roles: doraEverywhere,
			measurements: new Map(),
			today: '2026-02-01'
		});
		expect(
			km.goals.flatMap((x) => x.items).filter((i) => seriesOf(i.indicator) === founder.id)
		).toHaveLength(1);
	});

	it('opens on the latest year with an open round for the municipality, otherwise last year', () => {
		expect(defaultFormYear(groupings, DOROTEA, 2026)).toBe(2025);
		expect(defaultFormYear(groupings, 'kommun-9999', 2026)).toBe(2025);
		expect(defaultFormYear([{ reportingRounds: [] }], DOROTEA, 2030)).toBe(2029);
	});
});
