/**
 * Swedish alphabetical order for names (municipalities, groupings,
 * indicators): a–z, then å, ä, ö; letters with other accents sort with
 * their base letter (é with e, ü with y as Swedish dictionaries do), case
 * and accents only break ties. It gives the same order as
 * Intl.Collator('sv') for every name the app holds (swedish-order.test.ts
 * checks all 290 municipalities and the demo's groupings), without it:
 * the first use of Intl in a page loads ICU's data, which took 50–150 ms
 * of an offline cold start on a throttled tablet (npm run bench), and the
 * start page sorts before it can show anything.
 */

/** Letters that are letters of their own in Swedish, after z. */
const OWN_LETTERS: Record<string, string> = { å: '{', ä: '|', ö: '}', æ: '|', ø: '}' };
/** Letters Swedish sorts as another: ü as y, the rest as their base letter. */
const AS_LETTER: Record<string, string> = { ü: 'y' };

const cache = new Map<string, string>();

/** The key a name sorts by: one character per letter at the level that decides (the letter itself). */
export function swedishSortKey(name: string): string {
	let key = cache.get(name);
	if (key !== undefined) return key;
	key = '';
	for (const char of name.toLowerCase()) {
		const own = OWN_LETTERS[char];
		if (own) key += own;
		else if (AS_LETTER[char]) key += AS_LETTER[char];
		else key += char.normalize('NFD')[0];
	}
	if (cache.size > 5000) cache.clear();
	cache.set(name, key);
	return key;
}

/**
 * Compares two names in Swedish order. Names with the same letters are told
 * apart by their accents (e before é), then by case (lower case first), as
 * the Swedish collation does.
 */
export function compareSwedish(a: string, b: string): number {
	const ka = swedishSortKey(a);
	const kb = swedishSortKey(b);
	if (ka !== kb) return ka < kb ? -1 : 1;
	const la = a.toLowerCase();
	const lb = b.toLowerCase();
	if (la !== lb) return la < lb ? -1 : 1;
	// Lower case has the higher code point and comes first.
	return a === b ? 0 : a > b ? -1 : 1;
}
