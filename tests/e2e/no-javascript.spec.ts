import { nextWeekday } from './dates';
import { axeViolations, DEMO_PASSWORD, expect, expectAccessible, test } from './fixtures';

// The same forms with JavaScript turned off: every one is a plain HTML form that posts and reloads.
// axe still checks every page: see `axeViolations` in fixtures.ts for how it runs without timers.
test.use({ javaScriptEnabled: false });

test('axe really checks pages when JavaScript is off', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	// No script of the page ran: SvelteKit never started.
	expect(await page.evaluate(() => Object.keys(window).some((key) => key.startsWith('__sveltekit')))).toBe(
		false
	);
	// A deliberately broken form field is caught, so a clean result above means something.
	await page.evaluate(() => {
		const input = document.createElement('input');
		input.type = 'text';
		(document.querySelector('main') ?? document.body).append(input);
	});
	const violations = await axeViolations(page);
	expect(violations.map((violation) => violation.id)).toContain('label');
});

test('without JavaScript, Camille signs in, saves her profile and switches language', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);

	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill('camille@example.org');
	await form.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByText('Connecté·e avec l’adresse camille@example.org.')).toBeVisible();

	// The profile form posts and the page comes back with the confirmation.
	const profile = page.getByRole('region', { name: 'Profil et préférences' });
	const waitlist = profile.getByRole('checkbox', { name: 'Alertes quand du matériel se libère' });
	const wasTicked = await waitlist.isChecked();
	await waitlist.setChecked(!wasTicked);
	await profile.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page).toHaveURL('/account?/profile');
	await expectAccessible(page);
	await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');

	// Saved for real: a fresh load of the page shows the new choice.
	await page.goto('/account');
	await expectAccessible(page);
	await expect(waitlist).toBeChecked({ checked: !wasTicked });
	await expect(profile.getByRole('radio', { name: 'Français' })).toBeChecked();

	// The language switcher is a form too.
	await page.getByRole('button', { name: 'Read this site in English' }).click();
	await expect(page).toHaveURL('/account');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
	// Signed in, the switch changes the account's language as well.
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

	await page.getByRole('button', { name: 'Lire ce site en français' }).click();
	await expect(page).toHaveURL('/account');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
	await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();

	// Leave Camille as she was.
	await waitlist.setChecked(wasTicked);
	await profile.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');
	await expectAccessible(page);
});

test('without JavaScript, a wrong password shows the error and keeps the address', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill('camille@example.org');
	await form.getByLabel('Mot de passe').fill('ce n’est pas le bon');
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/login?/password');
	await expectAccessible(page);
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expect(form.getByLabel('Adresse e-mail')).toHaveValue('camille@example.org');
	await expect(form.getByLabel('Mot de passe')).toHaveValue('');
	await expect(
		page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Moi' })
	).toHaveAttribute('href', '/login');
});

test('without JavaScript, a resident books a tripod, is told what to fix first, then sees the booking', async ({
	page,
	sessionOf
}) => {
	await page.context().addCookies((await sessionOf('camille@example.org')).cookies);
	const wednesday = nextWeekday(3, 10);
	await page.goto('/equipment/manfrotto-tripod');
	await expectAccessible(page);
	await page.getByRole('radio', { name: /Maison de quartier de Bellevue/ }).check();
	const pickUp = page.getByRole('group', { name: 'Retrait', exact: true });
	await pickUp.getByLabel('Date').fill(wednesday);
	await pickUp.getByLabel('Heure').fill('10:00');
	const giveBack = page.getByRole('group', { name: 'Retour', exact: true });
	await giveBack.getByLabel('Date').fill(wednesday);
	await giveBack.getByLabel('Heure').fill('18:00');
	await page.getByRole('button', { name: 'Réserver' }).click();

	// Bellevue opens at 14:00 that day: the form comes back with both times explained.
	await expectAccessible(page);
	await expect(page.getByText(/le lieu est ouvert de 14:00–19:00/).first()).toBeVisible();
	await page.getByRole('group', { name: 'Retrait', exact: true }).getByLabel('Heure').fill('14:30');
	await page.getByRole('button', { name: 'Réserver' }).click();
	await expect(page).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(page);
	await expect(page.getByText('C’est réservé !')).toBeVisible();
	await expect(page.locator('figure img.qr[src^="data:image/svg+xml;base64,"]')).toBeVisible();
});
