import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { newPerson, signUp } from './helpers';

const PRIZE = '/my/applications/new?programme=commons-prize-2027';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function startDraft(page: Page) {
	await page.goto(PRIZE);
	await expectAccessible(page);
	await expect(page.getByRole('radio', { name: 'En mon nom' })).toBeChecked();
	await page.getByRole('button', { name: 'Commencer' }).click();
	await expect(page).toHaveURL(/\/my\/applications\/[0-9a-f-]{36}$/);
	await expectAccessible(page);
	return page.url();
}

const description = (page: Page) =>
	page.getByRole('textbox', { name: /^Le travail en commun à récompenser/ });

test('without JavaScript, a resident starts, fills, saves, attaches a file and submits an application', async ({
	openPage
}) => {
	const page = await openPage({ javaScriptEnabled: false });
	await signUp(page, newPerson('apply-nojs'));
	const address = await startDraft(page);
	// A second start finds the same draft: no duplicate.
	expect(await startDraft(page)).toBe(address);

	await page.getByLabel(/^Titre de la candidature/).fill('Chants de marins de Recouvrance');
	await description(page).fill('Trente chants collectés auprès des anciens du quartier.');
	await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('status').filter({ hasText: /^Enregistré à \d\d:\d\d$/ })).toBeVisible();
	await expect(description(page)).toHaveValue('Trente chants collectés auprès des anciens du quartier.');

	await page
		.getByLabel(/^Portfolio ou dossier/)
		.setInputFiles({ name: 'dossier.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Joindre ce fichier' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'dossier.pdf' })).toBeVisible();

	// The licence is required: the server names it and sends nothing.
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('alert')).toContainText('Répondez à « Licence du travail ».');
	await expect(description(page)).toHaveValue('Trente chants collectés auprès des anciens du quartier.');

	await page.getByRole('radio', { name: 'CC BY-SA 4.0' }).check();
	await page.getByRole('checkbox', { name: /^Le travail en commun/ }).check();
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page).toHaveURL(/\?done=submit$/);
	await expectAccessible(page);
	await expect(page.getByText('Candidature envoyée. Un accusé de réception part par e-mail.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'État : Envoyée' })).toBeVisible();
	await expect(page.getByText(/^Réponse attendue au plus tard le /)).toBeVisible();
	await expect(page.getByText('Trente chants collectés auprès des anciens du quartier.')).toBeVisible();

	await page.goto('/my/applications');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'Chants de marins de Recouvrance' })).toBeVisible();

	// Withdrawing asks first; "no" keeps it, "yes" withdraws it.
	await page.getByRole('link', { name: 'Chants de marins de Recouvrance' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Retirer ma candidature' }).click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Non, garder' }).click();
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'État : Envoyée' })).toBeVisible();
	await page.getByRole('link', { name: 'Retirer ma candidature' }).click();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Oui, retirer' }).click();
	await expect(page).toHaveURL(/\?done=withdraw$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'État : Retirée' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Retirer ma candidature' })).toHaveCount(0);
});

test('with JavaScript, the draft saves itself, keeps what is typed offline, and syncs it when the network returns', async ({
	page,
	context,
	openPage
}) => {
	await signUp(page, newPerson('apply-offline'));
	const address = await startDraft(page);
	await page.evaluate(() => navigator.serviceWorker.ready);
	// Drawn once more under the service worker, so that the page stays readable offline.
	await page.reload();
	await expectAccessible(page);

	const saved = page.getByRole('status').filter({ hasText: /^Enregistré à \d\d:\d\d$/ });
	await page.getByLabel(/^Titre de la candidature/).fill('Mémoire des quais');
	await description(page).fill('Première partie écrite en ligne.');
	await expect(saved).toBeVisible();

	await context.setOffline(true);
	await description(page).pressSequentially(' Deuxième partie écrite hors ligne.');
	await expect(
		page
			.getByRole('status')
			.filter({ hasText: 'Hors ligne : enregistré sur cet appareil, envoyé au retour du réseau' })
	).toBeVisible();
	// Reloaded while offline: the kept page comes back with the words typed on this device.
	await page.reload();
	await expectAccessible(page);
	const everything = 'Première partie écrite en ligne. Deuxième partie écrite hors ligne.';
	await expect(description(page)).toHaveValue(everything);

	await context.setOffline(false);
	await expect(saved).toBeVisible();
	await page.reload();
	await expectAccessible(page);
	await expect(description(page)).toHaveValue(everything);
	await expect(page.getByLabel(/^Titre de la candidature/)).toHaveValue('Mémoire des quais');

	// Another device signed in as the same person reads every word from the server.
	const other = await openPage({ storageState: await context.storageState(), serviceWorkers: 'block' });
	await other.goto(address);
	await expectAccessible(other);
	await expect(description(other)).toHaveValue(everything);

	await page.getByRole('radio', { name: 'CC BY 4.0', exact: true }).check();
	await page.getByRole('button', { name: 'Envoyer la candidature' }).click();
	await expect(page).toHaveURL(/\?done=submit$/);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { name: 'État : Envoyée' })).toBeVisible();
});

test('words written on an older copy never overwrite newer ones: the person chooses', async ({
	page,
	context,
	openPage
}) => {
	await signUp(page, newPerson('apply-two-devices'));
	const address = await startDraft(page);
	const laptop = await openPage({ storageState: await context.storageState(), serviceWorkers: 'block' });
	await laptop.goto(address);
	await expectAccessible(laptop);

	const saved = (on: Page) => on.getByRole('status').filter({ hasText: /^Enregistré à \d\d:\d\d$/ });
	await description(page).fill('Écrit sur le téléphone.');
	await expect(saved(page)).toBeVisible();
	// The laptop still holds the first copy: its words are refused, kept, and the choice is offered.
	await description(laptop).fill('Écrit sur l’ordinateur.');
	await expect(laptop.getByRole('alert')).toContainText(
		'Cette candidature a été modifiée depuis un autre appareil.'
	);
	await expectAccessible(laptop);
	await expect(description(laptop)).toHaveValue('Écrit sur l’ordinateur.');
	await laptop.getByRole('button', { name: 'Prendre la version la plus récente' }).click();
	await expect(description(laptop)).toHaveValue('Écrit sur le téléphone.');

	// Keeping one's own words instead sends them over the newer copy, on purpose.
	await description(page).fill('Le téléphone encore.');
	await expect(saved(page)).toBeVisible();
	await description(laptop).fill('L’ordinateur gagne.');
	await laptop.getByRole('button', { name: 'Garder mes mots' }).click();
	await expect(saved(laptop)).toBeVisible();
	await page.reload();
	await expectAccessible(page);
	await expect(description(page)).toHaveValue('L’ordinateur gagne.');
});
