import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'commons-demo-2026';

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page): Promise<void> {
	await page.waitForLoadState('domcontentloaded');
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map(
		(violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
	);
	expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
	checkedPages.get(page)?.add(pathOf(page.url()));
}

const checkedPages = new WeakMap<Page, Set<string>>();
const pathOf = (url: string) => new URL(url).pathname;

/**
 * Every page a test lands on must have been checked with axe before the test ends: the fixture
 * records each document the browser loads and compares it with the pages `expectAccessible` saw.
 */
export const test = base.extend<{ page: Page }>({
	page: async ({ page }, use) => {
		const visited = new Set<string>();
		checkedPages.set(page, new Set());
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(pathOf(frame.url()));
		});
		await use(page);
		const checked = checkedPages.get(page) ?? new Set();
		const unchecked = [...visited].filter((path) => !checked.has(path));
		expect(unchecked, 'pages visited without an axe check').toEqual([]);
	}
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
