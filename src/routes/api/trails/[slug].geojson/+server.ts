import { app } from '$lib/server/app';
import { apiFailure } from '$lib/server/api';
import { trailsToGeoJson } from '$lib/server/trails/geo/export';
import { exportTrailOf, getPublishedTrail } from '$lib/server/trails/public-trails';
import type { RequestHandler } from './$types';

/** One published trail as GeoJSON (RFC 7946): its line and its stops. */
export const GET: RequestHandler = async ({ params }) => {
	const { db, settings } = app();
	try {
		const found = await getPublishedTrail(db, params.slug);
		return new Response(JSON.stringify(trailsToGeoJson([exportTrailOf(settings.origin, found)])), {
			headers: {
				'content-type': 'application/geo+json; charset=utf-8',
				'content-disposition': `attachment; filename="${found.slug}.geojson"`,
				'cache-control': 'public, max-age=300',
				'access-control-allow-origin': '*'
			}
		});
	} catch (problem) {
		return apiFailure(problem);
	}
};
