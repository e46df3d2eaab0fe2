import { expect, expectAccessible, test } from './fixtures';
import { DESK_DAY } from './desk-clock';

// At the counter, on a tablet: a request approved, handed out by its code, taken back damaged.

const BOSE = 'Sonorisation portable Bose S1 Pro';

test('desk staff approve a request, hand it out by its code, take it back damaged: the unit leaves service and the audit log names them', async ({
	page,
	sessionOf,
	openPage
}) => {
	const resident = await openPage({ storageState: await sessionOf('camille@example.org') });
	const bosePage = `/equipment/bose-s1-pro?site=capucins&fromDate=${DESK_DAY}&fromTime=13:00&toDate=${DESK_DAY}&toTime=17:00`;
	await resident.goto(bosePage);
	await expectAccessible(resident);
	await expect(
		resident.getByRole('heading', { name: /Ateliers des Capucins.*\(1 en service\)/ })
	).toBeVisible();
	await resident.getByRole('button', { name: 'Envoyer la demande' }).click();
	await expect(resident).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(resident);
	const code = (await resident.locator('.code').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);

	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin/desk');
	await expectAccessible(page);
	const requests = page.getByRole('region', { name: /Demandes à valider/ });
	await requests.getByRole('link', { name: new RegExp(`${code}.*${BOSE}`) }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${code} ${BOSE}` })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Accepter la demande' }).click();
	await expect(page.getByText('Demande acceptée. L’habitant·e a été prévenu·e par courriel.')).toBeVisible();
	await expectAccessible(page);

	// The resident is at the counter and reads out the code.
	await page.goto('/admin/desk');
	await expectAccessible(page);
	await page.getByRole('searchbox', { name: 'Trouver une réservation' }).fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Chercher' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${code} ${BOSE}` })).toBeVisible();
	await expectAccessible(page);
	const handOut = page.getByRole('region', { name: 'Remise du matériel' });
	await handOut.getByLabel(/État constaté/).fill('Complet, housse comprise.');
	await handOut.getByRole('button', { name: 'Remettre' }).click();
	await expect(page.getByText('Matériel remis.')).toBeVisible();
	await expectAccessible(page);
	await expect(page.getByText('Empruntée', { exact: true })).toBeVisible();

	const takeBack = page.getByRole('region', { name: 'Retour du matériel' });
	await takeBack.getByRole('checkbox', { name: /BRE-S1P-CAP-01/ }).check();
	await takeBack.getByLabel(/État constaté/).fill('Grille du haut-parleur enfoncée.');
	await takeBack.getByRole('button', { name: 'Enregistrer le retour' }).click();
	await expect(page.getByText('Retour enregistré.')).toBeVisible();
	await expectAccessible(page);
	const bookingId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
	const history = page.getByRole('region', { name: 'Historique des remises' });
	await expect(history.getByText('Endommagé, mis hors service : BRE-S1P-CAP-01')).toBeVisible();
	await expect(history.getByText('Grille du haut-parleur enfoncée.')).toBeVisible();

	await resident.goto(bosePage);
	await expectAccessible(resident);
	// The inventory shows the unit out of service, with the return in its history.
	await page.goto('/admin/equipment/units?q=BRE-S1P-CAP-01');
	await expectAccessible(page);
	await expect(page.getByRole('listitem').filter({ hasText: 'BRE-S1P-CAP-01' })).toContainText(
		'Hors service'
	);
	await page.getByRole('link', { name: 'BRE-S1P-CAP-01' }).click();
	await expectAccessible(page);
	await expect(page.getByText('Grille du haut-parleur enfoncée.')).toBeVisible();

	// Its only unit out of service, the Bose is no longer offered anywhere.
	await expect(resident.getByRole('heading', { name: /Ateliers des Capucins/ })).toHaveCount(0);
	await expect(resident.getByText('Aucun exemplaire n’est en service pour le moment')).toBeVisible();

	// Ewen followed the camera training at the counter: the desk records it.
	await page.goto('/admin/desk');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Enregistrer une formation suivie au guichet' }).click();
	await expectAccessible(page);
	await page.getByLabel('Adresse e-mail de l’habitant·e').fill('ewen@example.org');
	await page.getByLabel('Formation').selectOption('camera-basics');
	await page.getByRole('button', { name: 'Enregistrer la formation' }).click();
	await expect(page.getByText(/^C’est enregistré : Ewen Quéré a suivi/)).toBeVisible();
	await expectAccessible(page);
	const admin = await openPage({ storageState: await sessionOf('admin@example.org') });
	await admin.goto(`/admin/audit?subject=${bookingId}`);
	await expectAccessible(admin);
	const events = admin.getByRole('listitem').filter({ hasText: "Loïc Guivarc'h" });
	for (const action of ['booking.approve', 'booking.hand_out', 'booking.take_back']) {
		await expect(events.filter({ hasText: action })).toHaveCount(1);
	}
	await admin.goto('/admin/audit?action=unit.out_of_service');
	await expectAccessible(admin);
	await expect(admin.getByRole('listitem').filter({ hasText: "Loïc Guivarc'h" })).toHaveCount(1);

	// The loan is in the month's report, late or not, and in its CSV.
	await page.goto(`/admin/reports?month=${DESK_DAY.slice(0, 7)}`);
	await expectAccessible(page);
	const report = page.getByRole('table', { name: `Utilisation du mois ${DESK_DAY.slice(0, 7)}` });
	await expect(report.getByRole('row', { name: new RegExp(BOSE) })).toContainText('Ateliers des Capucins');
	const csv = await (await page.request.get(`/admin/reports/csv?month=${DESK_DAY.slice(0, 7)}`)).text();
	const month = DESK_DAY.slice(0, 7);
	const row = `${month},capucins,Ateliers des Capucins – Pôle numérique,bose-s1-pro`;
	// One loan, back within minutes: on time, and no no-show.
	expect(csv).toMatch(new RegExp(`${row},Sonorisation portable Bose S1 Pro,1,[0-9.]+,[0-9.]+,0,0\r\n`));
	// In the open data, a line of one loan could point to one person: its figures stay empty.
	const open = await (await page.request.get(`/open-data/lending-use.csv?month=${month}`)).text();
	expect(open).toContain(`${row},Bose S1 Pro portable PA,,,,,\r\n`);
});
