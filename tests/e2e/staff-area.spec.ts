import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

// The staff area (/admin): who gets in, who gets refused, and the roles page that decides it.

/** Opens the people page filtered on one person and returns their card. */
async function personCard(page: Page, search: string, name: string) {
	await page.goto('/admin/people');
	await expectAccessible(page);
	await page.getByRole('searchbox', { name: 'Chercher par nom ou adresse e-mail' }).fill(search);
	await page.getByRole('button', { name: 'Chercher' }).click();
	await expect(page).toHaveURL(`/admin/people?${new URLSearchParams({ q: search })}`);
	await expectAccessible(page);
	const card = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('list', { name: `Rôles de ${name}` }) });
	await expect(card).toHaveCount(1);
	return card;
}

async function expectStaffOnly(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), `${path} status`).toBe(403);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Erreur 403' })).toBeVisible();
	await expect(page.getByText('Cet espace est réservé aux équipes de la ville.')).toBeVisible();
}

test('signed out, the staff area asks to sign in and then brings the admin back', async ({ page }) => {
	await page.goto('/admin');
	await expect(page).toHaveURL('/login?redirectTo=%2Fadmin');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();

	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill('admin@example.org');
	await form.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/admin');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Espace des équipes' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Personnes et rôles' })).toHaveAttribute(
		'href',
		'/admin/people'
	);
	await expect(page.getByRole('link', { name: 'Boîte d’envoi' })).toHaveAttribute('href', '/admin/outbox');
	// The header's way in, marked as the current place.
	await expect(page.getByRole('banner').getByRole('link', { name: 'Administration' })).toHaveAttribute(
		'aria-current',
		'page'
	);
});

test('the way back after signing in never leaves the portal', async ({ page, sessionOf }) => {
	await page.context().route('http://evil.example/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><html lang="en"><title>Elsewhere</title><h1>Elsewhere</h1></html>'
		})
	);
	await page.context().addCookies((await sessionOf('ewen@example.org')).cookies);
	// Signed in, the sign-in page sends straight to its redirectTo: each of these falls back home.
	for (const redirectTo of ['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x']) {
		await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
		await expect(page, `redirectTo=${redirectTo}`).toHaveURL('/account');
		await expectAccessible(page);
	}
});

test('a sign-in link with a tab hidden in redirectTo does not send people to another site', async ({
	page
}) => {
	await page.context().route('http://evil.example/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><html lang="en"><title>Elsewhere</title><h1>Elsewhere</h1></html>'
		})
	);
	await page.goto('/login?redirectTo=/%09/evil.example/phished');
	await expectAccessible(page);
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill('ewen@example.org');
	await form.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
	await expectAccessible(page);
	expect(new URL(page.url()).host).toBe(new URL(String(test.info().project.use.baseURL)).host);
	await expect(page).toHaveURL('/account');
});

test('a resident is refused the staff area, pages and actions alike', async ({
	page,
	openPage,
	sessionOf
}) => {
	await page.context().addCookies((await sessionOf('ewen@example.org')).cookies);
	await page.goto('/account');
	await expectAccessible(page);
	await expect(page.getByText('Connecté·e avec l’adresse ewen@example.org.')).toBeVisible();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Administration' })).toHaveCount(0);

	await expectStaffOnly(page, '/admin');
	await expectStaffOnly(page, '/admin/people');
	await expectStaffOnly(page, '/admin/outbox');

	// A hand-made form post with Ewen's own session, making himself an administrator.
	const exported = await page.request.get('/account/data.json');
	const ewenId: string = (await exported.json()).account.id;
	const baseURL = String(test.info().project.use.baseURL);
	const attempt = await page.request.post('/admin/people?/grant', {
		form: { userId: ewenId, role: 'admin' },
		headers: { origin: baseURL },
		maxRedirects: 0
	});
	expect(attempt.status()).toBe(403);

	// Nothing changed: he still cannot get in, and the admin sees no role on him.
	await expectStaffOnly(page, '/admin');
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	const card = await personCard(admin, 'ewen@example.org', 'Ewen Quéré');
	for (const role of ['Guichet', 'Modération', 'Instruction', 'Administration']) {
		await expect(card.getByRole('button', { name: role })).toHaveAttribute('aria-pressed', 'false');
	}
});

