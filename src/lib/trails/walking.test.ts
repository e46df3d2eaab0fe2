import { describe, expect, it } from 'vitest';
import { distanceMetres, type Position } from './measure';
import {
	compassPoint,
	EXIT_MARGIN_METRES,
	moveWalker,
	nearestStop,
	startWalk,
	stepTo,
	stopInside,
	targetStop,
	wayTo,
	type WalkStop
} from './walking';

// The demo sound walk of Recouvrance (Brest), with 30 m radii.
const stops: WalkStop[] = [
	{ position: [-4.495, 48.3836], radiusMetres: 30 }, // Pont de Recouvrance
	{ position: [-4.4953, 48.3828], radiusMetres: 30 }, // Tour Tanguy
	{ position: [-4.5005, 48.3868], radiusMetres: 30 }, // Rue Saint-Malo
	{ position: [-4.4985, 48.3865], radiusMetres: 30 } // Ateliers des Capucins
];
const tourTanguy = stops[1]?.position ?? [0, 0];
const rueSaintMalo = stops[2]?.position ?? [0, 0];

/** A point `metres` north of a position (a degree of latitude is 111.195 km on our sphere). */
const northOf = ([lng, lat]: Position, metres: number): Position => [lng, lat + metres / 111_195];

describe('nearestStop', () => {
	it('finds the nearest stop and how far it is', () => {
		const walker = northOf(tourTanguy, 20);
		expect(nearestStop(walker, stops)).toEqual({ index: 1, metres: expect.closeTo(20, 0) });
	});

	it('has nothing to say about a trail without stops', () => {
		expect(nearestStop(tourTanguy, [])).toBeNull();
	});
});

describe('stopInside', () => {
	it('counts a walker within the radius as inside, and one beyond it as outside', () => {
		expect(stopInside(northOf(tourTanguy, 29), stops, null)).toBe(1);
		expect(stopInside(northOf(rueSaintMalo, 31), stops, null)).toBeNull();
	});

	it('keeps a walker inside while GPS jitter wanders a little past the radius', () => {
		expect(stopInside(northOf(rueSaintMalo, 31), stops, 2)).toBe(2);
		expect(stopInside(northOf(rueSaintMalo, 30 + EXIT_MARGIN_METRES - 1), stops, 2)).toBe(2);
	});

	it('lets the walker out once past the radius and the margin', () => {
		expect(stopInside(northOf(rueSaintMalo, 30 + EXIT_MARGIN_METRES + 1), stops, 2)).toBeNull();
	});

	it('picks the nearer of two stops whose radii overlap', () => {
		const overlapping: WalkStop[] = [
			{ position: northOf(tourTanguy, 40), radiusMetres: 50 },
			{ position: tourTanguy, radiusMetres: 50 }
		];
		expect(stopInside(northOf(tourTanguy, 15), overlapping, null)).toBe(1);
		expect(stopInside(northOf(tourTanguy, 25), overlapping, null)).toBe(0);
	});
});

describe('moveWalker', () => {
	it('announces an arrival once, on entering, and shows the stop reached', () => {
		const first = moveWalker(startWalk(), tourTanguy, stops);
		expect(first.arrived).toBe(1);
		expect(first.state).toEqual({ current: 1, reached: true, inside: 1 });

		const jitter = [northOf(tourTanguy, 29), northOf(tourTanguy, 33), northOf(tourTanguy, 28)];
		let state = first.state;
		for (const position of jitter) {
			const moved = moveWalker(state, position, stops);
			expect(moved.arrived).toBeNull();
			state = moved.state;
		}
	});

	it('announces the same stop again only after the walker has really left it', () => {
		let { state } = moveWalker(startWalk(), tourTanguy, stops);
		state = moveWalker(state, northOf(tourTanguy, -60), stops).state;
		expect(state.inside).toBeNull();
		expect(state.current).toBe(1);
		expect(moveWalker(state, tourTanguy, stops).arrived).toBe(1);
	});

	it('is not an arrival to walk between stops', () => {
		const between = northOf(tourTanguy, 300);
		expect(moveWalker(startWalk(), between, stops)).toEqual({ state: startWalk(), arrived: null });
	});
});

describe('targetStop and stepTo', () => {
	it('leads to the first stop before any is reached', () => {
		expect(targetStop(startWalk(), stops.length)).toBe(0);
	});

	it('leads to the stop after the one reached, in the trail’s order', () => {
		const { state } = moveWalker(startWalk(), tourTanguy, stops);
		expect(targetStop(state, stops.length)).toBe(2);
	});

	it('says nothing is left after the last stop', () => {
		const { state } = moveWalker(startWalk(), stops[3]?.position ?? [0, 0], stops);
		expect(targetStop(state, stops.length)).toBeNull();
	});

	it('heads for the stop chosen by hand, without leaving the stop the walker is in', () => {
		const { state } = moveWalker(startWalk(), tourTanguy, stops);
		const chosen = stepTo(state, 2, stops.length);
		expect(chosen).toEqual({ current: 2, reached: false, inside: 1 });
		expect(targetStop(chosen, stops.length)).toBe(2);
		expect(moveWalker(chosen, northOf(tourTanguy, 5), stops).arrived).toBeNull();
	});

	it('stays put when asked to step off either end', () => {
		expect(stepTo(startWalk(), -1, stops.length)).toEqual(startWalk());
		const last = stepTo(startWalk(), 3, stops.length);
		expect(stepTo(last, 4, stops.length)).toBe(last);
	});
});

describe('wayTo', () => {
	it('gives the distance and the bearing from the walker to a stop', () => {
		const way = wayTo(tourTanguy, { position: rueSaintMalo, radiusMetres: 30 });
		expect(way.metres).toBeCloseTo(distanceMetres(tourTanguy, rueSaintMalo), 6);
		expect(compassPoint(way.bearing)).toBe('north-west');
	});
});

describe('compassPoint', () => {
	it.each([
		[0, 'north'],
		[22.4, 'north'],
		[22.6, 'north-east'],
		[90, 'east'],
		[135, 'south-east'],
		[180, 'south'],
		[225, 'south-west'],
		[270, 'west'],
		[315, 'north-west'],
		[337.6, 'north'],
		[359.9, 'north'],
		[360, 'north'],
		[-45, 'north-west']
	] as const)('names a bearing of %s° %s', (bearing, point) => {
		expect(compassPoint(bearing)).toBe(point);
	});
});
