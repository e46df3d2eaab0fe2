import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createModel, newModelChoices } from '$lib/server/lending/inventory/models';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await newModelChoices(app().db, locals.actor);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		let slug: string;
		try {
			slug = await createModel(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/admin/equipment/models/${slug}?created=1`);
	}
};
