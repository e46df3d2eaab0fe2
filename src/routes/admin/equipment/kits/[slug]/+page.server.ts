import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { getKitForEdit, updateKit } from '$lib/server/lending/inventory/kits';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			...(await getKitForEdit(app().db, locals.actor, params.slug)),
			created: url.searchParams.has('created')
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateKit(app().db, locals.actor, params.slug, fields, lendingContext());
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'saved' as const };
	}
};
