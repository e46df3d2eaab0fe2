import { gpx, kml } from '@tmcw/togeojson';
import { isOnEarth, roundPosition, withoutConsecutiveDuplicates } from './coordinates';
import { isRecord, readGeoJson, type FoundGeometries, type Properties } from './geojson-reader';
import { TrailImportError, type TrailImportLimit } from './import-error';
import type { ImportedStop, ImportedTrail, Position } from './types';
import { parseXml } from './xml';

export { TrailImportError, type TrailImportErrorCode } from './import-error';

/** Beyond these a file is refused, not simplified: the author knows better what to cut. */
export const IMPORT_LIMITS = {
	pathPoints: 10_000,
	stops: 200,
	fileBytes: 5 * 1024 * 1024
} as const;

/**
 * Reads a GPX, KML or GeoJSON file into a path and its stops. The format comes from the
 * content: names lie (".xml", ".json", no extension at all). The name only labels errors.
 */
export function importTrailFile(text: string, fileName = 'file'): ImportedTrail {
	enforceLimit('file_bytes', IMPORT_LIMITS.fileBytes, Buffer.byteLength(text, 'utf8'));
	const content = text.replace(/^\uFEFF/, '').trimStart();
	if (content === '') throw new TrailImportError('empty', `${fileName} is empty`);

	const trail = toTrail(readGeometries(content, fileName));
	if (trail.path.length === 0 && trail.stops.length === 0) {
		throw new TrailImportError('empty', `${fileName} holds neither a path nor a point`);
	}
	enforceLimit('path_points', IMPORT_LIMITS.pathPoints, trail.path.length);
	enforceLimit('stops', IMPORT_LIMITS.stops, trail.stops.length);
	return trail;
}

function readGeometries(content: string, fileName: string): FoundGeometries {
	if (content.startsWith('{')) return readGeoJson(parseJson(content, fileName));
	if (content.startsWith('<')) {
		const document = parseXml(content);
		const root = document.documentElement?.localName;
		// togeojson's output is GeoJSON, so one reader serves the three formats.
		if (root === 'gpx') return readGeoJson(gpx(document));
		if (root === 'kml') return readGeoJson(kml(document));
	}
	throw new TrailImportError('unreadable', `${fileName} is not GPX, KML or GeoJSON`);
}

function parseJson(content: string, fileName: string): unknown {
	try {
		return JSON.parse(content);
	} catch {
		throw new TrailImportError('unreadable', `${fileName} is not valid JSON`);
	}
}

function toTrail({ lines, points }: FoundGeometries): ImportedTrail {
	// Segments and tracks are walked one after the other; a gap between them becomes a straight
	// line the author can redraw, which beats dropping all but the first.
	const path = withoutConsecutiveDuplicates(lines.flat().map(toPosition));
	return {
		path: path.length >= 2 ? path : [],
		stops: points.map(({ coordinates, properties }) => toStop(coordinates, properties))
	};
}

function toStop(coordinates: unknown, properties: Properties): ImportedStop {
	return {
		title: firstText(properties, ['name', 'title']),
		text: firstText(properties, ['desc', 'description', 'text', 'cmt']),
		position: toPosition(coordinates)
	};
}

/** Longitude and latitude, rounded; an elevation or a time in third place is dropped. */
function toPosition(coordinates: unknown): Position {
	if (!Array.isArray(coordinates)) throw unreadable('a position is not a list');
	const [lng, lat]: unknown[] = coordinates;
	if (typeof lng !== 'number' || typeof lat !== 'number') {
		throw unreadable('a position lacks numeric longitude and latitude');
	}
	if (!isOnEarth(lng, lat)) {
		throw new TrailImportError('out_of_range', `Position [${lng}, ${lat}] is not on earth`);
	}
	return roundPosition([lng, lat]);
}

/** KML wraps a CDATA description as { "@type": "html", value }; the others give strings. */
function firstText(properties: Properties, keys: string[]): string {
	for (const key of keys) {
		const value = properties[key];
		const text = isRecord(value) ? value.value : value;
		if (typeof text === 'string' && text.trim() !== '') return text.trim();
	}
	return '';
}

function enforceLimit(what: TrailImportLimit['what'], max: number, found: number): void {
	if (found > max) {
		throw new TrailImportError('too_many_points', `${found} ${what} (at most ${max})`, {
			what,
			max,
			found
		});
	}
}

function unreadable(reason: string): TrailImportError {
	return new TrailImportError('unreadable', reason);
}
