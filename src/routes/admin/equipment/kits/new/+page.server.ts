import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createKit, newKitChoices } from '$lib/server/lending/inventory/kits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await newKitChoices(app().db, locals.actor);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		let slug: string;
		try {
			slug = await createKit(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/admin/equipment/kits/${slug}?created=1`);
	}
};
