/** WGS84 longitude then latitude, in degrees: GeoJSON's order, never Leaflet's. */
export type Position = [lng: number, lat: number];

/** The mean earth radius (IUGG), the one Turf and most web maps use. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * 4 km/h is Geotrek's default pedestrian speed. Geotrek is what French parks and tourist
 * offices publish their walks with, so our times match the ones walkers already know; it is
 * also an unhurried pace that leaves room for looking around at each stop.
 */
export const WALKING_METRES_PER_HOUR = 4_000;

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance by the haversine formula: within 0.5 % of the ellipsoid, plenty on foot. */
export function distanceMetres([lng1, lat1]: Position, [lng2, lat2]: Position): number {
	const fromLat = radians(lat1);
	const toLat = radians(lat2);
	const deltaLat = toLat - fromLat;
	const deltaLng = radians(lng2 - lng1);
	const h = Math.sin(deltaLat / 2) ** 2 + Math.cos(fromLat) * Math.cos(toLat) * Math.sin(deltaLng / 2) ** 2;
	// min() keeps rounding from pushing h past 1 for antipodal points, where asin would give NaN.
	return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pathLengthMetres(path: Position[]): number {
	let total = 0;
	for (let index = 1; index < path.length; index++) {
		const from = path[index - 1];
		const to = path[index];
		if (from && to) total += distanceMetres(from, to);
	}
	return total;
}

/** Whole minutes at walking pace, rounded up: a walk announced shorter than it is disappoints. */
export function walkingMinutes(metres: number): number {
	if (!Number.isFinite(metres) || metres < 0) {
		throw new RangeError(`A length must be a finite, positive number of metres, not ${metres}`);
	}
	// Whole metres first, so that floating-point dust on 1,000 m does not make 16 minutes of 15.
	return Math.ceil((Math.round(metres) * 60) / WALKING_METRES_PER_HOUR);
}

/** Initial compass bearing from a towards b, 0 = north, clockwise, in [0, 360). */
export function bearingDegrees([lng1, lat1]: Position, [lng2, lat2]: Position): number {
	const fromLat = radians(lat1);
	const toLat = radians(lat2);
	const deltaLng = radians(lng2 - lng1);
	const east = Math.sin(deltaLng) * Math.cos(toLat);
	const north =
		Math.cos(fromLat) * Math.sin(toLat) - Math.sin(fromLat) * Math.cos(toLat) * Math.cos(deltaLng);
	return (degrees(Math.atan2(east, north)) + 360) % 360;
}
