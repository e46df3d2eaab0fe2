import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { labelSheet } from '$lib/server/lending/inventory/labels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = app();
	try {
		return {
			labels: await labelSheet(db, locals.actor, { unit: url.searchParams.getAll('unit') }, settings.origin)
		};
	} catch (problem) {
		pageFailure(problem);
	}
};
