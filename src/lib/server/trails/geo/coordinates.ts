import type { Position } from './types';

/** Six decimals is about 11 cm at the equator: finer than any phone's GPS, and files stay small. */
const SCALE = 1e6;

export function roundCoordinate(value: number): number {
	// `+ 0` turns -0 into 0, so a rounded -0.0000001 is written "0" and compares equal to it.
	return Math.round(value * SCALE) / SCALE + 0;
}

export function roundPosition([lng, lat]: Position): Position {
	return [roundCoordinate(lng), roundCoordinate(lat)];
}

export function isOnEarth(lng: number, lat: number): boolean {
	return Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
}

export function samePosition(a: Position, b: Position): boolean {
	return a[0] === b[0] && a[1] === b[1];
}

/** GPS loggers repeat a point while standing still; the repeats add nothing to a path. */
export function withoutConsecutiveDuplicates(path: Position[]): Position[] {
	return path.filter((position, index) => {
		const previous = path[index - 1];
		return previous === undefined || !samePosition(previous, position);
	});
}
