import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { attributionOf, getPublishedTrail } from '$lib/server/trails/public-trails';
import { licenceOf } from '$lib/trails/licences';
import type { PageServerLoad } from './$types';

/** A published trail's map for other sites to frame: the map, the stops and where to read more. */
export const load: PageServerLoad = async ({ params }) => {
	const { db, settings } = app();
	try {
		const found = await getPublishedTrail(db, params.slug);
		return {
			slug: found.slug,
			title: found.trail.title,
			path: found.trail.path,
			stops: found.trail.stops.map((stop) => ({ id: stop.id, title: stop.title, position: stop.position })),
			licence: licenceOf(found.project.licence),
			attribution: attributionOf(found),
			origin: settings.origin,
			map: settings.map
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
