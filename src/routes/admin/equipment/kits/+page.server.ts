import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listKits } from '$lib/server/lending/inventory/kits';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return { kits: await listKits(app().db, locals.actor) };
	} catch (problem) {
		pageFailure(problem);
	}
};
