import { fail, redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { DomainError, TrainingRequired, Unavailable } from '$lib/server/errors';
import { parseInput, readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createBooking } from '$lib/server/lending/create-booking';
import { getEquipmentDetail } from '$lib/server/lending/detail';
import { bookingFormSchema } from '$lib/server/lending/schemas';
import { joinWaitlist } from '$lib/server/lending/waitlist';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { db, settings } = app();
	try {
		const detail = await getEquipmentDetail(db, params.slug, {
			timeZone: settings.timeZone,
			now: lendingContext().now()
		});
		return { detail, prefill: Object.fromEntries(url.searchParams) };
	} catch (problem) {
		pageFailure(problem);
	}
};

/** The form's date and time fields as the API's ISO instants, with errors on the form's own names. */
function requestFrom(fields: Record<string, string>, slug: string) {
	const parsed = parseInput(bookingFormSchema(app().settings.timeZone), { ...fields, equipment: slug });
	return { ...parsed, start: parsed.start.toISOString(), end: parsed.end.toISOString() };
}

function refused(problem: unknown, fields: Record<string, string>, form: string) {
	if (problem instanceof Unavailable) {
		return fail(409, { form, message: problem.message, alternatives: problem.alternatives, values: fields });
	}
	if (problem instanceof TrainingRequired) {
		return fail(403, { form, message: problem.message, module: problem.module, values: fields });
	}
	if (problem instanceof DomainError) return formFailure(problem, { ...fields, form });
	throw problem;
}

export const actions: Actions = {
	book: async ({ request, params, locals, url }) => {
		const fields = await readForm(request);
		if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
		let created;
		try {
			created = await createBooking(
				app().db,
				locals.actor,
				requestFrom(fields, params.slug),
				lendingContext()
			);
		} catch (problem) {
			return refused(problem, fields, 'book');
		}
		redirect(303, `/my/bookings/${created.id}?new=1`);
	},
	waitlist: async ({ request, params, locals, url }) => {
		const fields = await readForm(request);
		if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
		try {
			await joinWaitlist(app().db, locals.actor, requestFrom(fields, params.slug), lendingContext());
		} catch (problem) {
			return refused(problem, fields, 'waitlist');
		}
		return { done: 'waitlist' };
	}
};
