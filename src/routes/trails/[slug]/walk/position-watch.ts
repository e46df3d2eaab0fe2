import type { Position } from '$lib/trails/measure';

export type PositionFix = { position: Position; accuracyMetres: number };

/** Why there is no position: refused by the person, not found for now, or no way to ask. */
export type PositionProblem = 'denied' | 'unavailable' | 'unsupported';

/**
 * Follows the phone's position until the returned function is called. High accuracy asks for
 * the GPS: a stop is a few tens of metres across, and a position from the mobile network or
 * Wi-Fi can be hundreds of metres off.
 */
export function watchWalker(
	onFix: (fix: PositionFix) => void,
	onProblem: (problem: PositionProblem) => void
): () => void {
	if (!('geolocation' in navigator)) {
		onProblem('unsupported');
		return () => {};
	}
	const id = navigator.geolocation.watchPosition(
		({ coords }) => onFix({ position: [coords.longitude, coords.latitude], accuracyMetres: coords.accuracy }),
		(failure) => onProblem(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable'),
		{ enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 }
	);
	return () => navigator.geolocation.clearWatch(id);
}
