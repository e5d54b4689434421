import { parseMeasurementInput } from './measurement-input';
import type { Indicator } from '../plan/indicator';
import type { MeasurementValue } from '../figures/measurement';

/**
 * Pasting a column of numbers copied from Excel into consecutive rows of an
 * entry form. Excel puts a tab between the cells of a row and a line break
 * after each row; either separates values here, so a column and a row both
 * fill rows downwards. Decimal comma or point, as typed in the field. The
 * paste is all or nothing: one bad cell and nothing is offered for saving.
 */

/** The cells of a copied block in reading order; the line break Excel adds after the last row is no cell. */
export function pastedCells(text: string): string[] {
	const cells = text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n|\t/);
	return cells.map((c) => c.trim());
}

/** More than one cell: a block for consecutive rows, not a value for one field. */
export function isBlockPaste(text: string): boolean {
	return pastedCells(text).length > 1;
}

export type PasteTarget = {
	label: string;
	indicator: Pick<Indicator, 'unit' | 'decimals'>;
	readOnlyReason: string | null;
};

export type PasteItem = { row: number; label: string; raw: string; value: MeasurementValue };

export type PastePlan =
	{ ok: true; items: PasteItem[]; emptyCells: number } | { ok: false; error: string };

/**
 * The values a paste at row `start` would save, one per row downwards. An
 * empty cell leaves its row as it is. Refused, with every reason, when the
 * block runs past the last row, a cell does not read as a value for its
 * row, or a row cannot be changed.
 */
export function planPaste(text: string, targets: readonly PasteTarget[], start: number): PastePlan {
	const cells = pastedCells(text);
	const room = targets.length - start;
	if (cells.length > room) {
		return {
			ok: false,
			error: `Du klistrade in ${cells.length} värden, men det finns bara ${room} ${room === 1 ? 'rad' : 'rader'} från ${targets[start]?.label ?? 'raden'} och nedåt. Inget sparades.`
		};
	}
	const items: PasteItem[] = [];
	const problems: string[] = [];
	cells.forEach((raw, i) => {
		if (raw === '') return;
		const target = targets[start + i];
		if (target.readOnlyReason) {
			problems.push(`${target.label} kan inte ändras`);
			return;
		}
		const parsed = parseMeasurementInput(raw, target.indicator);
		if (parsed.ok) items.push({ row: start + i, label: target.label, raw, value: parsed.value });
		else problems.push(`${target.label} (”${raw}”): ${parsed.error}`);
	});
	if (problems.length > 0) {
		const shown = problems.slice(0, 5).join('; ');
		const more = problems.length > 5 ? ` och ${problems.length - 5} till` : '';
		return { ok: false, error: `Inget klistrades in: ${shown}${more}.` };
	}
	if (items.length === 0) return { ok: false, error: 'Det du klistrade in har inga värden.' };
	return { ok: true, items, emptyCells: cells.length - items.length };
}
