import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { getUnit, updateUnit } from '$lib/server/lending/inventory/units';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return {
			...(await getUnit(app().db, locals.actor, params.id)),
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
			const outcome = await updateUnit(
				app().db,
				locals.actor,
				{ ...fields, id: params.id },
				lendingContext()
			);
			return { saved: true, ...outcome };
		} catch (problem) {
			return formFailure(problem, fields);
		}
	}
};
