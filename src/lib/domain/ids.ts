import type { Gender } from './figures/measurement';

/**
 * Ids derived from natural keys, so two devices that record the same value
 * offline produce the same row id and the sync can detect the conflict instead
 * of creating a duplicate.
 */
export function measurementId(
	indicatorId: string,
	organisationId: string,
	year: number,
	gender: Gender
): string {
	return `m:${indicatorId}:${organisationId}:${year}:${gender.toLowerCase()}`;
}

export function assessmentId(goalId: string, year: number): string {
	return `a:${goalId}:${year}`;
}

export function municipalityId(kommunkod: string): string {
	return `kommun-${kommunkod}`;
}

export function membershipId(groupingId: string, memberId: string, fromYear: number): string {
	return `ms:${groupingId}:${memberId}:${fromYear}`;
}

/** Turns a Swedish name into an id fragment: "Åsele" → "asele". */
export function slug(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * The whole country as an organisation id: Kolada's municipality "0000"
 * (Riket). Measurements for it hold the national figure a member is compared
 * with; there is no Organisation row for it.
 */
export const NATIONAL_ID = 'riket';
export const NATIONAL_KOMMUNKOD = '0000';
export const NATIONAL_NAME = 'Riket';
