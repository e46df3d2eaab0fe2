import { error } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { NotFound } from '$lib/server/errors';
import { calendarForToken } from '$lib/server/lending/calendar-feed';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { db, settings } = app();
	try {
		const text = await calendarForToken(db, params.token, settings);
		return new Response(text, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="bookings.ics"',
				'cache-control': 'private, no-cache',
				// A secret address must not leak through the Referer of links inside it.
				'referrer-policy': 'no-referrer'
			}
		});
	} catch (problem) {
		if (problem instanceof NotFound) error(404, 'Not found');
		throw problem;
	}
};
