import { TrailImportError } from './import-error';

export type Properties = Record<string, unknown>;

/** A document's lines and points in document order, coordinates not yet checked. */
export type FoundGeometries = {
	lines: unknown[][];
	points: { coordinates: unknown; properties: Properties }[];
};

// RFC 7946 advises against nesting geometry collections at all; a deep nest is an attack.
const MAX_COLLECTION_DEPTH = 4;

/** Reads a parsed GeoJSON object: a FeatureCollection, a Feature or a bare geometry. */
export function readGeoJson(document: unknown): FoundGeometries {
	const found: FoundGeometries = { lines: [], points: [] };
	if (isRecord(document) && document.type === 'FeatureCollection') {
		for (const feature of listOf(document.features, 'features')) readFeature(feature, found);
	} else if (isRecord(document) && document.type === 'Feature') {
		readFeature(document, found);
	} else {
		readGeometry(document, {}, found, 0);
	}
	return found;
}

export function isRecord(value: unknown): value is Properties {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readFeature(feature: unknown, found: FoundGeometries): void {
	if (!isRecord(feature) || feature.type !== 'Feature') throw unreadable('a member is not a Feature');
	// A feature may be unlocated (null geometry); it has nothing to give a trail.
	if (feature.geometry === null) return;
	const properties = isRecord(feature.properties) ? feature.properties : {};
	readGeometry(feature.geometry, properties, found, 0);
}

function readGeometry(
	geometry: unknown,
	properties: Properties,
	found: FoundGeometries,
	depth: number
): void {
	if (!isRecord(geometry)) throw unreadable('a geometry is not an object');
	const { coordinates } = geometry;
	switch (geometry.type) {
		case 'Point':
			found.points.push({ coordinates, properties });
			return;
		case 'MultiPoint':
			for (const point of listOf(coordinates, 'MultiPoint')) {
				found.points.push({ coordinates: point, properties });
			}
			return;
		case 'LineString':
			found.lines.push(listOf(coordinates, 'LineString'));
			return;
		case 'MultiLineString':
			for (const line of listOf(coordinates, 'MultiLineString')) {
				found.lines.push(listOf(line, 'MultiLineString'));
			}
			return;
		case 'GeometryCollection':
			if (depth >= MAX_COLLECTION_DEPTH) throw unreadable('geometry collections nested too deep');
			for (const member of listOf(geometry.geometries, 'GeometryCollection')) {
				readGeometry(member, properties, found, depth + 1);
			}
			return;
		case 'Polygon':
		case 'MultiPolygon':
			// An area is not a path to walk; a file may outline a park next to its trail.
			return;
		default:
			throw unreadable(`unknown geometry type ${JSON.stringify(geometry.type)}`);
	}
}

function listOf(value: unknown, what: string): unknown[] {
	if (!Array.isArray(value)) throw unreadable(`${what} coordinates are not a list`);
	return value;
}

function unreadable(reason: string): TrailImportError {
	return new TrailImportError('unreadable', `Not GeoJSON: ${reason}`);
}
