import { DOMParser } from '@xmldom/xmldom';
import { gpx } from '@tmcw/togeojson';
import { expect, test } from './fixtures';

const STOPS = [
	'Pont de Recouvrance',
	'Tour Tanguy',
	'Rue Saint-Malo',
	'Ateliers des Capucins',
	'Jardin des explorateurs'
];

type Feature = {
	geometry: { type: string; coordinates: unknown } | null;
	properties: Record<string, unknown>;
};

test('the GPX and the GeoJSON of a published trail parse back to the same stops in the same order', async ({
	request
}) => {
	const all = await request.get('/api/trails.geojson');
	expect(all.headers()['content-type']).toContain('application/geo+json');
	const features: Feature[] = (await all.json()).features;
	const stops = features.filter((feature) => feature.properties.trail === 'sounds-of-recouvrance');
	expect(stops.map((feature) => [feature.properties.order, feature.properties.title])).toEqual(
		STOPS.map((title, index) => [index + 1, title])
	);

	const file = await request.get('/api/trails/sounds-of-recouvrance.gpx');
	expect(file.headers()['content-type']).toContain('application/gpx+xml');
	const parsed = gpx(new DOMParser().parseFromString(await file.text(), 'text/xml') as unknown as Document);
	const waypoints = parsed.features.filter((feature) => feature.geometry?.type === 'Point');
	expect(waypoints.map((feature) => feature.properties?.name)).toEqual(STOPS);
	expect(
		waypoints.map((feature) => feature.geometry?.type === 'Point' && feature.geometry.coordinates)
	).toEqual(stops.map((feature) => feature.geometry?.coordinates));
	const track = parsed.features.find((feature) => feature.geometry?.type === 'LineString');
	const line = features.find((feature) => feature.properties.slug === 'sounds-of-recouvrance');
	expect(line?.geometry?.type).toBe('LineString');
	expect((line?.geometry?.coordinates as unknown[]).length).toBe(20);
	expect(track?.geometry).toEqual(line?.geometry);
});

test('a trail waiting for moderation appears nowhere public, and neither do its files', async ({
	request
}) => {
	const all = JSON.stringify(await (await request.get('/api/trails.geojson')).json());
	// The published walk is there: what is missing is missing for being a draft, not by accident.
	expect(all).toContain('sounds-of-recouvrance');
	expect(all).not.toContain('lavoirs-de-recouvrance');
	expect((await request.get('/api/trails/lavoirs-de-recouvrance.gpx')).status()).toBe(404);
	expect((await request.get('/api/trails/lavoirs-de-recouvrance.geojson')).status()).toBe(404);
	expect((await request.get('/trails/lavoirs-de-recouvrance')).status()).toBe(404);
	expect((await request.get('/trails/lavoirs-de-recouvrance/walk')).status()).toBe(404);
	expect((await request.get('/embed/trails/lavoirs-de-recouvrance')).status()).toBe(404);
	const list = await request.get('/trails');
	expect(list.status()).toBe(200);
	const page = await list.text();
	expect(page).toContain('sounds-of-recouvrance');
	expect(page).not.toContain('lavoirs');
});

test('a published clip answers a range request with 206 and only those bytes', async ({ request }) => {
	const page = await (await request.get('/trails/sounds-of-recouvrance')).text();
	const source = /src="(\/media\/projects\/[^"]+\.mp3)"/.exec(page)?.[1] ?? '';
	expect(source).not.toBe('');
	const whole = await request.get(source);
	expect(whole.status()).toBe(200);
	expect(whole.headers()['accept-ranges']).toBe('bytes');
	const size = (await whole.body()).length;
	const part = await request.get(source, { headers: { range: 'bytes=100-199' } });
	expect(part.status()).toBe(206);
	expect(part.headers()['content-range']).toBe(`bytes 100-199/${size}`);
	expect((await part.body()).equals((await whole.body()).subarray(100, 200))).toBe(true);
	expect((await request.get(source, { headers: { range: `bytes=${size}-` } })).status()).toBe(416);
});

test('the embeddable map may be framed by other sites; other pages may not', async ({ request }) => {
	const embed = await request.get('/embed/trails/sounds-of-recouvrance');
	expect(embed.status()).toBe(200);
	expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	const page = await request.get('/trails/sounds-of-recouvrance');
	expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(page.headers()['x-frame-options']).toBe('DENY');
});
