import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importTrailFile, TrailImportError, type TrailImportErrorCode } from './import';

const fixture = (name: string) => readFileSync(`tests/fixtures/geo/${name}`, 'utf8');

function refusal(read: () => unknown): TrailImportError {
	try {
		read();
	} catch (problem) {
		if (problem instanceof TrailImportError) return problem;
		throw problem;
	}
	throw new Error('The file was accepted');
}

const codeOf = (text: string): TrailImportErrorCode => refusal(() => importTrailFile(text)).code;

const gpxWith = (body: string) =>
	`<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`;

const lineString = (coordinates: number[][]) => JSON.stringify({ type: 'LineString', coordinates });

describe('importTrailFile: a Garmin GPX with a track and waypoints', () => {
	const trail = importTrailFile(fixture('garmin-trk-wpt.gpx'), 'Current.gpx');

	it('takes the waypoints as stops, in file order, with their name and description', () => {
		expect(trail.stops).toEqual([
			{ title: 'Pont de Recouvrance', text: 'Le pont levant, 1954.', position: [-4.495, 48.3836] },
			{ title: 'Tour Tanguy', text: 'Musée du Vieux Brest', position: [-4.4953, 48.3828] },
			{ title: 'Château', text: '', position: [-4.4945, 48.3803] }
		]);
	});

	it('joins the segments, rounds to 6 decimals, drops elevation and repeated points', () => {
		expect(trail.path).toEqual([
			[-4.495679, 48.384412],
			[-4.495, 48.3836],
			[-4.4951, 48.3832],
			[-4.4953, 48.3828],
			[-4.4945, 48.3803]
		]);
	});
});

describe('importTrailFile: a Google Earth KML', () => {
	const trail = importTrailFile(fixture('google-earth.kml'));

	it('takes the point placemarks as stops in document order, skipping the polygon', () => {
		expect(trail.stops.map((stop) => stop.title)).toEqual([
			'Entrée du conservatoire',
			'Serres tropicales',
			'Plage du Moulin Blanc'
		]);
		expect(trail.stops[0]?.position).toEqual([-4.433012, 48.407433]);
	});

	it('keeps the descriptions, a CDATA one included, as written', () => {
		expect(trail.stops.map((stop) => stop.text)).toEqual([
			'<p>Le <b>Conservatoire botanique</b> ouvre à 9 h.</p>',
			"Entrée libre l'après-midi.",
			''
		]);
	});

	it('takes the LineString as the path, without its repeated point', () => {
		expect(trail.path).toEqual([
			[-4.433012, 48.407433],
			[-4.431544, 48.406207],
			[-4.429871, 48.404919],
			[-4.428102, 48.40336],
			[-4.426775, 48.401995]
		]);
	});

	it('reads a gx:Track and a MultiGeometry as path too', () => {
		const kml = `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
			<Document>
				<Placemark><gx:Track>
					<when>2024-05-04T09:00:00Z</when><when>2024-05-04T09:01:00Z</when>
					<gx:coord>-4.4 48.4 12</gx:coord><gx:coord>-4.41 48.41 13</gx:coord>
				</gx:Track></Placemark>
				<Placemark><name>Halte</name><MultiGeometry>
					<LineString><coordinates>-4.41,48.41 -4.42,48.42</coordinates></LineString>
					<Point><coordinates>-4.42,48.42</coordinates></Point>
				</MultiGeometry></Placemark>
			</Document>
		</kml>`;
		expect(importTrailFile(kml)).toEqual({
			path: [
				[-4.4, 48.4],
				[-4.41, 48.41],
				[-4.42, 48.42]
			],
			stops: [{ title: 'Halte', text: '', position: [-4.42, 48.42] }]
		});
	});
});

describe('importTrailFile: a GeoJSON FeatureCollection', () => {
	const trail = importTrailFile(fixture('feature-collection.geojson'));

	it('takes Points as stops in order, with name or title and description or text', () => {
		expect(trail.stops).toEqual([
			{
				title: 'Jardin des Explorateurs',
				text: 'Plantes ramenées par les marins.',
				position: [-4.49325, 48.38452]
			},
			{
				title: 'Pont de Recouvrance',
				text: "Le plus grand pont levant d'Europe à son ouverture.",
				position: [-4.495, 48.3836]
			},
			{ title: 'Tour Tanguy', text: '', position: [-4.4953, 48.3828] }
		]);
	});

	it('concatenates the LineString and MultiLineString, rounding and dropping repeats', () => {
		expect(trail.path).toEqual([
			[-4.49325, 48.38452],
			[-4.4941, 48.3841],
			[-4.495, 48.3836],
			[-4.4953, 48.3828],
			[-4.4945, 48.3803]
		]);
	});

	it('accepts a single Feature or a bare geometry', () => {
		const path = [
			[2.35, 48.85],
			[2.36, 48.86]
		];
		const feature = {
			type: 'Feature',
			properties: null,
			geometry: { type: 'LineString', coordinates: path }
		};
		expect(importTrailFile(JSON.stringify(feature)).path).toEqual(path);
		expect(importTrailFile(lineString(path)).path).toEqual(path);
	});
});

