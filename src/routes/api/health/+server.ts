import { sql } from 'drizzle-orm';
import { getDatabase } from '$lib/server/database';
import { ok, refusal, toResponse } from '$lib/server/http/api';
import { methodNotAllowed } from '$lib/server/http/route';
import type { RequestHandler } from './$types';

export const prerender = false;

/**
 * GET /api/health → 200 {status: 'ok'} when the server answers and its
 * database does, 503 otherwise: for the container's and the load balancer's
 * health checks (docs/deployment.md). Open to anyone; it tells nothing else.
 */
export const GET: RequestHandler = async () => {
	try {
		await (await getDatabase()).execute(sql`select 1`);
		return toResponse(ok({ status: 'ok' }));
	} catch {
		return toResponse(refusal(503, 'Databasen svarar inte.'));
	}
};

export const fallback = methodNotAllowed;
