/**
 * Errors of the local store that a user must understand, in Swedish, each
 * saying what happened to their data and what to do. Every write is one
 * IndexedDB transaction, so a failed one leaves the store exactly as it was:
 * the messages can say so.
 */

/** What was being saved, for the message: "värdet", "importen", "de hämtade ändringarna", … */
export type StorageAction = string;

export class StorageFullError extends Error {
	constructor(cause?: unknown, action: StorageAction = 'värdet') {
		super(
			`Enhetens lagringsutrymme är fullt, så ${action} kunde inte sparas. Frigör utrymme (t.ex. stäng andra flikar eller rensa webbläsardata för andra webbplatser) och försök igen. Inget redan sparat har gått förlorat.`,
			{ cause }
		);
		this.name = 'StorageFullError';
	}
}

/**
 * Any other failure of the browser's database: a transaction the browser
 * aborted, a disk error, a database closed under the app (another tab
 * upgraded it, the browser cleared site data).
 */
export class StorageFailedError extends Error {
	constructor(cause?: unknown, action: StorageAction = 'värdet') {
		super(
			`Enhetens lagring kunde inte spara just nu, så ${action} sparades inte. Inget redan sparat har gått förlorat. Ladda om sidan och försök igen; händer det igen, kontrollera att enheten har ledigt utrymme och att webbläsaren inte är i privat läge.`,
			{ cause }
		);
		this.name = 'StorageFailedError';
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

/** The errors (and their causes) a write's error is made of: Dexie keeps the browser's as `inner`. */
function chain(error: unknown): { name?: string; message?: string }[] {
	const found: { name?: string; message?: string }[] = [];
	let e: unknown = error;
	while (e && typeof e === 'object' && found.length < 10) {
		found.push(e as { name?: string; message?: string });
		e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return found;
}

/** Dexie wraps the browser's QuotaExceededError; older engines name it differently. */
export function isQuotaError(error: unknown): boolean {
	return chain(error).some(
		({ name, message }) =>
			name === 'QuotaExceededError' ||
			name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
			/quota/i.test(message ?? '')
	);
}

/**
 * The names IndexedDB (DOMException) and Dexie give the store's own
 * failures, as opposed to a row being invalid or a bug in the app's code.
 */
const STORAGE_ERROR_NAMES = new Set([
	'AbortError',
	'InvalidStateError',
	'TransactionInactiveError',
	'UnknownError',
	'DataCloneError',
	'ReadOnlyError',
	'NotFoundError',
	'TimeoutError',
	'VersionError',
	'OpenFailedError',
	'DatabaseClosedError',
	'MissingAPIError',
	'NoSuchDatabaseError',
	'InvalidTableError',
	'PrematureCommitError',
	'UpgradeError',
	'SubTransactionError'
]);

export function isStorageFailure(error: unknown): boolean {
	return chain(error).some(({ name }) => name !== undefined && STORAGE_ERROR_NAMES.has(name));
}

/**
 * The error to show for a failed write: a full disk or any other failure of
 * the store as a Swedish StorageFullError or StorageFailedError; anything
 * else (an invalid row, already in Swedish) as it is.
 */
export function storageError(error: unknown, action: StorageAction = 'värdet'): unknown {
	if (error instanceof InvalidRowError) return error;
	// Said again for the larger whole (an import, not just its values).
	if (error instanceof StorageFullError) return new StorageFullError(error.cause, action);
	if (error instanceof StorageFailedError) return new StorageFailedError(error.cause, action);
	if (isQuotaError(error)) return new StorageFullError(error, action);
	if (isStorageFailure(error)) return new StorageFailedError(error, action);
	return error;
}

/** Opening the store failed (private mode, blocked site data, a broken disk): what the start page says. */
export class StorageOpenError extends Error {
	constructor(cause?: unknown) {
		super(
			isQuotaError(cause)
				? 'Enhetens lagringsutrymme är fullt, så appen kan inte öppna sina sparade data. Frigör utrymme (t.ex. rensa webbläsardata för andra webbplatser) och ladda om sidan.'
				: 'Enhetens lagring kunde inte öppnas, så appen kan inte visa sina sparade data. Ladda om sidan; händer det igen, kontrollera att enheten har ledigt utrymme, att webbläsaren inte är i privat läge och att den tillåter webbplatsdata för den här sidan.',
			{ cause }
		);
		this.name = 'StorageOpenError';
	}
}
