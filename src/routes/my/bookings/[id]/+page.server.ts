import { app } from '$lib/server/app';
import { formFailure, pageFailure } from '$lib/server/http';
import { bookingQrDataUrl } from '$lib/server/lending/booking-qr';
import { cancelBooking, getBooking } from '$lib/server/lending/my-bookings';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { db, settings } = app();
	try {
		const booking = await getBooking(db, locals.actor, params.id);
		return {
			booking,
			qr: await bookingQrDataUrl(booking.code, settings.origin),
			justBooked: url.searchParams.has('new')
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	cancel: async ({ locals, params }) => {
		try {
			await cancelBooking(app().db, locals.actor, params.id, lendingContext());
		} catch (problem) {
			return formFailure(problem);
		}
		return { done: 'cancelled' };
	}
};
