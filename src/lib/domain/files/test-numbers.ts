import type { NumberFormat } from './number-format';

/**
 * Test helper (not a test file): a number as a file in `format` writes it,
 * with `decimals` fixed decimals and thousands grouped when the format
 * groups them (`space` picks which space).
 */
export function writeNumber(
	n: number,
	format: NumberFormat,
	decimals: number,
	space = ' '
): string {
	const [integer, fraction] = Math.abs(n).toFixed(decimals).split('.');
	const separator = { space, apostrophe: "'", '.': '.', ',': ',' }[format.thousands ?? 'space'];
	const grouped = format.thousands ? integer.replace(/\B(?=(\d{3})+$)/g, separator) : integer;
	return `${n < 0 ? '-' : ''}${grouped}${fraction ? format.decimal + fraction : ''}`;
}
