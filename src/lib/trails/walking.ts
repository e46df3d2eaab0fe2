import { bearingDegrees, distanceMetres, type Position } from './measure';

/** What the walking rules need of a stop. */
export type WalkStop = { position: Position; radiusMetres: number };

/**
 * How far past its radius a walker must go to have left a stop. A phone's fix wanders by 5 to
 * 20 m outdoors; without this margin, standing at the edge would enter the stop again and again
 * (and replay its sound each time).
 */
export const EXIT_MARGIN_METRES = 15;

/**
 * A walk in progress. `current` is the stop shown, `reached` says whether the walker has been
 * there (so the way leads on to the next) or is on the way to it; `inside` is the stop whose
 * radius the walker is in by the position, if any.
 */
export type WalkState = { current: number; reached: boolean; inside: number | null };

export const startWalk = (): WalkState => ({ current: 0, reached: false, inside: null });

export function nearestStop(position: Position, stops: WalkStop[]): { index: number; metres: number } | null {
	return closest(position, stops, () => true);
}

function closest(position: Position, stops: WalkStop[], holds: (stop: WalkStop, metres: number) => boolean) {
	let found: { index: number; metres: number } | null = null;
	for (const [index, stop] of stops.entries()) {
		const metres = distanceMetres(position, stop.position);
		if (holds(stop, metres) && (!found || metres < found.metres)) found = { index, metres };
	}
	return found;
}

/**
 * The stop whose radius the walker is in. The stop they were in keeps them until they are
 * further than its radius plus the margin; otherwise the nearest stop whose radius holds them.
 */
export function stopInside(
	position: Position,
	stops: WalkStop[],
	wasInside: number | null,
	exitMarginMetres = EXIT_MARGIN_METRES
): number | null {
	const previous = wasInside === null ? undefined : stops[wasInside];
	if (previous && distanceMetres(position, previous.position) <= previous.radiusMetres + exitMarginMetres) {
		return wasInside;
	}
	return closest(position, stops, (stop, metres) => metres <= stop.radiusMetres)?.index ?? null;
}

/**
 * A new position: the walker may have entered a stop (`arrived`), which then becomes the one
 * shown. Moving about inside a stop, or leaving it, is not an arrival.
 */
export function moveWalker(
	state: WalkState,
	position: Position,
	stops: WalkStop[]
): { state: WalkState; arrived: number | null } {
	const inside = stopInside(position, stops, state.inside);
	if (inside === null || inside === state.inside) return { state: { ...state, inside }, arrived: null };
	return { state: { current: inside, reached: true, inside }, arrived: inside };
}

/** Previous or next by hand: the walker heads for the stop they chose. */
export function stepTo(state: WalkState, index: number, count: number): WalkState {
	if (index < 0 || index >= count || index === state.current) return state;
	return { ...state, current: index, reached: false };
}

/** The stop to walk to: the one after the stop reached, or the one shown if not there yet. */
export function targetStop(state: WalkState, count: number): number | null {
	const target = state.reached ? state.current + 1 : state.current;
	return target < count ? target : null;
}

/** Distance and bearing from the walker to a stop. */
export function wayTo(position: Position, stop: WalkStop): { metres: number; bearing: number } {
	return {
		metres: distanceMetres(position, stop.position),
		bearing: bearingDegrees(position, stop.position)
	};
}

export const compassPoints = [
	'north',
	'north-east',
	'east',
	'south-east',
	'south',
	'south-west',
	'west',
	'north-west'
] as const;

export type CompassPoint = (typeof compassPoints)[number];

/** The nearest of the eight compass points to a bearing (0 = north, clockwise, in degrees). */
export function compassPoint(bearing: number): CompassPoint {
	const turn = ((bearing % 360) + 360) % 360;
	return compassPoints[Math.round(turn / 45) % 8] ?? 'north';
}
