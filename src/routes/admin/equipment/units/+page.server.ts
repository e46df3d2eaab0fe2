import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import { createUnit, listUnits } from '$lib/server/lending/inventory/units';
import { lendingContext } from '$lib/server/request';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		return await listUnits(app().db, locals.actor, {
			site: url.searchParams.get('site') || undefined,
			model: url.searchParams.get('model') || undefined,
			status: url.searchParams.get('status') || undefined,
			q: url.searchParams.get('q') || undefined
		});
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		let id: string;
		try {
			id = await createUnit(app().db, locals.actor, fields, lendingContext());
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/admin/equipment/units/${id}?created=1`);
	}
};