describe('importTrailFile: format detection', () => {
	it('goes by the content, not the file name', () => {
		const trail = importTrailFile(fixture('garmin-trk-wpt.gpx'), 'export.json');
		expect(trail.stops).toHaveLength(3);
	});

	it('skips a byte order mark and leading blank lines', () => {
		const trail = importTrailFile(`\uFEFF\n\n  ${fixture('feature-collection.geojson')}`);
		expect(trail.stops).toHaveLength(3);
	});

	it('gives a file with stops but no path an empty path', () => {
		const trail = importTrailFile(gpxWith('<wpt lat="48.38" lon="-4.49"><name>Seul</name></wpt>'));
		expect(trail).toEqual({ path: [], stops: [{ title: 'Seul', text: '', position: [-4.49, 48.38] }] });
	});
});

describe('importTrailFile refuses', () => {
	it.each([
		['plain text', 'lat 48.38, lng -4.49'],
		['HTML', '<!-- --><html><body><p>Not a trail</p></body></html>'],
		['broken XML', gpxWith('<wpt lat="48" lon="-4"><name>Open</wpt>')],
		['broken JSON', '{"type": "FeatureCollection", "features": [}'],
		['JSON that is not GeoJSON', '{"hello": "world"}'],
		['a feature list that is not a list', '{"type": "FeatureCollection", "features": {}}'],
		[
			'a position that is not numbers',
			lineString([
				[-4.49, 48.38],
				['-4.5' as unknown as number, 48.39]
			])
		],
		['a zipped KMZ', 'PK\u0003\u0004\u0014\u0000doc.kml'],
		[
			'geometry collections nested past reason',
			JSON.stringify(
				Array.from({ length: 10 }).reduce<object>(
					(inner) => ({ type: 'GeometryCollection', geometries: [inner] }),
					{ type: 'Point', coordinates: [0, 0] }
				)
			)
		]
	])('%s as unreadable', (_what, text) => {
		expect(codeOf(text)).toBe('unreadable');
	});

	it.each([
		['an empty file', ''],
		['blank lines', '\n  \r\n'],
		['a GPX with only metadata', gpxWith('<metadata><name>Rien</name></metadata>')],
		['an empty FeatureCollection', '{"type": "FeatureCollection", "features": []}'],
		[
			'a path of one repeated point',
			lineString([
				[-4.49, 48.38],
				[-4.49, 48.38]
			])
		]
	])('%s as empty', (_what, text) => {
		expect(codeOf(text)).toBe('empty');
	});

	it.each([
		[
			'a latitude past the pole',
			lineString([
				[-4.49, 48.38],
				[-4.49, 90.5]
			])
		],
		[
			'a longitude past the antimeridian',
			lineString([
				[-4.49, 48.38],
				[180.1, 48.38]
			])
		],
		['an infinite coordinate', '{"type": "Point", "coordinates": [1e999, 48.38]}'],
		['a GPX waypoint at latitude 95', gpxWith('<wpt lat="95" lon="-4.49"><name>Ciel</name></wpt>')]
	])('%s as out of range', (_what, text) => {
		expect(codeOf(text)).toBe('out_of_range');
	});

	it('more path points than the limit, and says which limit', () => {
		const distinctPoints = (count: number) =>
			Array.from({ length: count }, (_, index) => [-4.4 - index * 1e-5, 48.38]);
		expect(importTrailFile(lineString(distinctPoints(IMPORT_LIMITS.pathPoints))).path).toHaveLength(
			IMPORT_LIMITS.pathPoints
		);

		const problem = refusal(() => importTrailFile(lineString(distinctPoints(IMPORT_LIMITS.pathPoints + 1))));
		expect(problem.code).toBe('too_many_points');
		expect(problem.limit).toEqual({ what: 'path_points', max: 10_000, found: 10_001 });
	});

	it('more stops than the limit', () => {
		const stops = (count: number) =>
			gpxWith(`<wpt lat="48.38" lon="-4.49"><name>Arrêt</name></wpt>`.repeat(count));
		expect(importTrailFile(stops(IMPORT_LIMITS.stops)).stops).toHaveLength(200);

		const problem = refusal(() => importTrailFile(stops(IMPORT_LIMITS.stops + 1)));
		expect(problem.code).toBe('too_many_points');
		expect(problem.limit?.what).toBe('stops');
	});

	it('a file over 5 MB before reading it', () => {
		const padding = ' '.repeat(IMPORT_LIMITS.fileBytes);
		const problem = refusal(() =>
			importTrailFile(
				`${lineString([
					[0, 0],
					[1, 1]
				])}${padding}`
			)
		);
		expect(problem.code).toBe('too_many_points');
		expect(problem.limit).toMatchObject({ what: 'file_bytes', max: 5 * 1024 * 1024 });
	});

	it('a 4xx-worthy refusal, which routes can show without a 500', () => {
		const problem = refusal(() => importTrailFile('nonsense'));
		expect(problem.status).toBe(400);
	});
});

describe('XML entity tricks', () => {
	const entityGpx = (declaration: string) =>
		`<?xml version="1.0"?>
		<!DOCTYPE gpx [${declaration}]>
		<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
			<wpt lat="48.38" lon="-4.49"><name>&x;</name></wpt>
		</gpx>`;
	const external = entityGpx('<!ENTITY x SYSTEM "file:///etc/passwd">');
	const laughs = entityGpx(
		'<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;">'
	);

	it('refuses any document type declaration as unreadable', () => {
		expect(codeOf(external)).toBe('unreadable');
		expect(codeOf(laughs)).toBe('unreadable');
	});

	it('would be harmless anyway: xmldom expands neither external nor internal entities', () => {
		for (const text of [external, laughs]) {
			const document = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml');
			expect(document.getElementsByTagName('name')[0]?.textContent).toBe('&x;');
		}
	});
});
