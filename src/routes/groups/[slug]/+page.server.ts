import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { getGroupPage } from '$lib/server/groups/group-page';
import { leaveGroup } from '$lib/server/groups/members';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await getGroupPage(app().db, locals.actor, params.slug);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	leave: async ({ locals, params }) => {
		try {
			await leaveGroup(app().db, locals.actor, params.slug);
		} catch (problem) {
			return formFailure(problem);
		}
		redirect(303, '/my/groups');
	}
};
