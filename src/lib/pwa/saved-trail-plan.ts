// What "save for offline" keeps of a trail, and where; shared by the page and the service worker.

export const SAVED_TRAIL_CACHE_PREFIX = 'trail-';
export const savedTrailCacheName = (slug: string) => `${SAVED_TRAIL_CACHE_PREFIX}${slug}`;

/** The key of a saved trail's record inside its cache: no address the server answers. */
export const SAVED_TRAIL_RECORD_PATH = '/__saved-trail.json';

/** The fields of a published trail that saving needs. */
export type TrailToSave = {
	slug: string;
	title: string;
	stops: { id: string; media: { key: string; bytes: number }[] }[];
};

/** A page of the trail; optional ones may not exist (a 404 is skipped, not a failure). */
export type TrailDocument = { path: string; optional: boolean };

/** Written last, so a trail counts as saved only once everything in it is stored. */
export type SavedTrailRecord = {
	slug: string;
	title: string;
	savedAt: string;
	/** The language its pages were saved in, to fetch them again in the same one. */
	locale: string;
	/** The app version whose assets its pages load; another version saves them again. */
	version: string;
	documents: string[];
	media: string[];
	tiles: number;
	files: number;
	bytes: number;
};

/** The address SvelteKit loads a page's data from (without its query, which varies). */
export const pageDataPath = (path: string) => `${path.replace(/\/$/, '')}/__data.json`;

/**
 * How a saved page is fetched: as a signed-out visitor in the reader's language. The copy outlives
 * a sign-out on a shared phone, so it must hold nobody's name.
 */
export const asVisitor = (path: string, locale: string): RequestInit => ({
	credentials: 'omit',
	headers: {
		accept: path.endsWith('/__data.json') ? 'application/json' : 'text/html',
		'accept-language': locale
	}
});

/** The trail page, the walking page and each stop's page, each with its data. */
export function trailDocuments(trail: Pick<TrailToSave, 'slug' | 'stops'>): TrailDocument[] {
	const base = `/trails/${trail.slug}`;
	const pages: TrailDocument[] = [
		{ path: base, optional: false },
		// The walking page is newer than some deployments: saved when it is there.
		{ path: `${base}/walk`, optional: true },
		...trail.stops.map((stop) => ({ path: `${base}/stops/${stop.id}`, optional: false }))
	];
	return pages.flatMap((page) => [page, { path: pageDataPath(page.path), optional: page.optional }]);
}

/** Every media file of the trail once, with the size it was published with. */
export function trailMedia(trail: Pick<TrailToSave, 'stops'>): { path: string; bytes: number }[] {
	const seen = new Map<string, number>();
	for (const stop of trail.stops) {
		for (const item of stop.media) seen.set(`/media/${item.key}`, item.bytes);
	}
	return [...seen].map(([path, bytes]) => ({ path, bytes }));
}

// A page or its data weighs about 11 kB on the demo trail (stop pages carry their QR code).
const DOCUMENT_BYTES = 12_000;

/** What saving will download, roughly: the media as published, and the pages by rule of thumb. */
export const expectedBytes = (trail: Pick<TrailToSave, 'slug' | 'stops'>) =>
	trailDocuments(trail).length * DOCUMENT_BYTES +
	trailMedia(trail).reduce((sum, item) => sum + item.bytes, 0);

/** Whether a saved copy lacks media the trail has now (edits approved since it was saved). */
export function isOutdated(record: SavedTrailRecord, trail: Pick<TrailToSave, 'stops'>): boolean {
	const saved = new Set(record.media);
	return trailMedia(trail).some((item) => !saved.has(item.path));
}
