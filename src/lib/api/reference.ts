import type { ReferenceData } from '$lib/domain/sync/reference';
import { apiRequest } from './request';

export type ReferenceAnswer =
	{ state: 'changed'; data: ReferenceData } | { state: 'unchanged' } | { state: 'unreachable' };

/**
 * The goal trees of the user's groupings, unless the device already holds
 * revision `since` (304). The schema is loaded here, not imported: it brings
 * all of zod, which a page opening from the local store does without.
 */
export async function fetchReference(since: number | null): Promise<ReferenceAnswer> {
	const result = await apiRequest(
		`/api/reference${since === null ? '' : `?since=${since}`}`,
		async (body) => (await import('$lib/domain/sync/reference')).ReferenceData.parse(body)
	);
	if (result.ok) return { state: 'changed', data: result.value };
	return result.status === 304 ? { state: 'unchanged' } : { state: 'unreachable' };
}
