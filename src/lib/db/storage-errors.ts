/**
 * Errors of the local store that a user must understand. Both leave the
 * database exactly as it was: the write is one transaction and is rolled back.
 */
export class StorageFullError extends Error {
	constructor(cause?: unknown) {
		super(
			'Enhetens lagringsutrymme är fullt, så värdet kunde inte sparas. Frigör utrymme (t.ex. stäng andra flikar eller rensa webbläsardata för andra webbplatser) och försök igen. Inget redan sparat har gått förlorat.',
			{ cause }
		);
		this.name = 'StorageFullError';
	}
}

export class InvalidRowError extends Error {
	constructor(
		message: string,
		readonly fieldErrors: Record<string, string>
	) {
		super(message);
		this.name = 'InvalidRowError';
	}
}

/** Dexie wraps the browser's QuotaExceededError; older engines name it differently. */
export function isQuotaError(error: unknown): boolean {
	let e: unknown = error;
	while (e && typeof e === 'object') {
		const name = (e as { name?: string }).name;
		if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
		e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}
