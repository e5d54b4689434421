import { swedishToday } from '$lib/domain/dates';
import { roundPath } from '$lib/paths/app-paths';
import type { LagesbildDatabase, LocalMeasurement } from '$lib/local-store/database';
import type { GroupingReference } from '$lib/local-store/queries';
import { saveAssessmentReview, saveReviews } from '$lib/local-store/edits';
import type { ApiResult } from '$lib/api/request';
import type { RoleAssignment, UserWithRoles } from '$lib/domain/access/auth';
import { canAdminister, canEnterForAllMembers } from '$lib/domain/access/permissions';
import { judgedSeries } from '$lib/domain/figures/assessment-staleness';
import {
	outstandingOnly,
	roundCompleteness,
	submittableCells,
	type AssessmentCell,
	type Completeness,
	type CompletenessCell,
	type CompletenessRow,
	type Tally
} from '$lib/domain/figures/completeness';
import { maySubmit } from '$lib/domain/entry/edit-rules';
import { membersBehind, reminderMailto, reporterAddresses } from '$lib/domain/entry/reminders';
import { type ReportingRound, type RoundRequest } from '$lib/domain/entry/reporting-round';
import {
	RETURN_ASSESSMENT_NEEDS_COMMENT,
	reviewCommentRefusal,
	type ReviewState
} from '$lib/domain/entry/review';
import { counted } from '$lib/domain/format';
import type { Indicator } from '$lib/domain/plan/indicator';

export type RoundWorkflowOptions = {
	/** The local store the submissions and reviews are written to (and sent from, with the next sync). */
	database: LagesbildDatabase;
	groupingId: string;
	year: number;
	/**
	 * What the page reads from the local store, as getters: the page's live
	 * queries keep them current (a sync may move values while the page is
	 * open), and a test answers them from its own reads.
	 */
	reference: () => GroupingReference | null;
	/** The round's own values (local-store/round-queries: measurementsOfRounds), not every value of the grouping. */
	roundRows: () => readonly LocalMeasurement[];
	/** The signed-in person's roles. */
	roles: () => readonly RoleAssignment[];
	/** Who submissions and reviews are recorded as made by. */
	editorName: () => string;
	/** The app's address (https://…), for the link in a reminder e-mail. */
	origin: string;
	/** Locks or reopens the round on the server (app/round-actions); answers with a Swedish message when it cannot. */
	runRoundAction: (request: RoundRequest) => Promise<ApiResult<unknown>>;
	/** The grouping's users with their roles there (api/users), for the reminder's addresses. */
	listUsers: (organisationId: string) => Promise<ApiResult<UserWithRoles[]>>;
	/** Today in Swedish time (YYYY-MM-DD); the day the page was opened when left out. */
	today?: string;
};

export type RoundMessage = { text: string; error: boolean };

/**
 * The reporting round page's workflow for one grouping's year: where the
 * round stands (the completeness matrix and its tallies), reporters sending
 * in their entered values, editors approving values or returning them with
 * a comment, the coordinator's reminder e-mail to the reporters of members
 * behind, and the admin's lock and reopen. Submissions and reviews are
 * written to the local store with an outbox entry each (they reach the
 * server with the next sync); lock and reopen are the server's and need the
 * network. Each action ends in `message`, a Swedish sentence; a refusal
 * writes nothing. The page renders this state and forwards the user's input.
 */
export class RoundWorkflow {
	readonly #options: RoundWorkflowOptions;
	readonly groupingId: string;
	readonly year: number;
	readonly today: string;

	/** The outcome of the last action, for the page's status line. */
	message = $state.raw<RoundMessage | null>(null);
	/** An action is under way: its buttons wait. */
	busy = $state(false);
	/** "Visa bara det som saknas": the matrix narrowed to what is outstanding. */
	onlyOutstanding = $state(false);
	/** The value being reviewed (editors), and the comment typed for returning it. */
	selected = $state.raw<CompletenessCell | null>(null);
	comment = $state('');
	/** The goal assessment an admin is returning, and why. */
	returning = $state.raw<AssessmentCell | null>(null);
	returnComment = $state('');
	/** Why the admin reopens the year (logged). */
	reason = $state('');
	/** The reminder's addresses once fetched from the server; null before. */
	emails = $state.raw<string[] | null>(null);
	emailError = $state<string | null>(null);

	constructor(options: RoundWorkflowOptions) {
		this.#options = options;
		this.groupingId = options.groupingId;
		this.year = options.year;
		this.today = options.today ?? swedishToday();
	}

	get reference(): GroupingReference | null {
		return this.#options.reference();
	}

