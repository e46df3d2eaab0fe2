import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { attributionOf, getPublishedTrail } from '$lib/server/trails/public-trails';
import { licenceOf } from '$lib/trails/licences';
import type { PageServerLoad } from './$types';

/**
 * Walking mode. Everything the page needs is in this data and the media under /media/, so a
 * trail saved for offline walks without the network.
 */
export const load: PageServerLoad = async ({ params }) => {
	const { db, settings } = app();
	try {
		const found = await getPublishedTrail(db, params.slug);
		return {
			slug: found.slug,
			title: found.trail.title,
			path: found.trail.path,
			stops: found.trail.stops,
			licence: licenceOf(found.project.licence),
			attribution: attributionOf(found),
			map: settings.map
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
