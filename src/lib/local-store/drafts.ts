/**
 * What an admin has typed into an authoring form and not yet saved: kept on
 * the device (localStorage survives a reload, a crash and a restart) until
 * the server has taken it, because authoring needs the network and nothing
 * typed may be lost while it is missing. Keyed per form and row, e.g.
 * "plan:akademi-norr-vp-2026" or "indicator:new:<goalId>".
 */

const PREFIX = 'lagesbild:draft:';

export type DraftWrite = { ok: true } | { ok: false; message: string };

export function saveDraft(key: string, value: unknown): DraftWrite {
	try {
		localStorage.setItem(
			PREFIX + key,
			JSON.stringify({ savedAt: new Date().toISOString(), value })
		);
		return { ok: true };
	} catch {
		// A full or blocked storage: the form keeps the text on screen and says it is not yet kept.
		return {
			ok: false,
			message:
				'Utkastet kunde inte sparas på enheten (lagringen är full eller spärrad). Låt sidan vara öppen tills du kan spara.'
		};
	}
}

export function loadDraft<T>(
	key: string,
	read: (value: unknown) => T
): { value: T; savedAt: string } | null {
	try {
		const text = localStorage.getItem(PREFIX + key);
		if (text === null) return null;
		const stored = JSON.parse(text) as { savedAt: string; value: unknown };
		return { value: read(stored.value), savedAt: stored.savedAt };
	} catch {
		return null;
	}
}

export function clearDraft(key: string): void {
	try {
		localStorage.removeItem(PREFIX + key);
	} catch {
		// Nothing to do: a draft that cannot be removed is offered again and can be discarded.
	}
}

/** Every draft's key, so a page can say "2 osparade utkast" and offer them again. */
export function draftKeys(prefix = ''): string[] {
	try {
		return Object.keys(localStorage)
			.filter((k) => k.startsWith(PREFIX + prefix))
			.map((k) => k.slice(PREFIX.length));
	} catch {
		return [];
	}
}
