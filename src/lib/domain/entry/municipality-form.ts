import type { RoleAssignment } from '../access/auth';
import { roundCompleteness, isSubmittable, type CompletenessCell } from '../figures/completeness';
import { maySubmit, valueReadOnlyReason } from './edit-rules';
import type { Goal, GoalArea, Plan, SubGoal } from '../plan/goal-tree';
import { measurementId } from '../ids';
import { seriesOf, type Indicator } from '../plan/indicator';
import type { Measurement } from '../figures/measurement';
import { membersInYear } from '../plan/member-years';
import type { Membership } from '../plan/membership';
import type { Organisation } from '../plan/organisation';
import { canEnterForAllMembers, canEnterValue } from '../access/permissions';
import { lockedRound, plansInForce, type ReportingRound } from './reporting-round';
import { treeInYear } from '../plan/archive';
import { cellStateOf, type CellState } from './review';
import { compareSwedish } from '../swedish-order';

/**
 * "My municipality's form": every value a municipality reports for a year,
 * across every grouping it belongs to, on one page, so a reporter with seven
 * values does not flip an indicator list seven times. Per grouping: the
 * indicators of its reporting round for the year when it has one (the round
 * says what is expected), otherwise the member indicators of the plans in
 * force that year and the context indicators (no goal). Grouped by goal, in
 * the plan's order, each value with its state in the round.
 */

export type FormGrouping = {
	grouping: Organisation;
	memberships: Membership[];
	plans: Plan[];
	goalAreas: GoalArea[];
	goals: Goal[];
	subGoals: SubGoal[];
	indicators: Indicator[];
	reportingRounds: ReportingRound[];
};

export type MunicipalityFormInput<M extends Measurement = Measurement> = {
	municipalityId: string;
	year: number;
	groupings: readonly FormGrouping[];
	roles: readonly RoleAssignment[];
	/** The municipality's values of the year (gender T), by id. */
	measurements: ReadonlyMap<string, M>;
	/** YYYY-MM-DD, for what is late. */
	today: string;
};

export type FormItem<M extends Measurement = Measurement> = {
	indicator: Indicator;
	/** Where the value is stored: the indicator's series, the municipality, the year, gender T. */
	measurementId: string;
	measurement: M | undefined;
	state: CellState;
	/** Past the round's deadline and not yet reported. */
	late: boolean;
	readOnlyReason: string | null;
};

export type FormGoal<M extends Measurement = Measurement> = {
	key: string;
	heading: string;
	area: string | null;
	items: FormItem<M>[];
};

export type FormSection<M extends Measurement = Measurement> = {
	grouping: Organisation;
	/** The grouping's round for the year when the municipality reports in it. */
	round: ReportingRound | undefined;
	goals: FormGoal<M>[];
	/** Values with something recorded (a number, a text, an answer), and all values asked for. */
	filled: number;
	total: number;
	/** Whether "Skicka in" is this person's step here: an open round, and she reports (an editor in a round the reporters report in approves instead). */
	submits: boolean;
	/** What "Skicka in" sends: entered values, and returned ones that were corrected. Empty when it is not this person's step. */
	submittable: string[];
};

const CONTEXT_KEY = 'context';

export function buildMunicipalityForm<M extends Measurement>(
	input: MunicipalityFormInput<M>
): FormSection<M>[] {
	return input.groupings
		.filter((g) =>
			membersInYear(g.memberships, g.grouping.id, input.year).includes(input.municipalityId)
		)
		.filter((g) => canEnterValue(input.roles, g.grouping.id, input.municipalityId))
		.map((g) => sectionOf(g, input))
		.filter((s) => s.total > 0)
		.sort((a, b) => compareSwedish(a.grouping.name, b.grouping.name));
}

function sectionOf<M extends Measurement>(
	g: FormGrouping,
	input: MunicipalityFormInput<M>
): FormSection<M> {
	const round = g.reportingRounds.find(
		(r) => r.year === input.year && r.memberIds.includes(input.municipalityId)
	);
	const indicators = reportedIndicators(g, round, input.year);
	const cells = round ? roundCells(round, indicators, input) : new Map<string, CompletenessCell>();
	const lock = lockedRound(g.reportingRounds, g.grouping.id, input.year);
	const mayReview = canEnterForAllMembers(input.roles, g.grouping.id);
	const items = indicators.map((indicator): FormItem<M> => {
		const id = measurementId(seriesOf(indicator), input.municipalityId, input.year, 'T');
		const measurement = input.measurements.get(id);
		const cell = cells.get(indicator.id);
		return {
			indicator,
			measurementId: id,
			measurement,
			state: cell?.state ?? cellStateOf(measurement),
			late: cell?.late ?? false,
			readOnlyReason: valueReadOnlyReason({
				lockedRound: lock,
				groupingName: g.grouping.name,
				measurement,
				mayReview
			})
		};
	});
	const submitting =
		round !== undefined && !round.locked && maySubmit(input.roles, round, input.municipalityId);
	return {
		grouping: g.grouping,
		round,
		goals: byGoal(g, items),
		filled: items.filter((i) => i.state !== 'missing').length,
		total: items.length,
		submits: submitting,
		submittable: submitting
			? items
					.filter((i) => i.readOnlyReason === null && isSubmittable(i))
					.map((i) => i.measurementId)
			: []
	};
}

