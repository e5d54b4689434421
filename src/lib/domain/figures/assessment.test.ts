import { describe, it, expect } from 'vitest';
import { safeParse } from 'zod/mini';
import {
	Assessment,
	FIVE_STEP_LABELS,
	assessmentChoices,
	assessmentWord,
	choiceKeyOf,
	statusOfStep
} from './assessment';
import { Plan } from '../plan/goal-tree';

const row = {
	id: 'a:g:2025',
	goalId: 'g',
	year: 2025,
	updatedBy: 'Erik',
	updatedAt: '2026-02-01T10:00:00.000Z'
};

describe('the five-step scale', () => {
	it('maps Inte alls and I låg grad to Ej i fas, Delvis to Risk, I hög grad and I mycket hög grad to I fas', () => {
		expect([1, 2, 3, 4, 5].map(statusOfStep)).toEqual([
			'offTrack',
			'offTrack',
			'atRisk',
			'onTrack',
			'onTrack'
		]);
	});

	it('offers Ej bedömt and the five words on a five-step plan, each with the status it counts as', () => {
		const choices = assessmentChoices('fiveStep');
		expect(choices.map((c) => c.label)).toEqual(['Ej bedömt', ...FIVE_STEP_LABELS]);
		expect(choices.find((c) => c.label === 'Delvis')).toEqual({
			key: 'step-3',
			label: 'Delvis',
			status: 'atRisk',
			step: 3
		});
		expect(choices[0]).toEqual({ key: 'notAssessed', label: 'Ej bedömt', status: 'notAssessed' });
	});

	it('offers the four statuses, in their order, on the status scale and when a plan names none', () => {
		const labels = ['I fas', 'Risk', 'Ej i fas', 'Ej bedömt'];
		expect(assessmentChoices('status').map((c) => c.label)).toEqual(labels);
		expect(assessmentChoices(undefined).map((c) => c.label)).toEqual(labels);
		expect(assessmentChoices('status').every((c) => c.step === undefined)).toBe(true);
	});

	it("shows an assessment by its step's own word, or by its status without a step", () => {
		expect(assessmentWord({ status: 'onTrack', step: 4 })).toBe('I hög grad');
		expect(assessmentWord({ status: 'offTrack', step: 1 })).toBe('Inte alls');
		expect(assessmentWord({ status: 'atRisk' })).toBe('Risk');
	});

	it('starts the form at the stored choice, and at Ej bedömt for a status assessment on a five-step plan', () => {
		expect(choiceKeyOf({ status: 'onTrack', step: 5 }, 'fiveStep')).toBe('step-5');
		expect(choiceKeyOf({ status: 'onTrack' }, 'fiveStep')).toBe('notAssessed');
		expect(choiceKeyOf({ status: 'atRisk', step: 3 }, 'status')).toBe('atRisk');
		expect(choiceKeyOf(undefined, 'status')).toBe('notAssessed');
	});
});

describe('the Assessment schema', () => {
	it('accepts a stored assessment without a step, as rows were before the five-step scale', () => {
		const parsed = safeParse(Assessment, { ...row, status: 'atRisk', analysis: 'Text' });
		expect(parsed.success).toBe(true);
		expect(parsed.data?.step).toBeUndefined();
	});

	it('keeps a step whose status agrees with it, and refuses one whose status does not', () => {
		expect(safeParse(Assessment, { ...row, status: 'atRisk', step: 3 }).data?.step).toBe(3);
		const wrong = safeParse(Assessment, { ...row, status: 'onTrack', step: 2 });
		expect(wrong.success).toBe(false);
		expect(wrong.error?.issues[0].message).toBe(
			'Statusen stämmer inte med steget på den femgradiga skalan'
		);
		expect(safeParse(Assessment, { ...row, status: 'onTrack', step: 6 }).success).toBe(false);
	});
});

describe('a plan’s assessment scale', () => {
	const plan = { id: 'p', organisationId: 'g', name: 'Plan', fromYear: 2025, toYear: 2026 };
	it('is the status scale for a plan stored before the choice existed', () => {
		expect(safeParse(Plan, plan).data?.assessmentScale).toBe('status');
	});
	it('keeps the five-step scale, and refuses a scale it does not know', () => {
		expect(safeParse(Plan, { ...plan, assessmentScale: 'fiveStep' }).data?.assessmentScale).toBe(
			'fiveStep'
		);
		expect(safeParse(Plan, { ...plan, assessmentScale: 'tiogradig' }).success).toBe(false);
	});
});
