import { redirect } from '@sveltejs/kit';
import { app } from '$lib/server/app';
import { readFormData } from '$lib/server/forms';
import { getGroupPage } from '$lib/server/groups/group-page';
import { formFailure, pageFailure } from '$lib/server/http';
import { projectFields, projectValues } from '$lib/server/trails/project-form';
import { createProject } from '$lib/server/trails/projects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.actor) redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	try {
		const page = await getGroupPage(app().db, locals.actor, params.slug);
		return { group: { slug: page.group.slug, name: page.group.name }, canEdit: page.canEdit };
	} catch (problem) {
		pageFailure(problem);
	}
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const fields = projectFields(await readFormData(request));
		let slug: string;
		try {
			slug = await createProject(app().db, locals.actor, params.slug, fields);
		} catch (problem) {
			return formFailure(problem, projectValues(fields));
		}
		redirect(303, `/projects/${slug}/edit`);
	}
};
