import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listProgrammesForAdmin } from '$lib/server/institutes/programmes/manage-programmes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return {
			...(await listProgrammesForAdmin(app().db, locals.actor)),
			timeZone: app().settings.timeZone
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
