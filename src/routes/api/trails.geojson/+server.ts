import { app } from '$lib/server/app';
import { publishedTrailsGeoJson } from '$lib/server/trails/geojson-cache';
import type { RequestHandler } from './$types';

/** Every published trail and its stops, RFC 7946. Open data: no sign-in. */
export const GET: RequestHandler = async ({ request }) => {
	const { db, settings } = app();
	const geojson = await publishedTrailsGeoJson(db, settings.origin);
	const etag = `"trails-${geojson.version}"`;
	const headers: Record<string, string> = {
		'content-type': 'application/geo+json; charset=utf-8',
		'cache-control': 'public, max-age=300',
		'access-control-allow-origin': '*',
		vary: 'Accept-Encoding',
		etag
	};
	if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	const accepted = request.headers.get('accept-encoding') ?? '';
	const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
	const body = encoding ? geojson[encoding] : geojson.identity;
	if (encoding) headers['content-encoding'] = encoding;
	return new Response(new Uint8Array(body), {
		headers: { ...headers, 'content-length': String(body.length) }
	});
};
