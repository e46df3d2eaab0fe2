import { expect, expectAccessible, test } from './fixtures';

test('a visitor finds the Commons Prize from the institutes, with its amounts and the way to apply', async ({
	page
}) => {
	await page.goto('/institutes');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les trois instituts des communs');
	await page
		.getByRole('link', { name: 'Institut pour le partage des bénéfices et la reconnaissance des communs' })
		.click();
	await expect(page).toHaveURL(/\/institutes\/benefit-sharing$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'Ouverts' })).toBeVisible();
	await page.getByRole('link', { name: 'Prix des communs 2027' }).click();
	await expect(page).toHaveURL(/\/programmes\/commons-prize-2027$/);
	await expectAccessible(page);

	const terms = page.locator('dl.terms');
	await expect(terms).toContainText('Prix');
	await expect(terms.locator('dd').filter({ hasText: /^5\s000\s€$/ })).toBeVisible();
	await expect(terms.locator('dd').filter({ hasText: /^1\s000\s€$/ })).toBeVisible();
	await expect(terms).toContainText('environ 45 jours après le dépôt');
	await expect(page.getByRole('link', { name: 'Déposer une candidature' })).toHaveAttribute(
		'href',
		'/my/applications/new?programme=commons-prize-2027'
	);
	await expect(page.getByRole('heading', { name: 'Les questions posées' })).toBeVisible();
	await expect(page.getByText('Le travail en commun à récompenser')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Comment les candidatures sont évaluées' })).toBeVisible();
	await expect(page.getByText('Portée pour les communs')).toBeVisible();
});

test('the same journey reads in English, amounts in English too', async ({ openPage }) => {
	const page = await openPage({ locale: 'en-GB' });
	await page.goto('/institutes');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Institute for Benefit-Sharing and Commons Recognition' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Commons Prize 2027' }).click();
	await expect(page).toHaveURL(/\/programmes\/commons-prize-2027$/);
	await expectAccessible(page);
	const terms = page.locator('dl.terms');
	await expect(terms.locator('dd').filter({ hasText: /^€5,000$/ })).toBeVisible();
	await expect(terms.locator('dd').filter({ hasText: /^€1,000$/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Apply', exact: true })).toBeVisible();
	await expect(page.getByText('The commons work to recognise')).toBeVisible();
});

test('an admin creates a programme and builds its form without JavaScript, each change a new version', async ({
	openPage,
	sessionOf
}) => {
	const admin = await openPage({
		storageState: await sessionOf('admin@example.org'),
		javaScriptEnabled: false,
		viewport: { width: 1280, height: 800 }
	});
	const slug = `prix-e2e-${Date.now().toString(36)}`;
	await admin.goto('/admin');
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'Instituts et programmes' }).click();
	await expectAccessible(admin);
	await admin.getByRole('link', { name: 'Nouveau programme' }).click();
	await expectAccessible(admin);

	await admin.getByLabel('Institut', { exact: true }).selectOption('benefit-sharing');
	await admin.getByLabel('Type de programme').selectOption('prize');
	await admin.getByLabel('Adresse courte').fill(slug);
	await admin.locator('#field-titleFr').fill('Prix de la mer partagée');
	await admin.locator('#field-titleEn').fill('Shared sea prize');
	await admin.locator('#field-summaryFr').fill('Un prix pour les communs du littoral.');
	await admin.locator('#field-eligibilityFr').fill('Toute personne qui publie librement.');
	await admin.getByLabel('Ouverture des candidatures').fill('2026-01-01T09:00');
	await admin.getByLabel('Budget total (en euros)').fill('2 000');
	await admin.getByLabel('Montant maximal par candidature (en euros)').fill('3000');
	await admin.getByRole('button', { name: 'Créer le programme' }).click();
	await expectAccessible(admin);
	await expect(admin.getByText('Le montant maximal ne peut pas dépasser le budget total.')).toBeVisible();
	await admin.getByLabel('Montant maximal par candidature (en euros)').fill('500');
	await admin.getByRole('button', { name: 'Créer le programme' }).click();
	await expect(admin).toHaveURL(new RegExp(`/admin/programmes/${slug}/form\\?created=1$`));
	await expectAccessible(admin);

	await admin.getByRole('button', { name: 'Ajouter une question' }).click();
	await expectAccessible(admin);
	await admin.getByLabel('Clé').fill('description');
	await admin.getByLabel('Type de réponse').selectOption('long_text');
	await admin.getByLabel('Question (en français)').fill('Décrivez votre travail');
	await admin.getByLabel('Question (en anglais)').fill('Describe your work');
	await admin.getByRole('checkbox', { name: 'obligatoire' }).check();
	await admin.getByRole('button', { name: 'Enregistrer le formulaire' }).first().click();
	await expectAccessible(admin);
	await expect(admin.getByText('Version 1 du formulaire enregistrée.')).toBeVisible();

	// A choice without options is refused next to the question; the words typed are kept.
	await admin.getByRole('button', { name: 'Ajouter une question' }).click();
	await expectAccessible(admin);
	const second = admin.getByRole('group', { name: 'Question 2' });
	await second.getByLabel('Clé').fill('licence');
	await second.getByLabel('Type de réponse').selectOption('choice');
	await second.getByLabel('Question (en français)').fill('Licence');
	await admin.getByRole('button', { name: 'Enregistrer le formulaire' }).last().click();
	await expectAccessible(admin);
	await expect(
		second.getByText('Un choix ou des cases à cocher demandent au moins deux options.')
	).toBeVisible();
	await expect(second.getByLabel('Question (en français)')).toHaveValue('Licence');
	await second.getByLabel('Options (choix et cases à cocher)').fill('CC BY-SA | CC BY-SA\nCC0 | CC0');
	await admin.getByRole('button', { name: 'Monter la question 2' }).click();
	await expectAccessible(admin);
	await expect(admin.getByRole('group', { name: 'Question 1' }).getByLabel('Clé')).toHaveValue('licence');
	await admin.getByRole('button', { name: 'Enregistrer le formulaire' }).first().click();
	await expectAccessible(admin);
	await expect(admin.getByText('Version 2 du formulaire enregistrée.')).toBeVisible();
	const history = admin.getByRole('region', { name: 'Versions du formulaire' });
	await expect(history.getByRole('listitem')).toHaveCount(2);
	await expect(history.getByRole('listitem').first()).toContainText('questions : 2 · candidatures : 0');

	await admin.getByRole('link', { name: 'Conditions' }).click();
	await expectAccessible(admin);
	await admin.getByRole('button', { name: 'Publier le programme' }).click();
	await expectAccessible(admin);
	await expect(admin.getByText('Le programme est publié.')).toBeVisible();
	await admin.getByRole('link', { name: 'Page publique' }).click();
	await expectAccessible(admin);
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Prix de la mer partagée');
	await expect(admin.getByRole('listitem').filter({ hasText: 'Licence' }).first()).toContainText(
		'choix unique'
	);
});
