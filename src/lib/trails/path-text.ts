import type { Position } from './measure';

/** WGS84 longitude then latitude: GeoJSON's order, never Leaflet's. */
export type LngLat = Position;

const POINT_LINE = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/;
const round = (value: number) => Math.round(value * 1e6) / 1e6 + 0;

/**
 * A path as people (and the map editor) write it: one "latitude, longitude" per line, the order
 * of a phone's map app rather than GeoJSON's. Null when a line is not a point on Earth.
 */
export function parsePathText(text: string): LngLat[] | null {
	const path: LngLat[] = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		const match = POINT_LINE.exec(line);
		if (!match) return null;
		const lat = Number(match[1]);
		const lng = Number(match[2]);
		if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
			return null;
		const point: LngLat = [round(lng), round(lat)];
		const previous = path.at(-1);
		if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) path.push(point);
	}
	return path;
}

export const pathText = (path: LngLat[]) => path.map(([lng, lat]) => `${lat}, ${lng}`).join('\n');