	get roles(): readonly RoleAssignment[] {
		return this.#options.roles();
	}
	/** Admins lock and reopen the year and fetch the reminder's addresses. */
	get isAdmin(): boolean {
		return canAdminister(this.roles, this.groupingId);
	}
	/** Editors and admins review values, assess goals and remind members. */
	get isReviewer(): boolean {
		return canEnterForAllMembers(this.roles, this.groupingId);
	}

	/** The grouping's round for the year; undefined when there is none on this device. */
	readonly round: ReportingRound | undefined = $derived(
		this.reference?.reportingRounds.find((r) => r.year === this.year)
	);
	/** The round's indicators, in the round's order. */
	readonly indicators: Indicator[] = $derived.by(() => {
		const { round, reference } = this;
		return round && reference
			? round.indicatorIds.flatMap((id) => reference.indicators.filter((i) => i.id === id))
			: [];
	});

	readonly completeness: Completeness | null = $derived.by(() => {
		const { round, reference } = this;
		if (!round || !reference) return null;
		return roundCompleteness({
			round,
			indicators: this.indicators,
			measurements: this.#options.roundRows(),
			assessments: reference.assessments,
			// A value built whole for each answer and never changed: Svelte's reactive Map would only add cost.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			judgedSeries: new Map(
				round.goalIds.map((id) => [id, judgedSeries(id, reference.indicators, reference.subGoals)])
			),
			today: this.today
		});
	});

	/** The matrix's rows as shown: all, or only what is outstanding. */
	readonly shownRows: CompletenessRow[] = $derived(
		this.completeness
			? this.onlyOutstanding
				? outstandingOnly(this.completeness)
				: this.completeness.rows
			: []
	);

	/** The rows this person may send in (a reporter their municipality, editors every member). */
	readonly myRows: CompletenessRow[] = $derived.by(() => {
		const { completeness, round, roles } = this;
		return completeness && round
			? completeness.rows.filter((r) => maySubmit(roles, round, r.organisationId))
			: [];
	});

	/** The values sent in and waiting for an editor's review. */
	readonly awaitingReview: CompletenessCell[] = $derived(
		this.completeness
			? this.completeness.rows.flatMap((r) =>
					r.cells.filter((c): c is CompletenessCell => c?.state === 'submitted')
				)
			: []
	);

	/** Members with values not yet sent in. */
	readonly behind: string[] = $derived(
		this.completeness && this.round ? membersBehind(this.completeness, this.round) : []
	);

	/** The indicator of the value being reviewed. */
	readonly selectedIndicator: Indicator | undefined = $derived(
		this.selected ? this.indicators.find((i) => i.id === this.selected!.indicatorId) : undefined
	);

	/** The reminder e-mail (a mailto: link) once the addresses are fetched. */
	readonly mailto: string | null = $derived.by(() => {
		const { emails, round, reference } = this;
		if (!emails || !round || !reference) return null;
		return reminderMailto({
			emails,
			groupingName: reference.grouping.name,
			round,
			today: this.today,
			link: `${this.#options.origin}${roundPath(this.groupingId, this.year)}`
		});
	});

	/** An organisation's name: the grouping's or a member's; the id when this device does not know it. */
	nameOf(id: string): string {
		const reference = this.reference;
		return id === reference?.grouping.id
			? reference.grouping.name
			: (reference?.members.get(id)?.name ?? id);
	}

	/** A member's whole row tally, also when the matrix shows only what is outstanding. */
	tallyOf(organisationId: string): Tally | undefined {
		return this.completeness?.rows.find((r) => r.organisationId === organisationId)?.tally;
	}

	/** The entered (and returned, corrected) values of one member's row that "Skicka in" sends. */
	submittable(organisationId: string): CompletenessCell[] {
		return submittableCells(
			this.completeness?.rows.find((r) => r.organisationId === organisationId)?.cells ?? []
		);
	}

	async #run(action: () => Promise<string | null>, success: string): Promise<void> {
		this.busy = true;
		try {
			const error = await action();
			this.message = error ? { text: error, error: true } : { text: success, error: false };
		} catch (error) {
			this.message = {
				text: error instanceof Error ? error.message : 'Det gick inte.',
				error: true
			};
		} finally {
			this.busy = false;
		}
	}

	/** Sends in a member's entered and corrected values: marked submitted here, sent to the federation with the next sync. */
	submit(organisationId: string): Promise<void> {
		const cells = this.submittable(organisationId);
		return this.#run(
			async () => {
				await saveReviews(
					this.#options.database,
					cells.map((c) => c.measurementId),
					{ state: 'submitted' },
					{ name: this.#options.editorName() }
				);
				return null;
			},
			`${counted(cells.length, 'värde', 'värden')} för ${this.nameOf(organisationId)} ${cells.length === 1 ? 'är inskickat' : 'är inskickade'}. De går till förbundet vid nästa synk.`
		);
	}

	/** Opens a value for review, with the comment it was returned with (if it was). */
	select(cell: CompletenessCell): void {
		this.selected = cell;
		this.comment =
			cell.measurement?.review?.state === 'returned' ? cell.measurement.review.comment : '';
		this.message = null;
	}

	closeReview(): void {
		this.selected = null;
	}

	/** Approves the value being reviewed. */
	approveSelected(): Promise<void> {
		const id = this.selected?.measurement?.id;
		return id ? this.#review('approved', [id]) : Promise.resolve();
	}

	/** Returns the value being reviewed to its reporter, with the typed comment (required). */
	returnSelected(): Promise<void> {
		const id = this.selected?.measurement?.id;
		return id ? this.#review('returned', [id], this.comment) : Promise.resolve();
	}

	/** Approves every value waiting for review at once. */
	approveAllAwaiting(): Promise<void> {
		return this.#review(
			'approved',
			this.awaitingReview.map((c) => c.measurementId)
		);
	}

	#review(state: ReviewState, ids: string[], text = ''): Promise<void> {
		return this.#run(
			async () => {
				const refusal = reviewCommentRefusal(state, text);
				if (refusal) return refusal;
				await saveReviews(
					this.#options.database,
					ids,
					{ state, comment: text },
					{ name: this.#options.editorName() }
				);
				this.selected = null;
				this.comment = '';
				return null;
			},
			state === 'approved'
				? `${ids.length === 1 ? 'Värdet' : `${ids.length} värden`} godkänt.`
				: 'Värdet är återsänt med din kommentar.'
		);
	}

	/** Admins approve the goals' assessments or return them to the editors; never in a locked year. */
	get mayReviewAssessments(): boolean {
		return this.isAdmin && this.round !== undefined && !this.round.locked;
	}

	/** Approves a goal's written assessment. */
	approveAssessment(cell: AssessmentCell): Promise<void> {
		return this.#reviewAssessment(cell, 'approved', '', 'Bedömningen är godkänd.');
	}

	/** Opens the comment field for returning a goal's assessment (with the comment it was returned with, if any). */
	startReturn(cell: AssessmentCell): void {
		this.returning = cell;
		this.returnComment =
			cell.assessment?.review?.state === 'returned' ? cell.assessment.review.comment : '';
		this.message = null;
	}

	cancelReturn(): void {
		this.returning = null;
	}

	/** Returns the assessment being returned to the editors, with the typed comment (required). */
	returnAssessment(): Promise<void> {
		const cell = this.returning;
		if (!cell) return Promise.resolve();
		if (this.returnComment.trim() === '') {
			this.message = { text: RETURN_ASSESSMENT_NEEDS_COMMENT, error: true };
			return Promise.resolve();
		}
		return this.#reviewAssessment(
			cell,
			'returned',
			this.returnComment,
			'Bedömningen är återsänd med din kommentar.'
		);
	}

	#reviewAssessment(
		cell: AssessmentCell,
		state: 'approved' | 'returned',
		comment: string,
		success: string
	): Promise<void> {
		return this.#run(async () => {
			await saveAssessmentReview(
				this.#options.database,
				{ goalId: cell.goalId, year: this.year },
				{ state, comment },
				{ name: this.#options.editorName() }
			);
			this.returning = null;
			this.returnComment = '';
			return null;
		}, `${success} Den går till servern vid nästa synk.`);
	}

	/** Approves and locks the year on the server (admins, online): no value of the year can change after. */
	lock(): Promise<void> {
		const round = this.round;
		if (!round) return Promise.resolve();
		return this.#run(async () => {
			const result = await this.#options.runRoundAction({ action: 'lock', roundId: round.id });
			return result.ok ? null : result.message;
		}, `År ${this.year} är godkänt och låst. Inga värden för ${this.year} kan ändras längre.`);
	}

	/** Opens a locked year again on the server (admins, online), with the typed reason for the log. */
	reopen(): Promise<void> {
		const round = this.round;
		if (!round) return Promise.resolve();
		return this.#run(async () => {
			const result = await this.#options.runRoundAction({
				action: 'reopen',
				roundId: round.id,
				reason: this.reason
			});
			if (result.ok) this.reason = '';
			return result.ok ? null : result.message;
		}, `År ${this.year} är öppnat igen.`);
	}

	/** Fetches the addresses of the reporters of the members behind (the server knows them; admins, online). */
	async loadAddresses(): Promise<void> {
		const result = await this.#options.listUsers(this.groupingId);
		if (!result.ok) {
			this.emailError = result.message;
			return;
		}
		this.emails = reporterAddresses(result.value, this.groupingId, this.behind);
	}
}
