import { describe, it, expect } from 'vitest';
import { historyLines } from './history-text';
import type { HistoryEntry } from './sync-protocol';

const show = (v: unknown) => (v === null ? '–' : String(v).replace('.', ','));
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
	revision: 1,
	kind: 'update',
	oldValue: null,
	newValue: null,
	by: 'Anna Andersson',
	at: '2026-01-10T09:00:00.000Z',
	review: null,
	...over
});

describe('historyLines', () => {
	it('names both values of a conflict and who wrote each, not an arrow that reads as a change', () => {
		const newestFirst = [
			entry({ revision: 3, kind: 'conflict', oldValue: 30, newValue: 25, by: 'Erik Ek' }),
			entry({ revision: 2, kind: 'update', oldValue: 28, newValue: 30, by: 'Anna Andersson' }),
			entry({ revision: 1, kind: 'seed', newValue: 28, by: 'Demodata' })
		];
		expect(historyLines(newestFirst, show).map((l) => l.text)).toEqual([
			'konflikt: Anna Andersson 30, Erik Ek 25',
			'ändring: 28 → 30',
			'demodata: 28'
		]);
	});

	it('says what a resolution chose', () => {
		const lines = historyLines(
			[
				entry({
					revision: 4,
					kind: 'resolution',
					oldValue: 30,
					newValue: 25,
					by: 'Anna Andersson'
				}),
				entry({ revision: 3, kind: 'resolution', oldValue: 30, newValue: 30, by: 'Anna Andersson' })
			],
			show
		);
		expect(lines.map((l) => l.text)).toEqual([
			'konflikt löst: 25 valdes i stället för 30',
			'konflikt löst: 30 behölls'
		]);
	});

	it('a move in the round alone tells only the move', () => {
		const [line] = historyLines(
			[
				entry({
					oldValue: 12.5,
					newValue: 12.5,
					review: { from: 'submitted', to: 'returned', comment: 'Kontrollera' }
				})
			],
			show
		);
		expect(line.text).toBe('inskickat → återsänt: ”Kontrollera”');
	});

	it('a conflict with no earlier change on record still names the standing value', () => {
		expect(
			historyLines(
				[entry({ kind: 'conflict', oldValue: 30, newValue: 25, by: 'Erik Ek' })],
				show
			)[0].text
		).toBe('konflikt: gällande värde 30, Erik Ek 25');
	});
});
