import * as z from 'zod/mini';
import { Email, Password } from '$lib/domain/access/auth';
import { Id } from '$lib/domain/common';
import { closeDatabase, getDatabase } from '../database';
import { createAdmin } from './create-admin';

/**
 * What `npm run create-admin` runs once it has the password (scripts/create-admin.js
 * loads this through Vite, or from the production build): validates the input with
 * the same schemas as the API, opens the same database as the server
 * (DATABASE_URL or PGLITE_DATA_DIR; migrated and seeded as at start-up), and
 * creates the admin or resets the password. Returns the lines to print, or
 * throws with a Swedish message.
 */
const Input = z.object({
	email: Email,
	name: z.optional(z.string().check(z.trim(), z.minLength(1, 'Ange --name'), z.maxLength(200))),
	organisationId: z.optional(Id),
	password: Password,
	resetPassword: z.boolean()
});

export type CreateAdminArguments = {
	email?: string;
	name?: string;
	organisation?: string;
	password: string;
	resetPassword?: boolean;
};

export async function runCreateAdmin(raw: CreateAdminArguments): Promise<string> {
	const parsed = Input.safeParse({
		email: raw.email,
		name: raw.name,
		organisationId: raw.organisation,
		password: raw.password,
		resetPassword: raw.resetPassword ?? false
	});
	if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'));
	const input = parsed.data;
	try {
		const result = await createAdmin(await getDatabase(), input);
		if (!result.ok) throw new Error(result.error);
		if (result.created) return `Skapade ${input.email} som administratör för ${result.adminOf}.`;
		const ended =
			result.sessionsEnded === 1
				? '1 inloggning avslutades'
				: `${result.sessionsEnded} inloggningar avslutades`;
		const role = result.adminOf
			? ` och är administratör för ${result.adminOf}`
			: '; rollerna är oförändrade';
		return `${input.email} fick nytt lösenord (${ended})${role}.`;
	} finally {
		await closeDatabase();
	}
}
