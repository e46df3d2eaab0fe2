import AxeBuilder from '@axe-core/playwright';
import {
	test as base,
	expect,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';

export const DEMO_PASSWORD = 'commons-demo-2026';

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const violations = await axeViolations(page);
	const summary = violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
	);
	expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
	checkedPages.get(page)?.add(pathOf(page.url()));
}

/** The WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
export async function axeViolations(page: Page) {
	await page.waitForLoadState('domcontentloaded');
	const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
	if (scriptsOff.has(page)) {
		// With JavaScript disabled, the page's timers never fire, and axe waits on setTimeout(…, 0):
		// `analyze()` would hang. Through the DevTools protocol we can still run code in the page
		// (the page's own scripts stay off), so axe gets a stand-in for timers that runs short
		// delays as microtasks and never fires its long watchdog timeouts. Legacy mode keeps axe
		// in this page: the default mode finishes its run in a new page of the same (script-less)
		// context.
		await page.evaluate(() => {
			const pending = new Set<number>();
			let next = 1;
			const stand = window as unknown as {
				setTimeout: (callback: unknown, delay?: number, ...args: unknown[]) => number;
				clearTimeout: (id: number) => void;
			};
			stand.setTimeout = (callback, delay = 0, ...args) => {
				const id = next++;
				if (delay < 1000) {
					pending.add(id);
					void Promise.resolve().then(() => {
						if (pending.delete(id) && typeof callback === 'function') callback(...args);
					});
				}
				return id;
			};
			stand.clearTimeout = (id) => void pending.delete(id);
		});
		builder.setLegacyMode(true);
	}
	return (await builder.analyze()).violations;
}

/** Pages whose context runs without JavaScript. */
const scriptsOff = new WeakSet<Page>();
const checkedPages = new WeakMap<Page, Set<string>>();
const pathOf = (url: string) => new URL(url).pathname;

/**
 * Records each document the page's main frame lands on; the returned function lists those that
 * `expectAccessible` never saw.
 */
function watchNavigations(page: Page, javaScriptEnabled = true): () => string[] {
	if (!javaScriptEnabled) scriptsOff.add(page);
	const visited = new Set<string>();
	checkedPages.set(page, new Set());
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(pathOf(frame.url()));
	});
	return () => {
		const checked = checkedPages.get(page) ?? new Set();
		return [...visited].filter((path) => !checked.has(path));
	};
}

/** A saved sign-in (cookies), to open a page as someone without going through the form again. */
export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

type TestFixtures = {
	page: Page;
	/**
	 * Opens a page in a new, separate browser context (another person, another device), with the
	 * project's options. Its pages are held to the same rule as `page`: every one checked by axe.
	 */
	openPage: (options?: BrowserContextOptions) => Promise<Page>;
};

type WorkerFixtures = {
	/**
	 * The cookies of a session for `email`, signed in once per worker through the password form
	 * (posted without a browser) and reused, for tests where signing in is not what is tested.
	 * The portal allows 60 sign-in attempts (password or email link) per network address in five
	 * minutes, and the whole suite comes from 127.0.0.1. New tests should reuse these sessions or
	 * sign up fresh people (10 sign-ups an hour per address) rather than sign in again.
	 */
	sessionOf: (email: string, password?: string) => Promise<SignedInState>;
};

/**
 * Every page a test lands on must have been checked with axe before the test ends: the fixture
 * records each document the browser loads and compares it with the pages `expectAccessible` saw.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
	page: async ({ page, javaScriptEnabled }, use) => {
		const unchecked = watchNavigations(page, javaScriptEnabled);
		await use(page);
		expect(unchecked(), 'pages visited without an axe check').toEqual([]);
	},

	openPage: async ({ browser }, use) => {
		const opened: { context: BrowserContext; unchecked: () => string[] }[] = [];
		await use(async (options = {}) => {
			const context = await browser.newContext(options);
			const page = await context.newPage();
			opened.push({ context, unchecked: watchNavigations(page, options.javaScriptEnabled ?? true) });
			return page;
		});
		const unchecked = opened.flatMap((entry) => entry.unchecked());
		await Promise.all(opened.map((entry) => entry.context.close()));
		expect(unchecked, 'pages visited without an axe check (other contexts)').toEqual([]);
	},

	sessionOf: [
		async ({ playwright }, use, workerInfo) => {
			const baseURL = String(workerInfo.project.use.baseURL);
			const sessions = new Map<string, Promise<SignedInState>>();
			const signInByForm = async (email: string, password: string): Promise<SignedInState> => {
				const request = await playwright.request.newContext({ baseURL });
				try {
					const response = await request.post('/login?/password', {
						form: { email, password, returnTo: '/account' },
						headers: { origin: baseURL, accept: 'text/html' }
					});
					expect(new URL(response.url()).pathname, `signing ${email} in`).toBe('/account');
					return await request.storageState();
				} finally {
					await request.dispose();
				}
			};
			await use((email, password = DEMO_PASSWORD) => {
				const key = `${email}\n${password}`;
				let session = sessions.get(key);
				if (!session) {
					session = signInByForm(email, password);
					sessions.set(key, session);
				}
				return session;
			});
		},
		{ scope: 'worker' }
	]
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await expectAccessible(page);
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel(/adresse e-mail|email address/i).fill(email);
	await form.getByLabel(/^mot de passe$|^password$/i).fill(password);
	await form.getByRole('button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
