import * as z from 'zod/mini';
import { Measurement, MeasurementValue } from '../figures/measurement';
import { Assessment } from '../figures/assessment';
import { Mutation } from './mutation';
import { Timestamp } from '../common';
import { ReviewState } from '../entry/review';

/**
 * The one wire format between a client's outbox and the server, shared by
 * both ends. A request pushes the outbox and asks for what changed after the
 * client's last pulled revision, in one exchange (Replicache's push/pull shape).
 * Bump PROTOCOL_VERSION on any incompatible change; the server answers 409 to
 * another version so an old client can say "ladda om appen".
 *
 * Version 2: the HTTP answer carries `changes` column by column
 * (sync-wire.ts) and gzipped; SyncResponse below is what it decodes to.
 */
export const PROTOCOL_VERSION = 2;
export const MAX_MUTATIONS_PER_REQUEST = 500;
export const MAX_PAGE_SIZE = 20_000;
export const DEFAULT_PAGE_SIZE = 1000;
/**
 * What the app asks for: an initial pull of 1.7 million values is then 174
 * exchanges, and one page stays a few hundred KB on the wire.
 */
export const PULL_PAGE_SIZE = 10_000;

const Revision = z.int().check(z.nonnegative());

export const SyncRequest = z.strictObject({
	protocol: z.literal(PROTOCOL_VERSION, { message: `Protokollversion ${PROTOCOL_VERSION} krävs` }),
	/** A random id per device (per IndexedDB), so the server can tell one client's own edits from others'. */
	clientId: z.uuid({ message: 'clientId måste vara ett UUID' }),
	/** The highest revision this client has pulled; 0 for a new client. */
	lastRevision: Revision,
	mutations: z
		.array(Mutation)
		.check(
			z.maxLength(
				MAX_MUTATIONS_PER_REQUEST,
				`Högst ${MAX_MUTATIONS_PER_REQUEST} ändringar per anrop`
			)
		),
	pageSize: z.optional(z.int().check(z.gte(1), z.lte(MAX_PAGE_SIZE))),
	/** Asks for `remaining` in the answer; the app asks once per sync, with its first request, to show how far a long pull has come. */
	countRemaining: z.optional(z.boolean())
});
export type SyncRequest = z.infer<typeof SyncRequest>;

/** A competing value kept beside a row until someone resolves the conflict. */
export const ConflictingValue = z.object({
	mutationId: z.uuid(),
	value: z.union([MeasurementValue, z.string()]),
	/** The full row the losing edit proposed, so resolving can restore any of its fields. */
	row: z.union([Measurement, Assessment]),
	by: z.string(),
	at: Timestamp
});
export type ConflictingValue = z.infer<typeof ConflictingValue>;

const ChangeMeta = {
	revision: Revision,
	/** Open conflict on this row: the values that arrived later from the same base. Empty when none. */
	conflicts: z.array(ConflictingValue)
};

export const Change = z.discriminatedUnion('entity', [
	z.object({ entity: z.literal('measurement'), row: Measurement, ...ChangeMeta }),
	z.object({ entity: z.literal('assessment'), row: Assessment, ...ChangeMeta })
]);
export type Change = z.infer<typeof Change>;

export const MutationOutcome = z.discriminatedUnion('result', [
	/** Applied (or already applied earlier: replays get the same answer). */
	z.object({ mutationId: z.uuid(), result: z.literal('applied'), revision: Revision }),
	/** Kept in history and on the row as an open conflict; the row's value is unchanged. */
	z.object({ mutationId: z.uuid(), result: z.literal('conflict'), revision: Revision }),
	/** Refused (e.g. no right to change that row, or a locked year); `reason` is Swedish, for the user. */
	z.object({ mutationId: z.uuid(), result: z.literal('rejected'), reason: z.string() })
]);
export type MutationOutcome = z.infer<typeof MutationOutcome>;

export const SyncResponse = z.object({
	protocol: z.literal(PROTOCOL_VERSION),
	/**
	 * Names the server's database. It changes only when that database is
	 * replaced (restored, reset); a client that sees a new one pulls from 0,
	 * since its lastRevision counts in the old database's revisions.
	 */
	serverEpoch: z.string().check(z.minLength(1)),
	outcomes: z.array(MutationOutcome),
	/**
	 * Rows changed after the request's lastRevision, oldest first, at most pageSize: this request's own too,
	 * unless another device's change that took a lower revision is still being saved (then they come next time).
	 */
	changes: z.array(Change),
	/** The revision to send as lastRevision next time. */
	lastRevision: Revision,
	/** More changes wait: pull again at once with the new lastRevision. */
	hasMore: z.boolean(),
	/**
	 * How many visible changes lie after this page, when the request asked
	 * (countRemaining) and more wait; absent otherwise. Counted when the page
	 * was read: changes made during a long pull may add to it.
	 */
	remaining: z.optional(Revision)
});
export type SyncResponse = z.infer<typeof SyncResponse>;

/** The body of every 4xx answer. */
export const SyncError = z.object({ error: z.string(), issues: z.optional(z.array(z.string())) });
export type SyncError = z.infer<typeof SyncError>;

/** One line of a value's history, as GET /api/history/{entity}/{id} returns it (newest first). */
export const HistoryEntry = z.object({
	revision: Revision,
	kind: z.enum(['seed', 'update', 'conflict', 'resolution']),
	oldValue: z.unknown(),
	newValue: z.unknown(),
	/** Who made the change (the signed-in user's name) and when the server took it; no device or mutation ids. */
	by: z.string(),
	at: z.string(),
	/** A move in the reporting round (entered = null): who moved it is `by`, the reviewer's words `comment`. */
	review: z._default(
		z.nullable(
			z.object({ from: z.nullable(ReviewState), to: z.nullable(ReviewState), comment: z.string() })
		),
		null
	)
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const HistoryResponse = z.object({
	entity: z.string(),
	id: z.string(),
	entries: z.array(HistoryEntry)
});

export const HISTORY_KIND_LABELS: Record<HistoryEntry['kind'], string> = {
	seed: 'demodata',
	update: 'ändring',
	conflict: 'konflikt',
	resolution: 'konflikt löst'
};
