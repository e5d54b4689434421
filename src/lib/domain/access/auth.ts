import * as z from 'zod/mini';
import { Id } from '../common';

/**
 * Roles are held per grouping (förbund, samverkan, projekt):
 * - admin: manages the grouping, its members, users, goal tree, indicators, targets; enters values;
 * - editor: enters values for every member of the grouping, and assessments;
 * - reporter: enters values for one member municipality only;
 * - viewer: reads (directorate and board members).
 */
export const RoleName = z.enum(['admin', 'editor', 'reporter', 'viewer']);
export type RoleName = z.infer<typeof RoleName>;

export const ROLE_LABELS: Record<RoleName, string> = {
	admin: 'Administratör',
	editor: 'Redaktör',
	reporter: 'Rapportör',
	viewer: 'Läsare'
};

export const Email = z.pipe(
	z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254, 'E-postadressen är för lång')),
	z.email({ message: 'Ange en giltig e-postadress' })
);

export const Password = z
	.string()
	.check(
		z.minLength(10, 'Lösenordet måste ha minst 10 tecken'),
		z.maxLength(200, 'Lösenordet får ha högst 200 tecken')
	);

export const RoleAssignment = z
	.object({
		organisationId: Id,
		role: RoleName,
		/** For reporters: the one member municipality they report for. */
		municipalityId: z.optional(Id)
	})
	.check(
		z.refine((r) => (r.role === 'reporter') === (r.municipalityId !== undefined), {
			message: 'En rapportör rapporterar för exakt en kommun; andra roller har ingen kommun',
			path: ['municipalityId']
		})
	);
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const SessionUser = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type SessionUser = z.infer<typeof SessionUser>;

/** What POST /api/auth/login and GET /api/auth/me answer: who is signed in, and their roles. */
export const SessionInfo = z.object({ user: SessionUser, roles: z.array(RoleAssignment) });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoginRequest = z.strictObject({
	email: Email,
	password: z.string().check(z.minLength(1, 'Ange lösenordet'), z.maxLength(200))
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const InvitationRequest = z.strictObject({
	email: Email,
	name: z.string().check(z.trim(), z.minLength(1, 'Ange ett namn'), z.maxLength(200)),
	assignment: RoleAssignment
});
export type InvitationRequest = z.infer<typeof InvitationRequest>;

export const AcceptInvitationRequest = z.strictObject({
	password: Password,
	name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))
});

export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

/** PUT and DELETE /api/admin/roles: give a user a role in a grouping, or take it away. */
export const RoleChangeRequest = z.strictObject({
	userId: z.string().check(z.minLength(1, 'Ange användaren'), z.maxLength(100)),
	assignment: RoleAssignment
});
export type RoleChangeRequest = z.infer<typeof RoleChangeRequest>;

/** POST /api/invitations answers with the link to send to the invited person. */
export const InvitationCreated = z.object({ url: z.string(), expiresAt: z.string() });
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/**
 * GET /api/invitations/<token>: what the invitation page shows. `existingUser`
 * tells it to ask for the password the person already has (accepting then adds
 * the role) rather than for a new one.
 */
export const InvitationInfo = z.object({
	email: z.string(),
	name: z.string(),
	organisationName: z.string(),
	role: RoleName,
	municipalityName: z.optional(z.string()),
	existingUser: z.boolean()
});
export type InvitationInfo = z.infer<typeof InvitationInfo>;

/** GET /api/admin/users?organisation=<id>: the users with a role in that grouping, and those roles. */
export const UserWithRoles = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	roles: z.array(RoleAssignment)
});
export type UserWithRoles = z.infer<typeof UserWithRoles>;
export const UserList = z.object({ users: z.array(UserWithRoles) });

/**
 * Where an invitation stands. `void`: still unused and unexpired, but the
 * admin who made it is no longer an admin of the grouping, so it can no
 * longer be accepted.
 */
export const InvitationState = z.enum(['pending', 'accepted', 'expired', 'revoked', 'void']);
export type InvitationState = z.infer<typeof InvitationState>;

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
	pending: 'Väntar',
	accepted: 'Accepterad',
	expired: 'Har gått ut',
	revoked: 'Återkallad',
	void: 'Gäller inte längre'
};

/**
 * GET /api/invitations?organisation=<id>: one invitation as its grouping's
 * admins see it. `id` names it for revoking; the link's token is never sent
 * again. `invitedBy` is null when that account no longer exists.
 */
export const InvitationSummary = z.object({
	id: z.string(),
	email: z.string(),
	name: z.string(),
	assignment: RoleAssignment,
	invitedBy: z.nullable(z.object({ name: z.string(), email: z.string() })),
	createdAt: z.string(),
	expiresAt: z.string(),
	state: InvitationState
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;
export const InvitationList = z.object({ invitations: z.array(InvitationSummary) });
export type InvitationList = z.infer<typeof InvitationList>;

/** 429 from sign-in: the error plus when to try again (also sent as Retry-After). */
export const LoginThrottled = z.object({
	error: z.string(),
	retryAfterSeconds: z.int().check(z.positive())
});
