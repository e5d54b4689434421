import { json } from '@sveltejs/kit';
import { Id } from '$lib/domain/common';
import type { MutationEntity } from '$lib/domain/mutation';
import { getDatabase } from '$lib/server/database';
import { historyOf } from '$lib/server/sync/apply-sync';
import type { RequestHandler } from './$types';

export const prerender = false;

const ENTITIES: readonly string[] = ['measurement', 'assessment'] satisfies MutationEntity[];

/** GET /api/history/measurement/<id>: every change and conflicting value of one row, newest first. */
export const GET: RequestHandler = async ({ params }) => {
	if (!ENTITIES.includes(params.entity)) return json({ error: 'Okänd typ: bara measurement och assessment har historik.' }, { status: 404 });
	if (!Id.safeParse(params.id).success) return json({ error: 'Ogiltigt id.' }, { status: 400 });
	const entries = await historyOf(await getDatabase(), params.entity as MutationEntity, params.id);
	if (entries.length === 0) return json({ error: 'Raden finns inte på servern.' }, { status: 404 });
	return json({ entity: params.entity, id: params.id, entries });
};
