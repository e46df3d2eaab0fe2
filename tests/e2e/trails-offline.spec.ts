import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { serveTiles } from './tiles';

// "Save for offline": a published trail stored on the phone, then walked in airplane mode.

const SLUG = 'sounds-of-recouvrance';
const TRAIL = `/trails/${SLUG}`;
const CACHE = `trail-${SLUG}`;

/** Waits until the service worker is active and this page is under its control. */
async function serviceWorkerInControl(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? ''))
		.toBe('activated');
}

/** The paths (same origin) or addresses (elsewhere) kept in a cache, and whether it exists. */
const cacheContents = (page: Page, name: string) =>
	page.evaluate(async (cacheName) => {
		if (!(await caches.has(cacheName))) return null;
		const requests = await (await caches.open(cacheName)).keys();
		return requests.map((request) => {
			const url = new URL(request.url);
			return url.origin === location.origin ? url.pathname : request.url;
		});
	}, name);

test('a saved trail opens and plays offline, seeks in its audio, and can be removed', async ({
	page,
	context
}) => {
	await serveTiles(context);
	await page.goto(TRAIL);
	await expectAccessible(page);
	await serviceWorkerInControl(page);
	const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
	const stopLinks = page.getByRole('link', { name: /^Page et QR code de/ });
	const stopPaths = await stopLinks.evaluateAll((links) =>
		links.map((link) => new URL((link as HTMLAnchorElement).href).pathname)
	);
	const mediaPaths = await page
		.locator('article audio, article video, article img[src^="/media/"]')
		.evaluateAll((elements) => [...new Set(elements.map((element) => element.getAttribute('src') ?? ''))]);
	// The demo walk: five stops, one clip each.
	expect(stopPaths).toHaveLength(5);
	expect(mediaPaths).toHaveLength(5);

	// The demo's tile server is not the city's: no bulk download, and the page says so.
	const panel = page.getByRole('region', { name: 'Sans réseau' });
	await expect(panel.getByText(/Seuls les morceaux de carte déjà affichés/)).toBeVisible();
	await panel.getByRole('button', { name: 'Enregistrer hors ligne' }).click();
	const saved = panel.getByRole('status').filter({ hasText: /Enregistré — \d+ fichiers, / });
	await expect(saved).toBeVisible({ timeout: 30_000 });
	await expectAccessible(page);
	await expect(panel.getByRole('button', { name: 'Retirer de ce téléphone' })).toBeVisible();

	// Everything the walk needs is in the trail's own cache, media as whole files.
	const stored = (await cacheContents(page, CACHE)) ?? [];
	const expected = [
		TRAIL,
		`${TRAIL}/__data.json`,
		...stopPaths.flatMap((path) => [path, `${path}/__data.json`]),
		...mediaPaths,
		`${TRAIL}/walk`,
		`${TRAIL}/walk/__data.json`
	];
	expect(stored).toEqual(expect.arrayContaining(expected));
	const record = await page.evaluate(async (name) => {
		const cache = await caches.open(name);
		const sizes = await Promise.all(
			(await cache.keys())
				.filter((request) => !request.url.endsWith('/__saved-trail.json'))
				.map(async (request) => {
					const response = await cache.match(request);
					return { status: response?.status, bytes: (await response?.arrayBuffer())?.byteLength ?? 0 };
				})
		);
		const kept = (await (await cache.match('/__saved-trail.json'))?.json()) as {
			files: number;
			bytes: number;
		};
		return { kept, sizes };
	}, CACHE);
	expect(record.sizes.every((entry) => entry.status === 200)).toBe(true);
	expect(record.kept.files).toBe(expected.length);
	expect(record.kept.bytes).toBe(record.sizes.reduce((sum, entry) => sum + entry.bytes, 0));
	test.info().annotations.push({
		type: 'saved for offline',
		description: `${record.kept.files} files, ${record.kept.bytes} bytes (walking page included)`
	});

	// The list of saved trails, with their size.
	await page.goto('/trails');
	await expectAccessible(page);
	const list = page.getByRole('region', { name: 'Parcours enregistrés sur ce téléphone' });
	await expect(list.getByRole('link', { name: title })).toBeVisible();
	await expect(list.getByText(`${record.kept.files} fichiers`)).toBeVisible();

	// Only the saved copy can answer now: no page kept on the way, nothing in the HTTP cache.
	await page.evaluate(async () => {
		for (const name of await caches.keys()) if (name.startsWith('pages-')) await caches.delete(name);
	});
	await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
	await context.setOffline(true);

	await page.goto(TRAIL);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const audio = page.locator('article audio').first();
	const mediaUrl = (await audio.getAttribute('src')) ?? '';

	// The player plays (muted: no user gesture needed), then seeks to the middle and goes on.
	await audio.evaluate((element: HTMLAudioElement) => {
		element.muted = true;
		return element.play();
	});
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(0.3);
	const middle = await audio.evaluate(
		(element: HTMLAudioElement) =>
			new Promise<number>((resolve) => {
				element.addEventListener('seeked', () => resolve(element.currentTime), { once: true });
				element.currentTime = element.duration / 2;
			})
	);
	expect(middle).toBeGreaterThan(1);
	await expect
		.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime))
		.toBeGreaterThan(middle + 0.3);
	expect(await audio.evaluate((element: HTMLAudioElement) => element.error)).toBeNull();
	await audio.evaluate((element: HTMLAudioElement) => element.pause());

	// A byte range, cut from the whole file kept on the phone.
	const partial = await page.evaluate(async (url) => {
		const response = await fetch(url, { headers: { range: 'bytes=0-99' } });
		return {
			status: response.status,
			length: (await response.arrayBuffer()).byteLength,
			range: response.headers.get('content-range')
		};
	}, mediaUrl);
	expect(partial).toEqual({ status: 206, length: 100, range: expect.stringMatching(/^bytes 0-99\/\d+$/) });

	// A stop page reached by a link: its data comes from the saved copy.
	await page
		.getByRole('link', { name: /^Page et QR code de/ })
		.first()
		.click();
	await expect(page).toHaveURL(stopPaths[0] ?? '');
	await expect(page.getByText(/arrêt 1 sur \d+/)).toBeVisible();
	await expectAccessible(page);

	await page.goto(`${TRAIL}/walk`);
	await expectAccessible(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	// Back online, the trail is removed from the phone and its cache is gone.
	await context.setOffline(false);
	await page.goto(TRAIL);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Retirer de ce téléphone' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Le parcours a été retiré de ce téléphone.' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Enregistrer hors ligne' })).toBeVisible();
	await expectAccessible(page);
	expect(await cacheContents(page, CACHE)).toBeNull();
});

