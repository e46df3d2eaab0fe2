import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { getProjectPage } from '$lib/server/trails/project-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	try {
		return await getProjectPage(app().db, locals.actor, params.slug, url.searchParams.has('preview'));
	} catch (problem) {
		pageFailure(problem);
	}
};
