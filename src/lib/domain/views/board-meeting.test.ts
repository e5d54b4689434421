import { describe, it, expect } from 'vitest';
import { buildGroupingOverview, type OverviewInput } from './overview';
import {
	keyStep,
	meetingSlides,
	slidePosition,
	stepSlide,
	swipeStep,
	SWIPE_MIN_DISTANCE
} from './board-meeting';
import { testIndicator } from '../test-indicator';

const input: OverviewInput = {
	groupingId: 'f',
	memberships: ['a', 'b'].map((m) => ({
		id: `ms-${m}`,
		groupingId: 'f',
		memberId: m,
		fromYear: 2015
	})),
	plans: [
		{
			id: 'plan',
			organisationId: 'f',
			name: 'Verksamhetsplan',
			fromYear: 2024,
			toYear: 2027,
			assessmentScale: 'status'
		}
	],
	goalAreas: [
		{ id: 'work', planId: 'plan', name: 'Arbete', order: 0 },
		{ id: 'empty', planId: 'plan', name: 'Tomt område', order: 1 },
		{ id: 'school', planId: 'plan', name: 'Utbildning', order: 2 }
	],
	goals: [
		{
			id: 'jobs',
			planId: 'plan',
			goalAreaId: 'work',
			kind: 'goal',
			name: 'Fler i arbete',
			order: 0
		},
		{
			id: 'degree',
			planId: 'plan',
			goalAreaId: 'school',
			kind: 'goal',
			name: 'Fler med examen',
			order: 1
		},
		{ id: 'loose', planId: 'plan', kind: 'goal', name: 'Mål utan område', order: 2 }
	],
	subGoals: [{ id: 'sub', goalId: 'degree', name: 'Delmål', order: 0 }],
	indicators: [
		testIndicator('employed', { goalId: 'jobs', name: 'Sysselsatta' }),
		testIndicator('graduates', { goalId: 'sub', name: 'Examinerade' })
	],
	targets: [],
	measurements: ['a', 'b'].map((m) => ({
		indicatorId: 'employed',
		organisationId: m,
		year: 2024,
		gender: 'T',
		value: 80,
		updatedAt: '2025-01-01T00:00:00.000Z'
	})),
	assessments: [
		{
			id: 'x',
			goalId: 'jobs',
			year: 2023,
			status: 'onTrack',
			analysis: 'Gammal analys',
			updatedBy: 't',
			updatedAt: '2024-01-01T00:00:00.000Z',
			exampleData: false
		},
		{
			id: 'y',
			goalId: 'jobs',
			year: 2024,
			status: 'atRisk',
			analysis: 'Arbetslösheten steg under hösten.',
			updatedBy: 't',
			updatedAt: '2025-01-01T00:00:00.000Z',
			exampleData: false
		}
	],
	today: 2025
};

describe('meetingSlides', () => {
	const slides = meetingSlides(buildGroupingOverview(input));

	it('makes one slide per goal area with goals, in order, and one for goals outside any area', () => {
		expect(slides.map((s) => s.title)).toEqual(['Arbete', 'Utbildning', 'Övriga mål']);
		expect(slides[0].plan).toBe('Verksamhetsplan (2024–2027)');
	});

	it("shows each goal's status, its own and its sub-goals' indicators, and the latest analysis", () => {
		const [jobs] = slides[0].goals;
		expect(jobs.status).toBe('atRisk');
		expect(jobs.assessment).toMatchObject({
			year: 2024,
			analysis: 'Arbetslösheten steg under hösten.'
		});
		expect(jobs.indicators.map((i) => `${i.name}: ${i.valueText}`)).toEqual([
			'Sysselsatta: 80,0 %'
		]);
		expect(slides[1].goals[0].indicators.map((i) => i.name)).toEqual(['Examinerade']);
		expect(slides[1].goals[0].assessment).toBeNull();
	});
});

describe('stepping', () => {
	it('steps within the slides and stops at either end', () => {
		expect(stepSlide(0, 3, 1)).toBe(1);
		expect(stepSlide(2, 3, 1)).toBe(2);
		expect(stepSlide(0, 3, -1)).toBe(0);
		expect(stepSlide(0, 0, 1)).toBe(0);
		expect(slidePosition(1, 5)).toBe('2 av 5');
	});

	it('reads a mostly horizontal swipe as a step, right to left forward, and not a tap or a scroll', () => {
		expect(swipeStep(-SWIPE_MIN_DISTANCE, 0)).toBe(1);
		expect(swipeStep(120, 10)).toBe(-1);
		expect(swipeStep(-SWIPE_MIN_DISTANCE + 1, 0)).toBeNull();
		expect(swipeStep(-80, 200)).toBeNull();
		expect(swipeStep(0, 0)).toBeNull();
	});

	it('reads the arrow keys and page keys, nothing else', () => {
		expect(keyStep('ArrowRight')).toBe(1);
		expect(keyStep('PageUp')).toBe(-1);
		expect(keyStep('ArrowLeft')).toBe(-1);
		expect(keyStep('Enter')).toBeNull();
	});
});