/** The round's indicators, or the plans' member indicators and the context indicators; each series once. */
function reportedIndicators(
	g: FormGrouping,
	round: ReportingRound | undefined,
	year: number
): Indicator[] {
	// What was archived before the year is not asked for (archive.ts); a round's own list still holds.
	const memberIndicators = (round ? g : treeInYear(g, year)).indicators.filter(
		(i) => i.scope === 'members'
	);
	let chosen: Indicator[];
	if (round) {
		const inRound = new Set(round.indicatorIds);
		chosen = memberIndicators.filter((i) => inRound.has(i.id));
	} else {
		const plans = plansInForce(g.plans, year);
		const goals = new Set(g.goals.filter((goal) => plans.has(goal.planId)).map((goal) => goal.id));
		const followed = new Set([
			...goals,
			...g.subGoals.filter((s) => goals.has(s.goalId)).map((s) => s.id)
		]);
		chosen = memberIndicators.filter((i) => i.goalId === undefined || followed.has(i.goalId));
	}
	const seen = new Set<string>();
	return chosen.filter((i) => !seen.has(seriesOf(i)) && seen.add(seriesOf(i)));
}

/** The municipality's cells of the round, by indicator: the round's own count of state and lateness. */
function roundCells(
	round: ReportingRound,
	indicators: readonly Indicator[],
	input: MunicipalityFormInput<Measurement>
): Map<string, CompletenessCell> {
	const completeness = roundCompleteness({
		round: { ...round, memberIds: [input.municipalityId] },
		indicators,
		measurements: [...input.measurements.values()],
		assessments: [],
		today: input.today
	});
	const row = completeness.rows.find((r) => r.organisationId === input.municipalityId);
	return new Map((row?.cells ?? []).flatMap((c) => (c ? [[c.indicatorId, c] as const] : [])));
}

/** Items under their goal (a sub-goal's indicators under its goal), goals in the plan's order, context indicators last. */
function byGoal<M extends Measurement>(
	g: FormGrouping,
	items: readonly FormItem<M>[]
): FormGoal<M>[] {
	const goalOf = (goalId: string | undefined) => {
		if (goalId === undefined) return undefined;
		return (
			g.goals.find((x) => x.id === goalId) ??
			g.goals.find((x) => x.id === g.subGoals.find((s) => s.id === goalId)?.goalId)
		);
	};
	const areaOrder = (goal: Goal) => g.goalAreas.find((a) => a.id === goal.goalAreaId)?.order ?? -1;
	const groups = new Map<string, FormGoal<M>>();
	const order = new Map<string, [number, number]>();
	for (const item of items) {
		const goal = goalOf(item.indicator.goalId);
		const key = goal?.id ?? CONTEXT_KEY;
		if (!groups.has(key)) {
			groups.set(key, {
				key,
				heading: goal?.name ?? 'Omvärldsindikatorer',
				area: goal ? (g.goalAreas.find((a) => a.id === goal.goalAreaId)?.name ?? null) : null,
				items: []
			});
			order.set(key, goal ? [areaOrder(goal), goal.order] : [Number.MAX_SAFE_INTEGER, 0]);
		}
		groups.get(key)!.items.push(item);
	}
	const rank = (key: string) => order.get(key)!;
	return [...groups.values()]
		.sort((a, b) => rank(a.key)[0] - rank(b.key)[0] || rank(a.key)[1] - rank(b.key)[1])
		.map((group) => ({
			...group,
			items: [...group.items].sort((a, b) => a.indicator.order - b.indicator.order)
		}));
}

/** "5 av 7 ifyllda". */
export function progressText(section: Pick<FormSection, 'filled' | 'total'>): string {
	return `${section.filled} av ${section.total} ${section.total === 1 ? 'ifyllt' : 'ifyllda'}`;
}

/**
 * The year the form opens on: the latest year the municipality has an open
 * round in (there is work to do), otherwise last year, the usual year to
 * report on.
 */
export function defaultFormYear(
	groupings: readonly Pick<FormGrouping, 'reportingRounds'>[],
	municipalityId: string,
	thisYear: number
): number {
	const open = groupings.flatMap((g) =>
		g.reportingRounds
			.filter((r) => !r.locked && r.memberIds.includes(municipalityId))
			.map((r) => r.year)
	);
	return open.length > 0 ? Math.max(...open) : thisYear - 1;
}
