import { describe, expect, it } from 'vitest';
import { boundsOf, tileAt, tilesCovering, tileUrlOf, type LngLat } from './trail-tiles';

// Around the Recouvrance bridge in Brest: about 600 m east to west.
const recouvrance: LngLat[] = [
	[-4.4962, 48.3835],
	[-4.4931, 48.3848],
	[-4.4897, 48.3861]
];

const fail = (): never => {
	throw new Error('no bounds');
};

describe('tileAt', () => {
	it('agrees with the OpenStreetMap wiki (Berlin at zoom 12 is 2200/1343)', () => {
		expect(tileAt(52.52, 13.405, 12)).toEqual({ z: 12, x: 2200, y: 1343 });
	});

	it('splits the world in four at zoom 1', () => {
		expect(tileAt(45, -90, 1)).toEqual({ z: 1, x: 0, y: 0 });
		expect(tileAt(-45, 90, 1)).toEqual({ z: 1, x: 1, y: 1 });
	});

	it('stays on the map at its edges and poles', () => {
		expect(tileAt(90, 180, 3)).toEqual({ z: 3, x: 7, y: 0 });
		expect(tileAt(-90, -180, 3)).toEqual({ z: 3, x: 0, y: 7 });
	});
});

describe('boundsOf', () => {
	it('is null without a position', () => {
		expect(boundsOf([])).toBeNull();
		expect(boundsOf([[Number.NaN, 48]])).toBeNull();
	});

	it('widens the box by the margin on every side', () => {
		const bounds = boundsOf(recouvrance, 111.32) ?? fail();
		expect(bounds.south).toBeCloseTo(48.3825, 4);
		expect(bounds.north).toBeCloseTo(48.3871, 4);
		// A degree of longitude is shorter up north: the same metres take more of them.
		expect(bounds.west).toBeLessThan(-4.4962 - 0.001);
		expect(bounds.east).toBeGreaterThan(-4.4897 + 0.001);
	});
});

describe('tilesCovering', () => {
	it('covers the box at each zoom, widest first, each tile once', () => {
		const tiles = tilesCovering(boundsOf(recouvrance) ?? fail());
		expect([...new Set(tiles.map((tile) => tile.z))]).toEqual([14, 15, 16, 17]);
		const keys = tiles.map((tile) => `${tile.z}/${tile.x}/${tile.y}`);
		expect(new Set(keys).size).toBe(keys.length);
		for (const [lng, lat] of recouvrance) {
			for (const z of [14, 15, 16, 17]) {
				const holder = tileAt(lat, lng, z);
				expect(keys).toContain(`${z}/${holder.x}/${holder.y}`);
			}
		}
		expect(tiles.length).toBeLessThan(100);
	});

	it('leaves out whole zoom levels that would pass the cap', () => {
		const city =
			boundsOf([
				[-4.56, 48.36],
				[-4.42, 48.43]
			]) ?? fail();
		const tiles = tilesCovering(city, [14, 15, 16, 17], 500);
		expect(tiles.length).toBeLessThanOrEqual(500);
		const zooms = new Set(tiles.map((tile) => tile.z));
		expect(zooms.has(14)).toBe(true);
		expect(zooms.has(17)).toBe(false);
		expect(tilesCovering(city, [14], 1)).toEqual([]);
	});
});

describe('tileUrlOf', () => {
	const tile = { z: 16, x: 32413, y: 22704 };

	it('fills the template as Leaflet does', () => {
		expect(tileUrlOf('https://tiles.invalid/{z}/{x}/{y}.png', tile)).toBe(
			'https://tiles.invalid/16/32413/22704.png'
		);
		// Leaflet picks the subdomain from x + y, and {r} is empty without retina detection.
		expect(tileUrlOf('https://{s}.tiles.example/{z}/{x}/{y}{r}.png', tile)).toBe(
			'https://b.tiles.example/16/32413/22704.png'
		);
		expect(tileUrlOf('https://tms.example/{z}/{x}/{-y}.png', { z: 2, x: 1, y: 0 })).toBe(
			'https://tms.example/2/1/3.png'
		);
	});

	it('gives up on templates with values only the map knows', () => {
		expect(tileUrlOf('https://tiles.example/{z}/{x}/{y}.png?key={apikey}', tile)).toBeNull();
	});
});
