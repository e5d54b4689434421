import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/**
 * Shared steps of the e2e tests. Every test opens the app through `openApp`,
 * which signs in first, so a step every visit needs goes here and nowhere else.
 */

/** The demo users seeded with the demo data (README: "Användare, roller och inloggning"). */
export const DEMO_PASSWORD = 'lagesbild-demo';
export const DEMO_USERS = {
	admin: 'anna.admin@akademinorr.example',
	editor: 'erik.redaktor@akademinorr.example',
	/** Reporter for Dorotea in Akademi Norr. */
	reporter: 'dora.rapportor@akademinorr.example',
	viewer: 'vera.lasare@akademinorr.example',
	/** Admin of every grouping in the demo. */
	everywhere: 'ada.admin@lagesbild.example'
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
	await page.goto('/logga-in');
	await page.getByTestId('login-email').fill(DEMO_USERS[role]);
	await page.getByTestId('login-password').fill(DEMO_PASSWORD);
	await page.getByTestId('login-submit').click();
	await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/** The tablet-in-portrait size the dashboards are designed for first. */
export const TABLET_PORTRAIT = { width: 768, height: 1024 } as const;
export const TABLET_LANDSCAPE = { width: 1024, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export const AKADEMI_NORR = 'akademi-norr';
export const HEADLINE = 'Andel invånare 25–64 år med eftergymnasial utbildning 3 år eller mer';

/**
 * Waits until the service worker controls the page: from then on the app
 * opens with no network. Installing it precaches the whole app, which on a
 * busy two-core machine has been seen to take more than 30 s.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	const controlled = () => navigator.serviceWorker?.controller != null;
	try {
		await page.waitForFunction(controlled, null, { timeout: 45_000 });
	} catch {
		// An installed worker that has not claimed this page (its activation raced a navigation) takes
		// it at the next load, as it would for a user who opens the app again.
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		await page.waitForFunction(controlled, null, { timeout: 45_000 });
	}
}

/**
 * Waits for a finished sync. "allt synkat" shows before any sync has run, so
 * this waits for the time of the last sync ("synkat 10:42") instead.
 */
export async function waitForFirstSync(page: Page): Promise<void> {
	await expect(page.getByTestId('connection-status')).toContainText(/synkat \d{1,2}[:.]\d{2}/, {
		timeout: 30_000
	});
}

/**
 * Signs in as `role` (an admin of every grouping unless told otherwise) and
 * opens the app at `path` in a new page of `context` (or in `page`), waits
 * until the service worker controls it and the first sync has pulled the
 * server's rows. After this the test may go offline.
 */
export async function openApp(
	target: BrowserContext | Page,
	path = '/',
	role: DemoRole = 'everywhere'
): Promise<Page> {
	const page = 'newPage' in target ? await target.newPage() : target;
	await signIn(page, role);
	await page.goto(path);
	await waitForServiceWorker(page);
	await waitForFirstSync(page);
	return page;
}

/**
 * Follows a link and waits until the page is there. Once in a full CI run a
 * click on a link of a page that had just rendered landed (the link took
 * focus) without SvelteKit navigating, and the next step waited four
 * minutes for a page that never came; not reproduced since. A person taps
 * again; so does this, and a link that never leads there still fails.
 */
export async function followLink(page: Page, link: Locator, to: RegExp): Promise<void> {
	await expect(async () => {
		if (!to.test(page.url())) await link.click({ timeout: 10_000 });
		await expect(page).toHaveURL(to, { timeout: 5_000 });
	}).toPass({ timeout: 45_000 });
}

/** A full navigation (as typing an address): offline, the service worker answers with the app shell. */
export async function visit(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.locator('main')).not.toContainText('Öppnar lokal databas');
}

/**
 * Gives a demo user one more role, as the admin of every grouping would in
 * "Användare och roller": through the admin API, from a signed-in page of
 * that admin (the browser sends the session cookie). Safe to repeat.
 */
export async function grantRole(
	context: BrowserContext,
	email: string,
	assignment: {
		organisationId: string;
		role: 'admin' | 'editor' | 'reporter' | 'viewer';
		municipalityId?: string;
	},
	findIn: string
): Promise<void> {
	const page = await context.newPage();
	await signIn(page, 'everywhere');
	const answer = await page.evaluate(
		async ({ email, assignment, findIn }) => {
			const listed = await fetch(
				`/api/admin/users?organisation=${encodeURIComponent(findIn)}`
			).then((r) => r.json());
			const user = (listed.users as { id: string; email: string }[]).find((u) => u.email === email);
			if (!user) return `no user ${email} in ${findIn}`;
			const response = await fetch('/api/admin/roles', {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ userId: user.id, assignment })
			});
			return response.ok ? 'ok' : `${response.status} ${await response.text()}`;
		},
		{ email, assignment, findIn }
	);
	expect(answer).toBe('ok');
	await page.close();
}

/**
 * Opens every fold (<details>) under `scope` and waits until each shows
 * more than its summary: the overview draws a fold's table or form only when
 * it is first opened (issue 23), a frame after the toggle, and a fold drawn
 * so may hold folds of its own, which are opened in turn.
 */
export async function openAllFolds(page: Page, scope = 'body'): Promise<void> {
	for (let depth = 0; depth < 5; depth++) {
		const opened = await page
			.locator(`${scope} details:not([open])`)
			.evaluateAll((all) => all.map((d) => ((d as HTMLDetailsElement).open = true)).length);
		if (opened === 0) return;
		await page.waitForFunction(
			(scope) =>
				[...document.querySelectorAll(`${scope} details[open]`)].every((d) =>
					[...d.children].some((child) => child.tagName !== 'SUMMARY')
				),
			scope,
			{ timeout: 10_000 }
		);
	}
}
