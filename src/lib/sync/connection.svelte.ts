/**
 * Whether the browser believes it has a network. navigator.onLine can say
 * "online" behind a captive portal; the sync engine (issue 3) is what finds
 * out for sure. Until then this is what the indicator shows.
 */
export const connection = $state({ online: true });

export function watchConnection(): () => void {
	const update = () => (connection.online = navigator.onLine);
	update();
	window.addEventListener('online', update);
	window.addEventListener('offline', update);
	return () => {
		window.removeEventListener('online', update);
		window.removeEventListener('offline', update);
	};
}
