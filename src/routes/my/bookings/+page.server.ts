import { app } from '$lib/server/app';
import { formFailure, pageFailure } from '$lib/server/http';
import { calendarTokenOf, regenerateCalendarToken } from '$lib/server/lending/calendar-feed';
import { listBookings, splitByTime } from '$lib/server/lending/my-bookings';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { db, settings } = app();
	try {
		const bookings = await listBookings(db, locals.actor);
		const token = await calendarTokenOf(db, locals.actor);
		return {
			...splitByTime(bookings, lendingContext().now()),
			calendarUrl: `${settings.origin}/calendar/${token}.ics`
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	regenerateCalendar: async ({ locals }) => {
		try {
			await regenerateCalendarToken(app().db, locals.actor);
		} catch (problem) {
			return formFailure(problem);
		}
		return { done: 'calendar' };
	}
};
