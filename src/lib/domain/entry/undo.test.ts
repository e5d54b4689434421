import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	planUndo,
	sameEntryContent,
	UNDO_LIMIT,
	withSavedStep,
	type EntryContent,
	type SavedEdit,
	type UndoStep
} from './undo';

const content = (value: number | null, note = ''): EntryContent => ({
	value,
	status: 'preliminary',
	note
});
const edit = (id: string, before: EntryContent | null, after: EntryContent): SavedEdit => ({
	id,
	key: { indicatorId: 'ind', organisationId: id, year: 2025, gender: 'T' },
	before,
	after
});
const step = (label: string, ...edits: SavedEdit[]): UndoStep => ({ label, edits });

describe('undo of saved edits', () => {
	it('restores the value before the last step, as the next thing to save', () => {
		const stack = withSavedStep(
			withSavedStep([], step('Dorotea 12', edit('a', null, content(12)))),
			step('Dorotea 14', edit('a', content(12), content(14)))
		);
		const plan = planUndo(stack, () => content(14));
		expect(plan).toMatchObject({ ok: true, restore: [{ content: content(12) }] });
		expect(plan!.rest).toHaveLength(1);
		// Undoing the first edit clears the value: there was none.
		expect(planUndo(plan!.rest, () => content(12))).toMatchObject({
			ok: true,
			restore: [{ content: { value: null, status: 'preliminary', note: '' } }],
			rest: []
		});
	});

	it('does not overwrite a value that changed after the edit (another device, a sync), and drops the step', () => {
		const stack = [step('Dorotea 14', edit('a', content(12), content(14)))];
		const plan = planUndo(stack, () => content(15));
		expect(plan).toMatchObject({ ok: false, rest: [] });
		expect(plan!.ok ? '' : plan!.reason).toContain('har ändrats sedan dess');
	});

	it('undoes a paste as one step: all its values, or none when one has changed', () => {
		const paste = step(
			'2 inklistrade värden',
			edit('a', content(1), content(10)),
			edit('b', null, content(20))
		);
		const now = new Map([
			['a', content(10)],
			['b', content(20)]
		]);
		expect(planUndo([paste], (id) => now.get(id) ?? null)).toMatchObject({
			ok: true,
			restore: [{ content: content(1) }, { content: content(null) }]
		});
		now.set('b', content(21));
		expect(planUndo([paste], (id) => now.get(id) ?? null)).toMatchObject({ ok: false });
	});

	it('keeps no step for an edit that changed nothing, and at most UNDO_LIMIT steps', () => {
		expect(withSavedStep([], step('x', edit('a', content(1), content(1))))).toEqual([]);
		let stack: UndoStep[] = [];
		for (let i = 0; i < UNDO_LIMIT + 5; i++)
			stack = withSavedStep(stack, step(`${i}`, edit('a', content(i), content(i + 1))));
		expect(stack).toHaveLength(UNDO_LIMIT);
		expect(stack.at(-1)!.label).toBe(`${UNDO_LIMIT + 4}`);
	});

	it('undoing every step in turn brings each value back to where it started', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.constantFrom('a', 'b', 'c'),
						fc.option(fc.integer({ min: -5, max: 5 }), { nil: null })
					),
					{ maxLength: 30 }
				),
				(edits) => {
					const store = new Map<string, EntryContent | null>();
					let stack: UndoStep[] = [];
					for (const [id, value] of edits) {
						const before = store.get(id) ?? null;
						store.set(id, content(value));
						stack = withSavedStep(stack, step(id, edit(id, before, content(value))));
					}
					for (
						let plan = planUndo(stack, (id) => store.get(id) ?? null);
						plan;
						plan = planUndo(stack, (id) => store.get(id) ?? null)
					) {
						expect(plan.ok).toBe(true);
						if (plan.ok) for (const { edit: e, content: c } of plan.restore) store.set(e.id, c);
						stack = plan.rest;
					}
					for (const id of ['a', 'b', 'c'])
						expect(sameEntryContent(store.get(id) ?? null, null)).toBe(true);
				}
			)
		);
	});
});
