import { describe, expect, it } from 'vitest';
import {
	bearingDegrees,
	distanceMetres,
	EARTH_RADIUS_METRES,
	pathLengthMetres,
	walkingMinutes
} from './measure';
import type { Position } from './types';

const pontDeRecouvrance: Position = [-4.495, 48.3836];
const tourTanguy: Position = [-4.4953, 48.3828];
const chateau: Position = [-4.4945, 48.3803];

describe('distanceMetres', () => {
	it('puts the Tour Tanguy about 92 m from the Pont de Recouvrance', () => {
		expect(Math.abs(distanceMetres(pontDeRecouvrance, tourTanguy) - 92)).toBeLessThanOrEqual(2);
	});

	it('gives one degree of a meridian its textbook 111.195 km', () => {
		expect(distanceMetres([-4.5, 48], [-4.5, 49])).toBeCloseTo((Math.PI * EARTH_RADIUS_METRES) / 180, 3);
	});

	it('gives a quarter of the equator and half the earth without NaN at the antipodes', () => {
		expect(distanceMetres([0, 0], [90, 0])).toBeCloseTo((Math.PI * EARTH_RADIUS_METRES) / 2, 3);
		expect(distanceMetres([0, 0], [180, 0])).toBeCloseTo(Math.PI * EARTH_RADIUS_METRES, 3);
	});

	it('is symmetric and zero from a point to itself', () => {
		expect(distanceMetres(tourTanguy, chateau)).toBeCloseTo(distanceMetres(chateau, tourTanguy), 9);
		expect(distanceMetres(chateau, chateau)).toBe(0);
	});

	it('takes the short way across the antimeridian', () => {
		expect(distanceMetres([179.999, 0], [-179.999, 0])).toBeCloseTo(222.4, 1);
	});
});

describe('pathLengthMetres', () => {
	it('adds the legs in order', () => {
		const legs = distanceMetres(pontDeRecouvrance, tourTanguy) + distanceMetres(tourTanguy, chateau);
		expect(pathLengthMetres([pontDeRecouvrance, tourTanguy, chateau])).toBeCloseTo(legs, 9);
	});

	it('is zero for no path or a single point', () => {
		expect(pathLengthMetres([])).toBe(0);
		expect(pathLengthMetres([chateau])).toBe(0);
	});
});

describe('walkingMinutes', () => {
	it.each([
		[0, 0],
		[1, 1],
		[1_000, 15],
		[4_000, 60],
		[4_001, 61],
		[1_066, 16],
		[12_345, 186]
	])('walks %d m in %d min at 4 km/h, rounded up', (metres, minutes) => {
		expect(walkingMinutes(metres)).toBe(minutes);
	});

	it('ignores floating-point dust below half a metre', () => {
		expect(walkingMinutes(1_000.000_000_001)).toBe(15);
		expect(walkingMinutes(999.6)).toBe(15);
	});

	it('refuses a negative or non-finite length', () => {
		expect(() => walkingMinutes(-1)).toThrow(RangeError);
		expect(() => walkingMinutes(Number.NaN)).toThrow(RangeError);
		expect(() => walkingMinutes(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('bearingDegrees', () => {
	it.each([
		['north', [0, 1], 0],
		['east', [1, 0], 90],
		['south', [0, -1], 180],
		['west', [-1, 0], 270]
	] as const)('points %s', (_direction, to, bearing) => {
		expect(bearingDegrees([0, 0], [...to])).toBeCloseTo(bearing, 9);
	});

	it('stays within [0, 360)', () => {
		const almostNorth = bearingDegrees([0, 0], [-1e-12, 1]);
		expect(almostNorth).toBeGreaterThanOrEqual(0);
		expect(almostNorth).toBeLessThan(360);
	});

	it('sends the walker from the bridge to the tower south-south-west', () => {
		expect(bearingDegrees(pontDeRecouvrance, tourTanguy)).toBeCloseTo(194, 0);
	});

	it('gives the initial great-circle bearing, not the rhumb line (Baghdad → Osaka ≈ 60°)', () => {
		expect(bearingDegrees([45, 35], [135, 35])).toBeCloseTo(60.16, 1);
	});
});
