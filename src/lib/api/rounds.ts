import { RoundAnswer, type RoundRequest } from '$lib/domain/entry/reporting-round';
import { apiRequest } from './request';

/**
 * Opening, locking and reopening a round are the server's decisions (a lock
 * must hold for every device at once), so they need the network.
 */
export const sendRoundAction = (request: RoundRequest) =>
	apiRequest('/api/rounds', (body) => RoundAnswer.parse(body).round, {
		method: 'POST',
		body: request,
		offlineMessage:
			'Omgångar öppnas, godkänns och låses på servern. Försök igen när enheten har nät.'
	});
