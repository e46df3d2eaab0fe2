import { app } from '$lib/server/app';
import { pageFailure } from '$lib/server/http';
import { listApplicationQueue } from '$lib/server/institutes/review/queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	try {
		const queue = await listApplicationQueue(app().db, locals.actor, Object.fromEntries(url.searchParams));
		return { ...queue, now: app().institutes().now() };
	} catch (problem) {
		pageFailure(problem);
	}
};
