import { InvitationCreated, UserList, type UserWithRoles, type InvitationRequest, type RoleAssignment } from '$lib/domain/auth';

export type AdminResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Administration needs the server (it changes who may do what), so these calls say plainly when it cannot be reached. */
async function call<T>(url: string, init: RequestInit, read: (body: unknown) => T): Promise<AdminResult<T>> {
	try {
		const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
		const body = response.status === 204 ? null : await response.json().catch(() => null);
		if (!response.ok) {
			const error = (body as { error?: string } | null)?.error;
			return { ok: false, message: error ?? `Servern svarade ${response.status}.` };
		}
		return { ok: true, value: read(body) };
	} catch {
		return { ok: false, message: 'Användare och inbjudningar kan bara hanteras med nät.' };
	}
}

export const listUsers = (organisationId: string) =>
	call<UserWithRoles[]>(`/api/admin/users?organisation=${encodeURIComponent(organisationId)}`, {}, (b) => UserList.parse(b).users);

export const invite = (request: InvitationRequest) =>
	call('/api/invitations', { method: 'POST', body: JSON.stringify(request) }, (b) => InvitationCreated.parse(b));

export const grantRole = (userId: string, assignment: RoleAssignment) =>
	call('/api/admin/roles', { method: 'PUT', body: JSON.stringify({ userId, assignment }) }, () => null);

export const revokeRole = (userId: string, assignment: RoleAssignment) =>
	call('/api/admin/roles', { method: 'DELETE', body: JSON.stringify({ userId, assignment }) }, () => null);
