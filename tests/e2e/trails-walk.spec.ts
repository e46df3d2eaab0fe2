import type { Locator } from '@playwright/test';
import { distanceMetres, type Position } from '../../src/lib/trails/measure';
import { expect, expectAccessible, test } from './fixtures';
import { serveTiles } from './tiles';

// Stops 2, 3 and 4 of the demo sound walk, as the seed places them.
const tourTanguy: Position = [-4.4953, 48.3828];
const rueSaintMalo: Position = [-4.5005, 48.3868];
const capucins: Position = [-4.4985, 48.3865];

const at = ([longitude, latitude]: Position) => ({ longitude, latitude });

/** The page's distance text in French: whole tens of metres below a kilometre (formatDistance). */
const frenchDistance = (from: Position, to: Position) =>
	new Intl.NumberFormat('fr-FR', { style: 'unit', unit: 'meter', maximumFractionDigits: 0 }).format(
		Math.round(distanceMetres(from, to) / 10) * 10
	);

async function expectThumbSized(target: Locator) {
	const box = await target.boundingBox();
	expect(box, 'a target on screen').not.toBeNull();
	expect(box?.height ?? 0).toBeGreaterThanOrEqual(56);
	expect(box?.width ?? 0).toBeGreaterThanOrEqual(56);
}

test.use({ permissions: ['geolocation'], geolocation: at(tourTanguy) });

test('walking mode follows the walker from the Tour Tanguy to the Rue Saint-Malo, with the distance and direction to the next stop, and is a plain list of stops without JavaScript', async ({
	page,
	context,
	openPage
}) => {
	await serveTiles(context);
	await page.goto('/trails/sounds-of-recouvrance/walk');
	await expect(page.getByTestId('walk-map').locator('.leaflet-marker-icon')).toHaveCount(5);
	await expectAccessible(page);

	// Before the walker asks, nothing reads the position; stepping by hand works.
	await expect(page.getByTestId('current-stop')).toHaveText('Pont de Recouvrance');
	const usePosition = page.getByRole('button', { name: 'Utiliser ma position' });
	const next = page.getByRole('button', { name: 'Arrêt suivant' });
	const autoplay = page.getByRole('checkbox', { name: 'Lire le son automatiquement à mon arrivée' });
	await expect(autoplay).not.toBeChecked();
	for (const target of [
		usePosition,
		next,
		page.getByRole('button', { name: 'Arrêt précédent' }),
		page.locator('label').filter({ has: autoplay })
	]) {
		await expectThumbSized(target);
	}

	await usePosition.click();
	await expect(page.getByTestId('walker-stop')).toHaveText('Vous êtes à l’arrêt 2 : Tour Tanguy');
	await expect(page.getByTestId('current-stop')).toHaveText('Tour Tanguy');
	await expect(page.locator('[aria-live="polite"]')).toHaveText('Vous voici à l’arrêt 2 : Tour Tanguy.');
	const way = page.getByTestId('next-stop');
	await expect(way).toContainText('Prochain arrêt : Rue Saint-Malo');
	await expect(way).toContainText(`À ${frenchDistance(tourTanguy, rueSaintMalo)}, direction nord-ouest`);
	await expectThumbSized(page.getByRole('button', { name: 'Ne plus suivre ma position' }));
	await expectAccessible(page);

	// Auto-play, once turned on, starts the stop's sound on arrival.
	await autoplay.check();
	await context.setGeolocation(at(rueSaintMalo));
	await expect(page.getByTestId('walker-stop')).toHaveText('Vous êtes à l’arrêt 3 : Rue Saint-Malo');
	await expect(page.getByTestId('current-stop')).toHaveText('Rue Saint-Malo');
	await expect(way).toContainText('Prochain arrêt : Ateliers des Capucins');
	await expect(way).toContainText(`À ${frenchDistance(rueSaintMalo, capucins)}, direction est`);
	await expect
		.poll(() =>
			page
				.locator('audio')
				.first()
				.evaluate((audio: HTMLAudioElement) => !audio.paused)
		)
		.toBe(true);
	await expectAccessible(page);

	// The choice is remembered on the phone.
	await page.reload();
	await expect(
		page.getByRole('checkbox', { name: 'Lire le son automatiquement à mon arrivée' })
	).toBeChecked();
	await expectAccessible(page);

	const withoutScripts = await openPage({ javaScriptEnabled: false });
	await withoutScripts.goto('/trails/sounds-of-recouvrance/walk');
	await expectAccessible(withoutScripts);
	await expect(withoutScripts.getByRole('heading', { level: 3 })).toHaveText([
		'Pont de Recouvrance',
		'Tour Tanguy',
		'Rue Saint-Malo',
		'Ateliers des Capucins',
		'Jardin des explorateurs'
	]);
	await expect(withoutScripts.locator('audio')).toHaveCount(5);
	await expect(withoutScripts.getByRole('button', { name: 'Utiliser ma position' })).toHaveCount(0);
});
