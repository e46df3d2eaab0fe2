import { getLocale } from '$lib/paraglide/runtime';
import { app } from '$lib/server/app';
import { listModules } from '$lib/server/learning/modules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	modules: await listModules(app().db, locals.actor, getLocale())
});
