/** A GeoJSON position: longitude first. */
export type LngLat = [lng: number, lat: number];
export type Bounds = { south: number; west: number; north: number; east: number };
export type Tile = { z: number; x: number; y: number };

export const PREFETCH_ZOOMS = [14, 15, 16, 17];
export const PREFETCH_CAP = 500;

const METRES_PER_DEGREE = 111_320;
// Web Mercator stops here; beyond it tile rows do not exist.
const MAX_LATITUDE = 85.0511287798;

/** The box around a trail's path and stops, widened so the map around the ends is there too. */
export function boundsOf(positions: LngLat[], marginMetres = 150): Bounds | null {
	const valid = positions.filter(([lng, lat]) => Number.isFinite(lng) && Number.isFinite(lat));
	if (valid.length === 0) return null;
	const lats = valid.map(([, lat]) => lat);
	const lngs = valid.map(([lng]) => lng);
	const south = Math.min(...lats);
	const north = Math.max(...lats);
	const latMargin = marginMetres / METRES_PER_DEGREE;
	const widestLat = Math.min(Math.max(Math.abs(south), Math.abs(north)), 89);
	const lngMargin = marginMetres / (METRES_PER_DEGREE * Math.cos((widestLat * Math.PI) / 180));
	return {
		south: Math.max(south - latMargin, -MAX_LATITUDE),
		north: Math.min(north + latMargin, MAX_LATITUDE),
		west: Math.max(Math.min(...lngs) - lngMargin, -180),
		east: Math.min(Math.max(...lngs) + lngMargin, 180)
	};
}

/** The XYZ (slippy map) tile that holds a point at a zoom level. */
export function tileAt(lat: number, lng: number, z: number): Tile {
	const count = 2 ** z;
	const clampedLat = Math.max(Math.min(lat, MAX_LATITUDE), -MAX_LATITUDE);
	const radians = (clampedLat * Math.PI) / 180;
	const x = Math.floor(((lng + 180) / 360) * count);
	const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * count);
	return { z, x: Math.min(Math.max(x, 0), count - 1), y: Math.min(Math.max(y, 0), count - 1) };
}

function tilesAtZoom(bounds: Bounds, z: number): Tile[] {
	const northWest = tileAt(bounds.north, bounds.west, z);
	const southEast = tileAt(bounds.south, bounds.east, z);
	const tiles: Tile[] = [];
	for (let x = northWest.x; x <= southEast.x; x++) {
		for (let y = northWest.y; y <= southEast.y; y++) tiles.push({ z, x, y });
	}
	return tiles;
}

/**
 * The tiles covering a box, zoom level by zoom level from the widest. A level that would pass the
 * cap is left out whole, with every level above it: a patchy map is worse than a coarser one.
 */
export function tilesCovering(bounds: Bounds, zooms = PREFETCH_ZOOMS, cap = PREFETCH_CAP): Tile[] {
	const tiles: Tile[] = [];
	for (const z of [...zooms].sort((a, b) => a - b)) {
		const level = tilesAtZoom(bounds, z);
		if (tiles.length + level.length > cap) break;
		tiles.push(...level);
	}
	return tiles;
}

const SUBDOMAINS = 'abc';

/**
 * A tile's address as Leaflet's TileLayer writes it from the same template (same subdomain
 * choice), so that a saved tile is found again under the address the map asks for. Null when
 * the template needs values only the map knows (an API key option, say).
 */
export function tileUrlOf(template: string, tile: Tile): string | null {
	const values: Record<string, string> = {
		z: String(tile.z),
		x: String(tile.x),
		y: String(tile.y),
		'-y': String(2 ** tile.z - 1 - tile.y),
		s: SUBDOMAINS[Math.abs(tile.x + tile.y) % SUBDOMAINS.length] ?? 'a',
		r: ''
	};
	let unknown = false;
	const url = template.replace(/\{ *([\w_ -]+) *\}/g, (_, key: string) => {
		const value = values[key];
		if (value === undefined) unknown = true;
		return value ?? '';
	});
	return unknown ? null : url;
}
