import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { findBookingToOpen } from '$lib/server/lending/desk/booking';
import { looksLikeBookingCode } from '$lib/lending/booking-code-format';
import { deskToday } from '$lib/server/lending/desk/today';
import { lendingContext } from '$lib/server/request';
import type { PageServerLoad } from './$types';

/** `?code=` comes from a resident's booking QR, `?tag=` from a unit's asset label. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db } = app();
	const code = url.searchParams.get('code')?.slice(0, 40) ?? '';
	const tag = url.searchParams.get('tag')?.slice(0, 60) ?? '';
	const typed = url.searchParams.get('q')?.slice(0, 100) ?? '';
	try {
		if (code || tag) {
			const id = await findBookingToOpen(db, locals.actor, { code, tag }, lendingContext());
			if (id) redirect(303, `/admin/desk/bookings/${id}`);
		} else if (looksLikeBookingCode(typed)) {
			// A code typed in the search box opens its booking, as a scanned one does.
			const id = await findBookingToOpen(db, locals.actor, { code: typed }, lendingContext());
			if (id) redirect(303, `/admin/desk/bookings/${id}`);
		}
		const day = await deskToday(
			db,
			locals.actor,
			{ site: url.searchParams.get('site') ?? undefined, q: url.searchParams.get('q') ?? (code || tag) },
			lendingContext()
		);
		return { ...day, unmatched: code || tag };
	} catch (problem) {
		pageFailure(problem);
	}
};
