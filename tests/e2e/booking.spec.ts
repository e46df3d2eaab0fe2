import { expect, expectAccessible, test } from './fixtures';
import { cityInstant, nextWeekday } from './dates';
import { newPerson, signUp } from './helpers';

test('a resident finds the Zoom H5, books it for next Thursday at Capucins, sees it with its QR code and in the calendar, and cancels it', async ({
	page
}) => {
	const thursday = nextWeekday(4);
	await signUp(page, newPerson('booking'));

	await page.goto('/equipment');
	await expectAccessible(page);
	await page.getByRole('searchbox', { name: 'Rechercher du matériel' }).fill('zoom');
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL(/q=zoom/);
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: 'Vidéoprojecteur Epson' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Enregistreur Zoom H5' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Enregistreur Zoom H5' })).toBeVisible();
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { name: /Ateliers des Capucins – Pôle numérique \(3 en service\)/ })
	).toBeVisible();
	await page.getByRole('radio', { name: /Ateliers des Capucins/ }).check();
	const pickUp = page.getByRole('group', { name: 'Retrait', exact: true });
	await pickUp.getByLabel('Date').fill(thursday);
	await pickUp.getByLabel('Heure').fill('14:00');
	const giveBack = page.getByRole('group', { name: 'Retour', exact: true });
	await giveBack.getByLabel('Date').fill(thursday);
	await giveBack.getByLabel('Heure').fill('17:00');
	await page.getByRole('button', { name: 'Réserver' }).click();

	await expect(page).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(page);
	await expect(page.getByText('C’est réservé ! Un e-mail de confirmation est en route.')).toBeVisible();
	await expect(page.locator('figure img.qr[src^="data:image/svg+xml;base64,"]')).toBeVisible();
	const code = (await page.locator('.code').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
	await expect(page.getByText('Confirmée')).toBeVisible();
	await expect(page.getByText('BRE-ZH5-CAP-01')).toBeVisible();
	const bookingPath = new URL(page.url()).pathname;

	await page.goto('/my/bookings');
	await expectAccessible(page);
	const card = page.getByRole('link', { name: new RegExp(`Enregistreur Zoom H5.*${code}`) });
	await expect(card).toBeVisible();
	const feed = await page.getByLabel('Adresse de l’agenda').inputValue();
	const calendar = await page.request.get(new URL(feed).pathname);
	expect(calendar.status()).toBe(200);
	expect(calendar.headers()['content-type']).toContain('text/calendar');
	const ics = await calendar.text();
	const utc = (time: string) =>
		cityInstant(thursday, time).toISOString().replace(/[-:]/g, '').replace('.000', '');
	expect(ics).toContain(`DTSTART:${utc('14:00')}`);
	expect(ics).toContain(`DTEND:${utc('17:00')}`);
	expect(ics).toContain(`SUMMARY:Prêt : Enregistreur Zoom H5 (${code})`);
	expect(ics).toContain('STATUS:CONFIRMED');

	await card.click();
	await expect(page).toHaveURL(bookingPath);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Annuler la réservation' }).click();
	await expect(page.getByText('Réservation annulée.')).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByText('Annulée', { exact: true })).toBeVisible();
	expect(await (await page.request.get(new URL(feed).pathname)).text()).toContain('STATUS:CANCELLED');
});

test('a full period offers other sites and days, and a place on the waitlist', async ({
	sessionOf,
	openPage
}) => {
	// The only Bose is at Capucins: once requested, the next resident is told, with the nearest days.
	const friday = nextWeekday(5, 8);
	const path = `/equipment/bose-s1-pro?site=capucins&fromDate=${friday}&fromTime=10:00&toDate=${friday}&toTime=12:00`;
	// Yann reads the portal in English, Camille in French.
	const first = await openPage({ storageState: await sessionOf('yann@example.org') });
	const second = await openPage({ storageState: await sessionOf('camille@example.org') });
	for (const resident of [first, second]) {
		await resident.goto(path);
		await expectAccessible(resident);
		await resident.getByRole('button', { name: /^(Envoyer la demande|Send the request)$/ }).click();
	}
	await expect(first).toHaveURL(/\/my\/bookings\//);
	await expectAccessible(first);
	await expect(first.getByText('Request sent: the desk team will answer by email.')).toBeVisible();

	await expect(second.getByRole('alert')).toContainText('Plus disponible sur cette période');
	await expectAccessible(second);
	await expect(second.getByText('Même lieu, autres jours :')).toBeVisible();
	await second.getByRole('button', { name: 'Me prévenir si ça se libère' }).click();
	await expect(
		second.getByText('C’est noté : vous recevrez un e-mail si ce créneau se libère.')
	).toBeVisible();
	await expectAccessible(second);
});

test('the catalogue shows what is free on my dates across every site, and explains a bad date', async ({
	page
}) => {
	const saturday = nextWeekday(6, 3);
	await page.goto('/equipment');
	await expectAccessible(page);
	await page.getByText('Libre sur mes dates').click();
	const from = page.getByRole('group', { name: 'Du', exact: true });
	await from.getByLabel('Date').fill(saturday);
	await from.getByLabel('Heure (facultatif)').fill('11:00');
	const to = page.getByRole('group', { name: 'Au', exact: true });
	await to.getByLabel('Date').fill(saturday);
	await to.getByLabel('Heure (facultatif)').fill('15:00');
	await page.getByRole('combobox', { name: 'Lieu' }).selectOption('saint-martin');
	await page.getByRole('button', { name: 'Afficher' }).click();
	await expect(page).toHaveURL(/site=saint-martin/);
	await expectAccessible(page);
	const projector = page.getByRole('article').filter({ hasText: 'Vidéoprojecteur Epson' });
	// Nobody books the Saint-Martin projector on a Saturday in these journeys.
	await expect(projector).toContainText('1 sur 1 libre(s) sur ces dates');
	await expect(page.getByRole('article').filter({ hasText: 'Barnum' })).toHaveCount(0);

	await page.goto(`/equipment?fromDate=${saturday}&fromTime=15:00&toDate=${saturday}&toTime=11:00`);
	await expectAccessible(page);
	await expect(page.getByText('Le retour doit être après le retrait.')).toBeVisible();
});
