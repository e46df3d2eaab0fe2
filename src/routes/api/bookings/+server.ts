import { json } from '@sveltejs/kit';
import { apiFailure, queryOf, readJson } from '$lib/server/api';
import { app } from '$lib/server/app';
import { NotSignedIn } from '$lib/server/errors';
import { bookingJson } from '$lib/server/lending/booking-json';
import { createBooking } from '$lib/server/lending/create-booking';
import { listBookings } from '$lib/server/lending/my-bookings';
import { lendingContext } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	try {
		const scope = queryOf(url).scope === 'all' ? 'all' : 'mine';
		return json((await listBookings(app().db, locals.actor, scope)).map(bookingJson));
	} catch (problem) {
		return apiFailure(problem);
	}
};

export const POST: RequestHandler = async ({ locals, request }) => {
	try {
		// Signed out is answered before the body is even read.
		if (!locals.actor) throw new NotSignedIn();
		const created = await createBooking(app().db, locals.actor, await readJson(request), lendingContext());
		return json(created, { status: 201, headers: { location: `/api/bookings/${created.id}` } });
	} catch (problem) {
		return apiFailure(problem);
	}
};
