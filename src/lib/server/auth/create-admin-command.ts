import * as z from 'zod/mini';
import { Email, Password } from '$lib/domain/auth';
import { Id } from '$lib/domain/common';
import { closeDatabase, getDatabase } from '../database';
import { createAdmin } from './create-admin';

/**
 * What `npm run create-admin` runs once it has the password (scripts/create-admin.js
 * loads this through Vite, so it is the server's own code): validates the input with
 * the same schemas as the API, opens the same database as the server
 * (DATABASE_URL or PGLITE_DATA_DIR; migrated and seeded as at start-up), and
 * makes the user an admin of the grouping. Returns the line to print, or throws
 * with a Swedish message.
 */
const Input = z.object({ email: Email, name: z.string().check(z.trim(), z.minLength(1, 'Ange --name'), z.maxLength(200)), organisationId: Id, password: Password });

export async function runCreateAdmin(raw: { email?: string; name?: string; organisation?: string; password: string }): Promise<string> {
	const parsed = Input.safeParse({ email: raw.email, name: raw.name, organisationId: raw.organisation, password: raw.password });
	if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'));
	try {
		const result = await createAdmin(await getDatabase(), parsed.data);
		if (!result.ok) throw new Error(result.error);
		return result.created
			? `Skapade ${parsed.data.email} som administratör för ${parsed.data.organisationId}.`
			: `${parsed.data.email} fanns redan: fick nytt lösenord och är administratör för ${parsed.data.organisationId}.`;
	} finally {
		await closeDatabase();
	}
}
