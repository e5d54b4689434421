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
			return source.description ? `registreras i Lägesbild (${source.description})` : 'registreras i Lägesbild';
	}
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'Europe/Stockholm' });

/** A timestamp as a Swedish date: "1 maj 2025"; "–" when missing or unreadable. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '–';
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? '–' : dateFormat.format(date);
}
