import { liveQuery } from 'dexie';

/**
 * Bridges a Dexie liveQuery to Svelte 5 state. `deps` is read inside the
 * effect so the query re-subscribes when the reactive values it names change;
 * the query itself runs outside Svelte's tracking, inside Dexie's.
 */
export function live<D, T>(deps: () => D, query: (deps: D) => Promise<T>, initial: T) {
	const state = $state({ current: initial, loading: true, error: null as Error | null });
	$effect(() => {
		const d = deps();
		state.loading = true;
		const subscription = liveQuery(() => query(d)).subscribe({
			next: (value) => {
				state.current = value;
				state.loading = false;
				state.error = null;
			},
			error: (error) => {
				state.error = error instanceof Error ? error : new Error(String(error));
				state.loading = false;
			}
		});
		return () => subscription.unsubscribe();
	});
	return state;
}