test('an admin gives Yann the desk role, and Yann can open the staff area', async ({
	page,
	openPage,
	sessionOf
}) => {
	await page.context().addCookies((await sessionOf('admin@example.org')).cookies);
	const card = await personCard(page, 'yann', 'Yann Morvan');
	await expect(card).toContainText('yann@example.org');

	// One toggle per role in the list named after Yann: pressed means held.
	const desk = card.getByRole('button', { name: 'Guichet' });
	await expect(desk).toHaveAttribute('aria-pressed', 'false');
	await desk.click();
	await expect(page.getByRole('status')).toHaveText('Rôles mis à jour.');
	await expect(desk).toHaveAttribute('aria-pressed', 'true');
	await expectAccessible(page);
	// Only that role.
	await expect(card.getByRole('button', { pressed: true })).toHaveCount(1);

	// Yann, on his own phone, now has a way in (his account is in English).
	const yann = await openPage({ storageState: await sessionOf('yann@example.org') });
	await yann.goto('/admin');
	await expect(yann).toHaveURL('/admin');
	await expectAccessible(yann);
	await expect(yann.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
	await expect(yann.getByRole('banner').getByRole('link', { name: 'Staff area' })).toBeVisible();
	// The desk role does not open the admin-only tools.
	await expect(yann.getByRole('link', { name: 'People and roles' })).toHaveCount(0);

	// Back as it was: the same toggle revokes.
	await desk.click();
	await expect(desk).toHaveAttribute('aria-pressed', 'false');
	await expectAccessible(page);
	expect((await yann.reload())?.status()).toBe(403);
	await expectAccessible(yann);
});

test('the desk team sees the staff area but not the admin-only pages', async ({ page, sessionOf }) => {
	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/');
	await expectAccessible(page);
	await page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
	await expect(page).toHaveURL('/admin');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Espace des équipes' })).toBeVisible();
	// The desk's tools, and none of the admin's.
	await expect(page.getByRole('link', { name: 'Accueil du prêt' })).toHaveAttribute('href', '/admin/desk');
	await expect(page.getByRole('link', { name: 'Rapports' })).toHaveAttribute('href', '/admin/reports');
	await expect(page.getByRole('link', { name: 'Personnes et rôles' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Journal des actions' })).toHaveCount(0);

	const people = await page.goto('/admin/people');
	expect(people?.status()).toBe(403);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Erreur 403' })).toBeVisible();
	await expect(page.getByText('Vous n’avez pas le droit de faire cela.')).toBeVisible();

	const outbox = await page.goto('/admin/outbox');
	expect(outbox?.status()).toBe(403);
	await expectAccessible(page);
});

test('the only administrator cannot give up the admin role', async ({ page, sessionOf }) => {
	await page.context().addCookies((await sessionOf('admin@example.org')).cookies);
	const card = await personCard(page, 'admin@example.org', 'Nolwenn Kerhervé');
	const own = card.getByRole('button', { name: 'Administration' });
	await expect(own).toHaveAttribute('aria-pressed', 'true');
	await own.click();
	await expect(page.getByRole('alert')).toHaveText(
		'Impossible : il doit toujours rester au moins une personne administratrice.'
	);
	await expectAccessible(page);
	await expect(own).toHaveAttribute('aria-pressed', 'true');

	// Still an admin after a fresh load.
	await page.reload();
	await expectAccessible(page);
	await expect(card.getByRole('button', { name: 'Administration' })).toHaveAttribute('aria-pressed', 'true');
});
