import { resolve as resolvePath } from 'node:path';
import type { Cookies, RequestEvent, RequestHandler } from '@sveltejs/kit';
import { handle } from '../../../hooks.server';

/**
 * Test helper (not a test file): real HTTP requests through the app's own
 * hooks.server.ts `handle` and route handlers, in process. Routes are found
 * the way SvelteKit finds them (from src/routes/api/**), cookies are
 * SvelteKit's own implementation (parsing, defaults, Set-Cookie
 * serialisation), and, as in SvelteKit, cookies set while handling reach the
 * response only when the request went through resolve().
 */

type RouteModule = Partial<Record<string, RequestHandler>>;
type Route = { id: string; pattern: RegExp; names: string[]; module: RouteModule };

const modules = import.meta.glob<RouteModule>('/src/routes/api/**/+server.ts', { eager: true });

/** Every API route, static segments before parameters (as SvelteKit ranks them). */
export const API_ROUTES: Route[] = Object.entries(modules)
	.map(([file, module]) => {
		const id = file.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '');
		const names: string[] = [];
		const source = id.replace(/\[([^\]]+)\]/g, (_, name: string) => (names.push(name), '([^/]+)'));
		return { id, pattern: new RegExp(`^${source}/?$`), names, module };
	})
	.sort((a, b) => a.names.length - b.names.length);

type KitCookies = {
	get_cookies(
		request: Request,
		url: URL
	): {
		cookies: Cookies;
		new_cookies: Map<string, unknown>;
		set_trailing_slash(mode: string): void;
	};
	add_cookies_to_headers(headers: Headers, cookies: Iterable<unknown>): void;
};
// SvelteKit does not export its cookie module; loaded by path so the tests use the real thing.
const kitCookies = (await import(
	/* @vite-ignore */ resolvePath('node_modules/@sveltejs/kit/src/runtime/server/cookie.js')
)) as KitCookies;

export type CallOptions = {
	/** Sent as JSON unless already a string or bytes. */
	body?: unknown;
	cookie?: string;
	https?: boolean;
	ip?: string;
	headers?: Record<string, string>;
};

export type ApiReply = {
	status: number;
	headers: Headers;
	/** The parsed JSON body, or null when there is none. */
	body: unknown;
	/** Every Set-Cookie header, whole. */
	setCookies: string[];
};

export async function callApi(
	method: string,
	path: string,
	options: CallOptions = {}
): Promise<ApiReply> {
	const url = new URL(path, options.https ? 'https://lagesbild.example' : 'http://localhost');
	const headers = new Headers(options.headers);
	if (options.cookie) headers.set('cookie', options.cookie);
	const body =
		options.body === undefined ||
		typeof options.body === 'string' ||
		options.body instanceof Uint8Array
			? options.body
			: JSON.stringify(options.body);
	if (body !== undefined && !headers.has('content-type'))
		headers.set('content-type', 'application/json');
	const request = new Request(url, { method, headers, body: body as BodyInit | undefined });
	const response = await handle({
		event: eventFor(request, url, options.ip ?? '192.0.2.1'),
		resolve: routeTo
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: parseIfJson(text),
		setCookies: response.headers.getSetCookie()
	};
}

function parseIfJson(text: string): unknown {
	if (!text) return null;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function eventFor(request: Request, url: URL, ip: string): RequestEvent {
	const route = API_ROUTES.find((r) => r.pattern.test(url.pathname));
	const values = route ? url.pathname.match(route.pattern)!.slice(1) : [];
	const { cookies, new_cookies, set_trailing_slash } = kitCookies.get_cookies(request, url);
	set_trailing_slash('never');
	const event = {
		request,
		url,
		params: Object.fromEntries(
			route ? route.names.map((name, i) => [name, decodeURIComponent(values[i])]) : []
		),
		route: { id: route?.id ?? null },
		locals: {} as App.Locals,
		cookies,
		getClientAddress: () => ip,
		setHeaders: () => {},
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch
	};
	pendingCookies.set(event, new_cookies);
	return event as unknown as RequestEvent;
}

const pendingCookies = new WeakMap<object, Map<string, unknown>>();

/** What SvelteKit's resolve does for an endpoint: the method's handler (or fallback), then the cookies set along the way. */
async function routeTo(event: RequestEvent): Promise<Response> {
	const route = API_ROUTES.find((r) => r.id === event.route.id);
	const handler = route?.module[event.request.method] ?? route?.module.fallback;
	const response = handler
		? await handler(event as never)
		: new Response('Not found', { status: 404 });
	kitCookies.add_cookies_to_headers(response.headers, pendingCookies.get(event)?.values() ?? []);
	return response;
}

/**
 * A browser in miniature: keeps the cookies the server sets (and drops
 * those it clears) and sends them back, from one IP.
 */
export class TestBrowser {
	private jar = new Map<string, string>();
	constructor(
		readonly ip = '192.0.2.1',
		readonly https = false
	) {}

	async call(
		method: string,
		path: string,
		options: Omit<CallOptions, 'cookie' | 'ip' | 'https'> = {}
	): Promise<ApiReply> {
		const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
		const reply = await callApi(method, path, {
			...options,
			cookie: cookie || undefined,
			ip: this.ip,
			https: this.https
		});
		for (const header of reply.setCookies) this.store(header);
		return reply;
	}

	async signIn(email: string, password: string): Promise<ApiReply> {
		return this.call('POST', '/api/auth/login', { body: { email, password } });
	}

	get cookie(): string | undefined {
		return this.jar.get('lagesbild_session');
	}

	forget(): void {
		this.jar.clear();
	}

	private store(header: string): void {
		const [pair, ...attributes] = header.split(';').map((part) => part.trim());
		const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
		const expired =
			attributes.some((a) => /^max-age=0$/i.test(a)) ||
			attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now());
		if (expired || value === '') this.jar.delete(name);
		else this.jar.set(name, value);
	}
}
