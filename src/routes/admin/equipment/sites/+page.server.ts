import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listSites } from '$lib/server/lending/inventory/sites';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { sites: await listSites(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};
