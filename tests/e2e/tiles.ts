import type { BrowserContext } from '@playwright/test';

// One grey pixel: maps draw, and no test ever calls a tile server on the internet.
const GREY_TILE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPo6OgAAAMEAYFL09IQAAAAAElFTkSuQmCC',
	'base64'
);

/** Answers the test tile server (MAP_TILE_URL in playwright.config.ts) from the test itself. */
export async function serveTiles(context: BrowserContext): Promise<void> {
	await context.route('https://tiles.invalid/**', (route) =>
		route.fulfill({
			contentType: 'image/png',
			headers: { 'access-control-allow-origin': '*' },
			body: GREY_TILE
		})
	);
}