test('with no room left on the phone, saving says so and keeps nothing', async ({ page, context }) => {
	await serveTiles(context);
	await page.goto(TRAIL);
	await expectAccessible(page);
	await serviceWorkerInControl(page);
	// Room for about 50 kB more than the app takes already; the trail needs some 300 kB.
	const origin = new URL(page.url()).origin;
	const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 50_000 });
	try {
		const panel = page.getByRole('region', { name: 'Sans réseau' });
		await panel.getByRole('button', { name: 'Enregistrer hors ligne' }).click();
		await expect(panel.getByRole('alert')).toContainText('Pas assez de place sur ce téléphone', {
			timeout: 30_000
		});
		await expect(panel.getByRole('button', { name: 'Enregistrer hors ligne' })).toBeVisible();
		await expectAccessible(page);
		expect(await cacheContents(page, CACHE)).toBeNull();
	} finally {
		await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	}
});

test('map tiles the browser has drawn are kept for offline', async ({ page, context }) => {
	await serveTiles(context);
	await page.goto(TRAIL);
	await expectAccessible(page);
	await serviceWorkerInControl(page);
	// Drawn under the service worker's control, so it sees (and keeps) them.
	await page.reload();
	await expectAccessible(page);
	const tileImages = page.locator('[data-testid="trail-map"] img.leaflet-tile-loaded');
	await expect(tileImages.first()).toBeVisible();
	const kept = async () =>
		((await cacheContents(page, 'map-tiles')) ?? []).filter((url) =>
			url.startsWith('https://tiles.invalid/')
		);
	await expect.poll(async () => (await kept()).length).toBeGreaterThan(0);
	const tile = (await kept())[0] ?? '';

	// With no tile server at all, the kept tile still answers.
	await context.unrouteAll();
	await context.setOffline(true);
	const offline = await page.evaluate(
		(url) =>
			new Promise<number>((resolve) => {
				const image = new Image();
				image.crossOrigin = 'anonymous';
				image.onload = () => resolve(image.naturalWidth);
				image.onerror = () => resolve(-1);
				image.src = url;
			}),
		tile
	);
	expect(offline).toBe(1);
	await context.setOffline(false);
});
