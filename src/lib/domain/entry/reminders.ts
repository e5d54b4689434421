import type { RoleAssignment } from '../access/auth';
import { counted } from '../format';
import type { Completeness } from '../figures/completeness';
import { deadlinePhrase, isPastDeadline, type ReportingRound } from './reporting-round';

/**
 * What is due for one signed-in person, from the open rounds of their
 * groupings: a reporter's outstanding values, an editor's values waiting for
 * review, the coordinator's members who have not reported. Computed from the
 * local store, so the start page shows it offline too.
 */
export type Reminder = {
	groupingId: string;
	year: number;
	kind: 'report' | 'review' | 'chase';
	count: number;
	overdue: boolean;
	text: string;
};

export type RoundProgress = { round: ReportingRound; completeness: Completeness };

export function remindersFor(
	roles: readonly RoleAssignment[],
	progress: readonly RoundProgress[],
	nameOf: (id: string) => string,
	today: string
): Reminder[] {
	const reminders: Reminder[] = [];
	for (const { round, completeness } of progress) {
		if (round.locked) continue;
		const held = roles.filter((r) => r.organisationId === round.groupingId);
		const overdue = isPastDeadline(round, today);
		const due = deadlinePhrase(round, today);
		const base = { groupingId: round.groupingId, year: round.year, overdue };
		const staff = held.some((r) => r.role === 'admin' || r.role === 'editor');
		for (const role of held) {
			if (role.role !== 'reporter' || round.reportedBy !== 'reporters') continue;
			const row = completeness.rows.find((r) => r.organisationId === role.municipalityId);
			if (!row) continue;
			const outstanding = row.tally.expected - row.tally.reported;
			if (outstanding === 0) continue;
			const returned =
				row.tally.returned > 0
					? ` (${counted(row.tally.returned, 'återsänt', 'återsända')} med kommentar)`
					: '';
			reminders.push({
				...base,
				kind: 'report',
				count: outstanding,
				text: `${nameOf(round.groupingId)}, ${nameOf(role.municipalityId!)}: ${outstanding} av ${counted(row.tally.expected, 'värde', 'värden')} för ${round.year} att skicka in${returned}, ${due}.`
			});
		}
		if (!staff) continue;
		// Staff report everything when the round says so, and always the grouping's own values.
		const staffRows =
			round.reportedBy === 'editors'
				? completeness.rows
				: completeness.rows.filter((r) => r.organisationId === round.groupingId);
		const expected = staffRows.reduce((n, r) => n + r.tally.expected, 0);
		const outstanding = expected - staffRows.reduce((n, r) => n + r.tally.reported, 0);
		if (outstanding > 0) {
			const what = round.reportedBy === 'editors' ? 'värden' : 'egna värden';
			reminders.push({
				...base,
				kind: 'report',
				count: outstanding,
				text: `${nameOf(round.groupingId)}: ${outstanding} av ${expected} ${what} för ${round.year} att föra in och skicka in, ${due}.`
			});
		}
		if (completeness.total.submitted > 0) {
			reminders.push({
				...base,
				overdue: false,
				kind: 'review',
				count: completeness.total.submitted,
				text: `${nameOf(round.groupingId)}: ${counted(completeness.total.submitted, 'inskickat värde', 'inskickade värden')} för ${round.year} väntar på granskning.`
			});
		}
		const behind = membersBehind(completeness, round);
		if (round.reportedBy === 'reporters' && behind.length > 0) {
			reminders.push({
				...base,
				kind: 'chase',
				count: behind.length,
				text: `${nameOf(round.groupingId)}: ${behind.length} av ${round.memberIds.length} medlemmar har inte rapporterat allt för ${round.year}, ${due}.`
			});
		}
	}
	return reminders.sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

/** Members with at least one value not yet submitted. */
export function membersBehind(completeness: Completeness, round: ReportingRound): string[] {
	return completeness.rows
		.filter((r) => r.organisationId !== round.groupingId && r.tally.reported < r.tally.expected)
		.map((r) => r.organisationId);
}

/**
 * Whom a reminder goes to: the people who report for a member that is
 * behind (`membersBehind`). Editors and admins are not chased; a reporter
 * for another grouping's member is not either.
 */
export function reporterAddresses(
	users: readonly { email: string; roles: readonly RoleAssignment[] }[],
	groupingId: string,
	behind: readonly string[]
): string[] {
	const behindSet = new Set(behind);
	return users
		.filter((u) =>
			u.roles.some(
				(r) =>
					r.organisationId === groupingId &&
					r.role === 'reporter' &&
					r.municipalityId !== undefined &&
					behindSet.has(r.municipalityId)
			)
		)
		.map((u) => u.email);
}

/**
 * A ready reminder e-mail for the coordinator's own mail program: the
 * addresses as Bcc (members do not see each other's), a subject and a short
 * Swedish text. RFC 6068 encoding; no mail server involved.
 */
export function reminderMailto(input: {
	emails: readonly string[];
	groupingName: string;
	round: ReportingRound;
	today: string;
	link: string;
}): string {
	const { round } = input;
	const subject = `Påminnelse: rapportering ${round.year} till ${input.groupingName}`;
	const body = [
		'Hej!',
		'',
		`Det här är en påminnelse om ${input.groupingName}s uppföljning för ${round.year}: er kommun har värden kvar att föra in och skicka in i Lägesbild, ${deadlinePhrase(round, input.today)}.`,
		'',
		`Öppna Lägesbild: ${input.link}`,
		'',
		'Tack för hjälpen!'
	].join('\r\n');
	const params = [
		`bcc=${input.emails.map(encodeURIComponent).join(',')}`,
		`subject=${encodeURIComponent(subject)}`,
		`body=${encodeURIComponent(body)}`
	];
	return `mailto:?${params.join('&')}`;
}
