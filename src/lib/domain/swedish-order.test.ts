import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareSwedish } from './swedish-order';
import { allMunicipalities } from '$lib/seed/municipalities';
import { buildDemoData } from '$lib/seed/demo-data';

const collator = new Intl.Collator('sv');

describe('compareSwedish', () => {
	it('puts å, ä and ö after z, in that order, and ü with y', () => {
		expect(['Örebro', 'Åsele', 'Ängelholm', 'Zebra', 'Arjeplog'].sort(compareSwedish)).toEqual([
			'Arjeplog',
			'Zebra',
			'Åsele',
			'Ängelholm',
			'Örebro'
		]);
		expect(['Yxa', 'Über', 'Ystad'].sort(compareSwedish)).toEqual(['Über', 'Ystad', 'Yxa']);
	});

	it('orders all 290 municipalities and every name in the demo data as Intl.Collator("sv") does', () => {
		const demo = buildDemoData();
		const names = [
			...new Set(
				[...allMunicipalities(), ...demo.organisations]
					.map((o) => o.name)
					.concat(demo.indicators.map((i) => i.name))
			)
		];
		expect(names.length).toBeGreaterThan(300);
		expect([...names].sort(compareSwedish)).toEqual([...names].sort(collator.compare));
	});

	it('agrees with Intl.Collator("sv") on names made of Swedish letters, spaces, hyphens and digits (property)', () => {
		const name = fc.string({
			unit: fc.constantFrom(...'aAbBeEéÉoOüÜyYzZåÅäÄöÖ -2'.split('')),
			minLength: 1,
			maxLength: 6
		});
		fc.assert(
			fc.property(name, name, (a, b) => {
				expect(Math.sign(compareSwedish(a, b))).toBe(Math.sign(collator.compare(a, b)));
			}),
			{ numRuns: 2000 }
		);
	});
});
