import { app } from '$lib/server/app';
import { apiFailure } from '$lib/server/api';
import { trailToGpx } from '$lib/server/trails/geo/export';
import { exportTrailOf, getPublishedTrail } from '$lib/server/trails/public-trails';
import type { RequestHandler } from './$types';

/** One published trail as GPX 1.1, its stops as waypoints in order. */
export const GET: RequestHandler = async ({ params }) => {
	const { db, settings } = app();
	try {
		const found = await getPublishedTrail(db, params.slug);
		return new Response(trailToGpx(exportTrailOf(settings.origin, found)), {
			headers: {
				'content-type': 'application/gpx+xml; charset=utf-8',
				'content-disposition': `attachment; filename="${found.slug}.gpx"`,
				'cache-control': 'public, max-age=300',
				'access-control-allow-origin': '*'
			}
		});
	} catch (problem) {
		return apiFailure(problem);
	}
};
