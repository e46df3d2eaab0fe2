import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { cityInstant, nextWeekday } from './dates';
import { newPerson, signUp } from './helpers';

// The portal as an installable app: manifest, service worker, and pages that stay readable offline.

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

/** Width and height written in a PNG file's header (IHDR chunk). */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(
		bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
		'PNG signature'
	).toBe(true);
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until the service worker is active and this page is under its control. */
async function serviceWorkerInControl(page: Page): Promise<string> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	const controller = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
	await expect.poll(controller).not.toBe('');
	return controller();
}

test('the web app manifest is served, complete and its icons exist', async ({ request }) => {
	const home = await request.get('/');
	expect(await home.text()).toMatch(/<link rel="manifest" href="\.?\/manifest\.webmanifest"/);

	const response = await request.get('/manifest.webmanifest');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'Portail des communs de Brest',
		short_name: 'Communs',
		display: 'standalone',
		start_url: '/',
		scope: '/',
		lang: 'fr'
	});
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

	const icons: ManifestIcon[] = manifest.icons;
	const any = icons.filter((icon) => (icon.purpose ?? 'any').split(' ').includes('any'));
	expect(any.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	expect(icons.some((icon) => icon.purpose?.split(' ').includes('maskable'))).toBe(true);

	for (const icon of icons) {
		const file = await request.get(icon.src);
		expect(file.status(), `${icon.src} status`).toBe(200);
		expect(file.headers()['content-type'], `${icon.src} type`).toBe('image/png');
		expect(icon.type).toBe('image/png');
		const [width, height] = icon.sizes.split('x').map(Number);
		expect(pngSize(await file.body()), `${icon.src} size`).toEqual({ width, height });
	}
});

test('the service worker registers and controls the page after a reload', async ({ page }) => {
	await page.goto('/');
	await expectAccessible(page);
	const registration = await page.evaluate(async () => {
		const ready = await navigator.serviceWorker.ready;
		return { scope: ready.scope, script: ready.active?.scriptURL ?? null };
	});
	const origin = new URL(page.url()).origin;
	expect(registration).toEqual({ scope: `${origin}/`, script: `${origin}/service-worker.js` });

	await page.reload();
	await expectAccessible(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
		`${origin}/service-worker.js`
	);
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
});

test('Chrome sees the portal as installable', async ({ page, playwright }) => {
	await page.goto('/');
	await expectAccessible(page);
	await serviceWorkerInControl(page);
	const cdp = await page.context().newCDPSession(page);
	const manifest = await cdp.send('Page.getAppManifest');
	expect(manifest.errors).toEqual([]);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// Test contexts are off-the-record profiles, where Chrome never offers to install anything:
	// "in-incognito" is about the test browser, not the app.
	expect(installabilityErrors.filter((error) => error.errorId !== 'in-incognito')).toEqual([]);

	// So the same question in an ordinary (persistent) profile, where nothing may stand in the way.
	const use = test.info().project.use;
	const profile = await mkdtemp(join(tmpdir(), 'commons-e2e-profile-'));
	const context = await playwright.chromium.launchPersistentContext(profile, {
		...use.launchOptions,
		baseURL: use.baseURL,
		viewport: use.viewport,
		locale: use.locale,
		isMobile: use.isMobile,
		hasTouch: use.hasTouch,
		userAgent: use.userAgent,
		deviceScaleFactor: use.deviceScaleFactor
	});
	try {
		const ordinary = context.pages()[0] ?? (await context.newPage());
		await ordinary.goto('/');
		await expectAccessible(ordinary);
		await serviceWorkerInControl(ordinary);
		const session = await context.newCDPSession(ordinary);
		expect((await session.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});

test('offline, visited pages stay readable and others show the offline page', async ({ page, context }) => {
	await page.goto('/');
	await expectAccessible(page);
	await serviceWorkerInControl(page);

	// Seen once online, under the service worker's control.
	await page.goto('/equipment');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 3, name: 'Enregistreur Zoom H5' })).toBeVisible();

	await context.setOffline(true);
	expect(await page.evaluate(() => navigator.onLine)).toBe(false);

	await page.goto('/equipment');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Matériel à emprunter' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'Enregistreur Zoom H5' })).toBeVisible();

	// Never visited: the offline page, in both languages.
	const response = await page.goto('/institutes');
	expect(response?.ok()).toBe(true);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes hors ligne' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'You are offline' })).toBeVisible();
	await expect(page).toHaveURL('/institutes');
	await expect(page).toHaveTitle('Hors ligne – Offline');
	// Still so once the app has started in that page.
	await page.waitForLoadState('load');
	await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes hors ligne' })).toBeVisible();

	// Deep in the site too, with its styles and script: the offline page's assets are absolute.
	await page.goto('/my/bookings/some-booking');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes hors ligne' })).toBeVisible();
	const styled = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
	expect(styled).toMatch(/system-ui/);
	// Staff pages are never kept: offline they get the offline page, not a stale copy.
	await page.goto('/admin');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes hors ligne' })).toBeVisible();

	// Back online, the same address shows the real page.
	await context.setOffline(false);
	await page.goto('/institutes');
	await expectAccessible(page);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Les trois instituts des communs' })
	).toBeVisible();
});

