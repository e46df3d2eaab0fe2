import { app } from '$lib/server/app';
import { formFailure, pageFailure } from '$lib/server/http';
import { approveRequest, rejectRequest } from '$lib/server/lending/desk/decide';
import { openDeskBooking } from '$lib/server/lending/desk/booking';
import { handOut } from '$lib/server/lending/desk/hand-out';
import { recordNoShow } from '$lib/server/lending/desk/no-show';
import { takeBack } from '$lib/server/lending/desk/take-back';
import { lendingContext } from '$lib/server/request';
import { readForm } from '$lib/server/forms';
import { readHandoverForm } from './handover-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await openDeskBooking(app().db, locals.actor, params.id, lendingContext());
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	approve: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await approveRequest(app().db, locals.actor, { bookingId: params.id }, lendingContext());
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'approved' as const };
	},
	reject: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await rejectRequest(app().db, locals.actor, { ...fields, bookingId: params.id }, lendingContext());
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'rejected' as const };
	},
	handOut: async ({ request, locals, params }) => {
		const form = await readHandoverForm(request);
		try {
			await handOut(app().db, locals.actor, { ...form.input, bookingId: params.id }, lendingContext());
		} catch (problem) {
			return formFailure(problem, form.fields);
		}
		return { done: 'handed_out' as const };
	},
	takeBack: async ({ request, locals, params }) => {
		const form = await readHandoverForm(request);
		try {
			await takeBack(app().db, locals.actor, { ...form.input, bookingId: params.id }, lendingContext());
		} catch (problem) {
			return formFailure(problem, form.fields);
		}
		return { done: 'returned' as const };
	},
	noShow: async ({ request, locals, params }) => {
		await readForm(request);
		try {
			await recordNoShow(app().db, locals.actor, { bookingId: params.id }, lendingContext());
		} catch (problem) {
			return formFailure(problem);
		}
		return { done: 'no_show' as const };
	}
};
