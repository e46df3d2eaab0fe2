import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVED_TRAIL_RECORD_PATH, type SavedTrailRecord } from './saved-trail-plan';
import { matchSavedTrail, refreshSavedTrailPages, savedMediaOrNetwork } from './saved-trails-worker';

// Workbox looks at the worker's global scope as it loads.
vi.hoisted(() => {
	(globalThis as { self?: unknown }).self ??= globalThis;
});

const ORIGIN = 'https://portal.test';
const keyOf = (request: Request | string) => {
	const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
	return url.origin + url.pathname;
};

/** Just enough of the Cache API: entries by address, the query ignored as the worker asks. */
class FakeCache {
	readonly entries = new Map<string, Response>();
	async match(request: Request | string) {
		return this.entries.get(keyOf(request))?.clone();
	}
	async put(request: Request | string, response: Response) {
		this.entries.set(keyOf(request), response);
	}
}

function fakeCaches(names: Record<string, FakeCache>) {
	return {
		keys: async () => Object.keys(names),
		open: async (name: string) => (names[name] ??= new FakeCache())
	};
}

const record: SavedTrailRecord = {
	slug: 'sounds-of-recouvrance',
	title: 'Sons de Recouvrance',
	savedAt: '2026-05-01T10:00:00.000Z',
	locale: 'en',
	version: 'old',
	documents: ['/trails/sounds-of-recouvrance', '/trails/sounds-of-recouvrance/__data.json'],
	media: ['/media/projects/p1/a.mp3'],
	tiles: 0,
	files: 3,
	bytes: 1234
};

let trail: FakeCache;
let tiles: FakeCache;

beforeEach(() => {
	trail = new FakeCache();
	tiles = new FakeCache();
	void trail.put('/trails/sounds-of-recouvrance', new Response('old page'));
	void trail.put('/trails/sounds-of-recouvrance/__data.json', new Response('{"old":true}'));
	void trail.put(
		'/media/projects/p1/a.mp3',
		new Response(new Uint8Array(1000).map((_, index) => index % 256))
	);
	void trail.put(SAVED_TRAIL_RECORD_PATH, Response.json(record));
	vi.stubGlobal('caches', fakeCaches({ 'trail-sounds-of-recouvrance': trail, 'map-tiles': tiles }));
});

afterEach(() => vi.unstubAllGlobals());

describe('matchSavedTrail', () => {
	it('finds a saved copy whatever the query, and only in saved trails', async () => {
		expect(
			await (
				await matchSavedTrail(`${ORIGIN}/trails/sounds-of-recouvrance/__data.json?x-sveltekit-invalidated=01`)
			)?.text()
		).toBe('{"old":true}');
		void tiles.put(`${ORIGIN}/elsewhere`, new Response('not a trail'));
		expect(await matchSavedTrail(`${ORIGIN}/elsewhere`)).toBeUndefined();
	});
});

describe('savedMediaOrNetwork', () => {
	it('cuts the asked range from the saved whole file', async () => {
		const response = await savedMediaOrNetwork(
			new Request(`${ORIGIN}/media/projects/p1/a.mp3`, { headers: { range: 'bytes=100-199' } })
		);
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(bytes.length).toBe(100);
		expect(bytes[0]).toBe(100);
	});

	it('answers a request without a range with the whole file, and others from the network', async () => {
		expect((await savedMediaOrNetwork(new Request(`${ORIGIN}/media/projects/p1/a.mp3`))).status).toBe(200);
		const network = vi.fn(async () => new Response('from the network'));
		vi.stubGlobal('fetch', network);
		const other = await savedMediaOrNetwork(new Request(`${ORIGIN}/media/projects/p1/other.mp3`));
		expect(await other.text()).toBe('from the network');
		expect(network).toHaveBeenCalledOnce();
	});
});

describe('refreshSavedTrailPages', () => {
	it('fetches the pages again as a signed-out visitor in the saved language, under a new version', async () => {
		const network = vi.fn(async (path: string) => new Response(`new ${path}`));
		vi.stubGlobal('fetch', network);
		await refreshSavedTrailPages('new');
		expect(network).toHaveBeenCalledTimes(2);
		const [path, init] = network.mock.calls[0] as unknown as [string, RequestInit];
		expect(path).toBe('/trails/sounds-of-recouvrance');
		expect(init).toMatchObject({
			credentials: 'omit',
			headers: { accept: 'text/html', 'accept-language': 'en' }
		});
		expect(await (await trail.match('/trails/sounds-of-recouvrance'))?.text()).toBe(
			'new /trails/sounds-of-recouvrance'
		);
		expect(((await (await trail.match(SAVED_TRAIL_RECORD_PATH))?.json()) as SavedTrailRecord).version).toBe(
			'new'
		);
	});

	it('changes nothing when one page cannot be fetched, nor when the version is the same', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async (path: string) => new Response('', { status: path.endsWith('.json') ? 503 : 200 }))
		);
		await refreshSavedTrailPages('new');
		expect(await (await trail.match('/trails/sounds-of-recouvrance'))?.text()).toBe('old page');

		const network = vi.fn();
		vi.stubGlobal('fetch', network);
		await refreshSavedTrailPages('old');
		expect(network).not.toHaveBeenCalled();
	});
});
