import { app } from '$lib/server/app';
import { listAuditEvents } from '$lib/server/audit/list';
import { pageFailure } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, settings } = app();
	try {
		return await listAuditEvents(db, locals.actor, Object.fromEntries(url.searchParams), settings.timeZone);
	} catch (problem) {
		pageFailure(problem);
	}
};
