import type { BetterDirection, Indicator } from './indicator';

export const DIRECTION_LABELS: Record<BetterDirection, string> = {
	higher: 'högre är bättre',
	lower: 'lägre är bättre',
	none: 'ingen riktning är bättre'
};

/** Where an indicator's values come from, in words: "SCB, tabell UF0506", "Kolada N01951", "registreras i Lägesbild". */
export function sourceLabel(source: Indicator['source']): string {
	switch (source.kind) {
		case 'scb':
			return source.description ? `${source.description}` : `SCB, tabell ${source.table}`;
		case 'kolada':
			return `Källa: Kolada (${source.kpiId})${source.description ? ` – ${source.description}` : ''}`;
		case 'document':
			return source.description;
		case 'manual':
			return source.description
				? `registreras i Lägesbild (${source.description})`
				: 'registreras i Lägesbild';
	}
}
