import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listModels } from '$lib/server/lending/inventory/models';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { models: await listModels(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};
