import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { getInstitutePage } from '$lib/server/institutes/programmes/public-programmes';
import { can } from '$lib/server/auth/permissions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db, settings } = app();
	try {
		return {
			...(await getInstitutePage(db, params.slug, app().institutes().now())),
			canManage: can(locals.actor, 'institutes.manage'),
			timeZone: settings.timeZone
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
