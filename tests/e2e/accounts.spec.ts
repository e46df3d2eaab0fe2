import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';
import { newPerson, signUp } from './helpers';

/** Every key anywhere in a JSON value, at any depth. */
function keysOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(keysOf);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
	}
	return [];
}

test('a new person signs up, sets English, downloads their data, signs out and back in', async ({ page }) => {
	const person = newPerson('compte');
	await signUp(page, person);
	await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
	const nav = page.getByRole('navigation', { name: 'Navigation principale' });
	await expect(nav.getByRole('link', { name: 'Moi' })).toHaveAttribute('href', '/account');

	// The language of the account, saved from the profile form: the whole page follows.
	const profile = page.getByRole('region', { name: 'Profil et préférences' });
	await expect(profile.getByLabel('Nom affiché')).toHaveValue(person.name);
	await expect(profile.getByRole('radio', { name: 'Français' })).toBeChecked();
	await profile.getByRole('radio', { name: 'English' }).check();
	await profile.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	await expect(
		page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Equipment' })
	).toBeVisible();

	// My data: one JSON file with the account, and nothing secret.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download my data' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
	const raw = await readFile(await download.path(), 'utf8');
	const data = JSON.parse(raw);
	expect(data.account).toMatchObject({ email: person.email, name: person.name, locale: 'en' });
	expect(data.sessions.length).toBeGreaterThanOrEqual(1);
	const secretKeys = keysOf(data).filter((key) => /password|token|secret|hash/i.test(key));
	expect(secretKeys, 'secret fields in the export').toEqual([]);
	expect(raw).not.toContain(person.password);

	// Signing out leads home, signed out (still in English: the choice stays on this device).
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'Create an account' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Me', exact: true })
	).toHaveAttribute('href', '/login');

	// The account page is now behind the sign-in.
	await page.goto('/account');
	await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	await expectAccessible(page);

	// Back to French on the sign-in page, then a wrong password.
	await page.getByRole('button', { name: 'Lire ce site en français' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	await expectAccessible(page);
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill(person.email);
	await form.getByLabel('Mot de passe').fill('pas le bon mot de passe');
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expectAccessible(page);
	await expect(form.getByLabel('Adresse e-mail')).toHaveValue(person.email);
	await expect(page).toHaveURL(/\/login/);

	// The right password this time: the account page.
	await form.getByLabel('Mot de passe').fill(person.password);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	// Which language it shows right after signing in is the subject of the next test.
	await expect(page.getByText(/Connecté·e avec l’adresse (.+)\.|Signed in as (.+)\./)).toContainText(
		person.email
	);

	// Once the page is loaded afresh, the account's language (English) wins over the French just
	// chosen on this device while signed out.
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);
	await expect(page.getByText(`Signed in as ${person.email}.`)).toBeVisible();
});

test('right after signing in, the pages are in the account’s language', async ({ page }) => {
	// Yann's account is in English; this browser is French and has never chosen a language.
	await page.goto('/login');
	await expectAccessible(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill('yann@example.org');
	await form.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(
		page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Equipment' })
	).toBeVisible();
});

test('deleting an account needs its exact address, then the account is gone', async ({ page }) => {
	const person = newPerson('suppression');
	await signUp(page, person);

	const zone = page.getByRole('region', { name: 'Supprimer mon compte' });
	const confirmation = zone.getByLabel('Confirmez en tapant votre adresse e-mail');
	await expect(confirmation).toHaveAccessibleDescription(`Tapez ${person.email} pour confirmer.`);

	// Another address: refused, explained next to the field, and the account stays.
	await confirmation.fill('quelqu-un-d-autre@example.net');
	await zone.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(zone.getByText('L’adresse ne correspond pas à celle de votre compte.')).toBeVisible();
	await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
	await expect(confirmation).toHaveAccessibleDescription(
		/L’adresse ne correspond pas à celle de votre compte\./
	);
	await expect(confirmation).toHaveValue('quelqu-un-d-autre@example.net');
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await page.reload();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByText(`Connecté·e avec l’adresse ${person.email}.`)).toBeVisible();

	// The right address (typed in capitals: still the same address): deleted and signed out.
	await confirmation.fill(person.email.toUpperCase());
	await zone.getByRole('button', { name: 'Supprimer définitivement' }).click();
	await expect(page).toHaveURL('/login?deleted=1');
	await expectAccessible(page);
	await expect(page.getByRole('status')).toHaveText('Votre compte a été supprimé.');
	await expect(
		page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Moi' })
	).toHaveAttribute('href', '/login');

	await page.goto('/account');
	await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	await expectAccessible(page);

	// The old credentials no longer open anything.
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill(person.email);
	await form.getByLabel('Mot de passe').fill(person.password);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expectAccessible(page);
	await expect(page).toHaveURL(/\/login/);
});

test('a person changes their password: the old one stops working, the new one works', async ({ page }) => {
	const person = newPerson('password');
	await signUp(page, person);
	const form = page.locator('form[action="?/password"]');

	await form.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
	await form.getByLabel('Nouveau mot de passe').fill('un tout nouveau mot de passe');
	await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(form.getByText('Le mot de passe actuel n’est pas le bon.')).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Certains champs sont à corriger.');
	await expectAccessible(page);

	await form.getByLabel('Mot de passe actuel').fill(person.password);
	await form.getByLabel('Nouveau mot de passe').fill('un tout nouveau mot de passe');
	await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByRole('status')).toContainText('Votre mot de passe a été changé');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);
	const login = page.locator('form[action="?/password"]');
	await page.goto('/login');
	await expectAccessible(page);
	await login.getByLabel('Adresse e-mail').fill(person.email);
	await login.getByLabel('Mot de passe').fill(person.password);
	await login.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toContainText('Adresse e-mail ou mot de passe incorrect.');
	await expectAccessible(page);
	await login.getByLabel('Mot de passe').fill('un tout nouveau mot de passe');
	await login.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
});

test('a refused form takes the person to the problem', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	const form = page.locator('form[action="?/password"]');
	// Nothing filled in: focus lands on the first field in error, which carries its message.
	await form.getByRole('button', { name: 'Se connecter' }).click();
	const email = form.getByLabel('Adresse e-mail');
	await expect(email).toBeFocused();
	await expect(email).toHaveAccessibleDescription('Indiquez votre adresse e-mail.');
	await expectAccessible(page);
	// A refusal that concerns no single field: focus on the message itself.
	await email.fill('camille@example.org');
	await form.getByLabel('Mot de passe').fill('not the right password');
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expectAccessible(page);
});
