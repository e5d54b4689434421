import * as z from 'zod/mini';

/** One line of a grouping's change log (GET /api/admin/log): who changed what, when. */
export const AdminLogEntry = z.object({
	id: z.number(),
	at: z.string(),
	userName: z.string(),
	userEmail: z.string(),
	entity: z.string(),
	entityId: z.string(),
	action: z.enum([
		'create',
		'update',
		'delete',
		'archive',
		'restore',
		'move',
		'copy',
		'createGrouping'
	]),
	summary: z.string()
});
export type AdminLogEntry = z.infer<typeof AdminLogEntry>;
export const AdminLog = z.object({ entries: z.array(AdminLogEntry) });

export const ADMIN_ACTION_LABELS: Record<AdminLogEntry['action'], string> = {
	create: 'Skapad',
	update: 'Ändrad',
	delete: 'Borttagen',
	archive: 'Arkiverad',
	restore: 'Återställd',
	move: 'Flyttad',
	copy: 'Kopierad',
	createGrouping: 'Gruppering skapad'
};
