import { desc, eq } from 'drizzle-orm';
import type { AdminLogEntry } from '$lib/domain/plan/admin-log';
import type { RoleAssignment, SessionUser } from '$lib/domain/access/auth';
import { Id } from '$lib/domain/common';
import type { Database, Transaction } from '../db/connection';
import { adminLog, type AdminAction } from '../db/schema';
import { ok, refusal, type ApiAnswer } from '../http/api';
import { unlessAdmin } from './admin-writes';

/** Who makes an admin write: the signed-in user and their roles as they are now. */
export type Actor = { user: SessionUser; roles: readonly RoleAssignment[] };

export type LoggedChange = {
	groupingId: string;
	entity: string;
	entityId: string;
	action: AdminAction;
	summary: string;
};

/** Appends one line to the change log, inside the transaction of the change it describes. */
export async function logAdminWrite(
	tx: Transaction,
	actor: Actor,
	change: LoggedChange
): Promise<void> {
	await tx.insert(adminLog).values({
		...change,
		userId: actor.user.id,
		userName: actor.user.name,
		userEmail: actor.user.email
	});
}

/** How many lines the log page shows: the latest changes, newest first. */
const LOG_LIMIT = 500;

/** GET /api/admin/log?organisation=<id>: the grouping's changes, newest first (its admins only). */
export async function readAdminLog(
	db: Database,
	roles: readonly RoleAssignment[],
	groupingId: string | null
): Promise<ApiAnswer> {
	if (!groupingId || !Id.safeParse(groupingId).success)
		return refusal(400, 'Ange grupperingen: ?organisation=<id>.');
	const denied = await unlessAdmin(db, roles, groupingId);
	if (denied) return denied;
	const rows = await db
		.select()
		.from(adminLog)
		.where(eq(adminLog.groupingId, groupingId))
		.orderBy(desc(adminLog.id))
		.limit(LOG_LIMIT);
	const entries: AdminLogEntry[] = rows.map((r) => ({
		id: r.id,
		at: r.at.toISOString(),
		userName: r.userName,
		userEmail: r.userEmail,
		entity: r.entity,
		entityId: r.entityId,
		action: r.action,
		summary: r.summary
	}));
	return ok({ entries });
}
