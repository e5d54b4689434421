import {
	InvitationCreated,
	InvitationList,
	UserList,
	type InvitationRequest,
	type InvitationSummary,
	type RoleAssignment,
	type UserWithRoles
} from '$lib/domain/access/auth';
import { apiRequest, ignoreBody } from './request';

// Administration needs the server (it changes who may do what): offline, these calls say so plainly.
const offlineMessage = 'Användare och inbjudningar kan bara hanteras med nät.';

export const listUsers = (organisationId: string) =>
	apiRequest<UserWithRoles[]>(
		`/api/admin/users?organisation=${encodeURIComponent(organisationId)}`,
		(b) => UserList.parse(b).users,
		{ offlineMessage }
	);

export const invite = (request: InvitationRequest) =>
	apiRequest('/api/invitations', (b) => InvitationCreated.parse(b), {
		method: 'POST',
		body: request,
		offlineMessage
	});

export const grantRole = (userId: string, assignment: RoleAssignment) =>
	apiRequest('/api/admin/roles', ignoreBody, {
		method: 'PUT',
		body: { userId, assignment },
		offlineMessage
	});

export const revokeRole = (userId: string, assignment: RoleAssignment) =>
	apiRequest('/api/admin/roles', ignoreBody, {
		method: 'DELETE',
		body: { userId, assignment },
		offlineMessage
	});

/** The grouping's invitations, newest first, with where each stands (pending, accepted, expired, revoked, void). */
export const listInvitations = (organisationId: string) =>
	apiRequest<InvitationSummary[]>(
		`/api/invitations?organisation=${encodeURIComponent(organisationId)}`,
		(b) => InvitationList.parse(b).invitations,
		{ offlineMessage }
	);

/** Withdraws an invitation that has not been used: its link stops working. */
export const revokeInvitation = (id: string) =>
	apiRequest(`/api/invitations/id/${encodeURIComponent(id)}`, ignoreBody, {
		method: 'DELETE',
		offlineMessage
	});
