import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createCategory, listCategories, updateCategory } from '$lib/server/lending/inventory/categories';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { categories: await listCategories(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			await createCategory(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: 'new' });
		}
		return { done: 'created' as const };
	},
	update: async ({ request, locals }) => {
		const fields = await readForm(request);
		try {
			await updateCategory(app().db, locals.actor, fields.slug ?? '', fields);
		} catch (problem) {
			return formFailure(problem, { ...fields, form: fields.slug ?? '' });
		}
		return { done: 'saved' as const };
	}
};
