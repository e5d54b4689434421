import { describe, it, expect } from 'vitest';
import { remindersFor, reminderMailto, membersBehind, reporterAddresses } from './reminders';
import { roundCompleteness } from '../figures/completeness';
import { deadlinePhrase, roundId, type ReportingRound } from './reporting-round';
import type { Indicator } from '../plan/indicator';
import { testIndicator } from '../test-indicator';
import type { RoleAssignment } from '../access/auth';

const indicator = (id: string): Indicator =>
	testIndicator(id, { unit: 'count', decimals: 0, aggregation: 'sum' });
const round: ReportingRound = {
	id: roundId('f', 2025),
	groupingId: 'f',
	year: 2025,
	indicatorIds: ['i1', 'i2'],
	memberIds: ['dorotea', 'asele'],
	goalIds: [],
	deadline: '2026-03-15',
	reportedBy: 'reporters',
	locked: false,
	log: []
};
const submitted = (indicatorId: string, organisationId: string) => ({
	id: `m:${indicatorId}:${organisationId}:2025:t`,
	indicatorId,
	organisationId,
	year: 2025,
	gender: 'T' as const,
	value: 4,
	status: 'preliminary' as const,
	note: '',
	source: '',
	updatedBy: 'x',
	updatedAt: '2026-02-01T00:00:00.000Z',
	exampleData: false,
	review: { state: 'submitted' as const, comment: '', by: 'x', at: '2026-02-01T00:00:00.000Z' }
});
const progress = (today: string) => [
	{
		round,
		completeness: roundCompleteness({
			round,
			indicators: [indicator('i1'), indicator('i2')],
			measurements: [submitted('i1', 'dorotea')],
			assessments: [],
			today
		})
	}
];
const names: Record<string, string> = {
	f: 'Akademi Norr',
	dorotea: 'Dorotea kommun',
	asele: 'Åsele kommun'
};
const nameOf = (id: string) => names[id] ?? id;

describe('remindersFor', () => {
	it('tells a reporter what her municipality has left, and when it is overdue', () => {
		const roles: RoleAssignment[] = [
			{ organisationId: 'f', role: 'reporter', municipalityId: 'dorotea' }
		];
		expect(remindersFor(roles, progress('2026-03-03'), nameOf, '2026-03-03')).toEqual([
			{
				groupingId: 'f',
				year: 2025,
				kind: 'report',
				count: 1,
				overdue: false,
				text: 'Akademi Norr, Dorotea kommun: 1 av 2 värden för 2025 att skicka in, sista dag 15 mars 2026 (om 12 dagar).'
			}
		]);
		expect(remindersFor(roles, progress('2026-03-20'), nameOf, '2026-03-20')[0].overdue).toBe(true);
	});

	it('tells editors what waits for review and who has not reported', () => {
		const roles: RoleAssignment[] = [{ organisationId: 'f', role: 'editor' }];
		const texts = remindersFor(roles, progress('2026-03-03'), nameOf, '2026-03-03').map(
			(r) => r.text
		);
		expect(texts).toEqual([
			'Akademi Norr: 1 inskickat värde för 2025 väntar på granskning.',
			'Akademi Norr: 2 av 2 medlemmar har inte rapporterat allt för 2025, sista dag 15 mars 2026 (om 12 dagar).'
		]);
	});

	it('is silent for viewers, other groupings and locked rounds', () => {
		expect(
			remindersFor(
				[{ organisationId: 'f', role: 'viewer' }],
				progress('2026-03-03'),
				nameOf,
				'2026-03-03'
			)
		).toEqual([]);
		expect(
			remindersFor(
				[{ organisationId: 'x', role: 'editor' }],
				progress('2026-03-03'),
				nameOf,
				'2026-03-03'
			)
		).toEqual([]);
		const locked = [{ ...progress('2026-03-03')[0], round: { ...round, locked: true } }];
		expect(
			remindersFor([{ organisationId: 'f', role: 'editor' }], locked, nameOf, '2026-03-03')
		).toEqual([]);
	});
});

describe('reminderMailto', () => {
	it('puts the addresses in Bcc and a Swedish subject and text, encoded', () => {
		const link = reminderMailto({
			emails: ['dora@example.se', 'asa@example.se'],
			groupingName: 'Akademi Norr',
			round,
			today: '2026-03-03',
			link: 'https://lagesbild.example/'
		});
		const url = new URL(link);
		expect(url.protocol).toBe('mailto:');
		expect(url.searchParams.get('bcc')).toBe('dora@example.se,asa@example.se');
		expect(url.searchParams.get('subject')).toBe('Påminnelse: rapportering 2025 till Akademi Norr');
		expect(url.searchParams.get('body')).toContain('sista dag 15 mars 2026 (om 12 dagar)');
		expect(url.searchParams.get('body')).toContain('https://lagesbild.example/');
	});

	it('lists the members behind', () => {
		expect(membersBehind(progress('2026-03-03')[0].completeness, round)).toEqual([
			'dorotea',
			'asele'
		]);
	});
});

describe('reporterAddresses', () => {
	it("takes the reporters of the members behind, not editors, admins or other members' reporters", () => {
		const users = [
			{
				email: 'dora@example.se',
				roles: [{ organisationId: 'f', role: 'reporter' as const, municipalityId: 'dorotea' }]
			},
			{
				email: 'asa@example.se',
				roles: [{ organisationId: 'f', role: 'reporter' as const, municipalityId: 'asele' }]
			},
			{ email: 'redaktor@example.se', roles: [{ organisationId: 'f', role: 'editor' as const }] },
			{
				email: 'admin@example.se',
				roles: [
					{ organisationId: 'f', role: 'admin' as const },
					{ organisationId: 'x', role: 'reporter' as const, municipalityId: 'dorotea' }
				]
			}
		];
		expect(reporterAddresses(users, 'f', ['dorotea'])).toEqual(['dora@example.se']);
		expect(reporterAddresses(users, 'f', ['dorotea', 'asele'])).toEqual([
			'dora@example.se',
			'asa@example.se'
		]);
		expect(reporterAddresses(users, 'f', [])).toEqual([]);
	});
});

describe('deadlinePhrase', () => {
	it('says today, days left and days past', () => {
		expect(deadlinePhrase(round, '2026-03-15')).toBe('sista dag 15 mars 2026 (i dag)');
		expect(deadlinePhrase(round, '2026-03-14')).toBe('sista dag 15 mars 2026 (om 1 dag)');
		expect(deadlinePhrase(round, '2026-03-18')).toBe('sista dag 15 mars 2026 (3 dagar sen)');
	});
});
