import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listMyApplications } from '$lib/server/institutes/applications/my-applications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { applications: await listMyApplications(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};
