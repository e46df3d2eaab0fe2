import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { trailsToGeoJson, trailToGpx } from './export';
import { importTrailFile } from './import';
import type { ExportTrail } from './types';

const trail: ExportTrail = {
	slug: 'rive-droite',
	title: 'Rive droite & <Recouvrance>',
	url: 'https://brest.example/trails/rive-droite?from=map&lang=fr',
	summary: 'Du pont à la tour, "l\'autre" Brest.',
	licence: {
		id: 'cc-by-sa-4.0',
		name: 'CC BY-SA 4.0',
		url: 'https://creativecommons.org/licenses/by-sa/4.0/'
	},
	attribution: 'Collectif Recouvrance & ses habitant·es',
	themes: ['heritage', 'maritime'],
	path: [
		[-4.4956789, 48.3844123],
		[-4.495, 48.3836],
		[-4.4953, 48.3828],
		[-4.4945, 48.3803]
	],
	stops: [
		{
			id: 'stop-b',
			title: 'Tour Tanguy',
			text: 'Maquettes du <Vieux Brest> & cartes.',
			position: [-4.4953, 48.3828],
			radiusMetres: 30,
			url: 'https://brest.example/trails/rive-droite#stop-b'
		},
		{
			id: 'stop-a',
			title: 'Pont de Recouvrance \u0007🌉',
			text: '',
			position: [-4.4950001, 48.38360049],
			radiusMetres: 25,
			url: 'https://brest.example/trails/rive-droite#stop-a'
		},
		{
			id: 'stop-c',
			title: "Château d'eau",
			text: 'Ligne 1\nLigne 2',
			position: [-4.4945, 48.3803],
			radiusMetres: 40,
			url: 'https://brest.example/trails/rive-droite#stop-c'
		}
	],
	lengthMetres: 482,
	walkingMinutes: 8,
	updatedAt: '2024-05-04T09:12:31.000Z'
};

const roundedPath = [
	[-4.495679, 48.384412],
	[-4.495, 48.3836],
	[-4.4953, 48.3828],
	[-4.4945, 48.3803]
];

/** Parses as a strict reader would: any warning or error fails the test. */
function parseStrictly(xml: string) {
	return new DOMParser({
		onError: (level, message) => {
			throw new Error(`${level}: ${message}`);
		}
	}).parseFromString(xml, 'text/xml');
}

describe('trailToGpx', () => {
	const xml = trailToGpx(trail);
	const document = parseStrictly(xml);

	it('writes well-formed GPX 1.1', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1"')).toBe(true);
		expect(document.documentElement?.namespaceURI).toBe('http://www.topografix.com/GPX/1/1');
	});

	it('describes the trail in metadata, children in schema order', () => {
		const metadata = document.getElementsByTagName('metadata')[0];
		const children = Array.from(metadata?.childNodes ?? [])
			.filter((node) => node.nodeType === node.ELEMENT_NODE)
			.map((node) => node.nodeName);
		expect(children).toEqual(['name', 'desc', 'author', 'copyright', 'link', 'time', 'keywords']);
		expect(metadata?.getElementsByTagName('name')[0]?.textContent).toBe(trail.title);
		expect(metadata?.getElementsByTagName('link')[0]?.getAttribute('href')).toBe(trail.url);
		const copyright = metadata?.getElementsByTagName('copyright')[0];
		expect(copyright?.getAttribute('author')).toBe(trail.attribution);
		expect(copyright?.getElementsByTagName('license')[0]?.textContent).toBe(trail.licence.url);
		expect(metadata?.getElementsByTagName('keywords')[0]?.textContent).toBe('heritage, maritime');
	});

	it('escapes markup and drops characters XML cannot carry', () => {
		expect(xml).toContain('<name>Rive droite &amp; &lt;Recouvrance&gt;</name>');
		expect(xml).toContain('href="https://brest.example/trails/rive-droite?from=map&amp;lang=fr"');
		expect(xml).not.toContain('\u0007');
		expect(xml).toContain('Pont de Recouvrance 🌉');
	});

	it('marks every waypoint as a stop', () => {
		const types = Array.from(document.getElementsByTagName('wpt')).map(
			(waypoint) => waypoint.getElementsByTagName('type')[0]?.textContent
		);
		expect(types).toEqual(['stop', 'stop', 'stop']);
	});

	it('reads back with togeojson: the same stops in the same order, the same path', () => {
		const features = gpx(document).features;
		const stops = features.filter((feature) => feature.geometry?.type === 'Point');
		expect(stops.map((stop) => [stop.properties?.name, stop.properties?.desc])).toEqual([
			['Tour Tanguy', 'Maquettes du <Vieux Brest> & cartes.'],
			['Pont de Recouvrance 🌉', undefined],
			["Château d'eau", 'Ligne 1\nLigne 2']
		]);
		expect(stops.map(({ geometry }) => (geometry?.type === 'Point' ? geometry.coordinates : null))).toEqual([
			[-4.4953, 48.3828],
			[-4.495, 48.3836],
			[-4.4945, 48.3803]
		]);
		const track = features.find((feature) => feature.geometry?.type === 'LineString');
		expect(track?.geometry).toEqual({ type: 'LineString', coordinates: roundedPath });
	});

	it('reads back through our own import', () => {
		const imported = importTrailFile(xml);
		expect(imported.path).toEqual(roundedPath);
		expect(imported.stops.map((stop) => stop.title)).toEqual([
			'Tour Tanguy',
			'Pont de Recouvrance 🌉',
			"Château d'eau"
		]);
	});

	it('leaves out the track of a trail without a path, and an empty summary', () => {
		const bare = trailToGpx({ ...trail, path: [], summary: ' ', themes: [] });
		expect(bare).not.toContain('<trk>');
		expect(bare).not.toContain('<desc>Du pont');
		expect(bare).not.toContain('<keywords>');
		expect(parseStrictly(bare).getElementsByTagName('wpt')).toHaveLength(3);
	});
});

