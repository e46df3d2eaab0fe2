import { app } from '$lib/server/app';
import { trailsToGeoJson } from '$lib/server/trails/geo/export';
import { allPublishedTrails, exportTrailOf } from '$lib/server/trails/public-trails';
import type { RequestHandler } from './$types';

/** Every published trail and its stops, RFC 7946. Open data: no sign-in. */
export const GET: RequestHandler = async () => {
	const { db, settings } = app();
	const trails = await allPublishedTrails(db);
	return new Response(
		JSON.stringify(trailsToGeoJson(trails.map((found) => exportTrailOf(settings.origin, found)))),
		{
			headers: {
				'content-type': 'application/geo+json; charset=utf-8',
				'cache-control': 'public, max-age=300',
				'access-control-allow-origin': '*'
			}
		}
	);
};
