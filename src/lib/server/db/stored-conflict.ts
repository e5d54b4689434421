import type { ConflictingValue } from '../../domain/sync/sync-protocol';

/**
 * A conflicting value as the server keeps it: the wire shape plus the client
 * it came from, so a later edit by that same client replaces its own earlier
 * losing value instead of piling up beside it. The client id never leaves
 * the server.
 */
export type StoredConflict = ConflictingValue & { clientId: string };

export function toConflictingValue({
	clientId: _clientId,
	...wire
}: StoredConflict): ConflictingValue {
	return wire;
}
