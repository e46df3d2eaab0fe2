import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { qrDataUrl } from '$lib/server/lending/booking-qr';
import { attributionOf, getPublishedTrail } from '$lib/server/trails/public-trails';
import { licenceOf } from '$lib/trails/licences';
import type { PageServerLoad } from './$types';

/** A stop's own page: what a QR code on a post in the street opens. */
export const load: PageServerLoad = async ({ params }) => {
	const { db, settings } = app();
	let found;
	try {
		found = await getPublishedTrail(db, params.slug);
	} catch (problem) {
		pageFailure(problem);
	}
	const index = found.trail.stops.findIndex((stop) => stop.id === params.id);
	const stop = found.trail.stops[index];
	if (!stop) error(404, m.stop_not_found());
	const link = `${settings.origin}/trails/${found.slug}/stops/${stop.id}`;
	return {
		slug: found.slug,
		trailTitle: found.trail.title,
		stop,
		number: index + 1,
		count: found.trail.stops.length,
		previous: found.trail.stops[index - 1]?.id ?? null,
		next: found.trail.stops[index + 1]?.id ?? null,
		link,
		qr: await qrDataUrl(link, 2),
		licence: licenceOf(found.project.licence),
		attribution: attributionOf(found)
	};
};
