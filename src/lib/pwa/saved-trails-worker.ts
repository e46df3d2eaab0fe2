// The service worker's side of "save for offline": finding saved copies and keeping them usable.
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { createPartialResponse } from 'workbox-range-requests';
import {
	asVisitor,
	SAVED_TRAIL_CACHE_PREFIX,
	SAVED_TRAIL_RECORD_PATH,
	type SavedTrailRecord
} from './saved-trail-plan';

async function savedTrailCaches(): Promise<Cache[]> {
	const names = (await caches.keys()).filter((name) => name.startsWith(SAVED_TRAIL_CACHE_PREFIX));
	return Promise.all(names.map((name) => caches.open(name)));
}

/** A saved trail's copy of an address (page data is asked for with a varying query). */
export async function matchSavedTrail(request: Request | string): Promise<Response | undefined> {
	for (const cache of await savedTrailCaches()) {
		const found = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
		if (found) return found;
	}
	return undefined;
}

/**
 * For a strategy with a cache of its own: where that cache has nothing (or only something
 * expired), the copy of a saved trail answers — on a network error as on a network timeout.
 */
export const savedTrailFallback: WorkboxPlugin = {
	cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
		cachedResponse ?? (await matchSavedTrail(request)) ?? null
};

/**
 * Media of saved trails from the phone, other media from the network. Keys are never reused, so
 * a saved file never goes stale; players ask for byte ranges, cut here from the whole file.
 */
export async function savedMediaOrNetwork(request: Request): Promise<Response> {
	const saved = await matchSavedTrail(request);
	if (!saved) return fetch(request);
	return request.headers.has('range') ? createPartialResponse(request, saved) : saved;
}

/**
 * Saved pages load the assets of the version that saved them, which a new version's precache
 * drops: fetch them again, all of a trail or none (a page of one version with data of another
 * could break), while the network is there. Media need nothing: they never change.
 */
export async function refreshSavedTrailPages(version: string, timeoutMs = 5000): Promise<void> {
	await Promise.all(
		(await savedTrailCaches()).map((cache) => refreshOne(cache, version, timeoutMs).catch(() => {}))
	);
}

async function refreshOne(cache: Cache, version: string, timeoutMs: number): Promise<void> {
	const record = (await (await cache.match(SAVED_TRAIL_RECORD_PATH))?.json()) as SavedTrailRecord | undefined;
	if (!record || record.version === version) return;
	const fetched = await Promise.all(
		record.documents.map(async (path) => {
			const response = await fetch(path, {
				...asVisitor(path, record.locale),
				signal: AbortSignal.timeout(timeoutMs)
			});
			return response.status === 200 && !response.redirected ? { path, response } : null;
		})
	);
	if (fetched.some((entry) => entry === null)) return;
	await Promise.all(fetched.map((entry) => entry && cache.put(entry.path, entry.response)));
	await cache.put(SAVED_TRAIL_RECORD_PATH, Response.json({ ...record, version }));
}
