import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listUnitsForLabels } from '$lib/server/lending/inventory/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		return await listUnitsForLabels(app().db, locals.actor, {
			site: url.searchParams.get('site') || undefined,
			model: url.searchParams.get('model') || undefined
		});
	} catch (problem) {
		pageFailure(problem);
	}
};
