import { app } from '$lib/server/app';
import { readForm } from '$lib/server/forms';
import { formFailure, pageFailure } from '$lib/server/http';
import {
	getProgrammeForEdit,
	setProgrammePublished,
	updateProgramme
} from '$lib/server/institutes/programmes/manage-programmes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	try {
		return await getProgrammeForEdit(app().db, locals.actor, params.slug, app().settings);
	} catch (problem) {
		pageFailure(problem);
	}
};

async function publication(actor: App.Locals['actor'], slug: string, published: boolean) {
	try {
		await setProgrammePublished(app().db, actor, slug, published);
	} catch (problem) {
		return formFailure(problem);
	}
	return { done: published ? ('published' as const) : ('unpublished' as const) };
}

export const actions: Actions = {
	update: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		try {
			await updateProgramme(app().db, locals.actor, params.slug, fields, app().settings);
		} catch (problem) {
			return formFailure(problem, fields);
		}
		return { done: 'saved' as const };
	},
	publish: async ({ locals, params }) => publication(locals.actor, params.slug, true),
	unpublish: async ({ locals, params }) => publication(locals.actor, params.slug, false)
};
