// What the header says about the device's sync. Kept free of schemas: the
// header is on every page, the first one included (docs/benchmarks.md).

export type DeviceSyncState = {
	/** Edits on the device the server has not acknowledged yet. */
	pending: number;
	/** Open conflicts on the device: values two devices changed from the same starting point. */
	conflicts: number;
	/** A sync is under way. */
	running: boolean;
	/** The device has pulled from the server at least once (a new device has not). */
	everPulled: boolean;
};

/**
 * The sync state in words. "allt synkat" only when it is true: nothing
 * waits to be sent, the device has pulled, and no conflict waits for a
 * choice (an open conflict is a value two people disagree on).
 */
export function syncStateText(s: DeviceSyncState): string {
	if (s.pending > 0)
		return s.pending === 1 ? '1 osynkad ändring' : `${s.pending} osynkade ändringar`;
	if (!s.everPulled) return s.running ? 'hämtar från servern…' : 'inte synkat än';
	if (s.conflicts > 0) return 'allt skickat';
	return 'allt synkat';
}

/** "1 konflikt", "3 konflikter". */
export function conflictCountText(count: number): string {
	return `${count} ${count === 1 ? 'konflikt' : 'konflikter'}`;
}

export type SyncProgressInput = { phase: 'push' | 'pull'; done: number; total: number | null };

/** "Hämtar värden: 12 400 av 87 000", "Skickar ändringar: 500 av 5 000"; without "av" while the total is unknown. */
export function syncProgressText(p: SyncProgressInput, formatCount: (n: number) => string): string {
	const what = p.phase === 'push' ? 'Skickar ändringar' : 'Hämtar värden';
	return p.total === null
		? `${what}: ${formatCount(p.done)}`
		: `${what}: ${formatCount(p.done)} av ${formatCount(p.total)}`;
}

/** How long a sync runs before its progress is shown (the first pull of a device shows it at once). */
export const SHOW_PROGRESS_AFTER_MS = 1000;
