import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { acceptInvitation, readInvitation } from '$lib/server/groups/invitations';
import { formFailure, pageFailure } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// The link arrives by mail: a visitor signs in (or signs up) first and comes back here.
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	try {
		return await readInvitation(app().db, app().trails(), locals.actor, params.token);
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	accept: async ({ locals, params }) => {
		let slug: string;
		try {
			slug = await acceptInvitation(app().db, app().trails(), locals.actor, params.token);
		} catch (problem) {
			return formFailure(problem);
		}
		redirect(303, `/groups/${slug}`);
	}
};
