import { liveQuery } from 'dexie';

/**
 * Bridges a Dexie liveQuery to Svelte 5 state. `deps` is read inside the
 * effect so the query re-subscribes when the reactive values it names change;
 * the query itself runs outside Svelte's tracking, inside Dexie's.
 *
 * The result is raw state, replaced whole by each new answer, never made a
 * deep proxy: an indicator across 290 municipalities is 5 800 rows, and
 * reading every field through Svelte's proxy took more of the page's time
 * than computing the dashboard from them (npm run bench). Readers treat the
 * result as read-only; a new query answer is what changes it.
 */
export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>, initial: T) {
	let current = $state.raw(initial);
	let loading = $state(true);
	let error = $state.raw<Error | null>(null);
	$effect(() => {
		const d = deps();
		loading = true;
		const subscription = liveQuery(() => query(d)).subscribe({
			next: (value) => {
				current = value;
				loading = false;
				error = null;
			},
			error: (failure) => {
				error = failure instanceof Error ? failure : new Error(String(failure));
				loading = false;
			}
		});
		return () => subscription.unsubscribe();
	});
	return {
		get current() {
			return current;
		},
		get loading() {
			return loading;
		},
		get error() {
			return error;
		}
	};
}
