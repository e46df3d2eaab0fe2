import { expect, expectAccessible, test } from './fixtures';
import { DESK_DAY } from './desk-clock';

// The counter's core forms are plain forms: with JavaScript off, a code typed in opens the booking,
// and hand-out and return work all the same.

test.use({ javaScriptEnabled: false });

test('without JavaScript, desk staff open a booking by its code, hand it out and take it back', async ({
	page,
	sessionOf,
	openPage
}) => {
	const resident = await openPage({
		storageState: await sessionOf('yann@example.org'),
		javaScriptEnabled: true
	});
	await resident.goto(
		`/equipment/zoom-h5?site=capucins&fromDate=${DESK_DAY}&fromTime=14:30&toDate=${DESK_DAY}&toTime=15:30`
	);
	await expectAccessible(resident);
	await resident.getByRole('button', { name: 'Book' }).click();
	await expect(resident).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(resident);
	const code = (await resident.locator('.code').textContent())?.trim() ?? '';

	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin/desk');
	await expectAccessible(page);
	// No camera without JavaScript: the buttons are not offered, typing is.
	await expect(page.getByRole('button', { name: 'Scanner avec la caméra' })).toHaveCount(0);
	await page.getByRole('searchbox', { name: 'Trouver une réservation' }).fill(code);
	await page.getByRole('button', { name: 'Chercher' }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} `) })).toBeVisible();
	await expectAccessible(page);

	// A phone's photo weighs megabytes: well over adapter-node's default 512 kB body limit.
	const handOut = page.getByRole('region', { name: 'Remise du matériel' });
	const photo = Buffer.concat([
		Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]),
		Buffer.alloc(2_500_000, 0x5a),
		Buffer.from([0xff, 0xd9])
	]);
	await handOut
		.getByLabel('Photo (facultatif)')
		.setInputFiles({ name: 'condition.jpg', mimeType: 'image/jpeg', buffer: photo });
	await handOut.getByRole('button', { name: 'Remettre' }).click();
	await expect(page.getByText('Matériel remis.')).toBeVisible();
	const stored = page
		.getByRole('region', { name: 'Historique des remises' })
		.locator('a[href^="/admin/desk/photos/handovers/"]');
	expect((await page.request.get((await stored.getAttribute('href')) ?? '')).status()).toBe(200);
	await expectAccessible(page);
	const takeBack = page.getByRole('region', { name: 'Retour du matériel' });
	await takeBack.getByLabel(/État constaté/).fill('Rendu complet.');
	await takeBack.getByRole('button', { name: 'Enregistrer le retour' }).click();
	await expect(page.getByText('Retour enregistré.')).toBeVisible();
	await expect(page.getByText('Rendu complet.')).toBeVisible();
	await expectAccessible(page);
});
