import { describe, expect, test } from 'vitest';
import { planLabel, requestedPlanId, shownPlan } from './plan-in-force';

const vp2025 = { id: 'vp-2025', name: 'Verksamhetsplan 2025', fromYear: 2025, toYear: 2025 };
const vp2026 = { id: 'vp-2026', name: 'Verksamhetsplan 2026', fromYear: 2026, toYear: 2026 };
const long = { id: 'hp', name: 'Handlingsplan', fromYear: 2023, toYear: 2027 };

describe('shownPlan: one plan at a time', () => {
	test('the plan in force this year, whichever order the plans come in', () => {
		expect(shownPlan([vp2025, vp2026], 2026)?.id).toBe('vp-2026');
		expect(shownPlan([vp2026, vp2025], 2025)?.id).toBe('vp-2025');
	});

	test('between plans, the latest that has started; before all of them, the first to come', () => {
		expect(shownPlan([vp2025, vp2026], 2028)?.id).toBe('vp-2026');
		expect(shownPlan([vp2026, vp2025], 2020)?.id).toBe('vp-2025');
	});

	test('a yearly plan inside a longer one is shown in its year', () => {
		expect(shownPlan([long, vp2026], 2026)?.id).toBe('vp-2026');
		expect(shownPlan([long, vp2026], 2024)?.id).toBe('hp');
	});

	test('the address may ask for another of the grouping’s plans, never a plan it does not have', () => {
		expect(shownPlan([vp2025, vp2026], 2026, 'vp-2025')?.id).toBe('vp-2025');
		expect(shownPlan([vp2025, vp2026], 2026, 'okand')?.id).toBe('vp-2026');
		expect(shownPlan([], 2026, 'vp-2025')).toBeUndefined();
	});

	test('labels', () => {
		expect(planLabel(vp2026)).toBe('Verksamhetsplan 2026 (2026)');
		expect(planLabel(long)).toBe('Handlingsplan (2023–2027)');
	});
});

describe('requestedPlanId', () => {
	const goals = [
		{ id: 'mal-2025', planId: 'vp-2025' },
		{ id: 'mal-2026', planId: 'vp-2026' }
	];
	test('the plan named in the address, else the plan of the goal it opens, else none', () => {
		expect(requestedPlanId({ plan: 'vp-2026', goalId: 'mal-2025' }, goals)).toBe('vp-2026');
		expect(requestedPlanId({ plan: null, goalId: 'mal-2025' }, goals)).toBe('vp-2025');
		expect(requestedPlanId({ plan: null, goalId: 'okant' }, goals)).toBeNull();
		expect(requestedPlanId({ plan: null, goalId: null }, goals)).toBeNull();
	});
});
