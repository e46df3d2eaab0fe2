import { json } from '@sveltejs/kit';
import { apiFailure } from '$lib/server/api';
import { app } from '$lib/server/app';
import { bookingJson } from '$lib/server/lending/booking-json';
import { cancelBooking, getBooking } from '$lib/server/lending/my-bookings';
import { lendingContext } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	try {
		return json(bookingJson(await getBooking(app().db, locals.actor, params.id)));
	} catch (problem) {
		return apiFailure(problem);
	}
};

export const DELETE: RequestHandler = async ({ locals, params }) => {
	try {
		return json(bookingJson(await cancelBooking(app().db, locals.actor, params.id, lendingContext())));
	} catch (problem) {
		return apiFailure(problem);
	}
};
