import type { BetterDirection } from '../plan/indicator';
import { isPresentValue } from './aggregation';
import { compareSwedish } from '../swedish-order';

export type RankedMember = {
	id: string;
	name: string;
	value: number;
	rank: number;
	exampleData: boolean;
};
export type Ranking = {
	/** Best first (by the indicator's better direction; highest first when no direction). */
	ranked: RankedMember[];
	/** Members without a value for the year, by name. */
	missing: { id: string; name: string }[];
	/** 'value' when the indicator has no better direction: the order says nothing about good or bad. */
	order: 'best' | 'value';
};

/**
 * Ranks members for one year. Ties share a rank and the next rank skips
 * (1, 2, 2, 4), as sports tables do; equal values are listed by name.
 * Members without a value are not ranked last – they are listed apart.
 */
export function rankMembers(
	members: readonly { id: string; name: string }[],
	values: ReadonlyMap<string, number | null | undefined>,
	direction: BetterDirection,
	exampleData: ReadonlySet<string> = new Set()
): Ranking {
	const withValue: Omit<RankedMember, 'rank'>[] = [];
	const missing: { id: string; name: string }[] = [];
	for (const m of members) {
		const value = values.get(m.id);
		if (isPresentValue(value))
			withValue.push({ id: m.id, name: m.name, value, exampleData: exampleData.has(m.id) });
		else missing.push({ id: m.id, name: m.name });
	}
	const sign = direction === 'lower' ? 1 : -1;
	withValue.sort((a, b) => sign * (a.value - b.value) || compareSwedish(a.name, b.name));
	const ranked: RankedMember[] = [];
	withValue.forEach((m, i) => {
		const previous = ranked[i - 1];
		ranked.push({ ...m, rank: previous && previous.value === m.value ? previous.rank : i + 1 });
	});
	missing.sort((a, b) => compareSwedish(a.name, b.name));
	return { ranked, missing, order: direction === 'none' ? 'value' : 'best' };
}
