import QRCode from 'qrcode';
import { expect, expectAccessible, test } from './fixtures';

// The inventory on a tablet: a new model with its photo, its first unit, and the public page showing both.

test('desk staff add a model with a photo and a unit, and residents see it in the catalogue', async ({
	page,
	sessionOf,
	openPage
}) => {
	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Inventaire' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ajouter un modèle' }).click();
	await expectAccessible(page);

	// A mistake first: the form says what is wrong, in French, and keeps what was typed.
	await page.getByLabel('Adresse courte').fill('Zoom H6');
	await page.getByRole('button', { name: 'Ajouter le modèle' }).click();
	await expect(page.getByText('L’adresse courte s’écrit en minuscules, chiffres et tirets')).toBeVisible();
	await expect(page.getByText('Donnez le nom du modèle en français.')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Adresse courte').fill('zoom-h6');
	await page.getByRole('group', { name: 'Nom' }).getByLabel('En français').fill('Enregistreur Zoom H6');
	await page
		.getByRole('group', { name: 'Nom' })
		.getByLabel('En anglais (facultatif)')
		.fill('Zoom H6 recorder');
	await page
		.getByRole('group', { name: 'Description' })
		.getByLabel('En français')
		.fill('Six pistes, pour les tables rondes.');
	await page.getByLabel('Catégorie').selectOption('sound');
	await page.getByRole('button', { name: 'Ajouter le modèle' }).click();
	await expect(page).toHaveURL('/admin/equipment/models/zoom-h6?created=1');
	await expect(page.getByText('Modèle ajouté.')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Photo (JPEG, PNG ou WebP)').setInputFiles({
		name: 'zoom-h6.png',
		mimeType: 'image/png',
		buffer: await QRCode.toBuffer('Zoom H6')
	});
	await page.getByLabel('Description de la photo, en français').fill('Le Zoom H6 vu de face');
	await page.getByRole('button', { name: 'Ajouter la photo' }).click();
	await expect(page.getByText('Photo ajoutée.')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Le Zoom H6 vu de face' })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/admin/equipment/units');
	await expectAccessible(page);
	const addUnit = page.getByRole('region', { name: 'Ajouter un matériel' });
	await addUnit.getByLabel('Modèle').selectOption('zoom-h6');
	await addUnit.getByLabel('Lieu').selectOption('capucins');
	await addUnit.getByLabel('Numéro d’inventaire').fill('bre-zh6-cap-01');
	await addUnit.getByRole('button', { name: 'Ajouter' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'BRE-ZH6-CAP-01' })).toBeVisible();
	await expect(page.getByText('Matériel ajouté, en service.')).toBeVisible();
	await expectAccessible(page);

	const resident = await openPage({ storageState: await sessionOf('camille@example.org') });
	await resident.goto('/equipment/zoom-h6');
	await expectAccessible(resident);
	await expect(resident.getByRole('heading', { level: 1, name: 'Enregistreur Zoom H6' })).toBeVisible();
	await expect(resident.getByRole('img', { name: 'Le Zoom H6 vu de face' })).toBeVisible();
	await expect(
		resident.getByRole('heading', { name: /Ateliers des Capucins.*\(1 en service\)/ })
	).toBeVisible();
});
