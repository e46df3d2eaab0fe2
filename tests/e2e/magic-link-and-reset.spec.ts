import { expect, expectAccessible, test } from './fixtures';
import { newPerson, readLinkFromOutbox, signUp } from './helpers';

// No SMTP server in these runs: the portal keeps every email in its outbox, which an
// administrator reads in another browser, standing in for the person's mailbox.

const MAGIC_LINK = /http:\/\/localhost:\d+\/api\/auth\/magic-link\/verify\?token=[^\s]+/;
const RESET_LINK = /http:\/\/localhost:\d+\/api\/auth\/reset-password\/[^\s?]+\?callbackURL=[^\s]+/;
const LINK_SENT = 'Si un compte existe pour cette adresse, un lien de connexion vient d’y être envoyé.';

test('Camille signs in with a link received by email', async ({ page, openPage, sessionOf }) => {
	await page.goto('/login');
	await expectAccessible(page);
	const linkForm = page.locator('form[action="?/link"]');
	await linkForm.getByLabel('Adresse e-mail').fill('camille@example.org');
	await linkForm.getByRole('button', { name: 'M’envoyer un lien' }).click();
	await expect(page.getByRole('status')).toHaveText(LINK_SENT);
	await expectAccessible(page);

	// The mailbox: the newest message to Camille in the outbox.
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	expect(admin.viewportSize()).toEqual({ width: 390, height: 844 });
	const link = await readLinkFromOutbox(
		admin,
		'camille@example.org',
		/Votre lien de connexion|Your sign-in link/,
		MAGIC_LINK
	);

	// Back on Camille's phone: the link signs her in.
	await page.goto(link);
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByText('Connecté·e avec l’adresse camille@example.org.')).toBeVisible();

	// The link works only once: opened again on another device, it is refused.
	const elsewhere = await openPage();
	await elsewhere.goto(link);
	await expect(elsewhere).toHaveURL(/\/login\?/);
	await expectAccessible(elsewhere);
	await expect(elsewhere.getByRole('alert')).toHaveText(
		'Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau.'
	);
});

test('a new person resets a forgotten password with the emailed link', async ({
	page,
	openPage,
	sessionOf
}) => {
	const person = newPerson('oubli');
	await signUp(page, person);
	await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);

	await page.goto('/login');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
	await expect(page).toHaveURL('/forgot-password');
	await expectAccessible(page);
	await page.getByLabel('Adresse e-mail').fill(person.email);
	await page.getByRole('button', { name: 'Envoyer le lien' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Si un compte existe pour cette adresse, un lien valable une heure vient d’y être envoyé.'
	);
	await expectAccessible(page);

	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	const link = await readLinkFromOutbox(admin, person.email, /Choisir un nouveau mot de passe/, RESET_LINK);

	// The link leads to the form for a new password.
	await page.goto(link);
	await expect(page).toHaveURL(/\/reset-password\?token=[^&]+$/);
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })
	).toBeVisible();
	const newPassword = `${person.password} nouvelle`;
	await page.getByLabel('Nouveau mot de passe').fill(newPassword);
	await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
	await expect(page).toHaveURL('/login?reset=done');
	await expectAccessible(page);
	await expect(page.getByRole('status')).toHaveText(
		'Votre mot de passe a été changé. Vous pouvez vous connecter.'
	);

	// The new password opens the account.
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Adresse e-mail').fill(person.email);
	await form.getByLabel('Mot de passe').fill(newPassword);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/account');
	await expectAccessible(page);
	await expect(page.getByText(`Connecté·e avec l’adresse ${person.email}.`)).toBeVisible();

	// The old one no longer does.
	await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);
	await page.goto('/login');
	await expectAccessible(page);
	await form.getByLabel('Adresse e-mail').fill(person.email);
	await form.getByLabel('Mot de passe').fill(person.password);
	await form.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expectAccessible(page);
	await expect(page).toHaveURL(/\/login/);

	// And the reset link has served its purpose.
	await page.goto(link);
	await expectAccessible(page);
	await expect(page.getByRole('alert')).toHaveText('Ce lien de réinitialisation n’est plus valable.');
	await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
		'href',
		'/forgot-password'
	);
});

test('asking for a link for an unknown address looks the same as for a known one', async ({
	page,
	openPage,
	sessionOf
}) => {
	const unknown = `personne-${Date.now()}@example.net`;
	const answers: string[] = [];
	for (const email of ['ewen@example.org', unknown]) {
		await page.goto('/login');
		await expectAccessible(page);
		const linkForm = page.locator('form[action="?/link"]');
		await linkForm.getByLabel('Adresse e-mail').fill(email);
		await linkForm.getByRole('button', { name: 'M’envoyer un lien' }).click();
		const status = page.getByRole('status');
		await expect(status).toHaveText(LINK_SENT);
		await expectAccessible(page);
		await expect(page.getByRole('alert')).toHaveCount(0);
		await expect(page).toHaveURL('/login');
		answers.push(await page.locator('main').innerText());
	}
	expect(answers[1]).toBe(answers[0]);

	// Only the mailbox's owner learns there is no account, and how to create one.
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	const signUpLink = await readLinkFromOutbox(
		admin,
		unknown,
		/Demande de connexion/,
		/http:\/\/localhost:\d+\/signup/
	);
	expect(signUpLink).toMatch(/\/signup$/);
});
