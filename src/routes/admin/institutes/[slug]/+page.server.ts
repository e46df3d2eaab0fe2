import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { getInstituteForEdit, updateInstitute } from '$lib/server/institutes/programmes/manage-institutes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await getInstituteForEdit(app().db, locals.actor, params.slug);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateInstitute(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'saved' as const };
	}
};
