import { RoundAnswer, type ReportingRound, type RoundRequest } from '$lib/domain/reporting-round';
import { refreshReferenceData } from '$lib/db/startup';

export type RoundResult = { ok: true; round: ReportingRound } | { ok: false; message: string };

/**
 * Opening, locking and reopening a round are the server's decisions (a
 * lock must hold for every device at once), so they need the network; the
 * answer is followed by a reference refresh, which brings the round to this
 * device like to every other.
 */
export async function sendRoundAction(request: RoundRequest): Promise<RoundResult> {
	let response: Response;
	try {
		response = await fetch('/api/rounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
	} catch {
		return { ok: false, message: 'Omgångar öppnas, godkänns och låses på servern. Försök igen när enheten har nät.' };
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const { error, issues } = (body ?? {}) as { error?: string; issues?: string[] };
		return { ok: false, message: [error ?? `Servern svarade ${response.status}.`, ...(issues ?? [])].join(' ') };
	}
	await refreshReferenceData();
	return { ok: true, round: RoundAnswer.parse(body).round };
}
