import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { createGroup } from '$lib/server/groups/create-group';
import { listMyGroups } from '$lib/server/groups/group-page';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { groups: await listMyGroups(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const fields = await readForm(request);
		let slug: string;
		try {
			slug = await createGroup(app().db, locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/groups/${slug}`);
	}
};
