import { InvitationInfo, SessionInfo, type AcceptInvitationRequest } from '$lib/domain/access/auth';
import { apiRequest } from './request';

const invitationUrl = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;
const offlineMessage = 'Inbjudan kan bara tas emot med nät.';

/** What an invitation link offers: the grouping, the role, and whether the address already has an account. */
export const readInvitation = (token: string) =>
	apiRequest(invitationUrl(token), (body) => InvitationInfo.parse(body), {
		offlineMessage,
		signsIn: true
	});

/** Takes up the invitation; the answer is the new session. */
export const acceptInvitation = (token: string, request: AcceptInvitationRequest) =>
	apiRequest(invitationUrl(token), (body) => SessionInfo.parse(body), {
		method: 'POST',
		body: request,
		offlineMessage,
		signsIn: true
	});
