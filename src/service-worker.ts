/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { FORGET_PAGES, KEEP_PAGE } from '$lib/pwa/personal-pages';
import {
	refreshSavedTrailPages,
	savedMediaOrNetwork,
	savedTrailFallback
} from '$lib/pwa/saved-trails-worker';

declare const self: ServiceWorkerGlobalScope;

const OFFLINE_PAGE = '/offline';
const PAGES_CACHE = `pages-${version}`;

// Audio and video stay out of the precache: players ask for byte ranges (seeking on phones needs
// them), which the precache cannot answer, and nobody should download every clip on install.
const isMedia = (url: string) => /\.(ogg|opus|mp3|m4a|webm|mp4)$/i.test(url);

// The built app, static files and the offline page, all versioned by this build.
precacheAndRoute([
	...build.map((url) => ({ url, revision: null })),
	...files
		.filter((url) => !url.endsWith('.DS_Store') && !isMedia(url))
		.map((url) => ({ url, revision: version })),
	...prerendered.map((url) => ({ url, revision: version }))
]);
cleanupOutdatedCaches();

// Pages: the network first, so nobody reads stale bookings; what was seen stays readable offline.
// Never kept: staff pages (the outbox shows live sign-in links), reset links, the API and the private
// files attached to applications. Offline, they get the offline page like any page not seen yet.
// Trails saved for offline (their own `trail-<slug>` caches, never dropped on sign-out or update)
// answer when this cache has no copy. Network first for them too: online, a walker sees the
// trail as published now, and a bad connection costs at most the network timeout.
const NOT_KEPT = ['/admin', '/reset-password', '/api/', '/applications/attachments/'];
const isPageVisit = (request: Request, url: URL) =>
	request.mode === 'navigate' && url.origin === self.location.origin;
const isKept = (url: URL) => !NOT_KEPT.some((prefix) => url.pathname.startsWith(prefix));

registerRoute(
	({ request, url }) => isPageVisit(request, url) && isKept(url),
	new NetworkFirst({
		cacheName: PAGES_CACHE,
		networkTimeoutSeconds: 4,
		// Pages vary by cookie and language; offline, the copy this phone saw is the right one
		// (copies are dropped on sign-out), including those kept by `keepPage` below.
		matchOptions: { ignoreVary: true },
		plugins: [new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 14 * 24 * 3600 }), savedTrailFallback]
	})
);
registerRoute(({ request, url }) => isPageVisit(request, url) && !isKept(url), new NetworkOnly());

// The data of in-app navigations, kept beside the pages so that a link followed offline to a page
// seen before still opens. Its address carries a varying query: the cache keys on the path alone.
// The app always adds `x-sveltekit-invalidated`; saving a trail asks without it, for the network's
// signed-out answer and not a copy kept here.
const isPageData = (url: URL) =>
	url.origin === self.location.origin &&
	url.pathname.endsWith('/__data.json') &&
	url.searchParams.has('x-sveltekit-invalidated') &&
	isKept(url);
registerRoute(
	({ request, url }) => request.method === 'GET' && isPageData(url),
	new NetworkFirst({
		cacheName: PAGES_CACHE,
		networkTimeoutSeconds: 4,
		matchOptions: { ignoreVary: true },
		plugins: [
			{ cacheKeyWillBeUsed: async ({ request }) => new URL(request.url).pathname },
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 14 * 24 * 3600 }),
			savedTrailFallback
		]
	})
);

// Trail media: from a saved trail when there is one (with the byte ranges players ask for),
// else from the network, whose answers the browser's HTTP cache keeps (immutable, a year).
const isProjectMedia = (url: URL) =>
	url.origin === self.location.origin && url.pathname.startsWith('/media/projects/');
registerRoute(
	({ request, url }) => request.method === 'GET' && isProjectMedia(url),
	({ request }) => savedMediaOrNetwork(request)
);

// Map tiles the browser has drawn, kept for the next visit and for offline; those of a saved trail
// (prefetched from a tile server the city runs) answer first. The CSP lets pages load images only
// from this origin and the configured tile server, so a cross-origin image is that server's tile.
const isMapTile = (request: Request, url: URL) =>
	request.destination === 'image' &&
	url.origin !== self.location.origin &&
	/\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/i.test(url.pathname);
registerRoute(
	({ request, url }) => isMapTile(request, url),
	new CacheFirst({
		cacheName: 'map-tiles',
		plugins: [
			// About 20 MB of tiles: a few neighbourhoods at street zoom. Stale tiles beat no map offline.
			new ExpirationPlugin({ maxEntries: 1000, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
			savedTrailFallback
		]
	})
);

setCatchHandler(async ({ request }) => {
	if (request.destination === 'document') {
		return (await matchPrecache(OFFLINE_PAGE)) ?? Response.error();
	}
	return Response.error();
});

async function deletePageCaches(keep?: string) {
	const names = await caches.keys();
	await Promise.all(
		names.filter((name) => name.startsWith('pages-') && name !== keep).map((name) => caches.delete(name))
	);
}

async function keepPage(path: unknown) {
	if (typeof path !== 'string' || !path.startsWith('/')) return;
	const url = new URL(path, self.location.origin);
	if (url.origin !== self.location.origin || !isKept(url)) return;
	const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
	if (response.ok && !response.redirected) await (await caches.open(PAGES_CACHE)).put(url.pathname, response);
}

self.addEventListener('message', (event) => {
	if (event.data?.type === FORGET_PAGES) event.waitUntil(deletePageCaches());
	if (event.data?.type === KEEP_PAGE) event.waitUntil(keepPage(event.data.path).catch(() => {}));
});

// Pages saved by an older version point at its assets, which the precache has just dropped. Saved
// trails are fetched again instead (pages only, a few seconds at most, and only after an update).
self.addEventListener('activate', (event) =>
	event.waitUntil(Promise.all([deletePageCaches(PAGES_CACHE), refreshSavedTrailPages(version)]))
);

// A new version takes over at once; the page reloads itself on its next navigation.
self.addEventListener('install', () => void self.skipWaiting());
clientsClaim();