describe('trailsToGeoJson', () => {
	const other: ExportTrail = { ...trail, slug: 'autre', stops: trail.stops.slice(0, 1) };
	const collection = trailsToGeoJson([trail, other]);
	const json = JSON.parse(JSON.stringify(collection));

	it('gives each trail its line, then its stops numbered from 1', () => {
		expect(
			collection.features.map(({ properties }) =>
				properties.kind === 'trail' ? properties.slug : `${properties.trail}#${properties.order}`
			)
		).toEqual(['rive-droite', 'rive-droite#1', 'rive-droite#2', 'rive-droite#3', 'autre', 'autre#1']);
	});

	it('describes the trail, licence and attribution included', () => {
		expect(collection.features[0]).toEqual({
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: roundedPath },
			properties: {
				kind: 'trail',
				slug: 'rive-droite',
				title: trail.title,
				url: trail.url,
				licence: 'CC BY-SA 4.0',
				licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
				attribution: trail.attribution,
				lengthMetres: 482,
				walkingMinutes: 8,
				themes: ['heritage', 'maritime']
			}
		});
	});

	it('describes each stop, its position rounded to 6 decimals', () => {
		expect(collection.features[2]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [-4.495, 48.3836] },
			properties: {
				kind: 'stop',
				trail: 'rive-droite',
				order: 2,
				id: 'stop-a',
				title: 'Pont de Recouvrance \u0007🌉',
				url: 'https://brest.example/trails/rive-droite#stop-a',
				radiusMetres: 25
			}
		});
	});

	it('gives a trail without a path a null geometry, as RFC 7946 allows', () => {
		const [feature] = trailsToGeoJson([{ ...trail, path: [[-4.49, 48.38]] }]).features;
		expect(feature?.geometry).toBeNull();
	});

	it('reads back through our own import: the same stops in the same order, the same path', () => {
		const single = JSON.stringify(trailsToGeoJson([trail]));
		const imported = importTrailFile(single);
		expect(imported.path).toEqual(roundedPath);
		expect(imported.stops.map(({ title, position }) => [title, position])).toEqual([
			['Tour Tanguy', [-4.4953, 48.3828]],
			['Pont de Recouvrance \u0007🌉', [-4.495, 48.3836]],
			["Château d'eau", [-4.4945, 48.3803]]
		]);
	});

	it('survives JSON serialisation unchanged', () => {
		expect(json).toEqual(collection);
	});
});
