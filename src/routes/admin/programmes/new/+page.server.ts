import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createProgramme, programmeChoices } from '$lib/server/institutes/programmes/manage-programmes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await programmeChoices(app().db, locals.actor);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		let slug: string;
		try {
			slug = await createProgramme(app().db, locals.actor, fields, app().settings);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/admin/programmes/${slug}/form?created=1`);
	}
};
