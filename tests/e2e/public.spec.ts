import { expect, expectAccessible, test } from './fixtures';

// A visitor who is not signed in: the public pages, the two languages, and what the server
// sends with every answer.

test('a visitor browses from the home page to every section of the bottom navigation', async ({ page }) => {
	await page.goto('/');
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Les communs de Brest, à portée de main' })
	).toBeVisible();
	// The three pillars, each a card with its own way in, then the training modules.
	await expect(page.getByRole('heading', { level: 2 })).toHaveText([
		'Emprunter du matériel',
		'Parcours des communs',
		'Les trois instituts',
		'Se former'
	]);
	await expect(page.getByRole('link', { name: 'Voir le matériel' })).toHaveAttribute('href', '/equipment');
	await expect(page.getByRole('link', { name: 'Découvrir les parcours' })).toHaveAttribute('href', '/trails');
	await expect(page.getByRole('link', { name: 'Voir les instituts' })).toHaveAttribute('href', '/institutes');
	await expect(page.getByRole('link', { name: 'Voir les modules' })).toHaveAttribute('href', '/learn');

	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	// On a phone the main navigation sits at the bottom of the screen, within thumb reach.
	const navBox = await nav.boundingBox();
	expect(navBox).not.toBeNull();
	const { y, height } = navBox ?? { y: 0, height: 0 };
	expect(y + height).toBeGreaterThan(844 - 2);
	expect(y).toBeGreaterThan(844 / 2);

	await nav.getByRole('link', { name: 'Matériel' }).click();
	await expect(page).toHaveURL('/equipment');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Matériel à emprunter' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Matériel' })).toHaveAttribute('aria-current', 'page');
	// The catalogue comes from the database, grouped by category.
	const sound = page.getByRole('region', { name: 'Son' });
	await expect(sound.getByRole('heading', { level: 3, name: 'Enregistreur Zoom H5' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Lumière' })).toBeVisible();
	await expect(page).toHaveTitle('Matériel à emprunter – Portail des communs de Brest');

	await nav.getByRole('link', { name: 'Parcours' }).click();
	await expect(page).toHaveURL('/trails');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Parcours des communs' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Parcours' })).toHaveAttribute('aria-current', 'page');

	await nav.getByRole('link', { name: 'Instituts' }).click();
	await expect(page).toHaveURL('/institutes');
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Les trois instituts des communs' })
	).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Instituts' })).toHaveAttribute('aria-current', 'page');

	// Signed out, "Moi" leads to the sign-in page.
	await nav.getByRole('link', { name: 'Moi' }).click();
	await expect(page).toHaveURL('/login');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Moi' })).toHaveAttribute('aria-current', 'page');
	await expect(page.locator('form[action="?/password"]')).toBeVisible();
	await expect(page.locator('form[action="?/link"]')).toBeVisible();
});

test('a visitor reads the site in English, then in French again', async ({ page }) => {
	await page.goto('/equipment');
	await expectAccessible(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

	// The switcher names the other language, in that language.
	const toEnglish = page.getByRole('button', { name: 'Read this site in English' });
	await expect(toEnglish).toHaveText('English');
	await expect(toEnglish).toHaveAttribute('lang', 'en');
	await toEnglish.click();

	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL('/equipment');
	await expectAccessible(page);
	const nav = page.getByRole('navigation', { name: 'Main navigation' });
	await expect(nav.getByRole('link', { name: 'Equipment' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Me', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Equipment to borrow' })).toBeVisible();
	// The catalogue's own texts follow the language too.
	await expect(page.getByRole('heading', { level: 3, name: 'Zoom H5 recorder' })).toBeVisible();

	// The choice is remembered on the next page.
	await nav.getByRole('link', { name: 'Institutes' }).click();
	await expect(page).toHaveURL('/institutes');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);

	const toFrench = page.getByRole('button', { name: 'Lire ce site en français' });
	await expect(toFrench).toHaveText('Français');
	await toFrench.click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page).toHaveURL('/institutes');
	await expectAccessible(page);
	await expect(
		page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Matériel' })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Les trois instituts des communs' })
	).toBeVisible();
});

test('the health check answers 200 with status ok', async ({ request }) => {
	const response = await request.get('/health');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(await response.json()).toEqual({ status: 'ok' });
});

test('the home page is served with the security headers', async ({ request }) => {
	const response = await request.get('/');
	expect(response.status()).toBe(200);
	const headers = response.headers();

	const csp = headers['content-security-policy'] ?? '';
	expect(csp, 'Content-Security-Policy header').toContain("default-src 'self'");
	const directives = new Map(
		csp.split(';').map((part) => {
			const [name, ...values] = part.trim().split(/\s+/);
			return [name, values] as const;
		})
	);
	const scriptSrc = directives.get('script-src') ?? [];
	const nonce = scriptSrc.find((value) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(value)) ?? '';
	expect(nonce, `script-src carries a nonce: ${scriptSrc.join(' ')}`).not.toBe('');
	expect(scriptSrc).not.toContain("'unsafe-inline'");
	expect(scriptSrc).not.toContain("'unsafe-eval'");
	expect(directives.get('default-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
	expect(directives.get('base-uri')).toEqual(["'self'"]);

	// The inline bootstrap script carries that very nonce, and it changes with every answer.
	const html = await response.text();
	const nonceValue = nonce.slice("'nonce-".length, -1);
	expect(html).toContain(`<script nonce="${nonceValue}">`);
	const again = (await request.get('/')).headers()['content-security-policy'];
	expect(again).not.toContain(nonceValue);

	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('an unknown address shows an accessible 404 page', async ({ page }) => {
	const response = await page.goto('/cette-page-n-existe-pas');
	expect(response?.status()).toBe(404);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Erreur 404' })).toBeVisible();
	await expect(page.getByText('Cette page ou cet élément n’existe pas.')).toBeVisible();
	await expect(page).toHaveTitle(/Erreur 404/);
	// The way out leads home.
	await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);
});
