import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { expect, expectAccessible, test } from './fixtures';
import { DESK_DAY } from './desk-clock';

// The desk's scanner, fed what a resident shows at the counter: their booking's QR code.

async function bookZoom(resident: Page, from: string, to: string) {
	await resident.goto(
		`/equipment/zoom-h5?site=capucins&fromDate=${DESK_DAY}&fromTime=${from}&toDate=${DESK_DAY}&toTime=${to}`
	);
	await expectAccessible(resident);
	await resident.getByRole('button', { name: 'Réserver' }).click();
	await expect(resident).toHaveURL(/\/my\/bookings\/[0-9a-f-]{36}\?new=1$/);
	await expectAccessible(resident);
	return {
		id: new URL(resident.url()).pathname.split('/').at(-1) ?? '',
		code: (await resident.locator('.code').textContent())?.trim() ?? ''
	};
}

/** A video file of the QR code held still before the lens, for Chromium's fake camera (Y4M). */
function cameraFileShowing(text: string): string {
	const width = 640;
	const height = 480;
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const scale = Math.floor(400 / (modules.size + 8));
	const left = Math.floor((width - modules.size * scale) / 2);
	const top = Math.floor((height - modules.size * scale) / 2);
	const luma = Buffer.alloc(width * height, 235);
	for (let row = 0; row < modules.size * scale; row += 1) {
		for (let column = 0; column < modules.size * scale; column += 1) {
			if (modules.get(Math.floor(row / scale), Math.floor(column / scale))) {
				luma[(top + row) * width + left + column] = 16;
			}
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
	const path = join(tmpdir(), `desk-camera-${Date.now()}.y4m`);
	writeFileSync(
		path,
		Buffer.concat([
			Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
			frame,
			frame,
			frame
		])
	);
	return path;
}

test('a photo of the resident’s booking QR, read by the scanner, opens the booking', async ({
	page,
	sessionOf,
	openPage
}) => {
	const resident = await openPage({ storageState: await sessionOf('camille@example.org') });
	const booking = await bookZoom(resident, '14:00', '15:00');
	const qr = await resident.locator('figure img.qr').screenshot();

	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin/desk');
	await expectAccessible(page);
	await page.getByLabel('Lire une photo de QR code').setInputFiles({
		name: 'qr.png',
		mimeType: 'image/png',
		buffer: qr
	});
	await expect(page).toHaveURL(`/admin/desk/bookings/${booking.id}`);
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${booking.code} `) })).toBeVisible();
	await expectAccessible(page);
});

test('the camera, shown the booking QR, opens the booking', async ({ sessionOf, openPage, baseURL }) => {
	const resident = await openPage({ storageState: await sessionOf('camille@example.org') });
	const booking = await bookZoom(resident, '15:30', '16:30');
	const camera = cameraFileShowing(`${baseURL}/admin/desk?code=${booking.code}`);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${camera}`
		]
	});
	try {
		const context = await browser.newContext({
			baseURL,
			storageState: await sessionOf('desk@example.org'),
			viewport: { width: 820, height: 1180 },
			locale: 'fr-FR',
			permissions: ['camera']
		});
		const desk = await context.newPage();
		await desk.goto('/admin/desk');
		await expectAccessible(desk);
		await desk.getByRole('button', { name: 'Scanner avec la caméra' }).click();
		await expect(desk).toHaveURL(`/admin/desk/bookings/${booking.id}`, { timeout: 15_000 });
		await expectAccessible(desk);
	} finally {
		await browser.close();
	}
});

test('a unit’s printed label, read by the scanner, opens the desk on that unit', async ({
	page,
	sessionOf
}) => {
	await page.context().addCookies((await sessionOf('desk@example.org')).cookies);
	await page.goto('/admin/equipment/units?site=bellevue');
	await expectAccessible(page);
	const first = page.getByRole('checkbox', { name: /^Étiquette pour / }).first();
	const tag = ((await first.getAttribute('aria-label')) ?? '').replace('Étiquette pour ', '');
	await first.check();
	await page.getByRole('button', { name: 'Préparer la planche à imprimer' }).click();
	await expect(page).toHaveURL(/\/admin\/equipment\/labels\/sheet\?unit=/);
	await expectAccessible(page);
	const label = page.getByRole('listitem').filter({ hasText: tag });
	await expect(label).toHaveCount(1);
	const qr = await label.locator('img').screenshot();

	await page.goto('/admin/desk');
	await expectAccessible(page);
	await page
		.getByLabel('Lire une photo de QR code')
		.setInputFiles({ name: 'label.png', mimeType: 'image/png', buffer: qr });
	// Nothing of Bellevue's is booked in these journeys: the desk says so, naming the unit.
	await expect(page).toHaveURL(`/admin/desk?site=capucins&tag=${tag}`);
	await expect(page.getByText(`Aucune réservation en cours ne correspond à « ${tag} »`)).toBeVisible();
	await expectAccessible(page);
});
