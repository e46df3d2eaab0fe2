import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listModerationQueue } from '$lib/server/trails/moderation-queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	try {
		return await listModerationQueue(app().db, locals.actor);
	} catch (problem) {
		pageFailure(problem);
	}
};
