import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import {
	applicantChoices,
	programmeToApply,
	startApplication
} from '$lib/server/institutes/applications/start-application';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		const context = app().institutes();
		const programme = await programmeToApply(
			app().db,
			context,
			locals.actor,
			url.searchParams.get('programme') ?? ''
		);
		return {
			programme: { slug: programme.slug, title: programme.title, closesAt: programme.closesAt },
			groups: await applicantChoices(app().db, locals.actor)
		};
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const fields = await readForm(request);
		let id: string;
		try {
			id = await startApplication(app().db, app().institutes(), locals.actor, fields);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		redirect(303, `/my/applications/${id}`);
	}
};
