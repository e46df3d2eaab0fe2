import { describe, expect, it } from 'vitest';
import {
	expectedBytes,
	isOutdated,
	pageDataPath,
	savedTrailCacheName,
	trailDocuments,
	trailMedia,
	type SavedTrailRecord
} from './saved-trail-plan';

const trail = {
	slug: 'sounds-of-recouvrance',
	title: 'Sounds of Recouvrance',
	stops: [
		{ id: 'stop-a', media: [{ key: 'projects/p1/a.mp3', bytes: 30_000 }] },
		{
			id: 'stop-b',
			media: [
				{ key: 'projects/p1/b.mp3', bytes: 20_000 },
				{ key: 'projects/p1/b.jpg', bytes: 5_000 }
			]
		},
		// The same photo shown at two stops is stored once.
		{ id: 'stop-c', media: [{ key: 'projects/p1/b.jpg', bytes: 5_000 }] }
	]
};

describe('trailDocuments', () => {
	it('lists the trail, walking and stop pages, each followed by its data', () => {
		expect(trailDocuments(trail)).toEqual([
			{ path: '/trails/sounds-of-recouvrance', optional: false },
			{ path: '/trails/sounds-of-recouvrance/__data.json', optional: false },
			{ path: '/trails/sounds-of-recouvrance/walk', optional: true },
			{ path: '/trails/sounds-of-recouvrance/walk/__data.json', optional: true },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-a', optional: false },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-a/__data.json', optional: false },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-b', optional: false },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-b/__data.json', optional: false },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-c', optional: false },
			{ path: '/trails/sounds-of-recouvrance/stops/stop-c/__data.json', optional: false }
		]);
	});

	it('puts data where SvelteKit asks for it, trailing slash or not', () => {
		expect(pageDataPath('/trails/x/')).toBe('/trails/x/__data.json');
		expect(pageDataPath('/trails/x')).toBe('/trails/x/__data.json');
	});
});

describe('trailMedia', () => {
	it('lists each media file once, by its public address', () => {
		expect(trailMedia(trail)).toEqual([
			{ path: '/media/projects/p1/a.mp3', bytes: 30_000 },
			{ path: '/media/projects/p1/b.mp3', bytes: 20_000 },
			{ path: '/media/projects/p1/b.jpg', bytes: 5_000 }
		]);
		// Ten pages and data at a rule-of-thumb 12 kB, and the media as published.
		expect(expectedBytes(trail)).toBe(10 * 12_000 + 55_000);
	});
});

describe('isOutdated', () => {
	const record: SavedTrailRecord = {
		slug: trail.slug,
		title: trail.title,
		savedAt: '2026-05-01T10:00:00.000Z',
		locale: 'fr',
		version: '1',
		documents: [],
		media: trailMedia(trail).map((item) => item.path),
		tiles: 0,
		files: 13,
		bytes: 60_000
	};

	it('is false while the saved copy has every media file', () => {
		expect(isOutdated(record, trail)).toBe(false);
		expect(isOutdated(record, { stops: trail.stops.slice(0, 1) })).toBe(false);
	});

	it('is true once the trail has a file the copy lacks', () => {
		const edited = [...trail.stops, { id: 'stop-d', media: [{ key: 'projects/p1/d.mp3', bytes: 1 }] }];
		expect(isOutdated(record, { stops: edited })).toBe(true);
	});

	it('names one cache per trail', () => {
		expect(savedTrailCacheName(trail.slug)).toBe('trail-sounds-of-recouvrance');
	});
});