test('after signing out, a shared phone no longer shows the account offline', async ({ page, context }) => {
	await page.goto('/');
	await expectAccessible(page);
	await serviceWorkerInControl(page);

	const person = newPerson('hors-ligne');
	await signUp(page, person);
	// A full load of the account page: the service worker keeps a copy.
	await page.reload();
	await expectAccessible(page);
	await expect(page.getByText(`Connecté·e avec l’adresse ${person.email}.`)).toBeVisible();

	await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
	await expect(page).toHaveURL('/');
	await expectAccessible(page);
	// The copies of pages seen while signed in are dropped once the home page knows it.
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const kept: string[] = [];
				for (const name of await caches.keys()) {
					if (!name.startsWith('pages-')) continue;
					const cache = await caches.open(name);
					kept.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
				}
				return kept.includes('/account');
			})
		)
		.toBe(false);

	await context.setOffline(true);
	await page.goto('/account');
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Vous êtes hors ligne' })).toBeVisible();
	await expect(page.getByText(person.email)).toHaveCount(0);
});

test('a booking and its QR code stay readable offline once seen, even when reached by a link', async ({
	page,
	context
}) => {
	await page.goto('/');
	await expectAccessible(page);
	await serviceWorkerInControl(page);
	await signUp(page, newPerson('qr-hors-ligne'));
	const day = nextWeekday(4, 12);
	const created = await page.request.post('/api/bookings', {
		data: {
			equipment: 'roland-cs-10em',
			site: 'capucins',
			start: cityInstant(day, '11:00').toISOString(),
			end: cityInstant(day, '15:00').toISOString()
		}
	});
	expect(created.status()).toBe(201);
	const { id, code } = await created.json();

	// From the account page to the list and the booking, by links only (no document loads).
	await page.getByRole('link', { name: 'Mes réservations' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mes réservations' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: new RegExp(code) }).click();
	await expect(page.getByText(code, { exact: true })).toBeVisible();
	await expectAccessible(page);
	await expect
		.poll(() =>
			page.evaluate(async (path) => {
				for (const name of await caches.keys()) {
					if (name.startsWith('pages-') && (await (await caches.open(name)).match(path))) return true;
				}
				return false;
			}, `/my/bookings/${id}`)
		)
		.toBe(true);

	await context.setOffline(true);
	await page.goto(`/my/bookings/${id}`);
	await expectAccessible(page);
	await expect(page.getByText(code, { exact: true })).toBeVisible();
	await expect(page.locator('figure img.qr[src^="data:image/svg+xml;base64,"]')).toBeVisible();
	await page.goto('/my/bookings');
	await expectAccessible(page);
	await expect(page.getByRole('link', { name: new RegExp(code) })).toBeVisible();
	await context.setOffline(false);
});
